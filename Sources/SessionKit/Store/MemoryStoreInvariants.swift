/// The memory store's internal invariants, checked by tests after every step of random runs:
/// the index, the slab, both LRU segments, the free list and the expiry heap agree.
extension MemorySessionStore.State {
    func invariantViolation() -> String? {
        let live = index.count
        if heap.count != live { return "heap has \(heap.count) entries for \(live) records" }
        for entry in index.occupied {
            let slot = entry.slot
            let s = slots[Int(slot)]
            guard let record = s.record else { return "indexed slot \(slot) is free" }
            if s.key.w0 != entry.word { return "slot \(slot) holds another key" }
            if lookup(s.key) != slot { return "slot \(slot)'s key does not find it" }
            let h = Int(s.heapIndex)
            if h >= heap.count || heap[h].slot != slot { return "slot \(slot) heap index wrong" }
            if heap[h].expiresAt != record.expiresAt { return "slot \(slot) heap expiry stale" }
        }
        for i in heap.indices.dropFirst() where heap[(i - 1) / 2].expiresAt > heap[i].expiresAt {
            return "heap order broken at \(i)"
        }
        var forward = 0
        for segment in [MemorySessionStore.Segment.probation, .protected] {
            let e = ends(segment)
            var n = 0
            var i = e.tail
            var previous = Self.none
            while i != Self.none {
                n += 1
                if n > live { return "\(segment) list has a cycle" }
                if slots[Int(i)].record == nil { return "\(segment) list holds a free slot" }
                if slots[Int(i)].segment != segment { return "slot \(i) on the \(segment) list says otherwise" }
                if slots[Int(i)].prev != previous { return "\(segment) back link broken at \(i)" }
                previous = i
                i = slots[Int(i)].next
            }
            if previous != e.head { return "\(segment) head is not the list's end" }
            if n != e.count { return "\(segment) list has \(n) entries, counted \(e.count)" }
            forward += n
        }
        if protected.count > protectedCapacity { return "protected holds \(protected.count) > \(protectedCapacity)" }
        if forward != live { return "LRU lists have \(forward) entries for \(live) records" }
        var i: UInt32
        var free = 0
        i = freeHead
        while i != Self.none {
            free += 1
            if free > slots.count { return "free list has a cycle" }
            if slots[Int(i)].record != nil { return "free list holds a live slot" }
            i = slots[Int(i)].next
        }
        if free + live != slots.count { return "\(slots.count - free - live) slots leaked" }
        return nil
    }
}

/// What tests and capacity planning read of the store.
extension MemorySessionStore {
    /// Bytes the store's own bookkeeping occupies per record, from container capacities and element
    /// strides (not counting the session data's heap storage). For tests and capacity planning.
    var bookkeepingBytesPerRecord: Double {
        state.withLock { s in
            guard s.index.count > 0 else { return 0 }
            let index = s.index.bucketCount * MemoryLayout<MemoryStoreIndex.Entry>.stride
            let slab = s.slots.capacity * MemoryLayout<Slot>.stride
            let heap = s.heap.capacity * MemoryLayout<HeapEntry>.stride
            return Double(index + slab + heap) / Double(s.index.count)
        }
    }

    /// Checks every internal invariant; returns a description of the first violation, or nil.
    func invariantViolation() -> String? {
        state.withLock { $0.invariantViolation() }
    }

    /// Storage keys in eviction order, expiry aside (tests only): probation from least to most
    /// recently used, then protected from least to most recently used.
    func keysByRecency() -> [SessionStorageKey] {
        let (probation, protected) = keysBySegment()
        return probation + protected
    }

    /// Each segment's keys from least to most recently used (tests only).
    func keysBySegment() -> (probation: [SessionStorageKey], protected: [SessionStorageKey]) {
        state.withLock { s in (s.keys(in: .probation), s.keys(in: .protected)) }
    }
}
