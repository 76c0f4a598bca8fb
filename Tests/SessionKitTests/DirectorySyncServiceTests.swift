import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import Testing

@testable import SessionKit
@testable import SessionKitDirectory

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The directory store's durability modes and its `DirectorySyncService`: periodic syncs while
/// the service runs, one more on graceful shutdown, and syncs in the write path without it.
@Suite(.timeLimit(.minutes(1))) struct DirectorySyncServiceTests {
    static let t0 = StoreConformanceTests.t0
    static let noServiceWarning = "no DirectorySyncService running"

    static func newKey() -> SessionStorageKey { DirectorySessionStoreTests.newKey() }
    static func record(_ data: SessionObject = ["user": "alice"]) -> SessionRecord {
        DirectorySessionStoreTests.record(data)
    }

    /// A store in a fresh folder logging into `capture`.
    static func store(
        _ dir: String, _ durability: DirectorySessionStore.Durability, _ capture: PostgresSessionStoreTests.LogCapture
    ) throws -> DirectorySessionStore {
        try DirectorySessionStore(
            directory: dir, durability: durability, keys: TestFolders.keys, logger: SessionSweeperTests.logger(capture))
    }

    /// Waits (up to 10 s) until `sync` has finished at least `count` syncs.
    static func waitForSyncs(_ sync: PeriodicSync, atLeast count: Int) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while sync.syncs < count && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
    }

    /// Runs `body` while `run` runs in a child task that has started `sync`'s loop; then cancels
    /// it and waits for it to return.
    static func whileRunning<T>(
        _ sync: PeriodicSync, _ run: @escaping @Sendable () async throws -> Void, _ body: () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await run() }
            while !sync.isRunning { try await Task.sleep(for: .milliseconds(1)) }
            let result = try await body()
            group.cancelAll()
            try await group.waitForAll()
            return result
        }
    }

    static func warnings(_ capture: PostgresSessionStoreTests.LogCapture) -> [String] {
        capture.lines.withLock { $0.filter { $0.contains(Self.noServiceWarning) } }
    }

    /// `.syncEvery` with the service running: writes return at once and one sync follows,
    /// `interval` after the first write; the writes in between share it, and loads wake none.
    /// Cancelling the service syncs once more.
    @Test func syncEveryBatchesWritesIntoOneLaterSync() async throws {
        let dir = TestFolders.fresh()
        defer { TestFolders.remove(dir) }
        let capture = PostgresSessionStoreTests.LogCapture()
        let store = try Self.store(dir, .syncEvery(.seconds(2)), capture)
        #expect(store.durability == .syncEvery(.seconds(2)))
        let sync = try #require(store.periodicSync)
        let service = store.syncService
        try await Self.whileRunning(sync, { try await service.run() }) {
            #expect(!store.syncsWritesNow)
            let key = Self.newKey()
            #expect(try await store.load(key, now: Self.t0) == nil)
            try await Task.sleep(for: .milliseconds(50))
            #expect(sync.syncs == 0, "a load woke a sync")
            let started = ContinuousClock.now
            #expect(try await store.create(key, record: Self.record(["n": 0])))
            for n in 1...10 {
                let changes = StoreConformanceTests.changes([("n", .int(SessionInteger(n)))], at: Self.t0 + Int64(n))
                #expect(try await store.apply(changes, to: key)?.data["n"] == .int(SessionInteger(n)))
            }
            let wrote = ContinuousClock.now - started
            try #require(wrote < .seconds(2), "the writes took \(wrote): too slow to share one sync")
            #expect(sync.syncs == 0, "a sync ran before its interval")
            try await Self.waitForSyncs(sync, atLeast: 1)
            #expect(ContinuousClock.now - started >= .seconds(2))
            try await Task.sleep(for: .milliseconds(300))
            #expect(sync.syncs == 1, "eleven writes within the interval took \(sync.syncs) syncs")
            #expect(sync.failures == 0)
            // The next write wakes the next sync.
            let changes = StoreConformanceTests.changes([("n", 11)], at: Self.t0 + 11)
            _ = try await store.apply(changes, to: key)
            try await Self.waitForSyncs(sync, atLeast: 2)
            #expect(sync.syncs == 2)
            #expect(try await store.load(key, now: Self.t0 + 12)?.data["n"] == 11)
            // A sync asked for outside the service is not one of its syncs.
            try store.syncToDisk()
            #expect(sync.syncs == 2)
        }
        #expect(sync.syncs == 3, "cancelling the service syncs once more")
        #expect(!sync.isRunning)
        #expect(Self.warnings(capture).isEmpty)
    }

    /// Creates and id changes wake the sync too; a delete syncs its folder before it returns
    /// and wakes none.
    @Test func createsAndIdChangesWakeTheSyncDeletesDoNot() async throws {
        let dir = TestFolders.fresh()
        defer { TestFolders.remove(dir) }
        let interval = Duration.milliseconds(100)
        for operation in ["create", "move", "delete"] {
            let expected = operation == "delete" ? 0 : 1
            let capture = PostgresSessionStoreTests.LogCapture()
            let store = try Self.store(dir, .syncEvery(interval), capture)
            let sync = try #require(store.periodicSync)
            let key = Self.newKey()
            if operation != "create" {
                // Without a sync woken by the create.
                let setup = try DirectorySessionStore(directory: dir, durability: .noSync, keys: TestFolders.keys)
                #expect(try await setup.create(key, record: Self.record()))
            }
            let service = store.syncService
            try await Self.whileRunning(sync, { try await service.run() }) {
                switch operation {
                case "create": #expect(try await store.create(key, record: Self.record()))
                case "move":
                    let changes = StoreConformanceTests.changes([], at: Self.t0)
                    #expect(try await store.move(changes, from: key, to: Self.newKey()) != nil)
                default: try await store.delete(key)
                }
                if expected == 0 {
                    try await Task.sleep(for: interval * 3)
                } else {
                    try await Self.waitForSyncs(sync, atLeast: expected)
                }
                #expect(sync.syncs == expected, "\(operation)")
            }
            #expect(sync.syncs == expected + 1, "\(operation): the final sync")
            #expect(sync.failures == 0, "\(operation)")
            #expect(Self.warnings(capture).isEmpty, "\(operation)")
        }
    }

    /// A sync that fails (EIO: the disk is failing) is counted and logged, and the writes after
    /// it wake the next one: nothing stops, nothing crashes.
    @Test func aFailingSyncIsReportedAndTheNextOneStillRuns() async throws {
        let dir = TestFolders.fresh()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { TestFolders.remove(dir) }
        let folder = open(dir, O_RDONLY | O_DIRECTORY)
        try #require(folder >= 0)
        defer { close(folder) }
        let calls = Mutex(0)
        let capture = PostgresSessionStoreTests.LogCapture()
        let sync = try #require(
            PeriodicSync(
                folder: folder, interval: .milliseconds(20), display: dir, logger: SessionSweeperTests.logger(capture)
            ) { _ in
                let n = calls.withLock { c in c += 1; return c }
                if n == 1 {
                    errno = EIO
                    return -1
                }
                return 0
            })
        #expect(!sync.noteWrite(), "a write noted with no loop running is the writer's to sync")
        let ran = try await Self.whileRunning(sync, { #expect(await sync.run()) }) {
            // A second loop on the same sync returns at once.
            #expect(!(await sync.run()))
            #expect(sync.noteWrite())
            try await Self.waitForSyncs(sync, atLeast: 1)
            #expect(sync.failures == 1)
            #expect(sync.noteWrite())
            try await Self.waitForSyncs(sync, atLeast: 2)
            return sync.syncs
        }
        #expect(ran == 2)
        #expect(sync.syncs == 2)
        #expect(sync.failures == 1)
        #expect(calls.withLock { $0 } == 2)
        let errors = capture.lines.withLock { $0.filter { $0.hasPrefix("error periodic sync failed") } }
        #expect(errors.count == 1)
    }

    /// In a `ServiceGroup`: a write waits for no sync while the service runs, graceful shutdown
    /// syncs it at once (not an interval later), and writes after that sync themselves.
    @Test func gracefulShutdownSyncsAtOnce() async throws {
        let dir = TestFolders.fresh()
        defer { TestFolders.remove(dir) }
        let capture = PostgresSessionStoreTests.LogCapture()
        let store = try Self.store(dir, .syncEvery(.seconds(3_600)), capture)
        let sync = try #require(store.periodicSync)
        let group = ServiceGroup(
            configuration: .init(services: [store.syncService], logger: SessionSweeperTests.logger(capture)))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            while !sync.isRunning { try await Task.sleep(for: .milliseconds(1)) }
            #expect(try await store.create(Self.newKey(), record: Self.record()))
            try await Task.sleep(for: .milliseconds(20))
            #expect(sync.syncs == 0)
            let stopping = ContinuousClock.now
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            #expect(ContinuousClock.now - stopping < .seconds(30))
        }
        #expect(sync.syncs == 1, "graceful shutdown synced once")
        #expect(sync.failures == 0)
        #expect(!sync.isRunning)
        // Stopped: writes sync in the write path; the service was made, so no warning.
        #expect(store.syncsWritesNow)
        #expect(try await store.create(Self.newKey(), record: Self.record()))
        #expect(sync.syncs == 1)
        #expect(Self.warnings(capture).isEmpty)
        #expect(!capture.lines.withLock { $0.contains { $0.contains("sync at shutdown failed") } })
    }

    /// A `.syncEvery` store whose service was never made syncs each write before it returns,
    /// as `.syncEachSave` does, and says once how to fix that.
    @Test func withoutTheServiceWritesSyncThemselvesAndOneWarningSaysSo() async throws {
        let dir = TestFolders.fresh()
        defer { TestFolders.remove(dir) }
        let capture = PostgresSessionStoreTests.LogCapture()
        let store = try Self.store(dir, .syncEvery(.milliseconds(20)), capture)
        let sync = try #require(store.periodicSync)
        let key = Self.newKey()
        #expect(try await store.create(key, record: Self.record(["n": 0])))
        for n in 1...3 {
            let changes = StoreConformanceTests.changes([("n", .int(SessionInteger(n)))], at: Self.t0 + Int64(n))
            #expect(try await store.apply(changes, to: key)?.data["n"] == .int(SessionInteger(n)))
        }
        let changes = StoreConformanceTests.changes([], at: Self.t0 + 4)
        #expect(try await store.move(changes, from: key, to: Self.newKey())?.data["n"] == 3)
        #expect(store.syncsWritesNow)
        #expect(!sync.noteWrite())
        try await Task.sleep(for: .milliseconds(100))
        #expect(sync.syncs == 0, "no background sync without the service")
        let warnings = Self.warnings(capture)
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix("warning ") == true)
        #expect(warnings.first?.contains("store.syncService") == true)
        #expect(warnings.first?.contains("Application(services:)") == true)
    }

    /// `.syncEachSave` and `.noSync` have no periodic sync; a `.syncEvery` interval that is not
    /// positive means each save; an absurd interval sleeps a day at most, without trapping.
    @Test func durabilityModes() async throws {
        let dir = TestFolders.fresh()
        defer { TestFolders.remove(dir) }
        #expect(DirectorySessionStore.Durability.default == .syncEvery(.seconds(1)))
        #expect(try DirectorySessionStore(directory: dir, keys: TestFolders.keys).durability == .syncEvery(.seconds(1)))
        #expect(try DirectorySessionStore(directory: dir, keys: TestFolders.keys).periodicSync?.interval == .seconds(1))
        let distant = try DirectorySessionStore(directory: dir, durability: .syncEvery(.seconds(Int64.max)), keys: TestFolders.keys)
        let sync = try #require(distant.periodicSync)
        let service = distant.syncService
        try await Self.whileRunning(sync, { try await service.run() }) {
            #expect(try await distant.create(Self.newKey(), record: Self.record()))
            try await Task.sleep(for: .milliseconds(50))
            #expect(sync.syncs == 0)
        }
        #expect(sync.syncs == 1, "the final sync")
        for (given, expected) in [
            (DirectorySessionStore.Durability.syncEachSave, DirectorySessionStore.Durability.syncEachSave),
            (.noSync, .noSync), (.syncEvery(.zero), .syncEachSave), (.syncEvery(.seconds(-1)), .syncEachSave),
        ] {
            let store = try DirectorySessionStore(directory: dir, durability: given, keys: TestFolders.keys)
            #expect(store.durability == expected, "\(given)")
            #expect(store.periodicSync == nil, "\(given)")
            #expect(store.syncsEachSave == (expected == .syncEachSave))
            #expect(store.syncsWritesNow == (expected == .syncEachSave))
            #expect(store.syncsRemovals == (expected != .noSync))
        }
    }
}
