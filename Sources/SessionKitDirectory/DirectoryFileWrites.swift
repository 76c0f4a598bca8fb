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

// Writing session files: in place into a slot, or whole through a temporary file and a rename; removal.
extension DirectorySessionStore {
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
        // `.syncEvery` with no sync service running syncs here, as `.syncEachSave` does.
        if syncsEachSave || periodicSync?.noteWrite() == false {
            var rc: Int32
            repeat { rc = fdatasync(fd) } while rc != 0 && errno == EINTR
            if rc != 0 { throw POSIXIO.failure(operation, paths.display, errno) }
        }
    }

    /// Writes `bytes` as the session file: temporary file, rename, both relative to the shard
    /// folder opened without following a link (with `.syncEachSave`, or `.syncEvery` while no
    /// sync service runs: fsync of the file before the rename, and of the folder after). A
    /// folder planted at the path is removed first.
    func writeFile(_ bytes: [UInt8], _ paths: SessionPaths, operation: String) throws(SessionStoreError) {
        let shard = try openShard(paths, operation: operation)
        defer { close(shard) }
        let name = paths.key
        let temporary = "." + name + "." + Self.randomSuffix() + ".tmp"
        let syncs = syncsWritesNow
        var fd: Int32
        repeat {
            fd = openat(shard, temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        } while fd < 0 && errno == EINTR
        if fd < 0 { throw POSIXIO.failure(operation, paths.display, errno) }
        var failure: Int32? = POSIXIO.writeAll(fd, bytes)
        if failure == nil && syncs {
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
        if syncs {
            var rc: Int32
            repeat { rc = fsync(shard) } while rc != 0 && errno == EINTR
            if rc != 0 { throw POSIXIO.failure("sync", paths.shard, errno) }
        } else if periodicSync?.noteWrite() == false {
            try syncToDisk()  // the sync service stopped during this write
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

    /// A random 16-hex-digit suffix for a temporary file name.
    static func randomSuffix() -> String {
        let value = UInt64.random(in: .min ... .max)
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
