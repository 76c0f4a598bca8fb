import Foundation
import GRDB
import Testing

@testable import SessionKit
@testable import SessionKitSQLite

extension StoreFactory {
    /// A `SQLiteSessionStore` on a fresh temporary database file.
    static var sqlite: StoreFactory {
        StoreFactory(name: "sqlite") { try SQLiteSessionStore(path: TestFolders.fresh() + ".sqlite") }
    }
}

@Suite struct SQLiteSessionStoreTests {
    static let t0 = StoreConformanceTests.t0

    static func record(_ data: SessionObject = ["user": "alice"], at now: Int64 = t0, ttl: Int64 = 3_600) -> SessionRecord {
        StoreConformanceTests.record(data, at: now, ttl: ttl)
    }

    static func newKey() -> SessionStorageKey { SessionID.generate().storageKey }

    /// A fresh store and its file; the file's folder is removed afterwards.
    static func withStore<T>(
        _ body: (SQLiteSessionStore, String) async throws -> T
    ) async throws -> T {
        let path = TestFolders.fresh() + ".sqlite"
        defer { TestFolders.remove((path as NSString).deletingLastPathComponent) }
        return try await body(try SQLiteSessionStore(path: path), path)
    }

    /// A plain GRDB connection to the same file, to look at or damage what the store wrote.
    static func raw(_ path: String) throws -> DatabaseQueue {
        var config = Configuration()
        config.busyMode = .timeout(5)
        return try DatabaseQueue(path: path, configuration: config)
    }

    static func expectUnavailable(
        _ what: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
    ) -> SessionStoreError? {
        do {
            try body()
            Issue.record("\(what): no error", sourceLocation: sourceLocation)
            return nil
        } catch let error as SessionStoreError {
            #expect(error.kind == .unavailable, sourceLocation: sourceLocation)
            return error
        } catch {
            Issue.record("\(what): not a SessionStoreError: \(error)", sourceLocation: sourceLocation)
            return nil
        }
    }

    // MARK: Schema and settings

    @Test func writesItsSchemaVersionAndIndexInWALMode() async throws {
        try await Self.withStore { (store, path) async throws in
            #expect(try await store.create(Self.newKey(), record: Self.record()))
            let db = try Self.raw(path)
            try await db.read { db in
                #expect(try Int.fetchOne(db, sql: "PRAGMA user_version") == SQLiteSessionStore.schemaVersion)
                #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
                let indexes = try String.fetchAll(
                    db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sessions'")
                #expect(indexes.contains("sessions_expires_at"))
                let indexed = try String.fetchAll(db, sql: "SELECT name FROM pragma_index_info('sessions_expires_at')")
                #expect(indexed == ["expires_at"])
                // The sweep's query uses the index, not a table scan.
                let details = try Row.fetchAll(
                    db, sql: "EXPLAIN QUERY PLAN SELECT rowid FROM sessions WHERE expires_at <= 1 ORDER BY expires_at LIMIT 5"
                ).map { $0["detail"] as String? ?? "" }
                #expect(details.contains { $0.contains("sessions_expires_at") }, "\(details)")
            }
        }
    }

    /// A row whose data is not tagged JSON: load treats it as absent; apply and move write
    /// nothing, remove it, and answer nil (no error page, no resurrection); its neighbours are fine.
    @Test func aCorruptRowIsAbsentAndRemovedByTheNextWrite() async throws {
        try await Self.withStore { (store, _) async throws in
            let bad = Self.newKey()
            let good = Self.newKey()
            #expect(try await store.create(bad, record: Self.record(["n": 1])))
            #expect(try await store.create(good, record: Self.record(["n": 2])))
            try await store.pool.write { db in
                try db.execute(sql: "UPDATE sessions SET data = ? WHERE key = ?", arguments: [Data("{not json".utf8), bad.hex])
            }
            #expect(try await store.load(bad, now: Self.t0) == nil)
            let changes = StoreConformanceTests.changes([("n", 3)], at: Self.t0 + 1)
            #expect(try await store.apply(changes, to: bad) == nil)
            let rows = try await store.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM sessions WHERE key = ?", arguments: [bad.hex])
            }
            #expect(rows == 0, "the corrupt row is removed")
            #expect(try await store.apply(changes, to: good)?.data == ["n": 3])
            // The same through move.
            try await store.pool.write { db in
                try db.execute(sql: "UPDATE sessions SET data = ? WHERE key = ?", arguments: [Data("[1]".utf8), good.hex])
            }
            let target = Self.newKey()
            #expect(try await store.move(changes, from: good, to: target) == nil)
            #expect(try await store.load(target, now: Self.t0 + 1) == nil)
            #expect(try await store.load(good, now: Self.t0 + 1) == nil)
        }
    }

    @Test func reopensItsOwnDatabaseAndKeepsTheRecords() async throws {
        try await Self.withStore { (store, path) async throws in
            let key = Self.newKey()
            #expect(try await store.create(key, record: Self.record(["n": 1])))
            let again = try SQLiteSessionStore(path: path)
            #expect(try await again.load(key, now: Self.t0)?.data == ["n": 1])
            // Commits fsynced by default: the writer (which commits) runs with synchronous=FULL,
            // not the NORMAL that GRDB gives a WAL pool's writer (readers don't matter here).
            let sync = try await again.pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
            #expect(sync == 2)
            let fast = try SQLiteSessionStore(path: path, synchronousWrites: false)
            let fastSync = try await fast.pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
            #expect(fastSync == 1)
        }
    }

    @Test func refusesANewerSchemaVersionAndLeavesTheFileAlone() async throws {
        let path = TestFolders.fresh() + ".sqlite"
        defer { TestFolders.remove((path as NSString).deletingLastPathComponent) }
        _ = try SQLiteSessionStore(path: path)
        try await Self.raw(path).writeWithoutTransaction { db in try db.execute(sql: "PRAGMA user_version = 2") }
        let error = Self.expectUnavailable("newer schema") { _ = try SQLiteSessionStore(path: path) }
        #expect(error?.message.contains("schema version 2 is newer") == true, "\(String(describing: error))")
        let version = try await Self.raw(path).read { try Int.fetchOne($0, sql: "PRAGMA user_version") }
        #expect(version == 2)
    }

    @Test func refusesADatabaseWithOtherTables() async throws {
        let path = TestFolders.fresh() + ".sqlite"
        defer { TestFolders.remove((path as NSString).deletingLastPathComponent) }
        try await Self.raw(path).write { db in try db.execute(sql: "CREATE TABLE users (id INTEGER PRIMARY KEY)") }
        let error = Self.expectUnavailable("foreign database") { _ = try SQLiteSessionStore(path: path) }
        #expect(error?.message.contains("other tables") == true, "\(String(describing: error))")
    }

    @Test func aFileThatIsNotADatabaseIsAClearError() throws {
        let path = TestFolders.fresh() + ".sqlite"
        defer { TestFolders.remove((path as NSString).deletingLastPathComponent) }
        let junk = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 1) })
        try junk.write(to: URL(fileURLWithPath: path))
        let error = Self.expectUnavailable("not a database") { _ = try SQLiteSessionStore(path: path) }
        #expect(error?.message.contains(path) == true)
        #expect(error?.message.contains("not a database") == true, "\(String(describing: error))")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == junk)  // untouched
    }

    @Test func anUnopenablePathIsAClearError() throws {
        let path = TestFolders.fresh() + "/missing-folder/db.sqlite"
        let error = Self.expectUnavailable("missing folder") { _ = try SQLiteSessionStore(path: path) }
        #expect(error?.message.hasPrefix("open \(path): SQLite error") == true, "\(String(describing: error))")
    }

    // MARK: Rows

    @Test func storesTimingInColumnsAndDataAsTaggedJSON() async throws {
        try await Self.withStore { (store, path) async throws in
            let key = Self.newKey()
            let record = SessionRecord(
                data: ["t": .tuple([1, "a"])], createdAt: Self.t0 - 5, lastAccessAt: Self.t0, absoluteDeadline: Self.t0 + 99,
                idleTimeoutOverride: 1_209_600, expiresAt: Self.t0 + 60, version: .max)
            #expect(try await store.create(key, record: record))
            #expect(try await store.load(key, now: Self.t0) == record)
            let fetched = try Self.raw(path).read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM sessions WHERE key = ?", arguments: [key.hex])
            }
            let row = try #require(fetched)
            #expect(row["expires_at"] as Int64? == Self.t0 + 60)
            #expect(row["created_at"] as Int64? == Self.t0 - 5)
            #expect(row["last_access_at"] as Int64? == Self.t0)
            #expect(row["absolute_deadline"] as Int64? == Self.t0 + 99)
            #expect(row["idle_timeout_override"] as Int64? == 1_209_600)
            #expect(row["version"] as Int64? == -1)  // UInt64.max, bit pattern
            #expect(String(decoding: row["data"] as Data? ?? Data(), as: UTF8.self) == #"{"t":{" t":[1,"a"]}}"#)
        }
    }

    @Test(arguments: [
        "UPDATE sessions SET data = x'7b2261223a'",  // truncated JSON
        "UPDATE sessions SET data = x'5b315d'",  // an array, not an object
        "UPDATE sessions SET expires_at = 'soon'",  // not an integer (still sorts after any number)
        "UPDATE sessions SET version = 1.5",
        "UPDATE sessions SET data = NULL",  // NOT NULL: refused by SQLite; row unchanged
        "UPDATE sessions SET created_at = x'00'",
    ])
    func aCorruptRowReadsAsAbsentAndApplyRemovesIt(_ damage: String) async throws {
        try await Self.withStore { (store, path) async throws in
            let key = Self.newKey()
            let other = Self.newKey()
            #expect(try await store.create(key, record: Self.record(["a": 1])))
            let raw = try Self.raw(path)
            do {
                try await raw.write { db in try db.execute(sql: damage + " WHERE key = ?", arguments: [key.hex]) }
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                #expect(try await store.load(key, now: Self.t0)?.data == ["a": 1])
                return
            }
            #expect(try await store.create(other, record: Self.record(["b": 2])))
            #expect(try await store.load(key, now: Self.t0) == nil)
            #expect(try await store.apply(StoreConformanceTests.changes([("a", 2)], at: Self.t0 + 1), to: key) == nil)
            #expect(try await store.count() == 1)
            #expect(try await store.load(other, now: Self.t0)?.data == ["b": 2])
            // The key is usable again.
            #expect(try await store.create(key, record: Self.record(["a": 3])))
            #expect(try await store.load(key, now: Self.t0)?.data == ["a": 3])
        }
    }

    @Test func createReplacesAnExpiredRecordOnly() async throws {
        try await Self.withStore { (store, _) async throws in
            let key = Self.newKey()
            #expect(try await store.create(key, record: Self.record(["n": 1], ttl: 10)))
            #expect(try await store.create(key, record: Self.record(["n": 2], at: Self.t0 + 9)) == false)
            let replacement = Self.record(["n": 3], at: Self.t0 + 10)
            #expect(try await store.create(key, record: replacement))
            #expect(try await store.load(key, now: Self.t0 + 10) == replacement)
            #expect(try await store.count() == 1)
        }
    }

    // MARK: Sweep

    @Test func sweepDeletesInBoundedBatchesEarliestFirst() async throws {
        try await Self.withStore { (store, path) async throws in
            // 250 expired (ttl 1…250) and 50 live.
            for ttl in 1...250 {
                #expect(try await store.create(Self.newKey(), record: Self.record(["ttl": .int(ttl)], ttl: Int64(ttl))))
            }
            for _ in 0..<50 { #expect(try await store.create(Self.newKey(), record: Self.record(ttl: 10_000))) }
            let now = Self.t0 + 250
            #expect(try await store.sweep(now: now, limit: 100) == 100)
            // Earliest expiries went first.
            let earliest = try await Self.raw(path).read { db in
                try Int64.fetchOne(db, sql: "SELECT min(expires_at) FROM sessions")
            }
            #expect(earliest == Self.t0 + 101)
            #expect(try await store.sweep(now: now, limit: 100) == 100)
            #expect(try await store.sweep(now: now, limit: 100) == 50)
            #expect(try await store.sweep(now: now, limit: 100) == 0)
            #expect(try await store.count() == 50)
            #expect(try await store.sweep(now: now, limit: 0) == 0)
        }
    }

    @Test func periodicSweepRunsUntilCancelled() async throws {
        try await Self.withStore { (store, _) async throws in
            for _ in 0..<25 { #expect(try await store.create(Self.newKey(), record: Self.record(ttl: 1))) }
            let live = Self.newKey()
            #expect(try await store.create(live, record: Self.record(at: Self.t0 + 1_000_000_000)))
            let task = Task { try await SessionSweeper(store, every: .milliseconds(20), batch: 10).run() }
            defer { task.cancel() }
            let deadline = ContinuousClock.now + .seconds(20)
            while try await store.count() > 1, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(try await store.count() == 1)
            #expect(try await store.keys(limit: 10) == [live])
        }
    }

    // MARK: Several connections

    @Test func twoStoresOnOneFileSeeEachOthersWritesAndApplyAtomically() async throws {
        try await Self.withStore { (a, path) async throws in
            let b = try SQLiteSessionStore(path: path)
            let key = Self.newKey()
            #expect(try await a.create(key, record: Self.record(["shared": "yes"])))
            // Two writers with their own connections (as two processes would have) race on one key.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (i, store) in [a, b].enumerated() {
                    group.addTask {
                        for round in 0..<100 {
                            let set = StoreConformanceTests.changes([("k\(i)", .int(round))], at: Self.t0 + 1)
                            let applied = try await store.apply(set, to: key)
                            #expect(applied != nil)
                        }
                    }
                }
                try await group.waitForAll()
            }
            let final = try #require(try await b.load(key, now: Self.t0 + 1))
            #expect(final.data == ["shared": "yes", "k0": 99, "k1": 99])
            #expect(final.version == 201)
        }
    }

    @Test func errorsCarryNoSessionData() async throws {
        let path = TestFolders.fresh() + ".sqlite"
        defer { TestFolders.remove((path as NSString).deletingLastPathComponent) }
        let store = try SQLiteSessionStore(path: path)
        let key = Self.newKey()
        #expect(try await store.create(key, record: Self.record(["secret": "hunter2"])))
        // Another connection holds the write lock past the store's busy timeout.
        let short = try SQLiteSessionStore(path: path, busyTimeout: .milliseconds(50))
        let raw = try Self.raw(path)
        try await raw.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            defer { try? db.execute(sql: "ROLLBACK") }
            // (Synchronous on purpose: `raw`'s queue holds the lock while `short` tries.)
            let semaphore = DispatchSemaphore(value: 0)
            let box = ErrorBox()
            Task {
                do {
                    _ = try await short.apply(
                        StoreConformanceTests.changes([("secret", "hunter3")], at: Self.t0 + 1), to: key)
                } catch { box.set(error) }
                semaphore.signal()
            }
            semaphore.wait()
            let error = box.get() as? SessionStoreError
            #expect(error?.kind == .unavailable)
            #expect(error?.message.contains("apply \(path): SQLite error 5") == true, "\(String(describing: error))")
            #expect(error.map { !$0.description.contains("hunter") && !$0.description.contains(key.hex) } == true)
        }
        #expect(try await store.load(key, now: Self.t0 + 1)?.data == ["secret": "hunter2"])
    }

}

private final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var error: (any Error)?
    func set(_ e: any Error) { lock.withLock { error = e } }
    func get() -> (any Error)? { lock.withLock { error } }
}
