import Synchronization

/// A server-side session store in this process's memory: for development, tests and single-process
/// deployments (sessions are lost on restart and not shared between processes).
///
/// - Every operation runs synchronously under one lock, so `apply` is atomic: it merges the change
///   set into the record stored *now*, and parallel applies to one key behave as if serial.
///   `move` (regenerate) merges, re-keys and removes the old key in that same single lock hold.
/// - Bounded: at `maxSessions` records, creating one more evicts an expired record if there is
///   one, else the least recently used (`load`, `apply` and `create` count as use). Both choices
///   are O(1) / O(log n), never a scan: records live in a slab threaded by an intrusive
///   doubly-linked LRU list, and an indexed min-heap orders them by `expiresAt`.
/// - Expiry is enforced on `load` (at its `now`) and `apply` (at the change set's `now`): an
///   expired record is absent, and is removed when met. `sweep` removes expired records from the
///   top of the heap; `startPeriodicSweep(every:)` does that in the background.
///
/// Time: the store takes "now" from its callers (`load`'s `now`, the change set's `now`, a new
/// record's `lastAccessAt` for `create` and its eviction), so that it always agrees with the
/// engine's clock. `clock` is only read by `sweep(limit:)` and the periodic sweep; give the store
/// the engine's clock.
///
/// Memory: per session, one slab slot (the `SessionRecord`, the 32-byte key, LRU links and heap
/// position: 120 bytes), one 16-byte entry of the key → slot table (`MemoryStoreIndex`, at a
/// load factor of 3/8 to 3/4: 21 to 43 bytes) and one 16-byte heap entry: about 160 to 280
/// bytes with the containers' growth slack, beside the session data itself. The containers do
/// not shrink after mass deletions; `maxSessions` bounds them.
public final class MemorySessionStore: SessionStore, SweepableSessionStore, InspectableSessionStore,
    LastWriterWinsSessionStore
{
    /// The most records kept at once.
    public let maxSessions: Int
    /// Read by `sweep(limit:)` and the periodic sweep only (see the type's note on time).
    public let clock: SessionClock

    private let state: Mutex<State>

    public init(maxSessions: Int = 100_000, clock: SessionClock = .system) {
        precondition(maxSessions > 0, "maxSessions must be positive")
        precondition(UInt64(maxSessions) < UInt64(State.none), "maxSessions too large")
        self.maxSessions = maxSessions
        self.clock = clock
        self.state = Mutex(State())
    }

    // MARK: SessionStore

    public nonisolated(nonsending) func load(_ key: SessionStorageKey, now: Int64) async throws -> SessionRecord? {
        return state.withLock { s in s.load(key, now: now) }
    }

    public nonisolated(nonsending) func create(_ key: SessionStorageKey, record: SessionRecord) async throws -> Bool {
        let max = maxSessions
        return state.withLock { s in s.create(key, record: record, maxSessions: max) }
    }

    public nonisolated(nonsending) func apply(
        _ changes: SessionChangeSet, to key: SessionStorageKey
    ) async throws -> SessionRecord? {
        return state.withLock { s in s.apply(changes, to: key) }
    }

    /// Under the store's one lock, like `apply`: the merge, the new record and the removal of the
    /// old one are a single step for every other caller.
    public nonisolated(nonsending) func move(
        _ changes: SessionChangeSet, from old: SessionStorageKey, to new: SessionStorageKey
    ) async throws -> SessionRecord? {
        let (from, to) = (old, new)
        switch state.withLock({ s in s.move(changes, from: from, to: to) }) {
        case .moved(let record): return record
        case .gone: return nil
        case .collision: throw SessionStoreError(.conflict, "move: a live record already holds the new key")
        }
    }

    /// The merge-cost benchmark's baseline: the record replaces whatever is stored.
    package nonisolated(nonsending) func overwrite(_ key: SessionStorageKey, record: SessionRecord) async throws {
        let max = maxSessions
        state.withLock { s in s.overwrite(key, record: record, maxSessions: max) }
    }

    public nonisolated(nonsending) func delete(_ key: SessionStorageKey) async throws {
        state.withLock { s in
            if let slot = s.lookup(key) { s.remove(slot) }
        }
    }

    // MARK: SweepableSessionStore

    public nonisolated(nonsending) func sweep(now: Int64, limit: Int) async throws -> Int {
        sweepNow(now: now, limit: limit)
    }

    /// Removes at most `limit` records expired at the store clock's time.
    public nonisolated(nonsending) func sweep(limit: Int = .max) async throws -> Int {
        sweepNow(now: clock.unixSeconds, limit: limit)
    }

    /// Sweeps every `every` (at `clock`'s time, by default the store's), removing expired records
    /// in lock holds of at most `batch`, until the returned task is cancelled or the store is
    /// released. Same shape as `DirectorySessionStore.startPeriodicSweep`.
    @discardableResult
    public func startPeriodicSweep(
        every: Duration, batch: Int = 1_000, clock: SessionClock? = nil, priority: TaskPriority? = nil
    ) -> Task<Void, Never> {
        let batch = max(batch, 1)
        let clock = clock ?? self.clock
        return Task(priority: priority) { [weak self] in
            while !Task.isCancelled {
                do { try await Task.sleep(for: every) } catch { return }
                let now = clock.unixSeconds
                while !Task.isCancelled {
                    guard let store = self, store.sweepNow(now: now, limit: batch) == batch else { break }
                    await Task.yield()
                }
                if self == nil { return }
            }
        }
    }

    /// Removes expired records from the heap's top, taking the lock for at most 1,024 at a time
    /// so that a large sweep does not stall requests.
    private func sweepNow(now: Int64, limit: Int) -> Int {
        var removed = 0
        while removed < limit {
            let batch = min(limit - removed, 1_024)
            let n = state.withLock { s in
                var n = 0
                while n < batch, let top = s.heap.first, top.expiresAt <= now {
                    s.remove(top.slot)
                    n += 1
                }
                return n
            }
            removed += n
            if n < batch { break }
        }
        return removed
    }

    // MARK: InspectableSessionStore

    public nonisolated(nonsending) func count() async throws -> Int {
        state.withLock { $0.index.count }
    }

    public nonisolated(nonsending) func keys(limit: Int) async throws -> [SessionStorageKey] {
        guard limit > 0 else { return [] }
        return state.withLock { s in Array(s.slots.lazy.filter { $0.record != nil }.prefix(limit).map(\.key)) }
    }

    // MARK: Testing support

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

    /// Storage keys from least to most recently used (tests only).
    func keysByRecency() -> [SessionStorageKey] {
        state.withLock { s in
            var out: [SessionStorageKey] = []
            var i = s.tail
            while i != State.none {
                out.append(s.slots[Int(i)].key)
                i = s.slots[Int(i)].next
            }
            return out
        }
    }
}

// MARK: - Internals

extension MemorySessionStore {
    /// A storage key is its 32 digest bytes (no heap allocation).
    typealias Key = SessionStorageKey

    /// One record and its bookkeeping, in the slab.
    struct Slot {
        /// nil while the slot is on the free list.
        var record: SessionRecord?
        var key: Key
        /// Towards the least recently used; `State.none` at the tail.
        var prev: UInt32
        /// Towards the most recently used, or the next free slot; `State.none` at the end.
        var next: UInt32
        /// This record's position in `heap`.
        var heapIndex: UInt32
    }

    struct HeapEntry {
        var expiresAt: Int64
        var slot: UInt32
    }

    struct State {
        static let none = UInt32.max

        /// Key → slot.
        var index = MemoryStoreIndex()
        var slots: [Slot] = []
        var freeHead: UInt32 = none
        /// Most recently used.
        var head: UInt32 = none
        /// Least recently used: the eviction candidate.
        var tail: UInt32 = none
        /// Min-heap on `expiresAt`; every stored record has exactly one entry.
        var heap: [HeapEntry] = []

        // MARK: Operations

        func lookup(_ key: Key) -> UInt32? {
            index.find(key) { slots[Int($0)].key }
        }

        mutating func load(_ key: Key, now: Int64) -> SessionRecord? {
            guard let slot = lookup(key), let record = slots[Int(slot)].record else { return nil }
            if record.isExpired(at: now) {
                remove(slot)
                return nil
            }
            touch(slot)
            return record
        }

        mutating func create(_ key: Key, record: SessionRecord, maxSessions: Int) -> Bool {
            let now = record.lastAccessAt
            if let slot = lookup(key) {
                guard let existing = slots[Int(slot)].record, existing.isExpired(at: now) else {
                    return false
                }
                // Replaces an expired record in place.
                slots[Int(slot)].record = record
                updateExpiry(slot, record.expiresAt)
                touch(slot)
                return true
            }
            if index.count >= maxSessions { evictOne(now: now) }
            insert(key, record)
            return true
        }

        mutating func overwrite(_ key: Key, record: SessionRecord, maxSessions: Int) {
            guard let slot = lookup(key) else {
                if index.count >= maxSessions { evictOne(now: record.lastAccessAt) }
                insert(key, record)
                return
            }
            let oldExpiry = slots[Int(slot)].record?.expiresAt
            slots[Int(slot)].record = record
            if record.expiresAt != oldExpiry { updateExpiry(slot, record.expiresAt) }
            touch(slot)
        }

        mutating func apply(_ changes: SessionChangeSet, to key: Key) -> SessionRecord? {
            guard let slot = lookup(key), let current = slots[Int(slot)].record else { return nil }
            if current.isExpired(at: changes.now) {
                remove(slot)
                return nil
            }
            let oldExpiry = current.expiresAt
            // Drop the stored reference first so that the data can be uniquely referenced while
            // the change set is merged into it (no copy of the whole session).
            slots[Int(slot)].record = nil
            let merged = changes.applied(to: consume current)
            slots[Int(slot)].record = merged
            if merged.expiresAt != oldExpiry { updateExpiry(slot, merged.expiresAt) }
            touch(slot)
            return merged
        }

        enum MoveOutcome {
            case moved(SessionRecord)
            case gone
            case collision
        }

        mutating func move(_ changes: SessionChangeSet, from old: Key, to new: Key) -> MoveOutcome {
            guard let slot = lookup(old), let current = slots[Int(slot)].record else { return .gone }
            if current.isExpired(at: changes.now) {
                remove(slot)
                return .gone
            }
            if let taken = lookup(new), let existing = slots[Int(taken)].record {
                guard existing.isExpired(at: changes.now) else { return .collision }
                remove(taken)
            }
            // One record out, one in: the count is unchanged, so nothing is evicted.
            remove(slot)
            let moved = changes.movedRecord(from: consume current)
            insert(new, moved)
            return .moved(moved)
        }

        /// Evicts an expired record if the heap's top is one, else the least recently used.
        mutating func evictOne(now: Int64) {
            if let top = heap.first, top.expiresAt <= now {
                remove(top.slot)
            } else if tail != State.none {
                remove(tail)
            }
        }

        mutating func insert(_ key: Key, _ record: SessionRecord) {
            let slot: UInt32
            let fresh = Slot(record: record, key: key, prev: State.none, next: State.none, heapIndex: 0)
            if freeHead != State.none {
                slot = freeHead
                freeHead = slots[Int(slot)].next
                slots[Int(slot)] = fresh
            } else {
                slot = UInt32(slots.count)
                slots.append(fresh)
            }
            index.insert(key, slot: slot)
            linkAtHead(slot)
            heapPush(slot, record.expiresAt)
        }

        mutating func remove(_ slot: UInt32) {
            let i = Int(slot)
            index.remove(slots[i].key, slot: slot)
            unlink(slot)
            heapRemove(at: Int(slots[i].heapIndex))
            slots[i].record = nil
            slots[i].prev = State.none
            slots[i].next = freeHead
            freeHead = slot
        }

        // MARK: LRU list

        mutating func touch(_ slot: UInt32) {
            guard head != slot else { return }
            unlink(slot)
            linkAtHead(slot)
        }

        mutating func linkAtHead(_ slot: UInt32) {
            slots[Int(slot)].prev = head
            slots[Int(slot)].next = State.none
            if head != State.none { slots[Int(head)].next = slot }
            head = slot
            if tail == State.none { tail = slot }
        }

        mutating func unlink(_ slot: UInt32) {
            let prev = slots[Int(slot)].prev
            let next = slots[Int(slot)].next
            if prev != State.none { slots[Int(prev)].next = next } else { tail = next }
            if next != State.none { slots[Int(next)].prev = prev } else { head = prev }
        }

        // MARK: Heap

        mutating func heapPush(_ slot: UInt32, _ expiresAt: Int64) {
            heap.append(HeapEntry(expiresAt: expiresAt, slot: slot))
            siftUp(heap.count - 1)
        }

        mutating func heapRemove(at position: Int) {
            let last = heap.count - 1
            if position != last {
                heap.swapAt(position, last)
                slots[Int(heap[position].slot)].heapIndex = UInt32(position)
            }
            heap.removeLast()
            if position < heap.count {
                siftDown(siftUp(position))
            }
        }

        mutating func updateExpiry(_ slot: UInt32, _ expiresAt: Int64) {
            let position = Int(slots[Int(slot)].heapIndex)
            heap[position].expiresAt = expiresAt
            siftDown(siftUp(position))
        }

        /// Returns the entry's final position.
        @discardableResult
        mutating func siftUp(_ start: Int) -> Int {
            var child = start
            let entry = heap[child]
            while child > 0 {
                let parent = (child - 1) / 2
                guard entry.expiresAt < heap[parent].expiresAt else { break }
                heap[child] = heap[parent]
                slots[Int(heap[child].slot)].heapIndex = UInt32(child)
                child = parent
            }
            heap[child] = entry
            slots[Int(entry.slot)].heapIndex = UInt32(child)
            return child
        }

        mutating func siftDown(_ start: Int) {
            var parent = start
            let entry = heap[parent]
            let count = heap.count
            while true {
                var child = 2 * parent + 1
                guard child < count else { break }
                if child + 1 < count, heap[child + 1].expiresAt < heap[child].expiresAt { child += 1 }
                guard heap[child].expiresAt < entry.expiresAt else { break }
                heap[parent] = heap[child]
                slots[Int(heap[parent].slot)].heapIndex = UInt32(parent)
                parent = child
            }
            heap[parent] = entry
            slots[Int(entry.slot)].heapIndex = UInt32(parent)
        }

        // MARK: Invariants (tests)

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
            var i = tail
            var previous = State.none
            while i != State.none {
                forward += 1
                if forward > live { return "LRU list has a cycle" }
                if slots[Int(i)].record == nil { return "LRU list holds a free slot" }
                if slots[Int(i)].prev != previous { return "LRU back link broken at \(i)" }
                previous = i
                i = slots[Int(i)].next
            }
            if previous != head { return "LRU head is not the list's end" }
            if forward != live { return "LRU list has \(forward) entries for \(live) records" }
            var free = 0
            i = freeHead
            while i != State.none {
                free += 1
                if free > slots.count { return "free list has a cycle" }
                if slots[Int(i)].record != nil { return "free list holds a live slot" }
                i = slots[Int(i)].next
            }
            if free + live != slots.count { return "\(slots.count - free - live) slots leaked" }
            return nil
        }
    }
}
