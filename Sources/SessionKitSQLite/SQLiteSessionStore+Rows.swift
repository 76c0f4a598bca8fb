import Foundation
import GRDB
import SessionKit

// The session row: its columns, the statements that write it, and its untrusted decoding.
extension SQLiteSessionStore {
    static let columns =
        "expires_at, created_at, last_access_at, absolute_deadline, idle_timeout_override, version, data"

    static func arguments(_ hex: String, _ r: SessionRecord, _ data: Data) -> StatementArguments {
        [
            hex, r.expiresAt, r.createdAt, r.lastAccessAt, r.absoluteDeadline, r.idleTimeoutOverride,
            Int64(bitPattern: r.version), data,
        ]
    }

    /// Inserts a whole record (`arguments`), replacing an existing row only when that row is
    /// expired at the extra last argument (create: the record's time; move: the move's).
    static let upsertSQL = """
        INSERT INTO sessions (key, \(columns))
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (key) DO UPDATE SET
            expires_at = excluded.expires_at, created_at = excluded.created_at,
            last_access_at = excluded.last_access_at,
            absolute_deadline = excluded.absolute_deadline,
            idle_timeout_override = excluded.idle_timeout_override,
            version = excluded.version, data = excluded.data
        WHERE sessions.expires_at <= ?
        """

    /// A record written over the row of a key if that row still has a version and is live at a
    /// time (every write changes the version).
    static let compareAndSetSQL = """
        UPDATE sessions SET expires_at = ?, created_at = ?, last_access_at = ?,
            absolute_deadline = ?, idle_timeout_override = ?, version = ?, data = ?
        WHERE key = ? AND version = ? AND expires_at > ?
        """

    static func compareAndSetArguments(
        _ r: SessionRecord, _ data: Data, _ hex: String, version: Int64, now: Int64
    ) -> StatementArguments {
        [
            r.expiresAt, r.createdAt, r.lastAccessAt, r.absoluteDeadline, r.idleTimeoutOverride,
            Int64(bitPattern: r.version), data, hex, version, now,
        ]
    }

    struct Corrupt: Error, CustomStringConvertible {
        var description: String
    }

    /// Reads a row of `columns` without trusting it: a wrong type or undecodable data is a
    /// `Corrupt` (never a crash, never session data in the reason).
    static func decode(_ row: Row) -> Result<SessionRecord, Corrupt> {
        func integer(_ index: Int, _ name: String, optional: Bool = false) throws(Corrupt) -> Int64? {
            switch (row[index] as DatabaseValue).storage {
            case .int64(let v): return v
            case .null where optional: return nil
            default: throw Corrupt(description: "\(name) is not an integer")
            }
        }
        do throws(Corrupt) {
            let expiresAt = try integer(0, "expires_at")!
            let createdAt = try integer(1, "created_at")!
            let lastAccessAt = try integer(2, "last_access_at")!
            let deadline = try integer(3, "absolute_deadline", optional: true)
            let idle = try integer(4, "idle_timeout_override", optional: true)
            let version = try integer(5, "version")!
            let bytes: Data
            switch (row[6] as DatabaseValue).storage {
            case .blob(let d): bytes = d
            case .string(let s): bytes = Data(s.utf8)
            default: throw Corrupt(description: "data is not a blob")
            }
            let value: SessionValue
            do { value = try TaggedJSON.decode(bytes) } catch {
                throw Corrupt(description: "undecodable data: \(error.message)")
            }
            guard case .object(let data) = value else { throw Corrupt(description: "data is not an object") }
            return .success(
                SessionRecord(
                    data: data, createdAt: createdAt, lastAccessAt: lastAccessAt, absoluteDeadline: deadline,
                    idleTimeoutOverride: idle, expiresAt: expiresAt, version: UInt64(bitPattern: version)))
        } catch {
            return .failure(error)
        }
    }
}
