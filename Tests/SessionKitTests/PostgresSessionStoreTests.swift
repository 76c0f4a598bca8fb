import Foundation
import Logging
import PostgresNIO
import Synchronization
import Testing

@testable import SessionKit
@testable import SessionKitPostgres

/// The test server: `scripts/test` starts one and exports `SESSIONKIT_POSTGRES_URL`. Without it
/// the PostgreSQL tests are skipped with a message, except under CI (`CI` set), where they fail.
enum PostgresTestServer {
    static let environment = ProcessInfo.processInfo.environment
    static let url: String? = environment["SESSIONKIT_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let isCI: Bool = !(environment["CI"] ?? "").isEmpty
    /// Run the PostgreSQL tests: a server is configured, or CI must fail without one.
    static let shouldRun = url != nil || isCI
    static let skipMessage: Comment =
        "SESSIONKIT_POSTGRES_URL is not set: PostgreSQL tests skipped (scripts/test provisions a server)"

    struct NotConfigured: Error, CustomStringConvertible {
        var description: String {
            "SESSIONKIT_POSTGRES_URL is not set but CI is: run the tests through scripts/test, which starts PostgreSQL"
        }
    }

    static func configuration(table: String = uniqueTable(), schema: String? = "sessionkit_test") throws
        -> PostgresSessionStore.Configuration
    {
        guard let url else { throw NotConfigured() }
        var c = try PostgresSessionStore.Configuration(url: url, schema: schema, table: table)
        c.maximumConnections = 8
        // Generous: under the full suite on two cores, CPU-bound tests (the memory store's
        // 100,000 sessions) and test bodies doing file I/O can starve the cooperative pool, and
        // the first operations (connecting, creating the table) come when the suite starts and
        // everything runs at once: 30 s timed out in 2 of 3 CI runs one evening. The outage
        // tests set their own short timeouts.
        c.operationTimeout = .seconds(90)
        return c
    }

    static func uniqueTable() -> String {
        "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    }

    static func makeStore(table: String = uniqueTable(), clock: SessionClock = .system) throws -> PostgresSessionStore {
        try PostgresSessionStore(configuration: configuration(table: table), clock: clock, logger: quietLogger)
    }

    static let quietLogger: Logger = {
        var l = Logger(label: "test.postgres")
        l.logLevel = .critical
        return l
    }()
}

extension StoreFactory {
    /// A `PostgresSessionStore` on a fresh table in the test server's `sessionkit_test` schema.
    static var postgres: StoreFactory {
        StoreFactory(name: "postgres") { try PostgresTestServer.makeStore() }
    }

    /// `.postgres` when there is a server (or CI, where its absence must fail); else nothing,
    /// and `PostgresSessionStoreTests.serverIsConfigured` reports the skip.
    static var postgresIfConfigured: [StoreFactory] { PostgresTestServer.shouldRun ? [.postgres] : [] }
}

/// A `tcp_proxy.py` child: a "database" that can be taken away and brought back.
final class TCPProxy: @unchecked Sendable {
    private let process = Process()
    let port: Int

    init(listenPort: Int = 0, targetHost: String, targetPort: Int) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let python = ProcessInfo.processInfo.environment["SESSIONKIT_PYTHON"] ?? "python3"
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            python, root.appendingPathComponent("scripts/tcp_proxy.py").path, "\(listenPort)", targetHost,
            "\(targetPort)",
        ]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // "ready PORT"
        var line: [UInt8] = []
        let handle = out.fileHandleForReading
        while true {
            let byte = try handle.read(upToCount: 1) ?? Data()
            if byte.isEmpty || byte.first == UInt8(ascii: "\n") { break }
            line += byte
        }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("ready "), let p = Int(text.dropFirst(6)) else {
            process.terminate()
            throw PostgresSessionStore.ConfigurationError("tcp_proxy.py did not start: '\(text)'")
        }
        port = p
    }

    /// Kills the proxy (every forwarded connection drops) and waits for it.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit { stop() }
}

@Suite struct PostgresSessionStoreTests {
    typealias Configuration = PostgresSessionStore.Configuration
    static let t0 = StoreConformanceTests.t0

    @Test(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipMessage))
    func serverIsConfigured() throws {
        let c = try PostgresTestServer.configuration()
        #expect(!c.host.isEmpty)
    }

    // MARK: Configuration (no server needed)

    @Test func parsesGoodURLs() throws {
        let a = try Configuration(url: "postgres://user:pw@db.example:6543/app")
        #expect(a.host == "db.example" && a.port == 6543 && a.username == "user" && a.password == "pw")
        #expect(a.database == "app" && a.tls == .prefer)
        #expect(a.table == "sessionkit_sessions" && a.schema == nil)

        let b = try Configuration(url: "postgresql://user@localhost/app?sslmode=disable")
        #expect(b.port == 5432 && b.password == nil && b.tls == .disable)

        let c = try Configuration(url: "postgres://u%40x:p%3Aw%2F%40d@127.0.0.1:5432/my%20db?sslmode=require")
        #expect(c.username == "u@x" && c.password == "p:w/@d" && c.database == "my db" && c.tls == .require)

        let d = try Configuration(url: "postgres://u:p@[::1]:5433/db?sslmode=prefer")
        #expect(d.host == "::1" && d.port == 5433 && d.tls == .prefer)

        let e = try Configuration(url: "POSTGRES://u@h")
        #expect(e.database == nil && e.host == "h")

        #expect(try Configuration(url: "postgres://u@h/db?sslmode=verify-full").tls == .require)
        // The redacted form never shows the password.
        #expect(!c.redactedURL.contains("p:w") && c.redactedURL.contains("127.0.0.1:5432"))
    }

    /// The pool options given to postgres-nio: no keep-alive timer unless asked for, one
    /// connection kept open, the minimum never above the maximum.
    @Test func poolOptions() throws {
        var c = try Configuration(url: "postgres://u@h/db")
        var options = c.clientConfiguration.options
        #expect(options.keepAliveBehavior == nil)
        #expect(options.minimumConnections == 1 && options.maximumConnections == 10)
        c.keepAliveFrequency = .seconds(45)
        c.minimumConnections = 50
        c.maximumConnections = 4
        options = c.clientConfiguration.options
        #expect(options.keepAliveBehavior?.frequency == .seconds(45))
        #expect(options.minimumConnections == 4 && options.maximumConnections == 4)
        // A zero or negative frequency would ping without pause: it means no keep-alive.
        c.keepAliveFrequency = .zero
        #expect(c.clientConfiguration.options.keepAliveBehavior == nil)
        c.keepAliveFrequency = .seconds(-5)
        c.minimumConnections = -3
        options = c.clientConfiguration.options
        #expect(options.keepAliveBehavior == nil && options.minimumConnections == 0)
    }

    @Test(arguments: [
        ("", "empty"),
        ("localhost:5432/db", "must start with postgres://"),
        ("http://u:p@h/db", "unsupported URL scheme 'http'"),
        ("mysql://u:p@h/db", "unsupported URL scheme 'mysql'"),
        ("postgres:///db", "no host"),
        ("postgres://h:5432/db", "no user name"),
        ("postgres://u:secretpw@h:70000/db", "out of range"),
        ("postgres://u:secretpw@h:0/db", "out of range"),
        ("postgres://u:secretpw@h:port/db", "not a valid URL"),
        ("postgres://u:secretpw@h/db?sslmode=maybe", "unsupported sslmode 'maybe'"),
        ("postgres://u:secretpw@h/db?sslmode=allow", "unsupported sslmode 'allow'"),
        ("postgres://u:secretpw@h/db?pool=5", "unsupported URL parameter 'pool'"),
        ("postgres://u:secretpw@h/db/extra", "must not contain '/'"),
    ])
    func rejectsBadURLsClearly(url: String, expected: String) {
        do {
            _ = try Configuration(url: url)
            Issue.record("accepted \(url)")
        } catch {
            // Typed throws: `error` is a `ConfigurationError`.
            #expect(error.message.contains(expected), "\(url): \(error.message)")
            #expect(!error.description.contains("secretpw"))
        }
    }

    @Test func validatesIdentifiers() throws {
        for good in ["sessions", "_x1", "Sessions_2024", String(repeating: "a", count: 48)] {
            #expect(throws: Never.self) { try PostgresSessionStore.QualifiedTable(schema: good, table: good) }
        }
        for bad in ["", "a-b", "1abc", "x\"; DROP TABLE y; --", "a b", "sch.table", "é", String(repeating: "a", count: 49)] {
            #expect(throws: PostgresSessionStore.ConfigurationError.self) {
                try PostgresSessionStore.QualifiedTable(schema: nil, table: bad)
            }
            #expect(throws: PostgresSessionStore.ConfigurationError.self) {
                try PostgresSessionStore.QualifiedTable(schema: bad, table: "ok")
            }
        }
        let q = try PostgresSessionStore.QualifiedTable(schema: "App", table: "Sessions")
        #expect(q.sql == "\"App\".\"Sessions\"")
        #expect(q.indexName == "\"Sessions_expiry_bucket\"")
        // The store's initializer validates too, before any connection.
        var c = try Configuration(url: "postgres://u@h/db")
        c.table = "bad-name"
        #expect(throws: PostgresSessionStore.ConfigurationError.self) { try PostgresSessionStore(configuration: c) }
    }

    // MARK: Against the test server

    /// Whether `schema.table` exists, and its indexes.
    static func tableInfo(_ store: PostgresSessionStore, schema: String, table: String) async throws -> (Bool, [String]) {
        let rows = try await store.client.query(
            "SELECT indexname FROM pg_indexes WHERE schemaname = \(schema) AND tablename = \(table)")
        var indexes: [String] = []
        for try await name in rows.decode(String.self) { indexes.append(name) }
        let exists = try await store.client.query(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = \(schema) AND table_name = \(table)")
        var n: Int64 = 0
        for try await c in exists.decode(Int64.self) { n = c }
        return (n == 1, indexes.sorted())
    }

    @Test(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipMessage))
    func createsSchemaTableAndIndexIfAbsent() async throws {
        let schema = "sk_schema_" + String(UUID().uuidString.prefix(8)).lowercased()
        var c = try PostgresTestServer.configuration(table: "Sessions_Mixed", schema: schema)
        c.maximumConnections = 2
        let store = try PostgresSessionStore(configuration: c, logger: PostgresTestServer.quietLogger)
        defer { Task { [store] in await store.shutdown() } }
        #expect(try await Self.tableInfo(store, schema: schema, table: "Sessions_Mixed").0 == false)
        try await store.prepare()
        let (exists, indexes) = try await Self.tableInfo(store, schema: schema, table: "Sessions_Mixed")
        #expect(exists)
        #expect(indexes.contains("Sessions_Mixed_expiry_bucket"))
        #expect(!indexes.contains("Sessions_Mixed_expires_at"))
        #expect(indexes.contains("Sessions_Mixed_pkey"))
        // A second store (another process, say) on the same table reuses it, data intact.
        let key = StoreConformanceTests.newKey()
        #expect(try await store.create(key, record: StoreConformanceTests.record(["a": 1])))
        let second = try PostgresSessionStore(configuration: c, logger: PostgresTestServer.quietLogger)
        try await second.prepare()
        #expect(try await second.load(key, now: Self.t0)?.data == ["a": 1])
        await second.shutdown()
        try await store.client.query("DROP SCHEMA \(unescaped: "\"\(schema)\"") CASCADE")
    }

    /// A process that starts on a table other processes are writing to must not wait for their
    /// writes, nor hold new ones behind it: a complete table gets no DDL (`CREATE INDEX IF NOT
    /// EXISTS` of an existing index still takes a SHARE lock, which waits for the open write).
    @Test(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipMessage))
    func startingOnATableWithAnOpenWriteDoesNotWaitForIt() async throws {
        let table = PostgresTestServer.uniqueTable()
        let store = try PostgresTestServer.makeStore(table: table)
        defer { Task { [store] in await store.shutdown() } }
        try await store.prepare()
        var c = try PostgresTestServer.configuration(table: table)
        c.operationTimeout = .seconds(3)
        let second = try PostgresSessionStore(configuration: c, logger: PostgresTestServer.quietLogger)
        let key = StoreConformanceTests.newKey()
        try await store.client.withTransaction(logger: PostgresTestServer.quietLogger) { connection in
            // An open write transaction: ROW EXCLUSIVE on the table until it ends.
            try await connection.query("UPDATE \(unescaped: store.table.sql) SET version = version WHERE false", logger: PostgresTestServer.quietLogger).drain()
            try await second.prepare()
            #expect(try await second.create(key, record: StoreConformanceTests.record(["a": 1])))
        }
        #expect(try await store.load(key, now: Self.t0)?.data == ["a": 1])
        await second.shutdown()
    }

    /// The table's storage options (`fillfactor=80`…).
    static func reloptions(_ store: PostgresSessionStore) async throws -> [String] {
        let rows = try await store.client.query(
            "SELECT coalesce(array_to_string(reloptions, ','), '') FROM pg_class WHERE oid = to_regclass(\(store.table.sql))")
        var options: [String] = []
        for try await text in rows.decode(String.self) { options = text.split(separator: ",").map(String.init) }
        return options
    }

    @Test(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipMessage))
    func savesWithinAnExpiryBucketAreHOTUpdates() async throws {
        let store = try PostgresTestServer.makeStore()
        defer { Task { [store] in await store.shutdown() } }
        let t0 = Self.t0  // t0 + 3,600 … t0 + 3,620 lie in one five-minute bucket
        let key = StoreConformanceTests.newKey()
        #expect(try await store.create(key, record: StoreConformanceTests.record(["n": 0], at: t0)))
        var base = try #require(try await store.load(key, now: t0))
        for i in 1...20 {
            var changes = StoreConformanceTests.changes([("n", .int(SessionInteger(i)))], at: t0 + Int64(i))
            changes.base = base
            base = try #require(try await store.apply(changes, to: key))
        }
        #expect(try await store.load(key, now: t0 + 20)?.expiresAt == t0 + 3_620)
        // Statistics reach pg_stat_user_tables when each backend flushes them: about a second after
        // its commit, but an idle backend may wait for PostgreSQL's 10 s idle flush (seen under
        // load): up to 30 s.
        var counts: (Int64, Int64) = (0, 0)
        for _ in 0..<150 {
            let rows = try await store.client.query(
                "SELECT n_tup_upd, n_tup_hot_upd FROM pg_stat_user_tables WHERE relid = to_regclass(\(store.table.sql))")
            for try await row in rows.decode((Int64, Int64).self) { counts = row }
            if counts.0 >= 20 { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(counts.0 == 20)
        #expect(counts.1 >= 19, "updates \(counts.0), HOT \(counts.1)")
    }

    @Test(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipMessage))
    func concurrentFirstUseCreatesTheTableOnce() async throws {
        let table = PostgresTestServer.uniqueTable()
        let stores = try (0..<4).map { _ in try PostgresTestServer.makeStore(table: table) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for store in stores { group.addTask { _ = try await store.count() } }
            try await group.waitForAll()
        }
        for store in stores { await store.shutdown() }
    }

    @Test(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipMessage))
    func expiredRowsAreInvisibleBeforeAnySweep() async throws {
        let store = try PostgresTestServer.makeStore()
        defer { Task { [store] in await store.shutdown() } }
        let t0 = Self.t0
        let key = StoreConformanceTests.newKey()
        #expect(try await store.create(key, record: StoreConformanceTests.record(["a": 1], ttl: 10)))
        #expect(try await store.load(key, now: t0 + 9) != nil)
        #expect(try await store.load(key, now: t0 + 10) == nil)
        #expect(try await store.apply(StoreConformanceTests.changes([("a", 2)], at: t0 + 10), to: key) == nil)
        // Still a row (nothing swept), but not a session: the failed apply wrote nothing.
        #expect(try await store.count() == 1)
        #expect(try await store.load(key, now: t0 + 9)?.data == ["a": 1])
        // A create over the expired row replaces it.
        let fresh = StoreConformanceTests.record(["b": 2], at: t0 + 20)
        #expect(try await store.create(key, record: fresh))
        #expect(try await store.load(key, now: t0 + 20) == fresh)
        #expect(try await store.count() == 1)
    }

    /// Inserts `n` rows expiring at `expiresAt` in one statement.
    static func bulkInsert(_ store: PostgresSessionStore, count n: Int, expiresAt: Int64) async throws {
        try await store.prepare()
        try await store.client.query(
            """
            INSERT INTO \(unescaped: store.table.sql) (id, data, created_at, last_access_at, expires_at, version)
            SELECT encode(sha256(gen_random_uuid()::text::bytea), 'hex'), '{}'::bytea, 0, 0, \(expiresAt), 1
            FROM generate_series(1, \(Int64(n)))
            """)
    }

    @Test(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipMessage))
    func sweepDeletesInBoundedBatchesUntilNothingExpiredIsLeft() async throws {
        let store = try PostgresTestServer.makeStore()
        defer { Task { [store] in await store.shutdown() } }
        let t0 = Self.t0
        try await Self.bulkInsert(store, count: 2_500, expiresAt: t0 - 1)
        try await Self.bulkInsert(store, count: 10, expiresAt: t0 + 1_000)
        #expect(try await store.sweep(now: t0, limit: 1_200) == 1_200)  // two statements: 1,000 + 200
        #expect(try await store.count() == 1_310)
        #expect(try await store.sweepIfNoOtherInstanceIs(now: t0, batch: 100) == .swept(1_300))
        #expect(try await store.sweep(now: t0, limit: .max) == 0)
        #expect(try await store.count() == 10)
    }

    @Test(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipMessage))
    func onlyOneInstanceSweepsATableAtATime() async throws {
        let table = PostgresTestServer.uniqueTable()
        let a = try PostgresTestServer.makeStore(table: table)
        let b = try PostgresTestServer.makeStore(table: table)
        let t0 = Self.t0
        try await Self.bulkInsert(a, count: 50, expiresAt: t0 - 1)
        let lockName = a.table.lockName
        // While `a`'s connection holds the table's sweep lock, `b` skips, and changes nothing.
        try await a.client.withConnection { connection in
            let rows = try await connection.query(
                "SELECT pg_try_advisory_lock(\(PostgresSessionStore.sweepLockClass), hashtext(\(lockName)))",
                logger: PostgresTestServer.quietLogger)
            for try await got in rows.decode(Bool.self) { #expect(got) }
            #expect(try await b.sweepIfNoOtherInstanceIs(now: t0) == .skipped)
            #expect(try await b.count() == 50)
            try await connection.query(
                "SELECT pg_advisory_unlock(\(PostgresSessionStore.sweepLockClass), hashtext(\(lockName)))",
                logger: PostgresTestServer.quietLogger)
        }
        #expect(try await b.sweepIfNoOtherInstanceIs(now: t0) == .swept(50))
        // Two passes at once: never both sweeping; together they remove each row once.
        try await Self.bulkInsert(a, count: 3_000, expiresAt: t0 - 1)
        async let passA = a.sweepIfNoOtherInstanceIs(now: t0, batch: 50)
        async let passB = b.sweepIfNoOtherInstanceIs(now: t0, batch: 50)
        let (ra, rb) = try await (passA, passB)
        var total = 0
        for r in [ra, rb] { if case .swept(let n) = r { total += n } }
        #expect(total == 3_000)
        #expect(try await a.count() == 0)
        // A different table has its own lock.
        let other = try PostgresTestServer.makeStore()
        #expect(try await other.sweepIfNoOtherInstanceIs(now: t0) == .swept(0))
        for s in [a, b, other] { await s.shutdown() }
    }

    @Test(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipMessage))
    func periodicSweepRunsWithJitterUntilCancelled() async throws {
        let t0 = Self.t0
        let store = try PostgresTestServer.makeStore(clock: .fixed(Double(t0)))
        try await Self.bulkInsert(store, count: 30, expiresAt: t0 - 1)
        try await Self.bulkInsert(store, count: 5, expiresAt: t0 + 100)
        let sweeper = SessionSweeper(store, every: .milliseconds(20), batch: 7, clock: .fixed(Double(t0)))
        let task = Task { try await sweeper.run() }
        var count = try await store.count()
        for _ in 0..<500 where count != 5 {
            try await Task.sleep(for: .milliseconds(10))
            count = try await store.count()
        }
        #expect(count == 5)
        task.cancel()
        try await task.value
        await store.shutdown()
    }

    @Test(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipMessage))
    func corruptDataIsReportedAsCorrupt() async throws {
        let store = try PostgresTestServer.makeStore()
        defer { Task { [store] in await store.shutdown() } }
        let key = StoreConformanceTests.newKey()
        #expect(try await store.create(key, record: StoreConformanceTests.record(["a": 1])))
        try await store.client.query("UPDATE \(unescaped: store.table.sql) SET data = '{not json'::bytea")
        await #expect(throws: SessionStoreError.self) { try await store.load(key, now: Self.t0) }
        do {
            _ = try await store.load(key, now: Self.t0)
        } catch let error as SessionStoreError {
            #expect(error.kind == .corrupt)
        }
    }

    /// Loads batched into one query: a corrupt row fails its own loads, not the others'.
    @Test(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipMessage), .seeded)
    func aCorruptRowFailsOnlyItsOwnLoadsInABatch() async throws {
        let store = try PostgresTestServer.makeStore()
        defer { Task { [store] in await store.shutdown() } }
        let bad = StoreConformanceTests.newKey()
        #expect(try await store.create(bad, record: StoreConformanceTests.record(["a": 1])))
        try await store.client.query(
            "UPDATE \(unescaped: store.table.sql) SET data = '{not json'::bytea WHERE id = \(bad.hex)")
        var good: [SessionStorageKey] = []
        for i in 0..<40 {
            let key = StoreConformanceTests.newKey()
            #expect(try await store.create(key, record: StoreConformanceTests.record(["i": .int(i)])))
            good.append(key)
        }
        var rng = TestSeed.generator()
        let asks = (good.map { Optional($0) } + Array(repeating: nil, count: 20)).shuffled(using: &rng)
        let index = Dictionary(uniqueKeysWithValues: good.enumerated().map { ($1, $0) })
        let (ok, corrupt, other) = await withTaskGroup(of: Int.self) { group in
            for key in asks {
                group.addTask {
                    do {
                        let found = try await store.load(key ?? bad, now: Self.t0)
                        if let key { return found?.data == ["i": .int(index[key]!)] ? 0 : 2 }
                        return 2
                    } catch let error as SessionStoreError where error.kind == .corrupt && key == nil {
                        return 1
                    } catch {
                        return 2
                    }
                }
            }
            var counts = (0, 0, 0)
            for await outcome in group {
                switch outcome {
                case 0: counts.0 += 1
                case 1: counts.1 += 1
                default: counts.2 += 1
                }
            }
            return counts
        }
        #expect(ok == 40)
        #expect(corrupt == 20)
        #expect(other == 0)
    }

    /// Collects log lines (levels and messages, with metadata) for assertions.
    final class LogCapture: LogHandler, @unchecked Sendable {
        let lines = Mutex<[String]>([])
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            record(event.level, event.message, event.metadata)
        }
        func log(
            level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String,
            function: String, line: UInt
        ) {
            record(level, message, metadata)
        }
        private func record(_ level: Logger.Level, _ message: Logger.Message, _ metadata: Logger.Metadata?) {
            let meta = (metadata ?? [:]).map { "\($0)=\($1)" }.sorted().joined(separator: " ")
            lines.withLock { $0.append("\(level) \(message) \(meta)") }
        }
    }

    @Test(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipMessage))
    func closedPortIsUnavailableQuickly() async throws {
        var c = try PostgresTestServer.configuration()
        c.host = "127.0.0.1"
        c.port = try Self.closedPort()
        c.operationTimeout = .seconds(2)
        c.connectTimeout = .seconds(1)
        let store = try PostgresSessionStore(configuration: c, logger: PostgresTestServer.quietLogger)
        let start = ContinuousClock.now
        do {
            _ = try await store.load(StoreConformanceTests.newKey(), now: Self.t0)
            Issue.record("load succeeded against a closed port")
        } catch let error as SessionStoreError {
            #expect(error.kind == .unavailable)
        }
        // 2 s alone; bounded loosely because the full suite can starve the cooperative pool.
        #expect(ContinuousClock.now - start < .seconds(60))
        await store.shutdown()
    }

    static func closedPort() throws -> Int {
        // Bind a socket to get a free port, then close it: nothing listens there.
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) }
        }
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        return Int(UInt16(bigEndian: addr.sin_port))
    }

    // Once seen hanging in a full `scripts/test --filter SessionKitTests` run (passes alone):
    // bounded so that it fails instead of stalling the suite.
    @Test(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipMessage), .timeLimit(.minutes(2)))
    func databaseOutageIsUnavailableThenRecoversWithoutLosingSessions() async throws {
        let base = try PostgresTestServer.configuration()
        var proxy = try TCPProxy(targetHost: base.host, targetPort: base.port)
        let proxyPort = proxy.port
        var c = base
        c.host = "127.0.0.1"
        c.port = proxyPort
        c.operationTimeout = .seconds(2)
        c.connectTimeout = .seconds(1)
        let capture = LogCapture()
        let logger = Logger(label: "test.outage") { _ in capture }
        let store = try PostgresSessionStore(configuration: c, logger: logger)
        // Warm up: the first connection (SCRAM authentication in a debug build, on a loaded
        // machine) may take longer than the short timeout used to detect the outage quickly.
        let warmUp = ContinuousClock.now
        while true {
            do {
                try await store.prepare()
                break
            } catch where ContinuousClock.now - warmUp < .seconds(60) {
                try await Task.sleep(for: .milliseconds(200))
            }
        }
        capture.lines.withLock { $0.removeAll() }
        let t0 = Self.t0
        let id = SessionID.generate()
        let key = id.storageKey
        #expect(try await store.create(key, record: StoreConformanceTests.record(["user": "zoe"], ttl: 86_400)))

        // Down: every operation throws `.unavailable`, naming neither data nor the id.
        proxy.stop()
        let start = ContinuousClock.now
        for _ in 0..<3 {
            do {
                _ = try await store.load(key, now: t0 + 1)
                Issue.record("load succeeded while the database was down")
            } catch let error as SessionStoreError {
                #expect(error.kind == .unavailable)
                #expect(!error.message.contains(key.hex) && !error.message.contains(id.rawValue))
                #expect(!error.message.contains("zoe"))
            }
        }
        await #expect(throws: SessionStoreError.self) {
            try await store.apply(StoreConformanceTests.changes([("n", 1)], at: t0 + 1), to: key)
        }
        let outage = ContinuousClock.now - start
        #expect(outage < .seconds(60), "failing took \(outage)")
        let logged = capture.lines.withLock { $0 }
        #expect(logged.contains { $0.hasPrefix("warning PostgreSQL session store unavailable") })
        #expect(!logged.contains { $0.contains(key.hex) || $0.contains(id.rawValue) || $0.contains("zoe") })

        // Back on the same port: the pool reconnects by itself and the session is all there.
        proxy = try TCPProxy(listenPort: proxyPort, targetHost: base.host, targetPort: base.port)
        let back = ContinuousClock.now
        var loaded: SessionRecord?
        while loaded == nil, ContinuousClock.now - back < .seconds(60) {
            do { loaded = try await store.load(key, now: t0 + 2) } catch { try await Task.sleep(for: .milliseconds(200)) }
        }
        #expect(loaded?.data == ["user": "zoe"])
        print("PostgreSQL outage test: failed in \(outage) for 4 operations; recovered \(ContinuousClock.now - back) after the database came back")
        #expect(try await store.apply(StoreConformanceTests.changes([("n", 1)], at: t0 + 3), to: key)?.data == ["user": "zoe", "n": 1])
        #expect(capture.lines.withLock { $0 }.contains { $0.hasPrefix("notice PostgreSQL session store is reachable again") })
        await store.shutdown()
        proxy.stop()
    }

    @Test(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipMessage))
    func shutdownStopsTheStore() async throws {
        let store = try PostgresTestServer.makeStore()
        #expect(try await store.count() == 0)
        await store.shutdown()
        await #expect(throws: SessionStoreError.self) { try await store.count() }
    }
}
