#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CSessionKitFileIO
import Logging

extension DirectorySessionStore {
    // MARK: - Files

    /// The whole file, or nil when it does not exist. With `locked` (the session's lock held),
    /// an entry the store did not make (`PlantedEntries`) is removed, logged, and nil; without
    /// it, such an entry reads as empty (damaged), so that the caller decides under the lock.
    /// Other failures throw.
    func readFile(
        _ path: String, display: String, operation: String, locked: Bool = true
    ) throws(SessionStoreError) -> [UInt8]? {
        switch Self.readWhole(root: rootFD, path, cachedOnly: false) {
        case .absent: return nil
        case .bytes(let bytes): return bytes
        case .planted(let why):
            guard locked else { return [] }
            try removePlanted(path, display: display, why: why, operation: operation)
            return nil
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
            return e == ENOENT ? .absent : Self.openFailure(root: rootFD, path, e)
        }
        if let why = PlantedEntries.sessionFileProblem(fd) {
            close(fd)
            return .planted(why)
        }
        let outcome = Self.readAll(fd, cachedOnly: cachedOnly)
        switch outcome {
        case .bytes, .wouldBlock:
            openFiles.insert(fd, writable: writable, for: key)
        case .absent, .unsupported, .failed, .planted:
            close(fd)
        }
        return noting(outcome)
    }

    /// Logs (once per session, as far as memory allows) that a session's file holds a record
    /// this store cannot authenticate; it reads as absent.
    func noteUnauthenticated(_ paths: SessionPaths) {
        let first = reportedUnauthenticated.withLock { seen -> Bool in
            if seen.count >= 10_000 { seen.removeAll() }
            return seen.insert(paths.storageKey).inserted
        }
        guard first else { return }
        Self.logger.warning(
            "a session file holds a record that does not authenticate (planted, copied from another session, or sealed with a key this store does not have): treated as absent",
            metadata: ["file": "\(paths.display)"])
    }

    /// Removes what was found at a session file's path that the store did not make (with the
    /// session's lock held), with a warning; throws when it cannot be removed.
    func removePlanted(_ path: String, display: String, why: String, operation: String) throws(SessionStoreError) {
        let removed = PlantedEntries.clear(root: rootFD, path, judged: why)
        Self.logger.warning(
            "refused an entry the store did not make at a session's path",
            metadata: ["file": "\(display)", "entry": "\(removed ?? why)", "removed": "\(removed != nil)"])
        var st = stat()
        if removed == nil && fstatat(rootFD, path, &st, AT_SYMLINK_NOFOLLOW) == 0 {
            throw SessionStoreError(
                .unavailable, "\(operation) \(display): \(why) is in the session file's place and cannot be removed")
        }
    }

    /// An `open` of a session file failed with `e`: a link or a file where a folder belongs
    /// (ELOOP, ENOTDIR), a socket (ENXIO), a folder (EISDIR), or a file of another user that
    /// this one may not open (EACCES) is `.planted`; anything else `.failed`.
    static func openFailure(root: Int32, _ path: String, _ e: Int32) -> ReadOutcome {
        switch e {
        case ELOOP, ENOTDIR, EXDEV: return .planted("a symbolic link, or a file in a folder's place")
        case ENXIO: return .planted("a socket")
        case EISDIR: return .planted("a folder")
        case EACCES, EPERM:
            var st = stat()
            if fstatat(root, path, &st, AT_SYMLINK_NOFOLLOW) == 0, let why = PlantedEntries.problem(of: st) {
                return .planted(why)
            }
            return .failed(e)
        default: return .failed(e)
        }
    }

    /// `outcome`, after noting an `.unsupported` one (RWF_NOWAIT refused: loads go to the pool).
    func noting(_ outcome: ReadOutcome) -> ReadOutcome {
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

    /// `openat` of a session file with O_CLOEXEC, O_NOFOLLOW, O_NONBLOCK and `O_NOATIME`, following
    /// no link anywhere on the path (`sessionkit_open_beneath`: one openat2 on Linux), retrying
    /// after EINTR, and without `O_NOATIME` after EPERM (a file another user owns). `O_NOATIME`
    /// (Linux; else 0): with the default `relatime`, the first read after each write updates
    /// the file's access time, so every load after a save would dirty the inode, which the
    /// kernel then writes back (on ext4, reading its inode table block first when that is no
    /// longer cached). Returns the descriptor, or -1 with `errno` set.
    static func openSessionFile(root: Int32, _ path: String, _ access: Int32) -> Int32 {
        var noAtime = Self.noAtime
        while true {
            let fd = sessionkit_open_beneath(root, path, access | O_NONBLOCK | noAtime, 0)
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
        /// Not one of the store's files (`PlantedEntries`): why.
        case planted(String)
    }

    /// Reads the file whole (its size from `fstat`: one read for a small session), at most the
    /// largest valid file plus a byte. `cachedOnly`: reads only what is in the page cache.
    static func readWhole(root: Int32, _ path: String, cachedOnly: Bool) -> ReadOutcome {
        // O_NONBLOCK: a FIFO planted at the path must not block the open (no effect on a regular file).
        let fd = openSessionFile(root: root, path, O_RDONLY)
        if fd < 0 {
            let e = errno
            return e == ENOENT ? .absent : openFailure(root: root, path, e)
        }
        defer { close(fd) }
        if let why = PlantedEntries.sessionFileProblem(fd) { return .planted(why) }
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
        /// Not one of the store's files (`PlantedEntries`): why.
        case planted(String)
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
            case .absent, .wouldBlock, .unsupported, .planted:
                return .notCached  // only with cachedOnly
            }
        }
        let fd = openSessionFile(paths.data, O_RDWR)
        if fd < 0 {
            let e = errno
            switch e == ENOENT ? .absent : Self.openFailure(root: rootFD, paths.data, e) {
            case .absent: return .absent
            case .planted(let why): return .planted(why)
            default: throw POSIXIO.failure(operation, paths.display, e)
            }
        }
        if let why = PlantedEntries.sessionFileProblem(fd) {
            close(fd)
            return .planted(why)
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
        case .absent, .unsupported, .planted:
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

    /// Writes `bytes` as the session file: temporary file, rename, both relative to the shard
    /// folder opened without following a link (with `.syncEachSave`: fsync of the file before
    /// the rename, and of the folder after). A folder planted at the path is removed first.
    func writeFile(_ bytes: [UInt8], _ paths: SessionPaths, operation: String) throws(SessionStoreError) {
        let shard = try openShard(paths, operation: operation)
        defer { close(shard) }
        let name = paths.key
        let temporary = "." + name + "." + Self.randomSuffix() + ".tmp"
        var fd: Int32
        repeat {
            fd = openat(shard, temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        } while fd < 0 && errno == EINTR
        if fd < 0 { throw POSIXIO.failure(operation, paths.display, errno) }
        var failure: Int32? = POSIXIO.writeAll(fd, bytes)
        if failure == nil && syncsEachSave {
            var rc: Int32
            repeat { rc = fsync(fd) } while rc != 0 && errno == EINTR
            if rc != 0 { failure = errno }
        }
        if close(fd) != 0 && failure == nil && errno != EINTR { failure = errno }
        if failure == nil && renameat(shard, temporary, shard, name) != 0 {
            failure = errno
            if [EISDIR, ENOTEMPTY, EEXIST].contains(failure!) {
                // A folder in the session file's place (with the session's lock held).
                try removePlanted(paths.data, display: paths.display, why: "a folder", operation: operation)
                failure = renameat(shard, temporary, shard, name) == 0 ? nil : errno
            }
        }
        if let failure {
            _ = unlinkat(shard, temporary, 0)
            throw POSIXIO.failure(operation, paths.display, failure)
        }
        if syncsEachSave {
            var rc: Int32
            repeat { rc = fsync(shard) } while rc != 0 && errno == EINTR
            if rc != 0 { throw POSIXIO.failure("sync", paths.shard, errno) }
        } else {
            periodicSync?.noteWrite()
        }
    }

    /// Removes a file; false when it did not exist.
    @discardableResult
    /// Call with the session's lock held (whose open proved no link on the path); a folder
    /// planted there goes too.
    func unlink(_ path: String, display: String, operation: String) throws(SessionStoreError) -> Bool {
        if unlinkat(rootFD, path, 0) == 0 { return true }
        let e = errno
        if e == ENOENT { return false }
        if e == EISDIR, PlantedEntries.clear(root: rootFD, path) != nil { return true }
        throw POSIXIO.failure(operation, display, e)
    }

    /// Removes the session's lock file (still holding it) when the session has no file: lock
    /// files never outlive their session.
    func unlinkLockIfNoSession(_ lock: SessionFileLock, _ paths: SessionPaths) {
        var st = stat()
        if fstatat(rootFD, paths.data, &st, AT_SYMLINK_NOFOLLOW) != 0 && errno == ENOENT { lock.unlinkFile() }
    }

    /// Creates the shard folders if needed, then takes the session's lock.
    func lockForWriting(_ paths: SessionPaths) throws(SessionStoreError) -> SessionFileLock {
        for _ in 0..<3 {
            switch try SessionFileLock.acquire(root: rootFD, path: paths.lock, display: paths.display, blocking: true) {
            case .locked(let lock): return lock
            case .busy: continue
            case .noShard: close(try makeShard(paths))
            }
        }
        throw SessionStoreError(.unavailable, "lock \(paths.display): shard folder keeps disappearing")
    }

    /// Creates the two shard folders (0700) where missing, and returns the shard folder open.
    /// Each is made relative to its parent opened without following a link; a link or a file in
    /// a folder's place is removed first, another user's folder moved aside.
    func makeShard(_ paths: SessionPaths) throws(SessionStoreError) -> Int32 {
        var parent = rootFD
        for (name, folder) in [(paths.level1, paths.level1), (String(paths.shard.utf8.suffix(2))!, paths.shard)] {
            do throws(SessionStoreError) {
                if mkdirat(parent, name, 0o700) == 0 {
                    if syncsEachSave {
                        var rc: Int32
                        repeat { rc = fsync(parent) } while rc != 0 && errno == EINTR
                        if rc != 0 { throw POSIXIO.failure("sync", folder, errno) }
                    }
                } else if errno != EEXIST {
                    throw POSIXIO.failure("mkdir", folder, errno)
                }
                let fd = try openFolder(parent, name, display: folder)
                if parent != rootFD { close(parent) }
                parent = fd
            } catch {
                if parent != rootFD { close(parent) }
                throw error
            }
        }
        return parent
    }

    /// The shard folder of `paths` open (made if missing), reached without following a link and
    /// checked (`checkFolder`). The caller closes it.
    func openShard(_ paths: SessionPaths, operation: String) throws(SessionStoreError) -> Int32 {
        let fd = sessionkit_open_beneath(rootFD, paths.shard, O_RDONLY | O_DIRECTORY, 0)
        var st = stat()
        if fd >= 0 && fstat(fd, &st) == 0 && st.st_uid == geteuid() {
            do throws(SessionStoreError) {
                try Self.checkFolder(fd, display: paths.shard)
            } catch {
                close(fd)
                throw error
            }
            return fd
        }
        if fd >= 0 { close(fd) }
        return try makeShard(paths)
    }

    /// Opens the folder `name` in `parent` without following a link, removing a link or a file
    /// in its place (then creating it), and checks it (`checkFolder`).
    private func openFolder(_ parent: Int32, _ name: String, display: String) throws(SessionStoreError) -> Int32 {
        for _ in 0..<3 {
            let fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            var st = stat()
            if fd >= 0 && fstat(fd, &st) == 0 && st.st_uid != geteuid() {
                // Another user's folder (it could swap the files in it): out of the way.
                close(fd)
                guard PlantedEntries.renameAside(parent, name) else {
                    throw SessionStoreError(
                        .unavailable,
                        "shard folder \(display) is owned by uid \(st.st_uid), not by this user (uid \(geteuid())), and cannot be moved aside: remove it")
                }
                Self.logger.warning(
                    "moved aside a shard folder of another user", metadata: ["folder": "\(display)", "uid": "\(st.st_uid)"])
                continue
            }
            if fd >= 0 {
                do throws(SessionStoreError) {
                    try Self.checkFolder(fd, display: display)
                } catch {
                    close(fd)
                    throw error
                }
                return fd
            }
            let e = errno
            guard e == ELOOP || e == ENOTDIR || e == ENOENT else { throw POSIXIO.failure("open", display, e) }
            if e != ENOENT {
                var st = stat()
                let what = fstatat(parent, name, &st, AT_SYMLINK_NOFOLLOW) == 0 ? PlantedEntries.problem(of: st) : nil
                if unlinkat(parent, name, 0) != 0 && errno != ENOENT { throw POSIXIO.failure("remove", display, errno) }
                Self.logger.warning(
                    "removed an entry the store did not make in a shard folder's place",
                    metadata: ["folder": "\(display)", "entry": "\(what ?? "not a folder")"])
            }
            if mkdirat(parent, name, 0o700) != 0 && errno != EEXIST { throw POSIXIO.failure("mkdir", display, errno) }
        }
        throw SessionStoreError(.unavailable, "open \(display): the shard folder keeps changing")
    }

    /// A shard folder must be this user's: one of another user is refused (it could swap the
    /// files in it); this user's own with a looser mode is tightened to 0700.
    static func checkFolder(_ fd: Int32, display: String) throws(SessionStoreError) {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw POSIXIO.failure("stat", display, errno) }
        guard st.st_uid == geteuid() else {
            throw SessionStoreError(
                .unavailable,
                "shard folder \(display) is owned by uid \(st.st_uid), not by this user (uid \(geteuid())): another user may have made it to swap session files; remove it")
        }
        if st.st_mode & 0o077 != 0 {
            if fchmod(fd, 0o700) != 0 { throw POSIXIO.failure("chmod 0700", display, errno) }
            logger.notice("tightened a shard folder's mode to 0700", metadata: ["folder": "\(display)"])
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
            switch Self.inspect(bytes, paths.storageKey, try authenticator(), now: now) {
            case .live, .unsupported:
                return false
            case .unauthenticated(let header):
                // Not ours to judge (another key's?): only its expiry, as its header says.
                guard header.expiresAt <= now else { return false }
                let removed = try unlink(paths.data, display: paths.display, operation: "remove")
                lock.unlinkFile()
                return removed
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
        /// Whole, but its MAC fails (`SessionRecordFile.LocateResult.unauthenticated`): absent,
        /// logged, kept (it may be another key's: a store opened with a wrong key must not
        /// destroy the sessions it cannot read).
        case unauthenticated(SessionRecordFile.Header)
    }

    /// Slots and checksums first, then expiry (an expired record's data is never parsed), then
    /// the JSON.
    static func inspect(
        _ bytes: [UInt8], _ key: SessionStorageKey, _ authenticator: RecordAuthenticator, now: Int64
    ) -> Inspection {
        bytes.withUnsafeBytes { raw in
            switch SessionRecordFile.locate(raw, key: key, authenticator: authenticator) {
            case .corrupt(let why): return .corrupt(why)
            case .unsupported(let v): return .unsupported(v)
            case .unauthenticated(let current): return .unauthenticated(current.header)
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

    static func randomSuffix() -> String {
        let value = UInt64.random(in: .min ... .max)
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
