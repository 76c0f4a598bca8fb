import GRDB
import SessionKit

// The schema: created in an empty database, version 1 accepted, anything else refused.
extension SQLiteSessionStore {
    /// Creates the schema in an empty database, accepts version 1, refuses anything else.
    static func prepareSchema(_ db: Database, display: String) throws {
        // Fast path without a write lock: already ours.
        if try Int.fetchOne(db, sql: "PRAGMA user_version") == schemaVersion { return }
        try db.inTransaction(.immediate) {
            let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            if version == schemaVersion { return .commit }
            if version > schemaVersion {
                throw SessionStoreError(
                    .unavailable,
                    "open \(display): schema version \(version) is newer than this SessionKit supports (\(schemaVersion)); upgrade SessionKit or use another file"
                )
            }
            if version < 0 {
                throw SessionStoreError(.unavailable, "open \(display): unknown schema version \(version)")
            }
            // Version 0: a new (empty) database. Refuse one that holds someone else's tables.
            let tables = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'") ?? 0
            if tables > 0 {
                throw SessionStoreError(
                    .unavailable, "open \(display): the database has other tables and no SessionKit schema version")
            }
            try db.execute(
                sql: """
                    CREATE TABLE sessions (
                        key TEXT PRIMARY KEY NOT NULL,
                        expires_at INTEGER NOT NULL,
                        created_at INTEGER NOT NULL,
                        last_access_at INTEGER NOT NULL,
                        absolute_deadline INTEGER,
                        idle_timeout_override INTEGER,
                        version INTEGER NOT NULL,
                        data BLOB NOT NULL
                    );
                    CREATE INDEX sessions_expires_at ON sessions (expires_at);
                    PRAGMA user_version = \(schemaVersion);
                    """)
            return .commit
        }
    }
}
