import Logging
import PostgresNIO

// The sessions table: created with its schema and expiry index once per store, without DDL
// (and its locks) when it is already complete.
extension PostgresSessionStore {
    /// First argument of the table-creation lock ("SKTB").
    static let schemaLockClass: Int32 = 0x534B_5442

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
    func ensureTable() async throws {
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
}
