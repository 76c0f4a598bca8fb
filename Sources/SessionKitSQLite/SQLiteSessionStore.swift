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
public final class SQLiteSessionStore: SessionStore, SweepableSessionStore, InspectableSessionStore,
    LastWriterWinsSessionStore
{
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

    static let logger = Logger(label: "SessionKit.SQLiteSessionStore")

    /// Opens (creating it, and its schema, if needed) the database at `path`.
    ///
    /// - Parameters:
    ///   - busyTimeout: how long a write waits for another process's write before it fails
    ///     with `.unavailable`.
    ///   - synchronousWrites: false skips the fsync of each commit (`PRAGMA synchronous=NORMAL`:
    ///     faster; a machine crash may lose the last commits, a process crash does not).
    /// - Throws: `SessionStoreError(.unavailable)` when the file cannot be opened, is not a
    ///   SQLite database, holds other tables, or has a newer schema version.
    public init(
        path: String = defaultPath, busyTimeout: Duration = .seconds(5), synchronousWrites: Bool = true
    ) throws {
        self.path = path
        self.synchronousWrites = synchronousWrites
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

    // MARK: - Schema

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

    // MARK: - SessionStore

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
            Self.logger.warning("corrupt session row treated as absent", metadata: ["key": "\(key)", "reason": "\(why)"])
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

    /// The merge-cost benchmark's baseline: one `INSERT OR REPLACE` of the whole record.
    package func overwrite(_ key: SessionStorageKey, record: SessionRecord) async throws {
        let hex = key.hex
        let data = Data(TaggedJSON.encode(.object(record.data)))
        try await access("overwrite") {
            try await self.pool.writeWithoutTransaction { db in
                try db.execute(
                    sql: "INSERT OR REPLACE INTO sessions (key, \(Self.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    arguments: Self.arguments(hex, record, data))
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
                    guard let current = try Self.liveRecordForWrite(db, key: key, now: changes.now) else { return .commit }
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
    private static func liveRecordForWrite(_ db: Database, key: SessionStorageKey, now: Int64) throws -> SessionRecord? {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT \(columns) FROM sessions WHERE key = ? AND expires_at > ?", arguments: [key.hex, now])
        else { return nil }
        switch decode(row) {
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
                    guard let current = try Self.liveRecordForWrite(db, key: old, now: changes.now) else { return .commit }
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

    // MARK: - SweepableSessionStore

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

    // MARK: - InspectableSessionStore

    public func count() async throws -> Int {
        try await access("count") {
            try await self.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sessions") ?? 0 }
        }
    }

    public func keys(limit: Int) async throws -> [SessionStorageKey] {
        guard limit > 0 else { return [] }
        let hexes = try await access("keys") {
            try await self.pool.read { db in
                try String.fetchAll(db, sql: "SELECT key FROM sessions LIMIT ?", arguments: [limit])
            }
        }
        return hexes.compactMap { SessionStorageKey(hex: $0) }
    }

    // MARK: - Rows

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

    // MARK: - Errors

    /// Runs a database access, turning its failures into `SessionStoreError(.unavailable)`.
    private func access<T: Sendable>(_ operation: String, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as SessionStoreError {
            throw error
        } catch let error as CancellationError {
            throw error
        } catch {
            throw Self.failure(operation, path, error)
        }
    }

    /// The SQLite result code and message only: GRDB's description would add the SQL.
    static func failure(_ operation: String, _ display: String, _ error: any Error) -> SessionStoreError {
        if let db = error as? DatabaseError {
            let code = db.extendedResultCode
            let text = db.message.map { ": \($0)" } ?? ""
            return SessionStoreError(.unavailable, "\(operation) \(display): SQLite error \(code.rawValue)\(text)")
        }
        return SessionStoreError(.unavailable, "\(operation) \(display): \(type(of: error))")
    }
}
