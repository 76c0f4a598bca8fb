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

/// An exclusive `flock` on `<shard>/<key>.lock`, opened relative to the store's directory.
///
/// Lock files may be unlinked by whoever holds them (delete, expiry); a waiter that then gets
/// the lock on the old, unlinked inode notices (its fd's inode is no longer the one at the path)
/// and starts over, so exactly one holder at a time owns the *current* lock file.
///
/// With a cache (`apply`, which the per-key async lock serializes in this process, so no two
/// holders in it ever share a cached descriptor), the lock file's descriptor is kept open between
/// saves: the lock is then `flock` on it and a check that the file still has a link (lock files
/// are only ever created at their path and unlinked by their holder, never renamed, so a linked
/// one is the file at the path); releasing it is `LOCK_UN`, not `close`.
final class SessionFileLock {
    let fd: Int32
    private let root: Int32
    private let path: String
    /// The cache's descriptor this lock holds (released with LOCK_UN), or nil (closed).
    private let cached: OpenFileCache.File?

    enum Outcome {
        case locked(SessionFileLock)
        /// The shard folder does not exist (so neither does the session).
        case noShard
        /// Non-blocking attempt and someone else holds it.
        case busy
    }

    /// Opens (creating if needed) and locks the lock file. Throws `.unavailable` for any other
    /// failure (ENOTDIR when the shard is not a folder, EACCES, EROFS, ENOSPC...). `logger`:
    /// where an entry planted on the path and removed is reported.
    static func acquire(
        root: Int32, path: String, display: String, blocking: Bool,
        cache: (files: OpenFileCache, key: SessionStorageKey)? = nil, logger: Logger
    ) throws(SessionStoreError) -> Outcome {
        if let cache, let file = cache.files.file(for: cache.key) {
            var rc: Int32
            repeat { rc = flock(file.fd, blocking ? LOCK_EX : LOCK_EX | LOCK_NB) } while rc != 0 && errno == EINTR
            if rc != 0 && errno == EWOULDBLOCK { return .busy }
            if rc == 0 {
                var st = stat()
                if fstat(file.fd, &st) == 0 && st.st_nlink > 0 {
                    return .locked(SessionFileLock(fd: file.fd, root: root, path: path, cached: file))
                }
                _ = flock(file.fd, LOCK_UN)
            }
            cache.files.remove(cache.key, ifStill: file)  // unlinked by its last holder (or broken)
        }
        for _ in 0..<1000 {
            // No link followed anywhere on the path; O_NONBLOCK: a FIFO planted there must not
            // block the open (no effect on a regular file).
            let fd = sessionkit_open_beneath(root, path, O_RDWR | O_CREAT | O_NONBLOCK, 0o600)
            if fd < 0 {
                let e = errno
                if e == EINTR { continue }
                if OpenFileCache.isOutOfDescriptors(e), let cache, cache.files.removeAll() { continue }
                if e == ENOENT { return .noShard }
                // A link, a folder or a file in a folder's place, or another user's file we may not
                // open: not the store's, removed (a folder of ours we may not write stays an error).
                if [ELOOP, ENOTDIR, EISDIR, ENXIO, EXDEV, EACCES, EPERM].contains(e),
                    Self.clearPlanted(root: root, path, display, logger: logger)
                {
                    continue
                }
                throw POSIXIO.failure("lock", display, e)
            }
            // Whose file it is, before waiting on it: another user's lock file, held locked,
            // must not park an I/O thread.
            var opened = stat()
            if fstat(fd, &opened) == 0, PlantedEntries.problem(of: opened) != nil {
                close(fd)
                if Self.clearPlanted(root: root, path, display, logger: logger) { continue }
                throw SessionStoreError(.unavailable, "lock \(display): the lock file is not this store's and cannot be removed")
            }
            var rc: Int32
            repeat { rc = flock(fd, blocking ? LOCK_EX : LOCK_EX | LOCK_NB) } while rc != 0 && errno == EINTR
            if rc != 0 {
                let e = errno
                close(fd)
                if e == EWOULDBLOCK { return .busy }
                throw POSIXIO.failure("lock", display, e)
            }
            // Still the file at the path? (It may have been unlinked, and maybe recreated, while
            // we waited.)
            var mine = stat()
            var current = stat()
            guard fstat(fd, &mine) == 0 else {
                let e = errno
                close(fd)
                throw POSIXIO.failure("lock", display, e)
            }
            if fstatat(root, path, &current, AT_SYMLINK_NOFOLLOW) != 0 {
                let e = errno
                close(fd)
                if e == ENOENT { continue }
                throw POSIXIO.failure("lock", display, e)
            }
            if mine.st_ino != current.st_ino || mine.st_dev != current.st_dev {
                close(fd)
                continue
            }
            if PlantedEntries.problem(of: mine) != nil {
                // A FIFO, or a file another user made (and may lock to hold the session up).
                close(fd)
                if Self.clearPlanted(root: root, path, display, logger: logger) { continue }
                throw SessionStoreError(.unavailable, "lock \(display): the lock file is not this store's and cannot be removed")
            }
            if let cache {
                let file = cache.files.insert(fd, writable: true, for: cache.key)
                return .locked(SessionFileLock(fd: fd, root: root, path: path, cached: file))
            }
            return .locked(SessionFileLock(fd: fd, root: root, path: path, cached: nil))
        }
        throw SessionStoreError(.unavailable, "lock \(display): lock file keeps changing")
    }

    /// Removes what was planted on the lock file's path (logged); false when there was nothing.
    private static func clearPlanted(root: Int32, _ path: String, _ display: String, logger: Logger) -> Bool {
        guard let what = PlantedEntries.clear(root: root, path) else { return false }
        logger.warning(
            "removed an entry the store did not make", metadata: ["file": "\(display).lock", "entry": "\(what)"])
        return true
    }

    private init(fd: Int32, root: Int32, path: String, cached: OpenFileCache.File?) {
        self.fd = fd
        self.root = root
        self.path = path
        self.cached = cached
    }


    /// Removes the lock file while still holding it (waiters then retry on a fresh one). This
    /// must be the holder's last change under the lock: from here on a newcomer can create and
    /// lock a fresh lock file.
    func unlinkFile() {
        _ = unlinkat(root, path, 0)
    }

    deinit {
        if cached != nil {
            _ = flock(fd, LOCK_UN)  // the descriptor stays open in the cache (or closes with its last reference)
        } else {
            close(fd)
        }
    }
}
