import Logging
import Testing

@testable import SessionKit

/// The memory store's eviction policy under floods (issue 24 §2): sessions that never came back
/// go before sessions that did, evictions are counted, and the warning is rate-limited.
@Suite struct MemoryStoreEvictionTests {
    static let t0 = StoreConformanceTests.t0

    static func key(_ n: Int) -> SessionStorageKey { MemorySessionStoreTests.key(n) }

    static func record(at now: Int64 = t0, ttl: Int64 = 3_600) -> SessionRecord {
        MemorySessionStoreTests.record(at: now, ttl: ttl)
    }

    /// 1.1 x capacity one-shot sessions (created, never loaded again) after a user logged in and
    /// came back: the user is still there, and only one-shot sessions were evicted.
    @Test(arguments: [100, 10_000])
    func aReturningUserSurvivesAFloodOfOneShotSessions(capacity: Int) async throws {
        let store = MemorySessionStore(maxSessions: capacity, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        let user = Self.key(-1)
        #expect(try await store.create(user, record: Self.record()))
        #expect(try await store.load(user, now: Self.t0) != nil)
        let flood = capacity + capacity / 10
        for n in 0..<flood {
            #expect(try await store.create(Self.key(n), record: Self.record(at: Self.t0 + 1)))
        }
        #expect(try await store.load(user, now: Self.t0 + 2) != nil, "the logged-in user was evicted")
        #expect(try await store.count() == capacity)
        // Exactly the overflow was evicted, all of it one-shot sessions, oldest first.
        let evicted = flood + 1 - capacity
        #expect(store.evictions == evicted)
        #expect(store.returningEvictions == 0)
        #expect(try await store.load(Self.key(evicted - 1), now: Self.t0 + 2) == nil)
        #expect(try await store.load(Self.key(evicted), now: Self.t0 + 2) != nil)
        #expect(store.invariantViolation() == nil)
    }

    /// Protected (came back) is bounded to 80% of capacity, and is itself LRU: promoting more
    /// demotes its least recently used records, which a flood then evicts; the recently used stay.
    @Test func amongReturningSessionsTheLeastRecentlyUsedGoFirst() async throws {
        let store = MemorySessionStore(maxSessions: 10, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        #expect(store.protectedCapacity == 8)
        let users = (0..<10).map { Self.key($0) }
        for u in users { #expect(try await store.create(u, record: Self.record())) }
        // Users 0-7 come back (protected is full), then 7, 6, ..., 0 again: 7 is now the least
        // recently used of them, 0 the most.
        for u in users[0..<8] { _ = try await store.load(u, now: Self.t0) }
        for u in users[0..<8].reversed() { _ = try await store.load(u, now: Self.t0) }
        #expect(store.keysBySegment().protected == Array(users[0..<8].reversed()))
        #expect(store.keysBySegment().probation == [users[8], users[9]])
        // Users 8 and 9 come back too: 7 and then 6 are demoted to probation.
        _ = try await store.load(users[8], now: Self.t0)
        _ = try await store.load(users[9], now: Self.t0)
        #expect(store.keysBySegment().probation == [users[7], users[6]])
        // A flood evicts the demoted two (least recently used first), then only one-shot sessions.
        for n in 100..<130 { #expect(try await store.create(Self.key(n), record: Self.record(at: Self.t0 + 1))) }
        #expect(try await store.load(users[7], now: Self.t0 + 2) == nil)
        #expect(try await store.load(users[6], now: Self.t0 + 2) == nil)
        for u in users[0..<6] + users[8...] {
            #expect(try await store.load(u, now: Self.t0 + 2) != nil)
        }
        #expect(store.evictions == 30)
        #expect(store.returningEvictions == 2)
        #expect(store.invariantViolation() == nil)
    }

    /// The segment and its flag sit in the slot's padding: no memory per session for the policy.
    @Test func thePolicyCostsNoMemoryPerSession() {
        #expect(MemoryLayout<MemorySessionStore.Slot>.stride == 120)
    }

    /// A regenerated id (login) keeps its place among sessions that came back, and a create that
    /// replaces an expired record starts over in probation.
    @Test func moveKeepsASessionProtectedAndAReplacedRecordStartsInProbation() async throws {
        let store = MemorySessionStore(maxSessions: 5, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        let (old, new, stale) = (Self.key(1), Self.key(2), Self.key(3))
        #expect(try await store.create(old, record: Self.record()))
        #expect(try await store.create(stale, record: Self.record(ttl: 5)))
        _ = try await store.load(stale, now: Self.t0)
        let moved = try await store.move(StoreConformanceTests.changes([("user", "admin")], at: Self.t0), from: old, to: new)
        #expect(moved != nil)
        #expect(store.keysBySegment().protected == [stale, new])
        #expect(try await store.create(stale, record: Self.record(at: Self.t0 + 10)))
        #expect(store.keysBySegment() == (probation: [stale], protected: [new]))
        #expect(store.invariantViolation() == nil)
    }

    /// Counted exactly; logged once per minute of store time however many are evicted, with the
    /// count since the last warning.
    @Test func evictionsAreCountedAndTheWarningIsRateLimited() async throws {
        let capture = PostgresSessionStoreTests.LogCapture()
        let store = MemorySessionStore(maxSessions: 50, logger: Logger(label: "test") { _ in capture })
        var n = 0
        func create(at now: Int64) async throws {
            n += 1
            #expect(try await store.create(Self.key(n), record: Self.record(at: now)))
        }
        for _ in 0..<50 { try await create(at: Self.t0) }
        #expect(store.evictions == 0)
        #expect(capture.lines.withLock { $0.isEmpty })
        for _ in 0..<1_000 { try await create(at: Self.t0) }
        #expect(store.evictions == 1_000)
        var lines = capture.lines.withLock { $0 }
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("warning memory session store full") == true)
        #expect(lines.first?.contains("evictedSinceLastWarning=1 ") == true)
        // 59 s later: still quiet. At 60 s: one line with everything since the first.
        for _ in 0..<10 { try await create(at: Self.t0 + 59) }
        #expect(capture.lines.withLock { $0.count } == 1)
        try await create(at: Self.t0 + 60)
        lines = capture.lines.withLock { $0 }
        #expect(lines.count == 2)
        #expect(lines.last?.contains("evictedSinceLastWarning=1010 ") == true)
        #expect(lines.last?.contains("evictedTotal=1011") == true)
        #expect(lines.last?.contains("maxSessions=50") == true)
        #expect(store.evictions == 1_011)
        // Expired records removed to make room are not evictions.
        let expiring = MemorySessionStore(maxSessions: 2, logger: Logger(label: "test") { _ in capture })
        #expect(try await expiring.create(Self.key(-1), record: Self.record(ttl: 1)))
        #expect(try await expiring.create(Self.key(-2), record: Self.record(ttl: 1)))
        #expect(try await expiring.create(Self.key(-3), record: Self.record(at: Self.t0 + 5)))
        #expect(expiring.evictions == 0)
    }
}
