import Foundation
import GRDB
public import SessionKit

// SessionStore: one-statement reads, writes in `BEGIN IMMEDIATE` transactions, a compare-and-set
// update before the merge transaction.
extension SQLiteSessionStore {
    public func load(_ key: SessionStorageKey, now: Int64) async throws -> SessionRecord? {
        let hex = key.hex
        let found = try await access("load") {
            // One SELECT is consistent by itself: no BEGIN/COMMIT around it (`read` adds both),
            // and its compiled statement is kept per connection.
            try await self.pool.unsafeRead { db in
                try Row.fetchOne(
                    db.cachedStatement(sql: "SELECT \(Self.columns) FROM sessions WHERE key = ? AND expires_at > ?"),
                    arguments: [hex, now]
                ).map(Self.decode)
            }
        }
        guard let found else { return nil }
        switch found {
        case .success(let record):
            return record
        case .failure(let why):
            logger.warning("corrupt session row treated as absent", metadata: ["key": "\(key)", "reason": "\(why)"])
            return nil
        }
    }

    public func create(_ key: SessionStorageKey, record: SessionRecord) async throws -> Bool {
        let hex = key.hex
        let data = Data(TaggedJSON.encode(.object(record.data)))
        return try await access("create") {
            try await self.pool.writeWithoutTransaction { db in
                var created = false
                try db.inTransaction(.immediate) {
                    // Inserts, or replaces a record that is expired at the new record's time;
                    // a live record (readable or not) keeps the key.
                    try db.execute(
                        sql: Self.upsertSQL, arguments: Self.arguments(hex, record, data) + [record.lastAccessAt])
                    created = db.changesCount == 1
                    return .commit
                }
                return created
            }
        }
    }

    /// With the loaded record (`changes.base`) first one autocommitted `UPDATE` of the merged
    /// record, matching only while the row still has the loaded version and is live (a
    /// compare-and-set: no read, no decode); when another write came in between, the merge
    /// transaction below.
    public func apply(_ changes: SessionChangeSet, to key: SessionStorageKey) async throws -> SessionRecord? {
        let hex = key.hex
        let guess: (record: SessionRecord, data: Data, version: Int64)? = changes.base.flatMap { base in
            guard !base.isExpired(at: changes.now) else { return nil }
            let merged = changes.applied(to: base)
            return (merged, Data(TaggedJSON.encode(.object(merged.data))), Int64(bitPattern: base.version))
        }
        return try await access("apply") {
            try await self.pool.writeWithoutTransaction { db -> SessionRecord? in
                if let guess {
                    try db.execute(
                        sql: Self.compareAndSetSQL,
                        arguments: Self.compareAndSetArguments(guess.record, guess.data, hex, version: guess.version, now: changes.now))
                    if db.changesCount == 1 { return guess.record }
                }
                var merged: SessionRecord?
                try db.inTransaction(.immediate) {
                    // No live record: nothing written.
                    guard let current = try self.liveRecordForWrite(db, key: key, now: changes.now) else { return .commit }
                    let next = changes.applied(to: current)
                    // Inside the write transaction the row is current and live: the guard matches.
                    try db.execute(
                        sql: Self.compareAndSetSQL,
                        arguments: Self.compareAndSetArguments(
                            next, Data(TaggedJSON.encode(.object(next.data))), hex,
                            version: Int64(bitPattern: current.version), now: changes.now))
                    guard db.changesCount == 1 else { throw SessionStoreError(.corrupt, "apply: the row changed in its transaction") }
                    merged = next
                    return .commit
                }
                return merged
            }
        }
    }

    /// Inside a write transaction: the live record under `key` at `now`, or nil. A row that
    /// cannot be decoded is logged, removed, and treated as absent.
    private func liveRecordForWrite(_ db: Database, key: SessionStorageKey, now: Int64) throws -> SessionRecord? {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT \(Self.columns) FROM sessions WHERE key = ? AND expires_at > ?", arguments: [key.hex, now])
        else { return nil }
        switch Self.decode(row) {
        case .success(let record):
            return record
        case .failure(let why):
            logger.warning(
                "corrupt session row treated as absent and removed", metadata: ["key": "\(key)", "reason": "\(why)"])
            try db.execute(sql: "DELETE FROM sessions WHERE key = ?", arguments: [key.hex])
            return nil
        }
    }

    /// One `BEGIN IMMEDIATE` transaction (which excludes every other writer, in any process):
    /// read the live row of `old`, check that no live row holds `new`, insert the merged record
    /// under `new`, delete `old`. A conflict on `new` rolls back: nothing written.
    public func move(
        _ changes: SessionChangeSet, from old: SessionStorageKey, to new: SessionStorageKey
    ) async throws -> SessionRecord? {
        let (oldHex, newHex) = (old.hex, new.hex)
        return try await access("move") {
            try await self.pool.writeWithoutTransaction { db -> SessionRecord? in
                var moved: SessionRecord?
                try db.inTransaction(.immediate) {
                    // No live record: nothing written.
                    guard let current = try self.liveRecordForWrite(db, key: old, now: changes.now) else { return .commit }
                    let next = changes.movedRecord(from: current)
                    // Replaces a row under `new` only when it is expired at the move's time.
                    try db.execute(
                        sql: Self.upsertSQL,
                        arguments: Self.arguments(newHex, next, Data(TaggedJSON.encode(.object(next.data))))
                            + [changes.now])
                    guard db.changesCount == 1 else {
                        throw SessionStoreError(.conflict, "move \(self.path): a live record already holds the new key")
                    }
                    try db.execute(sql: "DELETE FROM sessions WHERE key = ?", arguments: [oldHex])
                    moved = next
                    return .commit
                }
                return moved
            }
        }
    }

    public func delete(_ key: SessionStorageKey) async throws {
        let hex = key.hex
        try await access("delete") {
            try await self.pool.write { db in
                try db.execute(sql: "DELETE FROM sessions WHERE key = ?", arguments: [hex])
            }
        }
    }
}
