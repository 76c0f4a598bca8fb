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
public final class PostgresSessionStore: SessionStore, SweepableSessionStore, InspectableSessionStore {
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
    let state = Mutex(State())

    struct State {
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

    static func queryLogger(for logger: Logger) -> Logger {
        if logger.logLevel <= .debug { return logger }
        return Logger(label: logger.label, factory: { _ in SwiftLogNoOpLogHandler() })
    }
}
