import PostgresNIO
public import SessionKit

// SessionStore: loads batched into one round trip, a compare-and-set update before the
// locking transaction, moves and deletes.
extension PostgresSessionStore {
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
}
