import Logging
import Synchronization

/// A server-side session store in this process's memory: for development, tests and single-process
/// deployments (sessions are lost on restart and not shared between processes).
///
/// - Every operation runs synchronously under one lock, so `apply` is atomic: it merges the change
///   set into the record stored *now*, and parallel applies to one key behave as if serial.
///   `move` (regenerate) merges, re-keys and removes the old key in that same single lock hold.
/// - Bounded: at `maxSessions` records, creating one more evicts, in this order: an expired record
///   if there is one; else the least recently used record that never came back (created and not
///   used since: an anonymous visitor, a flood of one-shot requests); else the least recently used
///   of those that came back. This is a segmented LRU (SLRU, as 2Q): `create` puts a record in the
///   *probation* segment; its next use (`load`, `apply`, `move`) promotes it to the
///   *protected* segment, which holds at most 80% of `maxSessions` and demotes its own least
///   recently used record to probation when full. So a flood of new sessions evicts only other
///   new sessions, never a user who came back, while a user gone quiet still ages out.
///   Every choice is O(1) / O(log n), never a scan: records live in a slab threaded by two
///   intrusive doubly-linked LRU lists, and an indexed min-heap orders them by `expiresAt`.
/// - Evictions of live records are counted (`evictions`, `returningEvictions`) and logged as a
///   warning at most once a minute (store time), with the count since the last warning: a flood
///   costs one log line a minute, not one per request.
/// - Expiry is enforced on `load` (at its `now`) and `apply` (at the change set's `now`): an
///   expired record is absent, and is removed when met. `sweep` removes expired records from the
///   top of the heap; a `SessionSweeper` does that in the background.
///
/// Time: the store takes "now" from its callers (`load`'s `now`, the change set's `now`, a new
/// record's `lastAccessAt` for `create` and its eviction), so that it always agrees with the
/// engine's clock. `clock` is only read by `sweep(limit:)` (a `SessionSweeper` has its own); give
/// the store the engine's clock.
///
/// Memory: per session, one slab slot (the `SessionRecord`, the 32-byte key, LRU links and heap
/// position: 120 bytes), one 16-byte entry of the key → slot table (`MemoryStoreIndex`, at a
/// load factor of 3/8 to 3/4: 21 to 43 bytes) and one 16-byte heap entry: about 160 to 280
/// bytes with the containers' growth slack, beside the session data itself. The containers do
/// not shrink after mass deletions; `maxSessions` bounds them.
public final class MemorySessionStore: SessionStore, SweepableSessionStore, InspectableSessionStore {
    /// The most records kept at once.
    public let maxSessions: Int
    /// Read by `sweep(limit:)` only (see the type's note on time).
    public let clock: SessionClock

    /// The most records the protected segment (sessions that came back) holds: 80% of
    /// `maxSessions`, so that new sessions always have room to prove themselves.
    var protectedCapacity: Int { State.protectedCapacity(maxSessions) }

    /// Live records evicted because the store was full (expired ones removed on the way are not
    /// counted): each is a session lost before its time.
    public var evictions: Int { state.withLock { $0.evictions } }
    /// The part of `evictions` that had come back since creation (typically logged-in users):
    /// nonzero means `maxSessions` is too small for the real users, not only for a flood.
    public var returningEvictions: Int { state.withLock { $0.returningEvictions } }

    /// Seconds of store time between two eviction warnings.
    static let evictionWarningInterval: Int64 = 60

    let state: Mutex<State>
    private let logger: Logger

    public init(
        maxSessions: Int = 100_000, clock: SessionClock = .system,
        logger: Logger = Logger(label: "SessionKit.MemorySessionStore")
    ) {
        precondition(maxSessions > 0, "maxSessions must be positive")
        precondition(UInt64(maxSessions) < UInt64(State.none), "maxSessions too large")
        self.maxSessions = maxSessions
        self.clock = clock
        self.logger = logger
        self.state = Mutex(State(protectedCapacity: State.protectedCapacity(maxSessions)))
    }

    // MARK: SessionStore

    public nonisolated(nonsending) func load(_ key: SessionStorageKey, now: Int64) async throws -> SessionRecord? {
        return state.withLock { s in s.load(key, now: now) }
    }

    public nonisolated(nonsending) func create(_ key: SessionStorageKey, record: SessionRecord) async throws -> Bool {
        let max = maxSessions
        let (created, report) = state.withLock { s in
            (s.create(key, record: record, maxSessions: max), s.takeEvictionReport())
        }
        if let report { warn(report) }
        return created
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

    /// The rate-limited eviction warning (outside the lock: logging may block).
    private func warn(_ report: EvictionReport) {
        logger.warning(
            "memory session store full: evicted live sessions; raise maxSessions or use a persistent store",
            metadata: [
                "maxSessions": "\(maxSessions)",
                "evictedSinceLastWarning": "\(report.sinceLastReport)",
                "evictedTotal": "\(report.total)",
                "evictedReturningTotal": "\(report.returning)",
            ])
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
        /// The LRU list this record is on (fits in the slot's padding).
        var segment: Segment = .probation
        /// Used again since creation (stays true when demoted to probation): for the counters.
        var cameBack = false
    }

    /// What one eviction warning says.
    struct EvictionReport {
        var sinceLastReport: Int
        var total: Int
        var returning: Int
    }

    struct State {
        static let none = UInt32.max

        /// Key → slot.
        var index = MemoryStoreIndex()
        var slots: [Slot] = []
        var freeHead: UInt32 = none
        /// Records created and not used since.
        var probation = ListEnds()
        /// Records used again after creation; at most `protectedCapacity`.
        var protected = ListEnds()
        let protectedCapacity: Int
        /// Min-heap on `expiresAt`; every stored record has exactly one entry.
        var heap: [HeapEntry] = []

        var evictions = 0
        var returningEvictions = 0
        var evictionsSinceReport = 0
        /// Store time from which the next eviction is reported.
        var nextReportAt = Int64.min
        var pendingReport: EvictionReport?

        init(protectedCapacity: Int) {
            self.protectedCapacity = protectedCapacity
        }

        static func protectedCapacity(_ maxSessions: Int) -> Int {
            max(1, maxSessions * 4 / 5)
        }

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
            use(slot)
            return record
        }

        mutating func create(_ key: Key, record: SessionRecord, maxSessions: Int) -> Bool {
            let now = record.lastAccessAt
            if let slot = lookup(key) {
                guard let existing = slots[Int(slot)].record, existing.isExpired(at: now) else {
                    return false
                }
                // Replaces an expired record in place: a new session, so it starts in probation.
                slots[Int(slot)].record = record
                updateExpiry(slot, record.expiresAt)
                unlink(slot)
                linkAtHead(slot, .probation)
                slots[Int(slot)].cameBack = false
                return true
            }
            if index.count >= maxSessions { evictOne(now: now) }
            insert(key, record)
            return true
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
            use(slot)
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
            // One record out, one in: the count is unchanged, so nothing is evicted. The client
            // came back with the old key, so the new one is a use: it goes to protected.
            remove(slot)
            let moved = changes.movedRecord(from: consume current)
            use(insert(new, moved))
            return .moved(moved)
        }

        /// Evicts an expired record if the heap's top is one, else probation's least recently
        /// used, else protected's; counts a live eviction and queues a report when one is due.
        mutating func evictOne(now: Int64) {
            if let top = heap.first, top.expiresAt <= now {
                remove(top.slot)
                return
            }
            let victim = probation.tail != State.none ? probation.tail : protected.tail
            guard victim != State.none else { return }
            if slots[Int(victim)].cameBack { returningEvictions += 1 }
            remove(victim)
            evictions += 1
            evictionsSinceReport += 1
            if now >= nextReportAt {
                nextReportAt = now &+ MemorySessionStore.evictionWarningInterval
                pendingReport = EvictionReport(
                    sinceLastReport: evictionsSinceReport, total: evictions, returning: returningEvictions)
                evictionsSinceReport = 0
            }
        }

        mutating func takeEvictionReport() -> EvictionReport? {
            guard let report = pendingReport else { return nil }
            pendingReport = nil
            return report
        }

        /// Inserts a new record at probation's head; returns its slot.
        @discardableResult
        mutating func insert(_ key: Key, _ record: SessionRecord) -> UInt32 {
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
            linkAtHead(slot, .probation)
            heapPush(slot, record.expiresAt)
            return slot
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
    }
}
