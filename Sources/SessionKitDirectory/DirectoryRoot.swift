#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Logging
import SessionKit

extension DirectorySessionStore {
    /// Opens the store's folder, creating it (and missing parents) 0700. The folder itself
    /// must not be a symbolic link and must be this user's: whoever made a link or a folder
    /// there first would choose where sessions go, or read and plant them. Such a folder is
    /// refused with what is wrong and how to fix it; this user's own folder with a looser mode
    /// is tightened to 0700 (never another user's: the process may be root).
    static func openRoot(_ directory: String, logger: Logger) throws(SessionStoreError) -> Int32 {
        // A trailing slash would make the kernel follow a final symlink despite O_NOFOLLOW.
        var directory = directory
        while directory.count > 1, directory.hasSuffix("/") { directory.removeLast() }
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
        let fix = "remove it (as its owner or root) or choose a folder of your own (the default, \(defaultDirectory), is per user)"
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
        if fd < 0 {
            let e = errno
            var st = stat()
            if lstat(directory, &st) == 0 && st.st_mode & S_IFMT == S_IFLNK {
                throw SessionStoreError(
                    .unavailable,
                    "session directory \(directory) is a symbolic link (owned by uid \(st.st_uid)); the store never follows one, since whoever made it chooses where sessions are written: \(fix)")
            }
            throw POSIXIO.failure("open session directory", directory, e)
        }
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
                "session directory \(directory) is owned by uid \(st.st_uid), not by this user (uid \(geteuid())): its owner could read and plant sessions; \(fix)")
        }
        if st.st_mode & 0o077 != 0 {
            if fchmod(fd, 0o700) != 0 {
                let e = errno
                close(fd)
                throw POSIXIO.failure("chmod 0700 session directory", directory, e)
            }
            logger.warning(
                "tightened session directory mode to 0700; entries others made while it was open to them are refused as found",
                metadata: ["directory": "\(directory)", "mode": "\(String(st.st_mode & 0o777, radix: 8))"])
        }
        return fd
    }
}
