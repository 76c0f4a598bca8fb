public import Logging
import NIOCore
public import PostgresNIO
public import SessionKit
import Synchronization

/// A server-side session store in PostgreSQL, on postgres-nio's connection pool: sessions survive
/// restarts and are shared by every process that uses the same table.
///
/// - One table (default `sessionkit_sessions`, schema and name configurable and validated), created
///   with its schema and an expiry index on first use if absent. A row holds the storage
///   key (SHA-256 hex of the id, never the id), the session data as Flask tagged JSON (`bytea`)
///   and the timing fields as `bigint` Unix seconds.
/// - `load` returns only rows with `expires_at > now`: an expired row is invisible at once,
///   whether or not a sweep has removed it yet. Concurrent loads are batched: while
///   `concurrentLoadQueries` load queries run, newer loads wait and then go out together as one
///   `SELECT … WHERE id = ANY(…)` (`SessionLoadBatcher`); a load still sees every write that
///   finished before it started. `create` is one UPSERT that replaces a row only
///   when it expired at the new record's `lastAccessAt`.
/// - `apply` runs in one transaction: `SELECT … FOR UPDATE` of the live row, the change set merged
///   in Swift (`SessionChangeSet.applied(to:)`), `UPDATE`. The row lock serializes parallel applies
///   to one key (no lost update); no live row means nil and nothing written. `move` (regenerate)
///   locks the old row the same way, inserts the merged record under the new key and deletes the
///   old row in one transaction.
/// - Expired rows are deleted by `sweep(now:limit:)` in bounded batches, and in the background by
///   a `SessionSweeper` (interval with ±20 % jitter) added to your `ServiceGroup`; its pass takes
///   `pg_try_advisory_lock` first, so of several processes on one table only one sweeps at a time.
/// - Failures — database down, connection refused, no connection within `operationTimeout` —
///   throw `SessionStoreError(.unavailable, …)` (503 in the Hummingbird adapter) and log one
///   warning; the pool reconnects in the background with backoff, and the first success after a
///   failure logs that the store is reachable again. Messages carry PostgreSQL's error code and
///   text, never session data or ids.
///
/// Lifecycle: `init(configuration:logger:)` makes its own `PostgresClient` and runs it in a
/// background task until `shutdown()` (or until the store is released). To run the client in
/// your own `ServiceGroup` instead, pass `runsClient: false` and add `store.client` to the group,
/// or make the `PostgresClient`, add it to the group and pass it to
/// `init(client:schema:table:logger:)` (with `options.keepAliveBehavior = nil` unless idle
/// connections need it: see `Configuration.keepAliveFrequency`).
///
/// Time: as every store, it takes "now" from its callers; `clock` is read by `sweep(limit:)` only
/// (a `SessionSweeper` has its own).
public final class PostgresSessionStore: SessionStore, SweepableSessionStore, InspectableSessionStore,
    LastWriterWinsSessionStore
{
    public let client: PostgresClient
    /// Read by `sweep(limit:)` only.
    public let clock: SessionClock
    let table: QualifiedTable
    let operationTimeout: Duration
    /// Bounds every operation by `operationTimeout`.
    let deadlines: DeadlineWatchdog
    let logger: Logger
    /// `logger`, or a silent one when it would drop postgres-nio's debug lines anyway (postgres-nio
    /// adds metadata to its logger on every query, which costs a formatting pass per query).
    let queryLogger: Logger
    /// Concurrent loads share round trips (see `SessionLoadBatcher`).
    let loads: SessionLoadBatcher
    /// The owned client's `run()`; nil for a client the caller runs.
    private let runTask: Task<Void, Never>?
    private let state = Mutex(State())

    private struct State {
        var tableReady = false
        var failing = false
    }

    /// A store with its own connection pool. With `runsClient` (the default) the store runs the
    /// pool itself until `shutdown()`; without it, add `client` (a `Service`) to your
    /// `ServiceGroup`, which runs it until graceful shutdown. Throws `ConfigurationError` for an
    /// invalid schema or table name; connects lazily (a database that is down at start makes the
    /// first operations fail, not the initializer).
    public init(
        configuration: Configuration, clock: SessionClock = .system, runsClient: Bool = true,
        logger: Logger = Logger(label: "SessionKit.PostgresSessionStore")
    ) throws(ConfigurationError) {
        self.table = try configuration.qualifiedTable()
        // postgres-nio logs every failed connection attempt (each backoff retry) at info; the
        // store logs one warning per failed operation instead.
        var background = logger
        if background.logLevel < .notice { background.logLevel = .notice }
        let client = PostgresClient(configuration: configuration.clientConfiguration, backgroundLogger: background)
        self.client = client
        self.clock = clock
        self.operationTimeout = configuration.operationTimeout
        self.deadlines = DeadlineWatchdog(timeout: configuration.operationTimeout)
        self.logger = logger
        self.queryLogger = Self.queryLogger(for: logger)
        self.loads = SessionLoadBatcher(maxConcurrentLookups: configuration.concurrentLoadQueries)
        self.runTask = runsClient ? Task { await client.run() } : nil
    }

    /// A store on a client that the caller runs (e.g. in a `ServiceGroup`).
    public init(
        client: PostgresClient, schema: String? = nil, table: String = "sessionkit_sessions",
        operationTimeout: Duration = .seconds(5), concurrentLoadQueries: Int = 1, clock: SessionClock = .system,
        logger: Logger = Logger(label: "SessionKit.PostgresSessionStore")
    ) throws(ConfigurationError) {
        self.table = try QualifiedTable(schema: schema, table: table)
        self.client = client
        self.clock = clock
        self.operationTimeout = operationTimeout
        self.deadlines = DeadlineWatchdog(timeout: operationTimeout)
        self.logger = logger
        self.queryLogger = Self.queryLogger(for: logger)
        self.loads = SessionLoadBatcher(maxConcurrentLookups: concurrentLoadQueries)
        self.runTask = nil
    }

    deinit { runTask?.cancel() }

    /// Stops the store's own client (closing its connections) and waits for it; later operations
    /// fail with `.unavailable`. Does nothing for a client the caller runs.
    public func shutdown() async {
        runTask?.cancel()
        await runTask?.value
    }

    /// Creates the schema, table and index if absent. Operations do this on first use; call it
    /// to find a bad URL, password or permission at startup.
    public func prepare() async throws {
        try await run("prepare") { try await self.ensureTable() }
    }

    // MARK: SessionStore

    public func load(_ key: SessionStorageKey, now: Int64) async throws -> SessionRecord? {
        try await loads.load(key, now: now) { keys, now in try await self.lookup(keys, now: now) }
    }

    /// One round trip for every load in `keys` (what `loads` batches).
    private func lookup(
        _ keys: [SessionStorageKey], now: Int64
    ) async throws -> [SessionStorageKey: Result<SessionRecord, any Error>] {
        try await run("load") {
            try await self.ensureTable()
            var query: PostgresQuery
            if keys.count == 1 {
                query = "SELECT id, \(unescaped: Self.columns) FROM \(unescaped: self.table.sql) WHERE id = \(keys[0].hex) AND expires_at > \(now)"
            } else {
                query = "SELECT id, \(unescaped: Self.columns) FROM \(unescaped: self.table.sql) WHERE id = ANY(\(keys.map(\.hex))) AND expires_at > \(now)"
            }
            let rows = try await self.client.query(query, logger: self.queryLogger)
            var asked: [String: SessionStorageKey] = [:]
            asked.reserveCapacity(keys.count)
            for key in keys { asked[key.hex] = key }
            var found: [SessionStorageKey: Result<SessionRecord, any Error>] = [:]
            found.reserveCapacity(keys.count)
            for try await row in rows {
                let (id, record) = try Self.keyedRecord(row)
                guard let key = asked[id] else { throw SessionStoreError(.corrupt, "a row came back that was not asked for") }
                found[key] = record
            }
            return found
        }
    }

    /// Inserts, or replaces a row that is expired at the new record's time.
    public func create(_ key: SessionStorageKey, record: SessionRecord) async throws -> Bool {
        let query = upsertQuery(key, record, replacingRowsExpiredAt: record.lastAccessAt)
        return try await run("create") {
            try await self.ensureTable()
            let rows = try await self.client.query(query, logger: self.logger)
            var created = false
            for try await _ in rows { created = true }
            return created
        }
    }

    /// The merge-cost benchmark's baseline: one unconditional UPSERT of the whole record.
    package func overwrite(_ key: SessionStorageKey, record: SessionRecord) async throws {
        let query = upsertQuery(key, record, replacingRowsExpiredAt: .max)
        try await run("overwrite") {
            try await self.ensureTable()
            try await self.client.query(query, logger: self.queryLogger).drain()
        }
    }

    /// The whole-record `INSERT … ON CONFLICT (id) DO UPDATE` that create, move and overwrite
    /// share. An existing row is replaced only when it expired at `cutoff` (`.max`: any row);
    /// the statement returns one row when it wrote.
    private func upsertQuery(
        _ key: SessionStorageKey, _ record: SessionRecord, replacingRowsExpiredAt cutoff: Int64
    ) -> PostgresQuery {
        """
        INSERT INTO \(unescaped: table.sql) AS s (id, data, created_at, last_access_at, absolute_deadline, \
        idle_timeout_override, expires_at, version)
        VALUES (\(key.hex), \(Self.encode(record.data)), \(record.createdAt), \(record.lastAccessAt), \
        \(record.absoluteDeadline), \(record.idleTimeoutOverride), \(record.expiresAt), \(Int64(bitPattern: record.version)))
        ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data, created_at = EXCLUDED.created_at,
        last_access_at = EXCLUDED.last_access_at, absolute_deadline = EXCLUDED.absolute_deadline,
        idle_timeout_override = EXCLUDED.idle_timeout_override, expires_at = EXCLUDED.expires_at,
        version = EXCLUDED.version
        WHERE s.expires_at <= \(cutoff)
        RETURNING 1
        """
    }

    /// With the loaded record (`changes.base`) first one statement: an `UPDATE` of the merged
    /// record that matches only while the row still has the loaded version and is live (a
    /// compare-and-set; every write changes the version). Another request's write in between
    /// makes it match nothing, and the locked transaction below merges onto the current row.
    public func apply(_ changes: SessionChangeSet, to key: SessionStorageKey) async throws -> SessionRecord? {
        if let base = changes.base, !base.isExpired(at: changes.now) {
            let merged = changes.applied(to: base)
            let query = compareAndSetQuery(key, merged, version: base.version, now: changes.now)
            let updated = try await run("apply") {
                try await self.ensureTable()
                return try await self.client.query(query, logger: self.queryLogger).drain()
            }
            if updated == 1 { return merged }
        }
        return try await run("apply") {
            try await self.ensureTable()
            let logger = self.queryLogger
            return try await self.client.withTransaction(logger: logger) { connection -> SessionRecord? in
                guard let current = try await self.lockLiveRecord(key, now: changes.now, on: connection) else { return nil }
                let merged = changes.applied(to: current)
                // The row is locked and live: the guard matches.
                let query = self.compareAndSetQuery(key, merged, version: current.version, now: changes.now)
                guard try await connection.query(query, logger: logger).drain() == 1 else {
                    throw SessionStoreError(.corrupt, "apply: the locked row changed")
                }
                return merged
            }
        }
    }

    /// `merged` written over the row of `key` if that row still has `version` and is live at
    /// `now` (every write changes the version); one row back when it was written.
    private func compareAndSetQuery(
        _ key: SessionStorageKey, _ merged: SessionRecord, version: UInt64, now: Int64
    ) -> PostgresQuery {
        """
        UPDATE \(unescaped: table.sql) SET data = \(Self.encode(merged.data)), last_access_at = \(merged.lastAccessAt), \
        absolute_deadline = \(merged.absoluteDeadline), idle_timeout_override = \(merged.idleTimeoutOverride), \
        expires_at = \(merged.expiresAt), version = \(Int64(bitPattern: merged.version)) \
        WHERE id = \(key.hex) AND version = \(Int64(bitPattern: version)) AND expires_at > \(now) \
        RETURNING 1
        """
    }

    /// Inside a transaction: the live record under `key` at `now`, its row locked (`FOR UPDATE`)
    /// until the transaction ends, or nil.
    private func lockLiveRecord(
        _ key: SessionStorageKey, now: Int64, on connection: PostgresConnection
    ) async throws -> SessionRecord? {
        let rows = try await connection.query(
            """
            SELECT \(unescaped: Self.columns) FROM \(unescaped: table.sql) \
            WHERE id = \(key.hex) AND expires_at > \(now) FOR UPDATE
            """,
            logger: queryLogger)
        var found: Row?
        for try await row in rows.decode(Row.self) { found = row }
        return try found.map(Self.record)
    }

    /// One transaction: `SELECT … FOR UPDATE` of the live row under `old` (a parallel `apply` or
    /// `delete` of it waits, then finds no row), the merged record inserted under `new` (an
    /// UPSERT that replaces only a row expired at the move's time), `DELETE` of `old`.
    public func move(
        _ changes: SessionChangeSet, from old: SessionStorageKey, to new: SessionStorageKey
    ) async throws -> SessionRecord? {
        enum Outcome: Sendable {
            case moved(SessionRecord)
            case gone
            case collision
        }
        let outcome = try await run("move") {
            try await self.ensureTable()
            let t = self.table.sql
            let logger = self.queryLogger
            return try await self.client.withTransaction(logger: logger) { connection -> Outcome in
                guard let current = try await self.lockLiveRecord(old, now: changes.now, on: connection) else { return .gone }
                let moved = changes.movedRecord(from: current)
                let inserted = try await connection.query(
                    self.upsertQuery(new, moved, replacingRowsExpiredAt: changes.now), logger: logger
                ).drain()
                // Nothing written yet when the new key is taken: committing the lock-only
                // transaction changes nothing.
                guard inserted == 1 else { return .collision }
                try await connection.query("DELETE FROM \(unescaped: t) WHERE id = \(old.hex)", logger: logger).drain()
                return .moved(moved)
            }
        }
        switch outcome {
        case .moved(let record): return record
        case .gone: return nil
        case .collision: throw SessionStoreError(.conflict, "move: a live record already holds the new key")
        }
    }

    public func delete(_ key: SessionStorageKey) async throws {
        try await run("delete") {
            try await self.ensureTable()
            try await self.client.query("DELETE FROM \(unescaped: self.table.sql) WHERE id = \(key.hex)", logger: self.logger)
                .drain()
        }
    }

    // MARK: SweepableSessionStore

    /// Largest number of rows one `DELETE` statement removes.
    public static let sweepStatementBatch = 1_000

    /// Removes at most `limit` rows expired at `now`, oldest expiry first, in statements of at
    /// most `sweepStatementBatch` rows. Returns 0 only when no expired row is left. Several
    /// callers may sweep at once (each row is deleted once); `sweepPass` (the sweeper's) additionally
    /// lets one process at a time do it.
    public func sweep(now: Int64, limit: Int) async throws -> Int {
        guard limit > 0 else { return 0 }
        return try await run("sweep") {
            try await self.ensureTable()
            return try await self.client.withConnection { connection in
                try await self.deleteExpired(on: connection, now: now, limit: limit)
            }
        }
    }

    /// Removes at most `limit` records expired at the store clock's time.
    public func sweep(limit: Int = .max) async throws -> Int {
        try await sweep(now: clock.unixSeconds, limit: limit)
    }

    /// What `sweepIfNoOtherInstanceIs` did.
    public enum SweepPass: Sendable, Equatable {
        /// This store held the table's sweep lock and removed this many expired rows.
        case swept(Int)
        /// Another connection (another process or store) holds the sweep lock: nothing done.
        case skipped
    }

    /// One sweep pass under the table's session-level advisory lock (`pg_try_advisory_lock`):
    /// removes every row expired at `now`, `batch` rows per statement, unless another instance
    /// is sweeping this table, in which case it returns `.skipped` at once. The lock is taken and
    /// released on one pooled connection (and released by the server if that connection dies).
    public func sweepIfNoOtherInstanceIs(now: Int64, batch: Int = 1_000) async throws -> SweepPass {
        try await run("sweep") {
            try await self.ensureTable()
            return try await self.client.withConnection { connection -> SweepPass in
                let lockName = self.table.lockName
                let logger = self.logger
                let got = try await connection.query(
                    "SELECT pg_try_advisory_lock(\(Self.sweepLockClass), hashtext(\(lockName)))", logger: logger
                ).value(Bool.self)
                guard got == true else { return .skipped }
                do {
                    let removed = try await self.deleteExpired(on: connection, now: now, limit: .max, batch: batch)
                    try await connection.query(
                        "SELECT pg_advisory_unlock(\(Self.sweepLockClass), hashtext(\(lockName)))", logger: logger
                    ).drain()
                    return .swept(removed)
                } catch {
                    // Unlock on the same connection before it goes back to the pool.
                    _ = try? await connection.query(
                        "SELECT pg_advisory_unlock(\(Self.sweepLockClass), hashtext(\(lockName)))", logger: logger
                    ).drain()
                    throw error
                }
            }
        }
    }

    /// `SessionSweeper`'s pass: `sweepIfNoOtherInstanceIs`, so that of several processes on one
    /// table one sweeps at a time (0 when another holds the lock).
    public func sweepPass(now: Int64, batch: Int) async throws -> Int {
        switch try await sweepIfNoOtherInstanceIs(now: now, batch: max(batch, 1)) {
        case .swept(let removed): return removed
        case .skipped: return 0
        }
    }

    /// Deletes expired rows in statements of at most `batch`; the outer `expires_at` test is
    /// re-checked on the current row version, so a row a concurrent apply just extended is kept.
    private func deleteExpired(
        on connection: PostgresConnection, now: Int64, limit: Int, batch: Int = sweepStatementBatch
    ) async throws -> Int {
        var removed = 0
        let t = table.sql
        let bucket = now / Self.expiryBucketSeconds  // an expired row's bucket is at most this
        while removed < limit {
            let n = min(limit - removed, max(batch, 1))
            let result = try await connection.query(
                """
                DELETE FROM \(unescaped: t) WHERE id IN \
                (SELECT id FROM \(unescaped: t) WHERE expiry_bucket <= \(bucket) AND expires_at <= \(now) \
                ORDER BY expiry_bucket LIMIT \(Int64(n))) \
                AND expires_at <= \(now) RETURNING 1
                """,
                logger: logger)
            var deleted = 0
            for try await _ in result { deleted += 1 }
            removed += deleted
            if deleted == 0 {
                // Nothing deleted: finished, unless every row picked was extended meanwhile.
                let more = try await connection.query(
                    "SELECT EXISTS (SELECT 1 FROM \(unescaped: t) WHERE expiry_bucket <= \(bucket) AND expires_at <= \(now))",
                    logger: logger
                ).value(Bool.self)
                if more != true { break }
            } else if deleted < n {
                break
            }
        }
        return removed
    }

    // MARK: InspectableSessionStore

    public func count() async throws -> Int {
        try await run("count") {
            try await self.ensureTable()
            let n = try await self.client.query("SELECT count(*) FROM \(unescaped: self.table.sql)", logger: self.logger)
                .value(Int64.self)
            return Int(n ?? 0)
        }
    }

    public func keys(limit: Int) async throws -> [SessionStorageKey] {
        guard limit > 0 else { return [] }
        return try await run("keys") {
            try await self.ensureTable()
            let rows = try await self.client.query(
                "SELECT id FROM \(unescaped: self.table.sql) LIMIT \(Int64(limit))", logger: self.logger)
            var keys: [SessionStorageKey] = []
            for try await id in rows.decode(String.self) {
                guard let key = SessionStorageKey(hex: id) else {
                    throw SessionStoreError(.corrupt, "a row's id is not a storage key")
                }
                keys.append(key)
            }
            return keys
        }
    }

    // MARK: Internals

    /// First argument of the sweep's advisory lock ("SKSW"); the second is the table's hash.
    static let sweepLockClass: Int32 = 0x534B_5357
    /// First argument of the table-creation lock ("SKTB").
    static let schemaLockClass: Int32 = 0x534B_5442

    static let columns =
        "data, created_at, last_access_at, absolute_deadline, idle_timeout_override, expires_at, version"
    typealias Row = (ByteBuffer, Int64, Int64, Int64?, Int64?, Int64, Int64)

    static func encode(_ data: SessionObject) -> ByteBuffer {
        ByteBuffer(bytes: TaggedJSON.encode(.object(data)))
    }

    /// A row of `SELECT id, <columns>`, decoded cell by cell (no tuple type to instantiate); a
    /// row whose data or timing cannot be read is a `.corrupt` failure for its key alone.
    static func keyedRecord(_ row: PostgresRow) throws -> (String, Result<SessionRecord, any Error>) {
        var cells = row.makeIterator()
        func next<T: PostgresDecodable>(_ type: T.Type) throws -> T {
            guard let cell = cells.next() else { throw SessionStoreError(.corrupt, "a session row has too few columns") }
            return try cell.decode(T.self)
        }
        let key = try next(String.self)
        do {
            let row: Row = (
                try next(ByteBuffer.self), try next(Int64.self), try next(Int64.self), try next(Int64?.self),
                try next(Int64?.self), try next(Int64.self), try next(Int64.self))
            return (key, .success(try record(row)))
        } catch let error as SessionStoreError {
            return (key, .failure(error))
        } catch {
            return (key, .failure(SessionStoreError(.corrupt, "a session row cannot be decoded: \(error)")))
        }
    }

    static func queryLogger(for logger: Logger) -> Logger {
        if logger.logLevel <= .debug { return logger }
        return Logger(label: logger.label, factory: { _ in SwiftLogNoOpLogHandler() })
    }

    static func record(_ row: Row) throws -> SessionRecord {
        let value: SessionValue
        do {
            value = try TaggedJSON.decode(row.0.readableBytesView)
        } catch {
            throw SessionStoreError(.corrupt, "a session row's data is not tagged JSON: \(error.message)")
        }
        guard case .object(let data) = value else {
            throw SessionStoreError(.corrupt, "a session row's data is not an object")
        }
        return SessionRecord(
            data: data, createdAt: row.1, lastAccessAt: row.2, absoluteDeadline: row.3,
            idleTimeoutOverride: row.4, expiresAt: row.5, version: UInt64(bitPattern: row.6))
    }

    /// The expiry index is on `expiry_bucket` (`expires_at` in buckets of this many seconds), not
    /// on `expires_at` itself:
    /// every save moves `expires_at`, and an update that changes an indexed column cannot be a
    /// HOT update (a new index entry per save, dead row versions the reads walk past until a
    /// vacuum). A bucket changes once in five minutes, so nearly every save is HOT; the sweep
    /// finds expired rows by bucket and re-checks `expires_at`.
    static let expiryBucketSeconds: Int64 = 300
    static var expiryBucketColumn: String {
        "expiry_bucket bigint GENERATED ALWAYS AS (expires_at / \(expiryBucketSeconds)) STORED"
    }
    /// Room left in each page for HOT updates' new row versions (percent filled by inserts).
    static let fillFactor = 80

    /// Creates schema, table and index once per store (serialized across processes by an
    /// advisory transaction lock per schema, since concurrent `CREATE … IF NOT EXISTS` of one
    /// schema, or of one table, can collide).
    ///
    /// A table that is already complete (the usual case: a process starting beside others) gets
    /// no DDL at all, only a catalog query: even `CREATE INDEX IF NOT EXISTS` of an index that
    /// exists takes a SHARE lock on the table first, which waits for every open write to the
    /// table and holds every new write behind it until it is granted — a process starting on a
    /// busy table would stall every other process's saves.
    private func ensureTable() async throws {
        if state.withLock({ $0.tableReady }) { return }
        let t = table.sql
        let schema = table.schema
        let index = table.indexName
        if try await Self.isComplete(table, on: client, logger: logger) {
            state.withLock { $0.tableReady = true }
            return
        }
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query(
                "SELECT pg_advisory_xact_lock(\(Self.schemaLockClass), hashtext(\(schema ?? "")))", logger: self.logger
            ).drain()
            if let schema {
                try await connection.query("CREATE SCHEMA IF NOT EXISTS \(unescaped: "\"\(schema)\"")", logger: self.logger)
                    .drain()
            }
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS \(unescaped: t) (
                    id text PRIMARY KEY,
                    data bytea NOT NULL,
                    created_at bigint NOT NULL,
                    last_access_at bigint NOT NULL,
                    absolute_deadline bigint,
                    idle_timeout_override bigint,
                    expires_at bigint NOT NULL,
                    version bigint NOT NULL,
                    \(unescaped: Self.expiryBucketColumn)
                ) WITH (fillfactor = \(unescaped: String(Self.fillFactor)))
                """,
                logger: self.logger
            ).drain()
            if try await !Self.exists(self.table.qualifiedIndexName, on: connection, logger: self.logger) {
                try await connection.query(
                    "CREATE INDEX IF NOT EXISTS \(unescaped: index) ON \(unescaped: t) (expiry_bucket)", logger: self.logger
                ).drain()
            }
        }
        state.withLock { $0.tableReady = true }
    }

    /// Whether `table` exists with its `expiry_bucket` column and index (one catalog query, no lock).
    static func isComplete(_ table: QualifiedTable, on client: PostgresClient, logger: Logger) async throws -> Bool {
        try await client.query(
            """
            SELECT to_regclass(\(table.sql)) IS NOT NULL AND to_regclass(\(table.qualifiedIndexName)) IS NOT NULL
                AND EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass(\(table.sql))
                    AND attname = 'expiry_bucket' AND NOT attisdropped)
            """, logger: logger
        ).value(Bool.self) == true
    }

    /// Whether the relation `name` (quoted, maybe schema-qualified) exists.
    static func exists(_ name: String, on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        try await connection.query("SELECT to_regclass(\(name)) IS NOT NULL", logger: logger).value(Bool.self) == true
    }

    /// Runs `body` with the operation timeout; maps failures to `SessionStoreError(.unavailable)`
    /// (a `SessionStoreError` passes through), logs them, and logs the recovery after them.
    private func run<T: Sendable>(_ operation: String, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let timeout = operationTimeout
        do {
            guard let value = try await deadlines.run(body) else {
                throw SessionStoreError(
                    .unavailable, "PostgreSQL did not answer the session \(operation) within \(timeout)")
            }
            if state.withLock({ s in defer { s.failing = false }; return s.failing }) {
                logger.notice("PostgreSQL session store is reachable again", metadata: ["table": "\(table.lockName)"])
            }
            return value
        } catch let error as SessionStoreError {
            if error.kind == .unavailable { noteFailure(error, operation) }
            throw error
        } catch {
            let mapped = SessionStoreError(.unavailable, "PostgreSQL session \(operation) failed: \(Self.describe(error))")
            noteFailure(mapped, operation)
            throw mapped
        }
    }

    private func noteFailure(_ error: SessionStoreError, _ operation: String) {
        state.withLock { $0.failing = true }
        logger.warning(
            "PostgreSQL session store unavailable",
            metadata: ["operation": "\(operation)", "table": "\(table.lockName)", "error": "\(error.message)"])
    }

    /// A short description with PostgreSQL's code and message, but not the query or its binds.
    static func describe(_ error: any Error) -> String {
        switch error {
        case let e as PostgresTransactionError:
            if let inner = e.beginError ?? e.closureError ?? e.commitError { return describe(inner) }
            return "transaction failed"
        case let e as PSQLError:
            var text = "\(e.code)"
            if let info = e.serverInfo {
                if let state = info[.sqlState] { text += " \(state)" }
                if let message = info[.message] { text += ": \(message)" }
            } else if let underlying = e.underlying {
                text += " (\(describe(underlying)))"
            }
            return text
        case is CancellationError:
            return "cancelled"
        default:
            // NIO's connection errors ("connection refused"…) and the pool's errors name no data.
            return String(describing: error)
        }
    }
}

extension PostgresRowSequence {
    /// Reads the whole result (so the connection is free for the next statement); returns the
    /// number of rows.
    @discardableResult
    func drain() async throws -> Int {
        var n = 0
        for try await _ in self { n += 1 }
        return n
    }

    /// The first column of the last row (of a one-row, one-column result), or nil when there is
    /// no row; reads the whole result.
    func value<T: PostgresDecodable & Sendable>(_ type: T.Type) async throws -> T? {
        var last: T?
        for try await value in decode(T.self) { last = value }
        return last
    }
}

