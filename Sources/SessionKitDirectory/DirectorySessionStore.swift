#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CSessionKitFileIO
import Logging
import SessionKit
import Synchronization

/// Sessions as files in a folder: one file per session, sharded as
/// `<directory>/<key[0..<2]>/<key[2..<4]>/<key>` (folders 0700, files 0600).
///
/// - Safe in a folder other local users can write to (the system's temporary folder): the
///   folder must be this user's own and not a symbolic link (else the store refuses to start,
///   saying why and how to fix it); no link is followed anywhere below it (every path is
///   opened with `openat2(RESOLVE_NO_SYMLINKS | RESOLVE_BENEATH)`, or one `O_NOFOLLOW` component
///   at a time on kernels before 5.6); a session or lock file that is not a regular file of this
///   user, not writable by others, is never read, and a link, FIFO, folder or device planted at
///   a session's path is removed with a warning, so it costs at most one request.
/// - Every record carries a MAC (`RecordAuthenticator`, a key derived from the secret key) over
///   its storage key and content: a record planted, copied from another session's file, or
///   written with another key reads as absent (logged once; the file is kept, and replaced by
///   the next create, so that a store given a wrong key destroys nothing). The store needs the keys: a
///   `SessionEngine` hands them over (`useRecordKeys`), or pass them to `init`; until then every
///   operation throws `.unavailable`.
///
/// - A session file has two slots (`SessionRecordFile`); a save writes the new record into the
///   slot that does not hold the current one, in place. A reader (in any process) sees the old
///   record or the new one, never a mix (a half-written slot fails its checksum, and the other
///   slot still holds the previous record). No file is created, renamed or freed.
/// - New files (a new session, a regenerated id, a record that outgrew its slots) go to a temporary file in the shard folder (`.<key>.<random>.tmp`), which is written
///   whole and renamed over the session file; a crash leaves at most a temporary file that is
///   never read as a session (the sweep removes it after an hour).
/// - When writes reach the disk is `durability`'s choice (`Durability`): by default one
///   `syncfs` at most a second after a write covers every write before it, run by the store's
///   `syncService` (add it to your `ServiceGroup`); with `.syncEachSave` (and while that service
///   is not running) a save fdatasyncs its slot, and a new file is fsynced before its rename and
///   its folder after. Session files are opened with `O_NOATIME`, so a load dirties no inode.
/// - `create`, `apply`, `move` and `delete` hold an exclusive `flock` on `<shard>/<key>.lock`, so
///   several processes can share the folder; within a process they also queue on a per-key async
///   lock, so waiting costs no thread. `load` takes no lock; only when it finds no whole record
///   (a save it raced with, or real damage) does it read again under the lock before deciding.
/// - Each file carries its timing in a fixed header (`SessionRecordFile`) with checksums; expiry
///   is enforced on load and by `sweep`, which never parses the data. A damaged file reads as
///   absent and is removed, with a warning.
/// - File I/O runs on a small dedicated thread pool, never blocking Swift's cooperative pool,
///   except a `load` whose file is in the page cache: read at once (`preadv2` with
///   `RWF_NOWAIT`, Linux), it costs no thread hop. On tmpfs or ramfs (nothing there waits for a
///   disk) every `load` reads at once, and an `apply` whose `flock` is free saves at once; one
///   that finds the lock held by another process waits for it on the pool. Unless it syncs
///   each save, an `apply` on a disk also saves at once when its lock is free and its file in
///   the page cache (no fdatasync to wait for).
/// - The store keeps the descriptors of the session files and lock files it used last
///   (`OpenFileCache`, at most 1,024 of each or a sixty-fourth of the open-file limit), so a hot
///   session is loaded and saved with no `openat`; each use checks the file still has a link,
///   so a file replaced or removed (by any process) is opened afresh. An `open` that finds the
///   process out of descriptors (EMFILE, ENFILE) closes the cached ones and tries again.
/// - Failures (EACCES, ENOSPC, EROFS, EIO, ENOTDIR…) throw `SessionStoreError(.unavailable)`.
public final class DirectorySessionStore: SessionStore, SweepableSessionStore, InspectableSessionStore,
    AuthenticatedRecordStore
{
    /// `<TMPDIR or /tmp>/sessionkit-sessions-<euid>`: one folder per user. The name is
    /// predictable, so another local user can still make it first: the store then refuses to
    /// start (it never uses a folder it does not own) and says so; set `TMPDIR` or pass a
    /// folder of your own.
    public static var defaultDirectory: String {
        var base = "/tmp"
        if let tmp = getenv("TMPDIR"), tmp.pointee != 0 { base = String(cString: tmp) }
        while base.count > 1, base.hasSuffix("/") { base.removeLast() }
        return (base == "/" ? "" : base) + "/sessionkit-sessions-\(geteuid())"
    }

    /// The MAC key's derivation label (`RecordAuthenticator`).
    static let recordPurpose = "SessionKit directory record v1"

    /// The folder, as given.
    public let directory: String
    /// When writes reach the disk (default: synced every second, in the background).
    public let durability: Durability
    var syncsEachSave: Bool { durability == .syncEachSave }
    /// Whether a write made now syncs before it returns: with `.syncEachSave`, and with
    /// `.syncEvery` while no `syncService` runs (`PeriodicSync.coversWrites`).
    var syncsWritesNow: Bool { syncsEachSave || periodicSync?.coversWrites() == false }
    /// Deletes and id changes sync their folder before they return (all but `.noSync`).
    var syncsRemovals: Bool { durability != .noSync }
    /// With `.syncEvery`: the background sync that writes call on (run by `syncService`).
    let periodicSync: PeriodicSync?
    /// Where the store reports what it repaired, refused or failed to sync.
    let logger: Logger

    /// The store's folder, opened once: every path is resolved relative to it.
    let rootFD: Int32
    /// Descriptors of the session files `load` and `apply` used last (`OpenFileCache`).
    let openFiles: OpenFileCache
    /// Descriptors of the lock files `apply` took last (`SessionFileLock`), as many as `openFiles`.
    let openLocks: OpenFileCache
    /// Set when a read-write open failed with EROFS: loads then open read-only.
    let readOnlyOpens = Atomic<Bool>(false)

    /// Set once this store's file system (or the kernel, or the platform) rejects RWF_NOWAIT:
    /// its loads then all go to the I/O pool.
    let cachedReadsUnsupported = Atomic<Bool>(false)

    /// The folder is on tmpfs or ramfs (`/dev/shm`, `/run`, and `/tmp` on many distributions):
    /// a read there never waits for a disk, so every load reads on the caller's thread.
    let inMemoryFileSystem: Bool
    /// Temporary files older than this (seconds) are removed by the sweep.
    let staleTemporaryAge: Int64
    /// Files examined per `sweep` call at most; nil: derived from the limit.
    let sweepExamineLimit: Int?

    let sweepCursor = Mutex(SweepCursor())
    /// Sessions whose unauthenticated record was logged already (`noteUnauthenticated`).
    let reportedUnauthenticated = Mutex(Set<SessionStorageKey>())
    /// Seals and verifies records; nil until keys are given (every operation then throws).
    private let recordKeys: Mutex<RecordAuthenticator?>

    /// Process-wide: two stores on one folder in one process also queue here.
    static let keyLocks = KeyedAsyncLock()

    /// Opens (creating it 0700 if needed) the folder. An existing folder must be a directory
    /// owned by this user, not a symbolic link (else this throws `.unavailable`, saying what is
    /// wrong and how to fix it); a looser mode of this user's own folder is tightened to 0700.
    /// `durability`: when writes reach the disk (see `Durability`; a damaged file is always
    /// detected and dropped). A `.syncEvery` interval that is not positive syncs each save.
    /// `keys`: the app's secret keys, which records are sealed and verified with; nil leaves
    /// them to the `SessionEngine` the store is given to (`useRecordKeys`). `logger`: where the
    /// store reports entries it removed or refused, damaged files and failed syncs.
    public convenience init(
        directory: String = defaultDirectory, durability: Durability = .default, keys: SecretKeys? = nil,
        logger: Logger = Logger(label: "SessionKit.DirectorySessionStore")
    ) throws {
        try self.init(
            directory: directory, durability: durability, staleTemporaryAge: 3600, sweepExamineLimit: nil, keys: keys,
            logger: logger)
    }

    init(
        directory: String, durability: Durability, staleTemporaryAge: Int64, sweepExamineLimit: Int?,
        openFileCacheCapacity: Int = OpenFileCache.defaultCapacity, keys: SecretKeys? = nil,
        logger: Logger = Logger(label: "SessionKit.DirectorySessionStore")
    ) throws {
        self.logger = logger
        self.recordKeys = Mutex(keys.map { RecordAuthenticator(keys: $0, purpose: Self.recordPurpose) })
        self.openFiles = OpenFileCache(capacity: openFileCacheCapacity)
        self.openLocks = OpenFileCache(capacity: openFileCacheCapacity)
        self.directory = directory
        self.staleTemporaryAge = staleTemporaryAge
        self.sweepExamineLimit = sweepExamineLimit
        let rootFD = try Self.openRoot(directory, logger: logger)
        self.rootFD = rootFD
        self.inMemoryFileSystem = Self.isInMemoryFileSystem(rootFD)
        var periodicSync: PeriodicSync? = nil
        if case .syncEvery(let interval) = durability, interval > .zero {
            periodicSync = PeriodicSync(folder: rootFD, interval: interval, display: directory, logger: logger)
        }
        self.periodicSync = periodicSync
        if case .syncEvery = durability, periodicSync == nil {
            self.durability = .syncEachSave
        } else {
            self.durability = durability
        }
    }

    deinit { close(rootFD) }

    /// Seals records with `keys.current` from now on and reads those sealed with any of them.
    public func useRecordKeys(_ keys: SecretKeys) {
        let authenticator = RecordAuthenticator(keys: keys, purpose: Self.recordPurpose)
        recordKeys.withLock { $0 = authenticator }
    }

    /// The records' authenticator; throws `.unavailable` while the store has no keys.
    func authenticator() throws(SessionStoreError) -> RecordAuthenticator {
        guard let authenticator = recordKeys.withLock({ $0 }) else {
            throw SessionStoreError(
                .unavailable,
                "directory store \(directory) has no keys: its records are authenticated with a key derived from the secret key. Pass the store to a SessionEngine (which gives it the engine's keys) or create it with DirectorySessionStore(directory:durability:keys:)")
        }
        return authenticator
    }

    /// Syncs the file system holding the folder now (`syncfs`), so that every write made so far
    /// is on the disk (`syncService` does so on graceful shutdown). Throws `.unavailable` when the kernel
    /// reports a write-back error.
    public func syncToDisk() throws(SessionStoreError) {
        if sessionkit_sync_file_system(rootFD) != 0 { throw POSIXIO.failure("sync", directory, errno) }
    }

    // MARK: - SessionStore

    public func load(_ key: SessionStorageKey, now: Int64) async throws -> SessionRecord? {
        let paths = SessionPaths(key)
        let auth = try authenticator()
        // Fast path, on the caller's thread: a file whose bytes are all in the page cache (or on
        // tmpfs) is read without waiting for the disk (preadv2 with RWF_NOWAIT), which spares
        // the two thread hops of the I/O pool. Anything else (not cached, expired, damaged, an
        // error) takes the pool path below, which handles it.
        switch readFileIfCached(key, paths.data) {
        case .absent:
            return nil
        case .bytes(let bytes):
            if case .live(let record, _) = Self.inspect(bytes, key, auth, now: now) { return record }
        case .wouldBlock, .unsupported, .failed, .planted:
            break
        }
        return try await BlockingIOPool.shared.run { () throws(SessionStoreError) -> SessionRecord? in
            guard let bytes = try self.readFile(paths.data, display: paths.display, operation: "load", locked: false)
            else {
                return nil
            }
            switch Self.inspect(bytes, key, auth, now: now) {
            case .live(let record, _):
                return record
            case .expired:
                _ = try? self.removeIfDead(paths, now: now)
                return nil
            case .unauthenticated:
                self.noteUnauthenticated(paths)
                return nil
            case .corrupt:
                // Maybe a save in another process was writing while we read (or the entry is not
                // the store's): decide under the lock.
                return try self.loadLocked(paths, now: now)
            case .unsupported(let version):
                throw SessionStoreError(
                    .unavailable, "load \(paths.display): unsupported file format version \(version)")
            }
        }
    }

    public func create(_ key: SessionStorageKey, record: SessionRecord) async throws -> Bool {
        let paths = SessionPaths(key)
        let auth = try authenticator()
        guard let image = SessionRecordFile.encode(record, key: key, authenticator: auth) else {
            throw SessionStoreError(.unavailable, "create \(paths.display): record larger than the store's limit")
        }
        let bytes = SessionRecordFile.file(image)
        return try await Self.keyLocks.withLock(paths.key) {
            try await BlockingIOPool.shared.run { () throws(SessionStoreError) -> Bool in
                let lock = try self.lockForWriting(paths)
                var written = false
                defer {
                    // No lock file without its session.
                    if !written { self.unlinkLockIfNoSession(lock, paths) }
                    withExtendedLifetime(lock) {}
                }
                if let existing = try self.readFile(paths.data, display: paths.display, operation: "create") {
                    switch Self.inspect(existing, key, auth, now: record.lastAccessAt) {
                    case .live:
                        written = true  // its session's lock file
                        return false
                    case .expired:
                        break
                    case .unauthenticated:
                        self.logger.warning(
                            "session file with a record that does not authenticate replaced",
                            metadata: ["file": "\(paths.display)"])
                    case .corrupt(let why):
                        self.logger.warning(
                            "damaged session file replaced",
                            metadata: ["file": "\(paths.display)", "reason": "\(why)"])
                    case .unsupported(let version):
                        throw SessionStoreError(
                            .unavailable, "create \(paths.display): unsupported file format version \(version)")
                    }
                }
                try self.writeFile(bytes, paths, operation: "create")
                written = true
                return true
            }
        }
    }

    public func apply(_ changes: SessionChangeSet, to key: SessionStorageKey) async throws -> SessionRecord? {
        let paths = SessionPaths(key)
        _ = try authenticator()
        return try await Self.keyLocks.withLock(paths.key) {
            // On tmpfs no file operation waits for a disk, and without fdatasync a save on a disk
            // waits for none either once the file is in the page cache: unless another process
            // holds the session's lock right now (or, on a disk, the file is not cached), the
            // whole save runs here, without the two thread hops.
            if self.inMemoryFileSystem || !self.syncsWritesNow,
                case .done(let record) = try self.applyFiles(
                    changes, key, paths, waitForLock: false, cachedOnly: !self.inMemoryFileSystem)
            {
                return record
            }
            return try await BlockingIOPool.shared.run { () throws(SessionStoreError) -> SessionRecord? in
                switch try self.applyFiles(changes, key, paths, waitForLock: true, cachedOnly: false) {
                case .done(let record): return record
                case .lockBusy, .notCached: return nil  // not with waitForLock and without cachedOnly
                }
            }
        }
    }

    enum ApplyOutcome {
        case done(SessionRecord?)
        /// Only without `waitForLock`: another process holds the session's lock.
        case lockBusy
        /// Only with `cachedOnly`: the session file is not (all) in the page cache.
        case notCached
    }

    /// `apply`'s file work, with the per-key async lock held: the session's `flock` (waiting for
    /// it, or not), read, merge, write in place (or a new file when the record outgrew its slot).
    func applyFiles(
        _ changes: SessionChangeSet, _ key: SessionStorageKey, _ paths: SessionPaths, waitForLock: Bool,
        cachedOnly: Bool
    ) throws(SessionStoreError) -> ApplyOutcome {
        let lock: SessionFileLock
        switch try SessionFileLock.acquire(
            root: rootFD, path: paths.lock, display: paths.display, blocking: waitForLock, cache: (openLocks, key),
            logger: logger)
        {
        case .locked(let l): lock = l
        case .noShard: return .done(nil)
        case .busy: return .lockBusy
        }
        defer { withExtendedLifetime(lock) {} }  // held until the write is done
        let file: (handle: OpenFileCache.File, bytes: [UInt8])
        switch try openForUpdate(key, paths, operation: "apply", cachedOnly: cachedOnly) {
        case .opened(let handle, let bytes): file = (handle, bytes)
        case .absent:
            lock.unlinkFile()
            return .done(nil)
        case .notCached:
            return .notCached
        case .planted(let why):
            try removePlanted(paths.data, display: paths.display, why: why, operation: "apply")
            unlinkLockIfNoSession(lock, paths)
            return .done(nil)
        }
        guard
            let (current, location) = try liveRecord(
                file.bytes, paths, lockedBy: lock, now: changes.now, operation: "apply")
        else { return .done(nil) }
        let merged = changes.applied(to: current)
        guard var image = SessionRecordFile.unsealed(merged) else {
            throw SessionStoreError(.unavailable, "apply \(paths.display): record larger than the store's limit")
        }
        let slotSize = location.header.slotSize
        let auth = try authenticator()
        if Self.fitsInPlace(image.count, slotSize: slotSize) {
            SessionRecordFile.seal(&image, slotSize: slotSize, key: key, authenticator: auth)
            try writeSlot(file.handle.fd, image, offset: (1 - location.slot) * slotSize, paths, operation: "apply")
        } else {
            SessionRecordFile.seal(
                &image, slotSize: SessionRecordFile.slotSize(forImage: image.count), key: key, authenticator: auth)
            try writeFile(SessionRecordFile.file(image), paths, operation: "apply")
        }
        return .done(merged)
    }
}
