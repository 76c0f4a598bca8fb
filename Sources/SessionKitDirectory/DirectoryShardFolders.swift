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

// The two levels of shard folders: made where missing, opened without following a link, checked.
extension DirectorySessionStore {
    /// Creates the shard folders if needed, then takes the session's lock.
    func lockForWriting(_ paths: SessionPaths) throws(SessionStoreError) -> SessionFileLock {
        for _ in 0..<3 {
            switch try SessionFileLock.acquire(
                root: rootFD, path: paths.lock, display: paths.display, blocking: true, logger: logger)
            {
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
                    if syncsWritesNow {
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
                try checkFolder(fd, display: paths.shard)
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
                logger.warning(
                    "moved aside a shard folder of another user", metadata: ["folder": "\(display)", "uid": "\(st.st_uid)"])
                continue
            }
            if fd >= 0 {
                do throws(SessionStoreError) {
                    try checkFolder(fd, display: display)
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
                logger.warning(
                    "removed an entry the store did not make in a shard folder's place",
                    metadata: ["folder": "\(display)", "entry": "\(what ?? "not a folder")"])
            }
            if mkdirat(parent, name, 0o700) != 0 && errno != EEXIST { throw POSIXIO.failure("mkdir", display, errno) }
        }
        throw SessionStoreError(.unavailable, "open \(display): the shard folder keeps changing")
    }

    /// A shard folder must be this user's: one of another user is refused (it could swap the
    /// files in it); this user's own with a looser mode is tightened to 0700.
    func checkFolder(_ fd: Int32, display: String) throws(SessionStoreError) {
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
}
