#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CSessionKitFileIO
import Dispatch
import Logging
import Synchronization
import class Foundation.Thread

/// Sessions as files in a folder: one file per session, sharded as
/// `<directory>/<key[0..<2]>/<key[2..<4]>/<key>` (folders 0700, files 0600).
///
/// - A session file has two slots (`SessionRecordFile`); a save writes the new record into the
///   slot that does not hold the current one, in place. A reader (in any process) sees the old
///   record or the new one, never a mix (a half-written slot fails its checksum, and the other
///   slot still holds the previous record). No file is created, renamed or freed.
/// - New files (a new session, a regenerated id, a record that outgrew its slots, a version-1
///   file) go to a temporary file in the shard folder (`.<key>.<random>.tmp`), which is written
///   whole and renamed over the session file; a crash leaves at most a temporary file that is
///   never read as a session (the sweep removes it after an hour).
/// - When writes reach the disk is `durability`'s choice (`Durability`): by default one
///   background `syncfs` at most a second after a write covers every write before it; with
///   `.syncEachSave` a save fdatasyncs its slot, and a new file is fsynced before its rename and
///   its folder after. Session files are opened with `O_NOATIME`, so a load dirties no inode.
/// - `create`, `apply`, `move` and `delete` hold an exclusive `flock` on `<shard>/<key>.lock`, so
///   several processes can share the folder; within a process they also queue on a per-key async
///   lock, so waiting costs no thread. `load` takes no lock; only when it finds no whole record
///   (a save it raced with, or real damage) does it read again under the lock before deciding.
/// - Each file carries its timing in a fixed header (`SessionRecordFile`) with checksums; expiry
///   is enforced on load and by `sweep`, which reads only headers. A damaged file reads as
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
    LastWriterWinsSessionStore
{
    /// `<TMPDIR or /tmp>/sessionkit-sessions`.
    public static var defaultDirectory: String {
        var base = "/tmp"
        if let tmp = getenv("TMPDIR"), tmp.pointee != 0 { base = String(cString: tmp) }
        while base.count > 1, base.hasSuffix("/") { base.removeLast() }
        return (base == "/" ? "" : base) + "/sessionkit-sessions"
    }

    /// The folder, as given.
    public let directory: String
    /// When writes reach the disk (default: synced every second, in the background).
    public let durability: Durability
    var syncsEachSave: Bool { durability == .syncEachSave }
    /// Deletes and id changes sync their folder before they return (all but `.noSync`).
    var syncsRemovals: Bool { durability != .noSync }
    /// With `.syncEvery`: the background sync that writes call on.
    let periodicSync: PeriodicSync?

    /// The store's folder, opened once: every path is resolved relative to it.
    let rootFD: Int32
    /// Temporary files older than this (seconds) are removed by the sweep.
    let staleTemporaryAge: Int64
    /// Files examined per `sweep` call at most; nil: derived from the limit.
    let sweepExamineLimit: Int?

    private let sweepCursor = Mutex(SweepCursor())

    static let logger = Logger(label: "SessionKit.DirectorySessionStore")
    /// Process-wide: two stores on one folder in one process also queue here.
    private static let keyLocks = KeyedAsyncLock()

    /// Opens (creating it 0700 if needed) the folder. An existing folder must be a directory
    /// owned by this user; a looser mode is tightened to 0700.
    /// `durability`: when writes reach the disk (see `Durability`; a damaged file is always
    /// detected and dropped). A `.syncEvery` interval that is not positive syncs each save.
    public convenience init(directory: String = defaultDirectory, durability: Durability = .default) throws {
        try self.init(directory: directory, durability: durability, staleTemporaryAge: 3600, sweepExamineLimit: nil)
    }

    init(
        directory: String, durability: Durability, staleTemporaryAge: Int64, sweepExamineLimit: Int?,
        openFileCacheCapacity: Int = OpenFileCache.defaultCapacity
    ) throws {
        self.openFiles = OpenFileCache(capacity: openFileCacheCapacity)
        self.openLocks = OpenFileCache(capacity: openFileCacheCapacity)
        self.directory = directory
        self.staleTemporaryAge = staleTemporaryAge
        self.sweepExamineLimit = sweepExamineLimit
        let rootFD = try Self.openRoot(directory)
        self.rootFD = rootFD
        self.inMemoryFileSystem = Self.isInMemoryFileSystem(rootFD)
        var periodicSync: PeriodicSync? = nil
        if case .syncEvery(let interval) = durability, interval > .zero {
            periodicSync = PeriodicSync(folder: rootFD, interval: interval, display: directory)
        }
        self.periodicSync = periodicSync
        if case .syncEvery = durability, periodicSync == nil {
            self.durability = .syncEachSave
        } else {
            self.durability = durability
        }
    }

    deinit { close(rootFD) }

    /// Syncs the file system holding the folder now (`syncfs`), so that every write made so far
    /// is on the disk: for a clean shutdown with `.syncEvery` (whose next background sync a
    /// process that exits first never runs) or `.noSync`. Throws `.unavailable` when the kernel
    /// reports a write-back error.
    public func syncToDisk() throws(SessionStoreError) {
        if sessionkit_sync_file_system(rootFD) != 0 { throw POSIXIO.failure("sync", directory, errno) }
    }

    // MARK: - SessionStore

    public func load(_ key: SessionStorageKey, now: Int64) async throws -> SessionRecord? {
        let paths = SessionPaths(key)
        // Fast path, on the caller's thread: a file whose bytes are all in the page cache (or on
        // tmpfs) is read without waiting for the disk (preadv2 with RWF_NOWAIT), which spares
        // the two thread hops of the I/O pool. Anything else (not cached, expired, damaged, an
        // error) takes the pool path below, which handles it.
        switch readFileIfCached(key, paths.data) {
        case .absent:
            return nil
        case .bytes(let bytes):
            if case .live(let record, _) = Self.inspect(bytes, now: now) { return record }
        case .wouldBlock, .unsupported, .failed:
            break
        }
        return try await BlockingIOPool.shared.run { () throws(SessionStoreError) -> SessionRecord? in
            guard let bytes = try self.readFile(paths.data, display: paths.display, operation: "load") else {
                return nil
            }
            switch Self.inspect(bytes, now: now) {
            case .live(let record, _):
                return record
            case .expired:
                _ = try? self.removeIfDead(paths, now: now)
                return nil
            case .corrupt:
                // Maybe a save in another process was writing while we read: decide under the lock.
                return try self.loadLocked(paths, now: now)
            case .unsupported(let version):
                throw SessionStoreError(
                    .unavailable, "load \(paths.display): unsupported file format version \(version)")
            }
        }
    }

    /// `load` again with the session's lock held, so that no save is half-written: a record that
    /// is still damaged now is damaged (logged, removed, absent).
    private func loadLocked(_ paths: SessionPaths, now: Int64) throws(SessionStoreError) -> SessionRecord? {
        let lock: SessionFileLock
        switch try SessionFileLock.acquire(root: rootFD, path: paths.lock, display: paths.display, blocking: true) {
        case .locked(let l): lock = l
        case .noShard, .busy: return nil
        }
        defer { withExtendedLifetime(lock) {} }
        guard let bytes = try readFile(paths.data, display: paths.display, operation: "load") else {
            lock.unlinkFile()
            return nil
        }
        return try liveRecord(bytes, paths, lockedBy: lock, now: now, operation: "load")?.record
    }

    /// Judges a session file read under its lock: the live record and where it lies, or nil
    /// after removing an expired or damaged file (the damage is logged). A newer format throws.
    private func liveRecord(
        _ bytes: [UInt8], _ paths: SessionPaths, lockedBy lock: SessionFileLock, now: Int64, operation: String
    ) throws(SessionStoreError) -> (record: SessionRecord, location: SessionRecordFile.Current)? {
        switch Self.inspect(bytes, now: now) {
        case .live(let record, let location):
            return (record, location)
        case .expired:
            try unlink(paths.data, display: paths.display, operation: operation)
            lock.unlinkFile()
            return nil
        case .corrupt(let why):
            Self.logger.warning(
                "corrupt session file treated as absent", metadata: ["file": "\(paths.display)", "reason": "\(why)"])
            try unlink(paths.data, display: paths.display, operation: operation)
            lock.unlinkFile()
            return nil
        case .unsupported(let version):
            throw SessionStoreError(
                .unavailable, "\(operation) \(paths.display): unsupported file format version \(version)")
        }
    }

    public func create(_ key: SessionStorageKey, record: SessionRecord) async throws -> Bool {
        let paths = SessionPaths(key)
        guard let image = SessionRecordFile.encode(record) else {
            throw SessionStoreError(.unavailable, "create \(paths.display): record larger than the store's limit")
        }
        let bytes = SessionRecordFile.file(image)
        return try await Self.keyLocks.withLock(paths.key) {
            try await BlockingIOPool.shared.run { () throws(SessionStoreError) -> Bool in
                let lock = try self.lockForWriting(paths)
                defer { withExtendedLifetime(lock) {} }
                if let existing = try self.readFile(paths.data, display: paths.display, operation: "create") {
                    switch Self.inspect(existing, now: record.lastAccessAt) {
                    case .live:
                        return false
                    case .expired:
                        break
                    case .corrupt(let why):
                        Self.logger.warning(
                            "corrupt session file replaced", metadata: ["file": "\(paths.display)", "reason": "\(why)"])
                    case .unsupported(let version):
                        throw SessionStoreError(
                            .unavailable, "create \(paths.display): unsupported file format version \(version)")
                    }
                }
                try self.writeFile(bytes, paths, operation: "create")
                return true
            }
        }
    }

    /// The merge-cost benchmark's baseline: a temporary file renamed over the record, as
    /// Flask-Session's file store saves; no lock, no read.
    package func overwrite(_ key: SessionStorageKey, record: SessionRecord) async throws {
        let paths = SessionPaths(key)
        guard let image = SessionRecordFile.encode(record) else {
            throw SessionStoreError(.unavailable, "overwrite \(paths.display): record larger than the store's limit")
        }
        let bytes = SessionRecordFile.file(image)
        try await BlockingIOPool.shared.run { () throws(SessionStoreError) in
            do {
                try self.writeFile(bytes, paths, operation: "overwrite")
            } catch {
                try self.makeShard(paths)  // a new shard; any other failure repeats
                try self.writeFile(bytes, paths, operation: "overwrite")
            }
        }
    }

    public func apply(_ changes: SessionChangeSet, to key: SessionStorageKey) async throws -> SessionRecord? {
        let paths = SessionPaths(key)
        return try await Self.keyLocks.withLock(paths.key) {
            // On tmpfs no file operation waits for a disk, and without fdatasync a save on a disk
            // waits for none either once the file is in the page cache: unless another process
            // holds the session's lock right now (or, on a disk, the file is not cached), the
            // whole save runs here, without the two thread hops.
            if self.inMemoryFileSystem || !self.syncsEachSave,
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
    private func applyFiles(
        _ changes: SessionChangeSet, _ key: SessionStorageKey, _ paths: SessionPaths, waitForLock: Bool,
        cachedOnly: Bool
    ) throws(SessionStoreError) -> ApplyOutcome {
        let lock: SessionFileLock
        switch try SessionFileLock.acquire(
            root: rootFD, path: paths.lock, display: paths.display, blocking: waitForLock, cache: (openLocks, key))
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
        }
        guard
            let (current, location) = try liveRecord(
                file.bytes, paths, lockedBy: lock, now: changes.now, operation: "apply")
        else { return .done(nil) }
        let merged = changes.applied(to: current)
        guard var image = SessionRecordFile.encode(merged) else {
            throw SessionStoreError(.unavailable, "apply \(paths.display): record larger than the store's limit")
        }
        if let slotSize = location.header.slotSize, Self.fitsInPlace(image.count, slotSize: slotSize) {
            SessionRecordFile.reseal(&image, slotSize: slotSize)
            try writeSlot(file.handle.fd, image, offset: (1 - location.slot) * slotSize, paths, operation: "apply")
        } else {
            try writeFile(SessionRecordFile.file(image), paths, operation: "apply")
        }
        return .done(merged)
    }

    /// Holds both sessions' locks — the per-key async lock and the `flock`, each taken in key
    /// order so that two moves never wait on each other — while it reads `old`, writes the merged
    /// record as `new` (temporary file, rename) and then removes `old` and its lock file. An
    /// `apply` or `delete` of `old` in any process waits on `old`'s lock and afterwards finds no
    /// file. A crash between the write of `new` and the removal of `old` leaves both records (the
    /// old id then works until it expires); no change is lost.
    public func move(
        _ changes: SessionChangeSet, from old: SessionStorageKey, to new: SessionStorageKey
    ) async throws -> SessionRecord? {
        let (from, to) = (SessionPaths(old), SessionPaths(new))
        guard from.key != to.key else {
            // Not a real move; a live record holds the "new" key.
            if try await load(old, now: changes.now) == nil { return nil }
            throw SessionStoreError(.conflict, "move \(to.display): a live record already holds the new key")
        }
        let (first, second) = from.key < to.key ? (from.key, to.key) : (to.key, from.key)
        return try await Self.keyLocks.withLock(first) {
            try await Self.keyLocks.withLock(second) {
                let moved = try await BlockingIOPool.shared.run { () throws(SessionStoreError) -> SessionRecord? in
                    try self.moveLocked(changes, from: from, to: to)
                }
                if moved != nil {  // its files are gone
                    self.openFiles.remove(old)
                    self.openLocks.remove(old)
                }
                return moved
            }
        }
    }

    /// `move`'s file work, on an I/O thread, with the async locks held.
    private func moveLocked(
        _ changes: SessionChangeSet, from: SessionPaths, to: SessionPaths
    ) throws(SessionStoreError) -> SessionRecord? {
        var oldLock: SessionFileLock?
        var newLock: SessionFileLock?
        var wroteNew = false
        defer {
            // A lock file created for `new` that got no session is removed (still locked).
            if !wroteNew, let newLock {
                var st = stat()
                if fstatat(rootFD, to.data, &st, AT_SYMLINK_NOFOLLOW) != 0 && errno == ENOENT { newLock.unlinkFile() }
            }
            withExtendedLifetime((oldLock, newLock)) {}
        }
        func lockOld() throws(SessionStoreError) -> Bool {
            switch try SessionFileLock.acquire(root: rootFD, path: from.lock, display: from.display, blocking: true) {
            case .locked(let l):
                oldLock = l
                return true
            case .noShard, .busy:
                return false
            }
        }
        if from.key < to.key {
            guard try lockOld() else { return nil }
            newLock = try lockForWriting(to)
        } else {
            newLock = try lockForWriting(to)
            guard try lockOld() else { return nil }
        }
        guard let oldLock else { return nil }
        guard let bytes = try readFile(from.data, display: from.display, operation: "move") else {
            oldLock.unlinkFile()
            return nil
        }
        guard let current = try liveRecord(bytes, from, lockedBy: oldLock, now: changes.now, operation: "move")?.record
        else { return nil }
        if let existing = try readFile(to.data, display: to.display, operation: "move") {
            switch Self.inspect(existing, now: changes.now) {
            case .live:
                throw SessionStoreError(.conflict, "move \(to.display): a live record already holds the new key")
            case .unsupported(let version):
                throw SessionStoreError(.unavailable, "move \(to.display): unsupported file format version \(version)")
            case .expired, .corrupt:
                break  // replaced by the rename below
            }
        }
        let moved = changes.movedRecord(from: current)
        guard let image = SessionRecordFile.encode(moved) else {
            throw SessionStoreError(.unavailable, "move \(from.display): record larger than the store's limit")
        }
        try writeFile(SessionRecordFile.file(image), to, operation: "move")
        wroteNew = true
        try unlink(from.data, display: from.display, operation: "move")
        oldLock.unlinkFile()
        if syncsRemovals {
            try POSIXIO.syncDirectory(root: rootFD, from.shard, display: from.shard)
        }
        return moved
    }

    public func delete(_ key: SessionStorageKey) async throws {
        let paths = SessionPaths(key)
        try await Self.keyLocks.withLock(paths.key) {
            try await BlockingIOPool.shared.run { () throws(SessionStoreError) in
                let lock: SessionFileLock
                switch try SessionFileLock.acquire(
                    root: self.rootFD, path: paths.lock, display: paths.display, blocking: true)
                {
                case .locked(let l): lock = l
                case .noShard, .busy: return
                }
                defer { withExtendedLifetime(lock) {} }
                let removed = try self.unlink(paths.data, display: paths.display, operation: "delete")
                lock.unlinkFile()
                self.openFiles.remove(key)
                self.openLocks.remove(key)
                if removed && self.syncsRemovals {
                    try POSIXIO.syncDirectory(root: self.rootFD, paths.shard, display: paths.shard)
                }
            }
        }
    }

    // MARK: - SweepableSessionStore

    /// Removes up to `limit` records expired at `now`, walking the shards from where the previous
    /// call stopped (successive calls cover the whole tree; one call covers at most one full
    /// cycle). Also removes temporary files older than an hour, lock files without a session and
    /// damaged session files. Examines at most `max(256, min(10 × limit, 10,000))` files per call,
    /// reads only headers, and skips sessions locked right now (in use), so it never holds up
    /// requests for long. A call that returns less than `limit` may still have left expired
    /// records beyond its examine bound: the next call continues from there.
    public func sweep(now: Int64, limit: Int) async throws -> Int {
        // Each batch examines a bounded slice of the tree (one pool job at a time, so requests
        // interleave); keep going until something was removed or a whole pass found nothing, so
        // that 0 means "nothing expired is left" (the protocol's contract).
        while true {
            let result = try await sweepBatch(now: now, limit: limit)
            if result.removed > 0 || result.wrapped || result.examined == 0 { return result.removed }
        }
    }

    /// Sweeps every `every`: each tick walks one full pass of the tree in calls of `batch`
    /// removals (yielding between calls); ends when the task is cancelled or the store is gone.
    @discardableResult
    public func startPeriodicSweep(
        every: Duration, batch: Int = 1_000, clock: SessionClock = .system, priority: TaskPriority? = nil
    ) -> Task<Void, Never> {
        Task(priority: priority) { [weak self] in
            while !Task.isCancelled {
                do { try await Task.sleep(for: every) } catch { return }
                while !Task.isCancelled {
                    guard let store = self else { return }
                    do {
                        let result = try await store.sweepBatch(now: clock.unixSeconds, limit: max(batch, 1))
                        if result.removed > 0 {
                            Self.logger.debug("swept expired sessions", metadata: ["removed": "\(result.removed)"])
                        }
                        if result.wrapped || result.examined == 0 { break }
                    } catch {
                        Self.logger.error("session sweep failed", metadata: ["error": "\(error)"])
                        break
                    }
                    await Task.yield()
                }
            }
        }
    }

    // MARK: - InspectableSessionStore

    public func count() async throws -> Int {
        var total = 0
        try await walk { _ in
            total += 1
            return true
        }
        return total
    }

    public func keys(limit: Int) async throws -> [SessionStorageKey] {
        guard limit > 0 else { return [] }
        var out: [SessionStorageKey] = []
        try await walk { key in
            out.append(key)
            return out.count < limit
        }
        return out
    }

    /// Visits every session file's key (one pool job per first-level folder).
    private func walk(_ visit: (SessionStorageKey) -> Bool) async throws {
        let level1 = try await BlockingIOPool.shared.run { () throws(SessionStoreError) -> [String] in
            try self.listShardNames(".", display: ".")
        }
        for l1 in level1 {
            let keys = try await BlockingIOPool.shared.run { () throws(SessionStoreError) -> [SessionStorageKey] in
                var keys: [SessionStorageKey] = []
                for l2 in try self.listShardNames(l1, display: l1) {
                    let shard = l1 + "/" + l2
                    for name in try self.listNames(shard, display: shard)
                    where name.utf8.count == 64 && name.hasPrefix(l1 + l2) {
                        if let key = SessionStorageKey(hex: name) { keys.append(key) }
                    }
                }
                return keys
            }
            for key in keys where !visit(key) { return }
        }
    }

    // MARK: - Files

    /// The whole file, or nil when it does not exist. Other failures throw.
    func readFile(_ path: String, display: String, operation: String) throws(SessionStoreError) -> [UInt8]? {
        switch Self.readWhole(root: rootFD, path, cachedOnly: false) {
        case .absent: return nil
        case .bytes(let bytes): return bytes
        case .failed(let e): throw POSIXIO.failure(operation, display, e)
        case .wouldBlock, .unsupported: throw POSIXIO.failure(operation, display, EAGAIN)  // only with cachedOnly
        }
    }

    /// The whole file if it can be read without waiting for the disk. `openat` itself may still
    /// wait on a lookup of a folder that is not cached, as a web server's open() does.
    /// Anything but `.absent` and `.bytes` means: let the I/O pool read it.
    ///
    /// A session read recently is read through the descriptor kept in `openFiles`, if its file
    /// still has a link once the read is done: session files are rewritten in place or replaced
    /// (renamed over, or removed), never relinked, so a linked inode is the file at the path and
    /// the bytes read from it are as good as a fresh open's. Otherwise the file is opened again,
    /// and a whole read keeps its descriptor for next time.
    func readFileIfCached(_ key: SessionStorageKey, _ path: String) -> ReadOutcome {
        // tmpfs has no RWF_NOWAIT, and nothing to wait for: a plain read.
        let cachedOnly = !inMemoryFileSystem
        if cachedOnly && cachedReadsUnsupported.load(ordering: .relaxed) { return .unsupported }
        if let file = openFiles.file(for: key) {
            let outcome = Self.readAll(file.fd, cachedOnly: cachedOnly)
            // Still the session's file: what it read stands (a read that would wait goes to the
            // pool, and the descriptor stays for next time); else open the path afresh.
            if Self.isLinked(file.fd) { return noting(outcome) }
            openFiles.remove(key, ifStill: file)
        }
        // Read-write (for `apply` to reuse), unless the folder refused that before (read-only).
        var writable = !readOnlyOpens.load(ordering: .relaxed)
        var fd = openSessionFile(path, writable ? O_RDWR : O_RDONLY)
        if fd < 0 && writable && [EROFS, EACCES, EPERM, ETXTBSY].contains(errno) {
            if errno == EROFS { readOnlyOpens.store(true, ordering: .relaxed) }
            writable = false
            fd = openSessionFile(path, O_RDONLY)
        }
        if fd < 0 {
            let e = errno
            return e == ENOENT ? .absent : .failed(e)
        }
        let outcome = Self.readAll(fd, cachedOnly: cachedOnly)
        switch outcome {
        case .bytes, .wouldBlock:
            openFiles.insert(fd, writable: writable, for: key)
        case .absent, .unsupported, .failed:
            close(fd)
        }
        return noting(outcome)
    }

    /// `outcome`, after noting an `.unsupported` one (RWF_NOWAIT refused: loads go to the pool).
    private func noting(_ outcome: ReadOutcome) -> ReadOutcome {
        if case .unsupported = outcome { cachedReadsUnsupported.store(true, ordering: .relaxed) }
        return outcome
    }

    /// Opens `path` (relative to the store's folder) with `access` as
    /// `openSessionFile(root:_:_:)` does (O_NONBLOCK: a FIFO planted at the path must not block
    /// the open; no effect on a regular file) and, when the process is out of descriptors, again
    /// after closing the cached ones. Returns the descriptor, or -1 with `errno` set by the last
    /// attempt.
    func openSessionFile(_ path: String, _ access: Int32) -> Int32 {
        while true {
            let fd = Self.openSessionFile(root: rootFD, path, access)
            if fd >= 0 { return fd }
            if OpenFileCache.isOutOfDescriptors(errno) && relieveDescriptors() { continue }
            return -1
        }
    }

    /// `openat` of a session file with O_CLOEXEC, O_NOFOLLOW, O_NONBLOCK and `O_NOATIME`, retrying
    /// after EINTR, and without `O_NOATIME` after EPERM (a file another user owns). `O_NOATIME`
    /// (Linux; else 0): with the default `relatime`, the first read after each write updates
    /// the file's access time, so every load after a save would dirty the inode, which the
    /// kernel then writes back (on ext4, reading its inode table block first when that is no
    /// longer cached). Returns the descriptor, or -1 with `errno` set.
    static func openSessionFile(root: Int32, _ path: String, _ access: Int32) -> Int32 {
        var noAtime = Self.noAtime
        while true {
            let fd = openat(root, path, access | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | noAtime)
            if fd >= 0 { return fd }
            if errno == EINTR { continue }
            if errno == EPERM && noAtime != 0 {
                noAtime = 0
                continue
            }
            return -1
        }
    }

    static let noAtime: Int32 = sessionkit_o_noatime()

    /// Out of descriptors: closes the cached ones (those not in use right now), so that the open
    /// can be tried again. Returns whether any were cached.
    func relieveDescriptors() -> Bool {
        let files = openFiles.removeAll()
        let locks = openLocks.removeAll()
        return files || locks
    }

    /// Whether the open file still has a name (`fstat`'s link count).
    static func isLinked(_ fd: Int32) -> Bool {
        var st = stat()
        return fstat(fd, &st) == 0 && st.st_nlink > 0
    }

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

    static func isInMemoryFileSystem(_ fd: Int32) -> Bool {
        sessionkit_is_in_memory_fs(fd) == 1
    }

    enum ReadOutcome {
        case absent
        case bytes([UInt8])
        case wouldBlock
        /// `cachedOnly` reads are not supported here (EOPNOTSUPP, EINVAL: kernel older than
        /// 4.14; ENOSYS: not Linux).
        case unsupported
        case failed(Int32)
    }

    /// Reads the file whole (its size from `fstat`: one read for a small session), at most the
    /// largest valid file plus a byte. `cachedOnly`: reads only what is in the page cache.
    static func readWhole(root: Int32, _ path: String, cachedOnly: Bool) -> ReadOutcome {
        // O_NONBLOCK: a FIFO planted at the path must not block the open (no effect on a regular file).
        let fd = openSessionFile(root: root, path, O_RDONLY)
        if fd < 0 {
            let e = errno
            return e == ENOENT ? .absent : .failed(e)
        }
        defer { close(fd) }
        return readAll(fd, cachedOnly: cachedOnly)
    }

    /// Reads an open session file whole from offset 0. A file of up to 4 KB (a session of up to
    /// about 2 KB) takes one read and no `fstat`; a larger one is sized with `fstat` and read again.
    static func readAll(_ fd: Int32, cachedOnly: Bool) -> ReadOutcome {
        let capacity = smallFileSize + 1
        var error: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            var n: Int
            repeat {
                n = cachedOnly
                    ? sessionkit_pread_cached(fd, buffer.baseAddress!, capacity, 0)
                    : pread(fd, buffer.baseAddress!, capacity, 0)
            } while n < 0 && errno == EINTR
            if n < 0 { error = errno }
            initialized = max(n, 0)
        }
        if error == 0 && bytes.count < capacity { return .bytes(bytes) }
        // A bigger file, or a failed read (a folder, a FIFO, a device: `readAllSized` tells).
        return readAllSized(fd, cachedOnly: cachedOnly)
    }

    /// Files up to this size are read without `fstat`.
    static var smallFileSize: Int { 4096 }

    /// `readAll` for any file: its type and size from `fstat`, then as many reads as it takes.
    static func readAllSized(_ fd: Int32, cachedOnly: Bool) -> ReadOutcome {
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failed(errno) }
        switch st.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failed(EISDIR)
        default: return .bytes([])  // a FIFO, a device…: not a session (reads as damaged)
        }
        let want = min(Int(st.st_size), 2 * SessionRecordFile.maximumSlotSize + 1)
        var failure: ReadOutcome?
        let bytes = [UInt8](unsafeUninitializedCapacity: want) { buffer, initialized in
            var count = 0
            while count < want {
                let start = buffer.baseAddress! + count
                let n =
                    cachedOnly
                    ? sessionkit_pread_cached(fd, start, want - count, off_t(count))
                    : pread(fd, start, want - count, off_t(count))
                if n < 0 {
                    let e = errno
                    if e == EINTR { continue }
                    if !cachedOnly {
                        failure = .failed(e)
                    } else if e == EAGAIN {
                        failure = .wouldBlock
                    } else if e == EOPNOTSUPP || e == EINVAL || e == ENOSYS {
                        failure = .unsupported
                    } else {
                        failure = .failed(e)
                    }
                    break
                }
                if n == 0 { break }  // shorter than fstat said: whatever was read (judged damaged)
                count += n
            }
            initialized = count
        }
        return failure ?? .bytes(bytes)
    }

    /// `openForUpdate`'s outcome.
    enum OpenedForUpdate {
        case opened(OpenFileCache.File, bytes: [UInt8])
        case absent
        /// Only with `cachedOnly`: reading it would have waited for the disk.
        case notCached
    }

    /// Opens the session file for reading and writing and reads it whole; with `cachedOnly`, only
    /// if its bytes are all in the page cache. Call with the session's `flock` held: then no
    /// process replaces or removes the file meanwhile, so a writable descriptor in `openFiles`
    /// whose file still has a link is the session's file, and is used instead of a new one (and
    /// a new one is kept there for the next load or save).
    func openForUpdate(
        _ key: SessionStorageKey, _ paths: SessionPaths, operation: String, cachedOnly: Bool
    ) throws(SessionStoreError) -> OpenedForUpdate {
        if let cached = openFiles.file(for: key), cached.writable, Self.isLinked(cached.fd) {
            switch Self.readAll(cached.fd, cachedOnly: cachedOnly) {
            case .bytes(let bytes):
                return .opened(cached, bytes: bytes)
            case .failed(let e):
                throw POSIXIO.failure(operation, paths.display, e)
            case .absent, .wouldBlock, .unsupported:
                return .notCached  // only with cachedOnly
            }
        }
        let fd = openSessionFile(paths.data, O_RDWR)
        if fd < 0 {
            let e = errno
            if e == ENOENT { return .absent }
            throw POSIXIO.failure(operation, paths.display, e)
        }
        switch Self.readAll(fd, cachedOnly: cachedOnly) {
        case .bytes(let bytes):
            return .opened(openFiles.insert(fd, writable: true, for: key), bytes: bytes)
        case .failed(let e):
            close(fd)
            throw POSIXIO.failure(operation, paths.display, e)
        case .wouldBlock:
            // Only with cachedOnly; the save retries on an I/O thread, through this descriptor.
            openFiles.insert(fd, writable: true, for: key)
            return .notCached
        case .absent, .unsupported:
            close(fd)  // only with cachedOnly
            return .notCached
        }
    }

    /// Whether a new image of `count` bytes goes into the existing slots: it fits, and does not
    /// leave a big file mostly empty (a session that shrank from over 4 KB to an eighth gets a
    /// new, smaller file).
    static func fitsInPlace(_ count: Int, slotSize: Int) -> Bool {
        count <= slotSize && (slotSize <= 4096 || count * 8 > slotSize)
    }

    /// Writes `image` into a slot of the open session file, in place, and fdatasyncs it (the
    /// file's size and blocks do not change, so no metadata needs to reach the disk).
    func writeSlot(
        _ fd: Int32, _ image: [UInt8], offset: Int, _ paths: SessionPaths, operation: String
    ) throws(SessionStoreError) {
        let failure: Int32? = image.withUnsafeBytes { raw -> Int32? in
            var written = 0
            while written < raw.count {
                let n = pwrite(fd, raw.baseAddress! + written, raw.count - written, off_t(offset + written))
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += n
            }
            return nil
        }
        if let failure { throw POSIXIO.failure(operation, paths.display, failure) }
        if syncsEachSave {
            var rc: Int32
            repeat { rc = fdatasync(fd) } while rc != 0 && errno == EINTR
            if rc != 0 { throw POSIXIO.failure(operation, paths.display, errno) }
        } else {
            periodicSync?.noteWrite()
        }
    }

    /// Writes `bytes` as the session file: temporary file, rename (with `.syncEachSave`: fsync
    /// of the file before the rename, and of the folder after).
    func writeFile(_ bytes: [UInt8], _ paths: SessionPaths, operation: String) throws(SessionStoreError) {
        let temporary = paths.shard + "/." + paths.key + "." + Self.randomSuffix() + ".tmp"
        var fd: Int32
        repeat {
            fd = openat(rootFD, temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        } while fd < 0 && errno == EINTR
        if fd < 0 { throw POSIXIO.failure(operation, paths.display, errno) }
        var failure: Int32? = POSIXIO.writeAll(fd, bytes)
        if failure == nil && syncsEachSave {
            var rc: Int32
            repeat { rc = fsync(fd) } while rc != 0 && errno == EINTR
            if rc != 0 { failure = errno }
        }
        if close(fd) != 0 && failure == nil && errno != EINTR { failure = errno }
        if failure == nil && renameat(rootFD, temporary, rootFD, paths.data) != 0 { failure = errno }
        if let failure {
            _ = unlinkat(rootFD, temporary, 0)
            throw POSIXIO.failure(operation, paths.display, failure)
        }
        if syncsEachSave {
            try POSIXIO.syncDirectory(root: rootFD, paths.shard, display: paths.shard)
        } else {
            periodicSync?.noteWrite()
        }
    }

    /// Removes a file; false when it did not exist.
    @discardableResult
    func unlink(_ path: String, display: String, operation: String) throws(SessionStoreError) -> Bool {
        if unlinkat(rootFD, path, 0) == 0 { return true }
        let e = errno
        if e == ENOENT { return false }
        throw POSIXIO.failure(operation, display, e)
    }

    /// Creates the shard folders if needed, then takes the session's lock.
    private func lockForWriting(_ paths: SessionPaths) throws(SessionStoreError) -> SessionFileLock {
        for _ in 0..<3 {
            switch try SessionFileLock.acquire(root: rootFD, path: paths.lock, display: paths.display, blocking: true) {
            case .locked(let lock): return lock
            case .busy: continue
            case .noShard: try makeShard(paths)
            }
        }
        throw SessionStoreError(.unavailable, "lock \(paths.display): shard folder keeps disappearing")
    }

    private func makeShard(_ paths: SessionPaths) throws(SessionStoreError) {
        for (folder, parent) in [(paths.level1, "."), (paths.shard, paths.level1)] {
            if mkdirat(rootFD, folder, 0o700) == 0 {
                if syncsEachSave { try POSIXIO.syncDirectory(root: rootFD, parent, display: parent) }
            } else if errno != EEXIST {
                throw POSIXIO.failure("mkdir", folder, errno)
            }
        }
    }

    /// Removes the session file if, under its lock, it is still expired at `now` or damaged.
    /// Skips (false) a session someone holds right now. Never waits.
    func removeIfDead(_ paths: SessionPaths, now: Int64) throws(SessionStoreError) -> Bool {
        switch try SessionFileLock.acquire(root: rootFD, path: paths.lock, display: paths.display, blocking: false) {
        case .busy, .noShard:
            return false
        case .locked(let lock):
            defer { withExtendedLifetime(lock) {} }
            guard let bytes = try readFile(paths.data, display: paths.display, operation: "remove") else {
                lock.unlinkFile()
                return false
            }
            switch Self.inspect(bytes, now: now) {
            case .live, .unsupported:
                return false
            case .expired, .corrupt:
                let removed = try unlink(paths.data, display: paths.display, operation: "remove")
                lock.unlinkFile()
                return removed
            }
        }
    }

    enum Inspection {
        /// The record, and where its image lies (where the next save writes).
        case live(SessionRecord, SessionRecordFile.Current)
        case expired
        case corrupt(String)
        case unsupported(UInt16)
    }

    /// Slots and checksums first, then expiry (an expired record's data is never parsed), then
    /// the JSON.
    static func inspect(_ bytes: [UInt8], now: Int64) -> Inspection {
        bytes.withUnsafeBytes { raw in
            switch SessionRecordFile.locate(raw) {
            case .corrupt(let why): return .corrupt(why)
            case .unsupported(let v): return .unsupported(v)
            case .current(let current):
                if current.header.expiresAt <= now { return .expired }
                switch SessionRecordFile.decode(raw, current: current) {
                case .record(let record): return .live(record, current)
                case .corrupt(let why): return .corrupt(why)
                case .unsupported(let v): return .unsupported(v)
                }
            }
        }
    }

    private static func randomSuffix() -> String {
        let value = UInt64.random(in: .min ... .max)
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    // MARK: - Listing

    /// Two-lowercase-hex-digit subfolder names of `path`, sorted; [] when it does not exist.
    func listShardNames(_ path: String, display: String) throws(SessionStoreError) -> [String] {
        try listNames(path, display: display).filter { name in
            name.utf8.count == 2 && name.utf8.allSatisfy(Self.isLowerHex)
        }.sorted()
    }

    /// Entry names of a folder; [] when it does not exist or is not a folder.
    func listNames(_ path: String, display: String) throws(SessionStoreError) -> [String] {
        switch POSIXIO.list(root: rootFD, path) {
        case .success(let names): return names
        case .failure(let e):
            if e.code == ENOENT || e.code == ENOTDIR { return [] }
            throw POSIXIO.failure("list", display, e.code)
        }
    }

    @inline(__always)
    static func isLowerHex(_ c: UInt8) -> Bool { (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) }

    // MARK: - Opening the folder

    private static func openRoot(_ directory: String) throws(SessionStoreError) -> Int32 {
        guard !directory.isEmpty else {
            throw SessionStoreError(.unavailable, "session directory: empty path")
        }
        // mkdir -p, new folders 0700.
        var prefix = directory.hasPrefix("/") ? "/" : ""
        for component in directory.split(separator: "/") {
            prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + component
            if mkdir(prefix, 0o700) != 0 {
                let e = errno
                if e != EEXIST {
                    throw POSIXIO.failure("create session directory", prefix, e)
                }
            }
        }
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd < 0 { throw POSIXIO.failure("open session directory", directory, errno) }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            let e = errno
            close(fd)
            throw POSIXIO.failure("stat session directory", directory, e)
        }
        guard st.st_uid == geteuid() else {
            close(fd)
            throw SessionStoreError(
                .unavailable,
                "session directory \(directory) is owned by uid \(st.st_uid), not by this user (uid \(geteuid()))")
        }
        if st.st_mode & 0o077 != 0 {
            if fchmod(fd, 0o700) != 0 {
                let e = errno
                close(fd)
                throw POSIXIO.failure("chmod 0700 session directory", directory, e)
            }
            logger.notice("tightened session directory mode to 0700", metadata: ["directory": "\(directory)"])
        }
        return fd
    }
}

// MARK: - Sweep

struct SweepCursor: Sendable, Equatable {
    /// 0..<65536: first-level folder << 8 | second-level folder.
    var shard: Int = 0
    /// Last entry name handled in `shard` ("" : none yet).
    var after: String = ""
}

extension DirectorySessionStore {
    struct SweepResult: Sendable {
        var removed = 0
        var examined = 0
        /// The walk reached the end of the tree (and continues from the start next time).
        var wrapped = false
    }

    func examineBudget(limit: Int) -> Int {
        sweepExamineLimit ?? max(256, min(limit.multipliedReportingOverflow(by: 10).overflow ? 10_000 : limit * 10, 10_000))
    }

    func sweepBatch(now: Int64, limit: Int) async throws -> SweepResult {
        guard limit > 0 else { return SweepResult() }
        let budget = examineBudget(limit: limit)
        var cursor = sweepCursor.withLock { $0 }
        var total = SweepResult()
        var level1Done = 0
        // At most one first-level folder and 512 files per pool job (a few ms), so that request
        // I/O interleaves; at most one full cycle of the tree per call.
        while total.removed < limit, total.examined < budget, level1Done < 256 {
            let from = cursor
            let removeLimit = limit - total.removed
            let examineLimit = min(budget - total.examined, 512)
            let (step, next) = try await BlockingIOPool.shared.run {
                () throws(SessionStoreError) -> (SweepResult, SweepCursor) in
                try self.sweepLevel1(from: from, now: now, removeLimit: removeLimit, examineLimit: examineLimit)
            }
            total.removed += step.removed
            total.examined += step.examined
            if step.wrapped { total.wrapped = true }
            if next.shard >> 8 != from.shard >> 8 || step.wrapped { level1Done += 1 }
            cursor = next
        }
        let finalCursor = cursor
        sweepCursor.withLock { $0 = finalCursor }
        return total
    }

    /// Sweeps from `from` to the end of its first-level folder (or until a limit is hit).
    func sweepLevel1(from: SweepCursor, now: Int64, removeLimit: Int, examineLimit: Int) throws(SessionStoreError) -> (SweepResult, SweepCursor) {
        var result = SweepResult()
        let l1 = from.shard >> 8
        let l1Name = Self.hex2(l1)
        func nextLevel1() -> SweepCursor {
            if l1 == 255 {
                result.wrapped = true
                return SweepCursor()
            }
            return SweepCursor(shard: (l1 + 1) << 8, after: "")
        }
        let subfolders = try listShardNames(l1Name, display: l1Name).compactMap { Int($0, radix: 16) }
        let wallNow = Int64(time(nil))
        for l2 in subfolders where l2 >= (from.shard & 0xFF) {
            let shard = l1 << 8 | l2
            let shardPath = l1Name + "/" + Self.hex2(l2)
            let prefix = l1Name + Self.hex2(l2)
            let all = try listNames(shardPath, display: shardPath)
            let present = Set(all)
            var names = all.sorted()
            if shard == from.shard && !from.after.isEmpty {
                names = names.filter { $0 > from.after }
            }
            var done = shard == from.shard ? from.after : ""
            for name in names {
                if result.removed >= removeLimit || result.examined >= examineLimit {
                    return (result, SweepCursor(shard: shard, after: done))
                }
                try sweepEntry(
                    name, shardPath: shardPath, prefix: prefix, present: present, now: now, wallNow: wallNow,
                    result: &result)
                done = name
            }
        }
        // The cursor first: it sets `result.wrapped`, which a tuple built in one expression would
        // have copied before the call.
        let next = nextLevel1()
        return (result, next)
    }

    /// Handles one entry of a shard folder; `result.examined` counts the entries that cost I/O.
    private func sweepEntry(
        _ name: String, shardPath: String, prefix: String, present: Set<String>, now: Int64, wallNow: Int64,
        result: inout SweepResult
    ) throws(SessionStoreError) {
        let utf8 = name.utf8
        if utf8.count == 64, name.hasPrefix(prefix), let key = SessionStorageKey(hex: name) {
            let paths = SessionPaths(key)
            // A session: its header decides.
            result.examined += 1
            switch try readState(paths, now: now) {
            case .none, .live?:
                return
            case .dead?:
                if try removeIfDead(paths, now: now) { result.removed += 1 }
            case .damaged(let why)?:
                if try removeIfDead(paths, now: now) {
                    Self.logger.warning(
                        "removed corrupt session file", metadata: ["file": "\(paths.display)", "reason": "\(why)"])
                }
            }
        } else if utf8.count == 69, name.hasSuffix(".lock"), name.hasPrefix(prefix),
            let key = SessionStorageKey(hex: name.prefix(64))
        {
            let paths = SessionPaths(key)
            // A lock file whose session is gone (a crash between lock and write, or an old
            // failure): remove it under itself.
            guard !present.contains(key.hex) else { return }
            result.examined += 1
            var st = stat()
            if case .locked(let lock) = try SessionFileLock.acquire(
                root: rootFD, path: paths.lock, display: paths.display, blocking: false)
            {
                if fstatat(rootFD, paths.data, &st, AT_SYMLINK_NOFOLLOW) != 0 && errno == ENOENT {
                    lock.unlinkFile()
                }
            }
        } else if name.hasPrefix("."), name.hasSuffix(".tmp") {
            // A temporary file a crashed or failed writer left behind.
            result.examined += 1
            let path = shardPath + "/" + name
            if let mtime = POSIXIO.modificationTime(root: rootFD, path), wallNow - mtime >= staleTemporaryAge {
                _ = unlinkat(rootFD, path, 0)
            }
        }
    }

    enum HeaderState {
        case live
        case dead
        case damaged(String)
    }

    /// Reads a session file and checks its slots, without parsing the data (nil: the file is gone).
    private func readState(_ paths: SessionPaths, now: Int64) throws(SessionStoreError) -> HeaderState? {
        guard let bytes = try readFile(paths.data, display: paths.display, operation: "sweep") else { return nil }
        return bytes.withUnsafeBytes { raw -> HeaderState in
            switch SessionRecordFile.locate(raw) {
            case .current(let current): return current.header.expiresAt <= now ? .dead : .live
            case .corrupt(let why): return .damaged(why)
            case .unsupported: return .live
            }
        }
    }

    static func hex2(_ value: Int) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: [digits[value >> 4], digits[value & 0xF]], as: UTF8.self)
    }
}

// MARK: - Paths

/// Relative paths of one session's files: `ab/cd/abcd…` (64 hex digits of the key, written by
/// `SessionStorageKey` from its digest, so nothing else can reach a path). Built as one string;
/// the other names are cut from it when asked for (a load from the page cache needs none).
struct SessionPaths: Sendable {
    /// `<level1>/<level2>/<key>`.
    let data: String

    init(_ key: SessionStorageKey) {
        self.data = String(unsafeUninitializedCapacity: 70) { out in
            key.writeHex(into: UnsafeMutableBufferPointer(rebasing: out[6..<70]))
            out[0] = out[6]
            out[1] = out[7]
            out[2] = UInt8(ascii: "/")
            out[3] = out[8]
            out[4] = out[9]
            out[5] = UInt8(ascii: "/")
            return 70
        }
    }

    /// The key's 64 hex digits (the file name).
    var key: String { String(data.utf8.dropFirst(6))! }
    /// The first level of folders: `ab`.
    var level1: String { String(data.utf8.prefix(2))! }
    /// The session's folder: `ab/cd`.
    var shard: String { String(data.utf8.prefix(5))! }
    var lock: String { data + ".lock" }
    /// For messages and logs: shard and the key's first 8 characters.
    var display: String { String(data.utf8.prefix(14))! + "…" }
}

// MARK: - I/O threads

/// A few dedicated threads for blocking file I/O (open/read/fsync/flock), so that Swift's
/// cooperative pool never waits on the disk or on another process's lock.
final class BlockingIOPool: Sendable {
    static let shared = BlockingIOPool(threads: max(8, min(32, 2 * ProcessInfoCores.count)))

    private struct Queue {
        var items: [@Sendable () -> Void] = []
        var head = 0
    }

    private let queue = Mutex(Queue())
    private let available = DispatchSemaphore(value: 0)

    init(threads: Int) {
        for index in 0..<threads {
            let thread = Thread { [self] in self.work() }
            thread.name = "SessionKit.io.\(index)"
            thread.start()
        }
    }

    private func work() {
        while true {
            available.wait()
            let item = queue.withLock { q -> (@Sendable () -> Void)? in
                guard q.head < q.items.count else { return nil }
                let item = q.items[q.head]
                q.head += 1
                if q.head == q.items.count {
                    q.items.removeAll(keepingCapacity: true)
                    q.head = 0
                } else if q.head >= 1024 && q.head * 2 >= q.items.count {
                    q.items.removeFirst(q.head)
                    q.head = 0
                }
                return item
            }
            item?()
        }
    }

    func submit(_ item: @escaping @Sendable () -> Void) {
        queue.withLock { $0.items.append(item) }
        available.signal()
    }

    /// Runs `body` on a pool thread and returns its result.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws(SessionStoreError) -> T) async throws(SessionStoreError) -> T {
        let result: Result<T, SessionStoreError> = await withCheckedContinuation { continuation in
            submit { continuation.resume(returning: Result { () throws(SessionStoreError) -> T in try body() }) }
        }
        return try result.get()
    }
}

enum ProcessInfoCores {
    static var count: Int {
        let n = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return n > 0 ? n : 2
    }
}
