#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CSessionKitFileIO
import SessionKit

/// What a `DirectorySessionStore` finds in its tree that it did not make: a symbolic link, FIFO,
/// socket, device or folder where a shard folder or a session, lock or temporary file belongs,
/// or a file of another user (or writable by others). None of it is ever followed or read as a
/// session; each is removed (the store owns every folder it removes it from), so the path works
/// again after one request. A folder at a file's path is removed with what it holds (bounded,
/// never following a link); a bigger one is renamed aside for the sweep.
enum PlantedEntries {
    /// Why an open session (or lock) file is not one of the store's own, or nil when it is: a
    /// regular file owned by this user, not writable by group or others, of a possible size
    /// (`maximumSize` bytes at most and a multiple of `sizeUnit`, 0 for any size).
    static func problem(of st: stat, maximumSize: Int = 0, sizeUnit: Int = 0) -> String? {
        switch st.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return "a folder"
        case S_IFLNK: return "a symbolic link"
        case S_IFIFO: return "a FIFO"
        case S_IFSOCK: return "a socket"
        case S_IFCHR, S_IFBLK: return "a device"
        default: return "not a regular file"
        }
        if st.st_uid != geteuid() { return "a file owned by uid \(st.st_uid), not by this user" }
        if st.st_mode & 0o022 != 0 { return "a file writable by group or others" }
        if maximumSize > 0 && Int(st.st_size) > maximumSize { return "a file of \(st.st_size) bytes (over the limit)" }
        if sizeUnit > 0 && Int(st.st_size) % sizeUnit != 0 { return "a file of \(st.st_size) bytes (not a session file's size)" }
        return nil
    }

    /// Session files: at most two of the largest slots, a whole number of 1 KiB.
    static func sessionFileProblem(_ fd: Int32) -> String? {
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }  // the read reports it
        return problem(
            of: st, maximumSize: 2 * SessionRecordFile.maximumSlotSize, sizeUnit: 2 * SessionRecordFile.minimumSlotSize)
    }

    /// Removes the first entry on `path` (relative to `root`, e.g. `ab/cd/<key>`) that the store
    /// did not make: a non-folder (or a folder of another user, renamed aside) in a shard
    /// folder's place, or anything but the store's own regular file at the last component.
    /// Never follows a link. Returns what it removed, nil when there was nothing to remove (the
    /// path is absent, or holds the store's own file). Call with the session's lock held when
    /// `path` is a session file (a lock file's own path needs none: the store never makes
    /// anything but regular files of its own there).
    /// `folder`: the last component is a shard folder too (anything else there is removed).
    /// `judged`: why the caller found the last component is not a session file of the store's
    /// (an impossible size...): then even a regular file of this user there is removed.
    static func clear(root: Int32, _ path: String, folder: Bool = false, judged: String? = nil) -> String? {
        let components = path.split(separator: "/").map(String.init)
        var parent = root
        defer { if parent != root { close(parent) } }
        for (index, name) in components.enumerated() {
            var st = stat()
            guard fstatat(parent, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
            let last = index == components.count - 1
            let isFolder = st.st_mode & S_IFMT == S_IFDIR
            if (!last || folder) && isFolder {
                if st.st_uid != geteuid() {
                    return renameAside(parent, name) ? "a shard folder owned by uid \(st.st_uid) (renamed aside)" : nil
                }
                if last { return nil }
                let fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard fd >= 0 else { return nil }
                if parent != root { close(parent) }
                parent = fd
                continue
            }
            let what = problem(of: st) ?? (last && !folder ? judged : "a file")
            guard let what else { return nil }  // the store's own file
            if isFolder {
                if !removeTree(parent, name, budget: 10_000) && !renameAside(parent, name) { return nil }
            } else if unlinkat(parent, name, 0) != 0 {
                return nil
            }
            return what
        }
        return nil
    }

    /// Renames `name` in `parent` to `.<name>.<random>.tmp`, out of the store's way. Inside a
    /// shard folder the sweep removes it an hour later; a shard folder renamed aside in the
    /// root or a first-level folder (another user's, which this user may not be able to empty)
    /// stays for an operator to look at, and is logged when it is moved.
    static func renameAside(_ parent: Int32, _ name: String) -> Bool {
        let aside = "." + name + "." + String(UInt64.random(in: .min ... .max), radix: 16) + ".tmp"
        return renameat(parent, name, parent, aside) == 0
    }

    /// Removes `name` in `parent` (a file, link, or folder and all it holds), never following a
    /// link, touching at most `budget` entries. Returns whether it is gone.
    @discardableResult
    static func removeTree(_ parent: Int32, _ name: String, budget: Int) -> Bool {
        var remaining = budget
        return removeTree(parent, name, remaining: &remaining, depth: 0)
    }

    private static func removeTree(_ parent: Int32, _ name: String, remaining: inout Int, depth: Int) -> Bool {
        remaining -= 1
        if unlinkat(parent, name, 0) == 0 || errno == ENOENT { return true }
        guard errno == EISDIR || errno == EPERM, remaining > 0, depth < 16 else { return false }
        let fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return false }
        guard case .success(let names) = POSIXIO.list(directory: fd) else {
            close(fd)
            return false
        }
        var all = true
        for child in names {
            guard remaining > 0 else {
                all = false
                break
            }
            if !removeTree(fd, child, remaining: &remaining, depth: depth + 1) { all = false }
        }
        close(fd)
        return all && unlinkat(parent, name, AT_REMOVEDIR) == 0
    }
}
