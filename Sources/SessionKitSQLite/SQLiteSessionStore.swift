import Foundation
import GRDB
import Logging
import SessionKit

/// Sessions as rows of one SQLite database file (through GRDB, on the system's libsqlite3).
///
/// - The file is opened in WAL mode with a busy timeout, so several processes can share it:
///   readers never wait for the writer, and writers (in any process) take turns.
/// - Every write runs in one `BEGIN IMMEDIATE` transaction: `create` inserts unless a live
///   record holds the key; `apply` reads the current record, merges the change set
///   (`SessionChangeSet.applied(to:)`) and writes it back, or writes nothing when there is no
///   live record. Parallel applies to one key, in this process or another, are serialized.
///   `move` (regenerate) reads, inserts under the new key and deletes the old one in one such
///   transaction.
/// - With `synchronousWrites` (the default) each commit is fsynced (`PRAGMA synchronous=FULL`)
///   before the call returns; without it a machine crash may lose the last commits, a process
///   crash never does.
/// - Expiry is a column with an index: `load` and `apply` ignore expired rows and `sweep`
///   deletes them in bounded batches.
/// - Record data is the session object in Flask's tagged JSON (as Flask-Session stores it);
///   the timing is in columns. A row that cannot be read back reads as absent, with a warning,
///   and `apply` removes it.
/// - Blocking SQLite calls run on GRDB's own dispatch queues (its async API), never on Swift's
///   cooperative pool.
/// - Failures (cannot open, not a database, disk full, read-only, locked past the busy timeout)
///   throw `SessionStoreError(.unavailable)`; messages name the file and the SQLite error, never
///   session data.
///
/// Schema (version 1, kept in `PRAGMA user_version`; the file is the store's own):
///
/// ```sql
/// CREATE TABLE sessions (
///     key TEXT PRIMARY KEY NOT NULL,     -- SessionStorageKey.hex (SHA-256 of the id)
///     expires_at INTEGER NOT NULL,       -- Unix seconds
///     created_at INTEGER NOT NULL,
///     last_access_at INTEGER NOT NULL,
///     absolute_deadline INTEGER,         -- NULL: none
///     idle_timeout_override INTEGER,     -- seconds; NULL: the engine's
///     version INTEGER NOT NULL,          -- UInt64 bit pattern
///     data BLOB NOT NULL                 -- tagged JSON of the session object
/// );
/// CREATE INDEX sessions_expires_at ON sessions (expires_at);
/// ```
///
/// A database with a newer schema version (a newer SessionKit shares the file) is refused at
/// open with an error saying so; it is never modified.
public final class SQLiteSessionStore: SessionStore, SweepableSessionStore, InspectableSessionStore {
    /// The schema version this release writes and reads.
    public static let schemaVersion = 1

    /// `<TMPDIR or /tmp>/sessionkit-sessions.sqlite`.
    public static var defaultPath: String {
        var base = "/tmp"
        if let tmp = ProcessInfo.processInfo.environment["TMPDIR"], !tmp.isEmpty { base = tmp }
        while base.count > 1, base.hasSuffix("/") { base.removeLast() }
        return (base == "/" ? "" : base) + "/sessionkit-sessions.sqlite"
    }

    /// The database file, as given.
    public let path: String
    /// Whether each commit is fsynced before it returns.
    public let synchronousWrites: Bool

    let pool: DatabasePool

    /// Reports corrupt rows (with a short key prefix, never session data).
    let logger: Logger

    /// Opens (creating it, and its schema, if needed) the database at `path`.
    ///
    /// - Parameters:
    ///   - busyTimeout: how long a write waits for another process's write before it fails
    ///     with `.unavailable`.
    ///   - synchronousWrites: false skips the fsync of each commit (`PRAGMA synchronous=NORMAL`:
    ///     faster; a machine crash may lose the last commits, a process crash does not).
    ///   - logger: where a corrupt row (read as absent) is reported, with a short key prefix.
    /// - Throws: `SessionStoreError(.unavailable)` when the file cannot be opened, is not a
    ///   SQLite database, holds other tables, or has a newer schema version.
    public init(
        path: String = defaultPath, busyTimeout: Duration = .seconds(5), synchronousWrites: Bool = true,
        logger: Logger = Logger(label: "SessionKit.SQLiteSessionStore")
    ) throws {
        self.path = path
        self.synchronousWrites = synchronousWrites
        self.logger = logger
        var config = Configuration()
        config.label = "SessionKit.SQLiteSessionStore"
        let seconds = busyTimeout.components
        config.busyMode = .timeout(TimeInterval(seconds.seconds) + TimeInterval(seconds.attoseconds) / 1e18)
        config.maximumReaderCount = 4
        let synchronous = synchronousWrites ? "FULL" : "NORMAL"
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(synchronous)")
        }
        let display = path
        do {
            pool = try DatabasePool(path: path, configuration: config)
        } catch {
            throw Self.failure("open", display, error)
        }
        do {
            try pool.writeWithoutTransaction { db in
                // Again on the writer: opening a pool in WAL mode sets synchronous=NORMAL on its
                // writer connection after `prepareDatabase` ran, and then commits are not fsynced.
                try db.execute(sql: "PRAGMA synchronous = \(synchronous)")
                try Self.prepareSchema(db, display: display)
            }
        } catch let error as SessionStoreError {
            throw error
        } catch {
            throw Self.failure("open", display, error)
        }
    }
}
