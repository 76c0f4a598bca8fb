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

// Reading session files: opening them without following a link, whole reads, page-cache-only reads.
extension DirectorySessionStore {
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
        logger.warning(
            "a session file holds a record that does not authenticate (planted, copied from another session, or sealed with a key this store does not have): treated as absent",
            metadata: ["file": "\(paths.display)"])
    }

    /// Removes what was found at a session file's path that the store did not make (with the
    /// session's lock held), with a warning; throws when it cannot be removed.
    func removePlanted(_ path: String, display: String, why: String, operation: String) throws(SessionStoreError) {
        let removed = PlantedEntries.clear(root: rootFD, path, judged: why)
        logger.warning(
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
}
