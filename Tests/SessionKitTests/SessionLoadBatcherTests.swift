import Synchronization
import Testing

@testable import SessionKit

/// `SessionLoadBatcher` against a fake store whose lookups can be held in flight.
@Suite struct SessionLoadBatcherTests {
    static let t0: Int64 = 1_700_000_000

    /// Records by key; every lookup is logged, and lookups can be made to wait for `release()`.
    final class FakeStore: Sendable {
        private let records = Mutex<[SessionStorageKey: SessionRecord]>([:])
        private let log = Mutex<[(keys: [SessionStorageKey], now: Int64)]>([])
        private let gate = TestGate()
        let failing = Mutex<(any Error)?>(nil)
        let corrupt = Mutex<Set<SessionStorageKey>>([])

        func put(_ key: SessionStorageKey, _ i: Int, expiresAt: Int64 = t0 + 3_600) {
            let record = SessionRecord(
                data: ["i": .int(i)], createdAt: t0, lastAccessAt: t0, absoluteDeadline: nil,
                idleTimeoutOverride: nil, expiresAt: expiresAt, version: 1)
            records.withLock { $0[key] = record }
        }

        var lookups: [(keys: [SessionStorageKey], now: Int64)] { log.withLock { $0 } }
        var lookupsWaiting: Int { gate.waiting }

        func hold() { gate.close() }

        func release() { gate.open() }

        /// Reads the records when called (like a query sent now), then waits while held.
        func lookup(_ keys: [SessionStorageKey], now: Int64) async throws -> [SessionStorageKey: Result<SessionRecord, any Error>] {
            log.withLock { $0.append((keys, now)) }
            let snapshot = records.withLock { $0 }
            let bad = corrupt.withLock { $0 }
            let failure = failing.withLock { $0 }
            await gate.pass()
            if let failure { throw failure }
            var found: [SessionStorageKey: Result<SessionRecord, any Error>] = [:]
            for key in keys {
                if bad.contains(key) {
                    found[key] = .failure(SessionStoreError(.corrupt, "bad"))
                } else if let record = snapshot[key], record.expiresAt > now {
                    found[key] = .success(record)
                }
            }
            return found
        }
    }

    static func until(_ condition: () -> Bool) async throws {
        for _ in 0..<2_000 where !condition() { try await Task.sleep(for: .milliseconds(5)) }
        #expect(condition())
    }

    static func load(_ batcher: SessionLoadBatcher, _ store: FakeStore, _ key: SessionStorageKey, now: Int64 = t0)
        async throws -> Int?
    {
        let record = try await batcher.load(key, now: now) { keys, now in try await store.lookup(keys, now: now) }
        guard case .int(let i)? = record?.data["i"] else { return nil }
        return i.intValue
    }

    @Test func aLoneLoadIsLookedUpAtOnceByItself() async throws {
        let store = FakeStore()
        let batcher = SessionLoadBatcher()
        let key = SessionID.generate().storageKey
        store.put(key, 7)
        #expect(try await Self.load(batcher, store, key) == 7)
        #expect(try await Self.load(batcher, store, SessionID.generate().storageKey) == nil)
        #expect(store.lookups.map(\.keys.count) == [1, 1])
    }

    @Test func loadsArrivingDuringALookupShareTheNextOne() async throws {
        let store = FakeStore()
        let batcher = SessionLoadBatcher(maxConcurrentLookups: 1, maxBatchSize: 100)
        let keys = (0..<30).map { _ in SessionID.generate().storageKey }
        for (i, key) in keys.enumerated() { store.put(key, i) }
        store.hold()
        let first = Task { try await Self.load(batcher, store, keys[0]) }
        try await Self.until { store.lookupsWaiting == 1 }
        // 30 distinct keys, each asked twice, plus 5 missing keys.
        let missing = (0..<5).map { _ in SessionID.generate().storageKey }
        let asks: [(SessionStorageKey, Int?)] = (keys.enumerated().map { ($1, $0) } + keys.enumerated().map { ($1, $0) })
            + missing.map { ($0, nil) }
        let results = Task {
            try await withThrowingTaskGroup(of: Bool.self) { group in
                for (key, expected) in asks {
                    group.addTask { try await Self.load(batcher, store, key) == expected }
                }
                var right = 0
                for try await ok in group where ok { right += 1 }
                return right
            }
        }
        try await Self.until { batcher.waitingLoads == asks.count }
        #expect(store.lookups.count == 1, "nobody may start a lookup while the only slot is busy")
        store.release()
        #expect(try await first.value == 0)
        #expect(try await results.value == asks.count)
        let lookups = store.lookups
        #expect(lookups.count == 2, "the 65 waiting loads go out as one lookup")
        #expect(lookups.last?.keys.count == 35, "keys are deduplicated")
    }

    @Test func batchesAreCappedOldestFirst() async throws {
        let store = FakeStore()
        let batcher = SessionLoadBatcher(maxConcurrentLookups: 1, maxBatchSize: 8)
        let keys = (0..<20).map { _ in SessionID.generate().storageKey }
        for (i, key) in keys.enumerated() { store.put(key, i) }
        store.hold()
        let first = Task { try await Self.load(batcher, store, SessionID.generate().storageKey) }
        try await Self.until { store.lookupsWaiting == 1 }
        var tasks: [Task<Int?, any Error>] = []
        for (i, key) in keys.enumerated() {
            tasks.append(Task { try await Self.load(batcher, store, key) })
            try await Self.until { batcher.waitingLoads == i + 1 }
        }
        store.release()
        _ = try await first.value
        for (i, task) in tasks.enumerated() { #expect(try await task.value == i) }
        let batches = store.lookups.dropFirst().map(\.keys)
        #expect(batches.map(\.count) == [8, 8, 4])
        #expect(batches.flatMap { $0 } == keys, "waiters go out in arrival order")
    }

    /// Read-your-writes: a load that starts after a write finished never gets an answer read
    /// before that write, even while an older lookup of the same key is in flight.
    @Test func aLoadNeverJoinsALookupSentBeforeItArrived() async throws {
        let store = FakeStore()
        let batcher = SessionLoadBatcher(maxConcurrentLookups: 1)
        let key = SessionID.generate().storageKey
        store.put(key, 1)
        store.hold()
        let old = Task { try await Self.load(batcher, store, key) }
        try await Self.until { store.lookupsWaiting == 1 }  // sent: it has read version 1
        store.put(key, 2)  // a write finishes
        let new = Task { try await Self.load(batcher, store, key) }
        try await Self.until { batcher.waitingLoads == 1 }
        store.release()
        #expect(try await old.value == 1)
        #expect(try await new.value == 2)
    }

    @Test func eachLoadDropsARecordExpiredAtItsOwnNow() async throws {
        let store = FakeStore()
        let batcher = SessionLoadBatcher(maxConcurrentLookups: 1)
        let key = SessionID.generate().storageKey
        store.put(key, 5, expiresAt: Self.t0 + 100)
        store.hold()
        let first = Task { try await Self.load(batcher, store, SessionID.generate().storageKey) }
        try await Self.until { store.lookupsWaiting == 1 }
        let early = Task { try await Self.load(batcher, store, key, now: Self.t0 + 99) }
        try await Self.until { batcher.waitingLoads == 1 }
        let late = Task { try await Self.load(batcher, store, key, now: Self.t0 + 100) }
        try await Self.until { batcher.waitingLoads == 2 }
        store.release()
        _ = try await first.value
        #expect(try await early.value == 5)
        #expect(try await late.value == nil)
        #expect(store.lookups.last?.now == Self.t0 + 99, "the batch is looked up at its smallest now")
    }

    @Test func aFailedLookupFailsItsBatchAndTheNextLoadsWork() async throws {
        struct Down: Error {}
        let store = FakeStore()
        let batcher = SessionLoadBatcher(maxConcurrentLookups: 1)
        let keys = (0..<5).map { _ in SessionID.generate().storageKey }
        for (i, key) in keys.enumerated() { store.put(key, i) }
        store.failing.withLock { $0 = Down() }
        store.hold()
        let first = Task { try await Self.load(batcher, store, keys[0]) }
        try await Self.until { store.lookupsWaiting == 1 }
        let waiting = keys.map { key in Task { try await Self.load(batcher, store, key) } }
        try await Self.until { batcher.waitingLoads == keys.count }
        store.release()
        await #expect(throws: Down.self) { try await first.value }
        for task in waiting { await #expect(throws: Down.self) { try await task.value } }
        store.failing.withLock { $0 = nil }
        for (i, key) in keys.enumerated() { #expect(try await Self.load(batcher, store, key) == i) }
    }

    @Test func aCorruptRecordFailsOnlyItsOwnLoads() async throws {
        let store = FakeStore()
        let batcher = SessionLoadBatcher(maxConcurrentLookups: 1)
        let good = SessionID.generate().storageKey
        let bad = SessionID.generate().storageKey
        store.put(good, 1)
        store.put(bad, 2)
        store.corrupt.withLock { $0 = [bad] }
        store.hold()
        let first = Task { try await Self.load(batcher, store, SessionID.generate().storageKey) }
        try await Self.until { store.lookupsWaiting == 1 }
        let a = Task { try await Self.load(batcher, store, good) }
        let b = Task { try await Self.load(batcher, store, bad) }
        try await Self.until { batcher.waitingLoads == 2 }
        store.release()
        _ = try await first.value
        #expect(try await a.value == 1)
        await #expect(throws: SessionStoreError.self) { try await b.value }
        #expect(store.lookups.count == 2)
    }

    @Test func slotsLimitConcurrentLookups() async throws {
        let store = FakeStore()
        let batcher = SessionLoadBatcher(maxConcurrentLookups: 3)
        let keys = (0..<40).map { _ in SessionID.generate().storageKey }
        for (i, key) in keys.enumerated() { store.put(key, i) }
        store.hold()
        let tasks = keys.map { key in Task { try await Self.load(batcher, store, key) } }
        try await Self.until { store.lookupsWaiting == 3 && batcher.waitingLoads == 37 }
        #expect(store.lookups.count == 3)
        store.release()
        for (i, task) in tasks.enumerated() { #expect(try await task.value == i) }
        #expect(store.lookups.count <= 3 + 3, "the 37 waiting loads need at most one lookup per slot")
    }
}
