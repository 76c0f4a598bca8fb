import Logging
import ServiceLifecycle
import Synchronization
import Testing
@testable import SessionKit
@testable import SessionKitDirectory

/// `SessionSweeper` and `DirectorySyncService` as services in a real `ServiceGroup`, on real stores.
@Suite(.timeLimit(.minutes(1))) struct SessionSweeperTests {
    static let t0 = StoreConformanceTests.t0

    static func logger(_ capture: PostgresSessionStoreTests.LogCapture) -> Logger {
        var logger = Logger(label: "test") { _ in capture }
        logger.logLevel = .debug
        return logger
    }

    /// Polls `condition` every 5 ms for up to 30 s (the whole suite runs beside it, sharing the
    /// directory store's I/O threads; alone it takes well under a second).
    static func eventually(_ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(5))
        }
        return try await condition()
    }

    @Test func sweepsADirectoryStoreInAServiceGroupAndStopsOnGracefulShutdown() async throws {
        let dir = TestFolders.fresh()
        defer { TestFolders.remove(dir) }
        let store = try DirectorySessionStore(directory: dir, durability: .noSync, keys: TestFolders.keys)
        for n in 0..<30 {
            #expect(try await store.create(StoreConformanceTests.newKey(), record: MemorySessionStoreTests.record(ttl: n < 25 ? 10 : 100)))
        }
        let capture = PostgresSessionStoreTests.LogCapture()
        let sweeper = SessionSweeper(
            store, every: .milliseconds(10), batch: 4, clock: .fixed(Double(Self.t0 + 50)), logger: Self.logger(capture))
        let group = ServiceGroup(configuration: .init(services: [sweeper, store.syncService], logger: Self.logger(capture)))
        let running = Task { try await group.run() }
        #expect(try await Self.eventually { try await store.count() == 5 })
        #expect(try await Self.eventually { capture.lines.withLock { $0.contains { $0.hasPrefix("debug swept expired sessions") } } })
        await group.triggerGracefulShutdown()
        try await running.value
        // Stopped: records that expire now stay.
        for _ in 0..<3 { #expect(try await store.create(StoreConformanceTests.newKey(), record: MemorySessionStoreTests.record(ttl: 10))) }
        try await Task.sleep(for: .milliseconds(50))
        #expect(try await store.count() == 8)
    }

    @Test func stopsOnCancellationDuringAPass() async throws {
        let store = MemorySessionStore()
        for n in 0..<20_000 {
            #expect(try await store.create(MemorySessionStoreTests.key(n), record: MemorySessionStoreTests.record(ttl: 10)))
        }
        let task = Task { try await SessionSweeper(store, every: .milliseconds(1), batch: 1, jitter: 0).run() }
        #expect(try await Self.eventually { try await store.count() < 20_000 })
        task.cancel()
        try await task.value
        let left = try await store.count()
        try await Task.sleep(for: .milliseconds(30))
        #expect(left > 0)
        #expect(try await store.count() == left)
    }

    /// A store whose first sweeps fail (the database is down), then work.
    final class FlakyStore: SweepableSessionStore {
        let inner = MemorySessionStore()
        let failuresLeft = Mutex(2)
        func load(_ key: SessionStorageKey, now: Int64) async throws -> SessionRecord? { try await inner.load(key, now: now) }
        func create(_ key: SessionStorageKey, record: SessionRecord) async throws -> Bool {
            try await inner.create(key, record: record)
        }
        func apply(_ changes: SessionChangeSet, to key: SessionStorageKey) async throws -> SessionRecord? {
            try await inner.apply(changes, to: key)
        }
        func move(_ changes: SessionChangeSet, from old: SessionStorageKey, to new: SessionStorageKey) async throws -> SessionRecord? {
            try await inner.move(changes, from: old, to: new)
        }
        func delete(_ key: SessionStorageKey) async throws { try await inner.delete(key) }
        func sweep(now: Int64, limit: Int) async throws -> Int {
            let fail = failuresLeft.withLock { n in
                defer { n = max(n - 1, 0) }
                return n > 0
            }
            if fail { throw SessionStoreError(.unavailable, "down for the test") }
            return try await inner.sweep(now: now, limit: limit)
        }
    }

    @Test func aFailedPassIsLoggedAndTheNextOneRuns() async throws {
        let store = FlakyStore()
        for n in 0..<10 { #expect(try await store.create(MemorySessionStoreTests.key(n), record: MemorySessionStoreTests.record(ttl: 10))) }
        let capture = PostgresSessionStoreTests.LogCapture()
        let sweeper = SessionSweeper(store, every: .milliseconds(5), clock: .fixed(Double(Self.t0 + 50)), logger: Self.logger(capture))
        let task = Task { try await sweeper.run() }
        #expect(try await Self.eventually { try await store.inner.count() == 0 })
        task.cancel()
        try await task.value
        let errors = capture.lines.withLock { $0.filter { $0.hasPrefix("error session sweep failed") } }
        #expect(errors.count == 2)
        #expect(errors.allSatisfy { $0.contains("down for the test") })
    }

    @Test func directorySyncServiceReturnsOnGracefulShutdown() async throws {
        let dir = TestFolders.fresh()
        defer { TestFolders.remove(dir) }
        let store = try DirectorySessionStore(directory: dir, durability: .noSync, keys: TestFolders.keys)
        let capture = PostgresSessionStoreTests.LogCapture()
        let group = ServiceGroup(configuration: .init(services: [store.syncService], logger: Self.logger(capture)))
        let running = Task { try await group.run() }
        #expect(try await store.create(StoreConformanceTests.newKey(), record: MemorySessionStoreTests.record(ttl: 10)))
        try await Task.sleep(for: .milliseconds(20))
        await group.triggerGracefulShutdown()
        try await running.value
        #expect(!capture.lines.withLock { $0.contains { $0.contains("sync at shutdown failed") } })
    }
}
