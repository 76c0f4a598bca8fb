import PostgresNIO
import SessionKit

// Sweeping: expired rows deleted in bounded batches, one process at a time per table under
// an advisory lock.
extension PostgresSessionStore {
    /// First argument of the sweep's advisory lock ("SKSW"); the second is the table's hash.
    static let sweepLockClass: Int32 = 0x534B_5357

    /// Largest number of rows one `DELETE` statement removes.
    static let sweepStatementBatch = 1_000

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
}
