import NIOCore
import PostgresNIO
import SessionKit

// The session row: its columns, the statements that write it or lock it, and its conversion
// to and from a `SessionRecord`.
extension PostgresSessionStore {
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

    /// The whole-record `INSERT … ON CONFLICT (id) DO UPDATE` that create and move
    /// share. An existing row is replaced only when it expired at `cutoff` (`.max`: any row);
    /// the statement returns one row when it wrote.
    func upsertQuery(
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

    /// `merged` written over the row of `key` if that row still has `version` and is live at
    /// `now` (every write changes the version); one row back when it was written.
    func compareAndSetQuery(
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
    func lockLiveRecord(
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
}
