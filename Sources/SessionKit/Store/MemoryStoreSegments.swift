/// The memory store's two LRU lists (a segmented LRU): records threaded through the slab by
/// their `prev`/`next` links, one list per segment, each with its ends and length.
///
/// New records enter probation; a use after creation moves a record to protected's head, and
/// when that makes protected exceed its capacity, protected's least recently used record goes
/// back to probation's head (it keeps a second chance over records that never came back).
/// Eviction takes probation's tail first. Every operation is O(1) and allocates nothing.
extension MemorySessionStore {
    /// SLRU segments: new records wait in probation; records used again move to protected.
    enum Segment: UInt8 {
        case probation
        case protected
    }

    /// One LRU list's ends and length.
    struct ListEnds {
        /// Most recently used.
        var head: UInt32 = State.none
        /// Least recently used: the segment's eviction (or demotion) candidate.
        var tail: UInt32 = State.none
        var count = 0
    }
}

extension MemorySessionStore.State {
    typealias Segment = MemorySessionStore.Segment
    typealias ListEnds = MemorySessionStore.ListEnds

    func ends(_ segment: Segment) -> ListEnds {
        segment == .probation ? probation : protected
    }

    mutating func setEnds(_ segment: Segment, _ ends: ListEnds) {
        if segment == .probation { probation = ends } else { protected = ends }
    }

    /// A use after creation: to protected's head (promoting from probation, and demoting
    /// protected's least recently used to probation's head when that overfills it).
    mutating func use(_ slot: UInt32) {
        slots[Int(slot)].cameBack = true
        if slots[Int(slot)].segment == .protected {
            guard protected.head != slot else { return }
            unlink(slot)
            linkAtHead(slot, .protected)
            return
        }
        unlink(slot)
        linkAtHead(slot, .protected)
        if protected.count > protectedCapacity {
            let demoted = protected.tail
            unlink(demoted)
            linkAtHead(demoted, .probation)
        }
    }

    mutating func linkAtHead(_ slot: UInt32, _ segment: Segment) {
        var e = ends(segment)
        slots[Int(slot)].prev = e.head
        slots[Int(slot)].next = Self.none
        slots[Int(slot)].segment = segment
        if e.head != Self.none { slots[Int(e.head)].next = slot }
        e.head = slot
        if e.tail == Self.none { e.tail = slot }
        e.count += 1
        setEnds(segment, e)
    }

    mutating func unlink(_ slot: UInt32) {
        let segment = slots[Int(slot)].segment
        var e = ends(segment)
        let prev = slots[Int(slot)].prev
        let next = slots[Int(slot)].next
        if prev != Self.none { slots[Int(prev)].next = next } else { e.tail = next }
        if next != Self.none { slots[Int(next)].prev = prev } else { e.head = prev }
        e.count -= 1
        setEnds(segment, e)
    }

    /// A segment's keys from least to most recently used (tests).
    func keys(in segment: Segment) -> [MemorySessionStore.Key] {
        var out: [MemorySessionStore.Key] = []
        var i = ends(segment).tail
        while i != Self.none {
            out.append(slots[Int(i)].key)
            i = slots[Int(i)].next
        }
        return out
    }
}
