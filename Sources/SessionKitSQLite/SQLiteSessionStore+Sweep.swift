import GRDB
import SessionKit

// SweepableSessionStore: expired rows deleted through the expiry index in bounded batches.
extension SQLiteSessionStore {
    /// Deletes up to `limit` records expired at `now` (earliest expiry first, through the expiry
    /// index) in one short transaction. Returns 0 only when no expired record is left.
    public func sweep(now: Int64, limit: Int) async throws -> Int {
        guard limit > 0 else { return 0 }
        return try await access("sweep") {
            try await self.pool.write { db in
                try db.execute(
                    sql: """
                        DELETE FROM sessions WHERE rowid IN (
                            SELECT rowid FROM sessions WHERE expires_at <= ? ORDER BY expires_at LIMIT ?)
                        """,
                    arguments: [now, limit])
                return db.changesCount
            }
        }
    }
}
