#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CSessionKitFileIO
import SessionKit

/// Small POSIX helpers shared by the directory store.
enum POSIXIO {
    static func message(_ e: Int32) -> String {
        String(cString: strerror(e))
    }

    static func failure(_ operation: String, _ path: String, _ e: Int32) -> SessionStoreError {
        SessionStoreError(.unavailable, "\(operation) \(path): \(message(e))")
    }

    /// `fsync` of a folder (so that a rename or unlink in it is durable).
    static func syncDirectory(root: Int32, _ path: String, display: String) throws(SessionStoreError) {
        let fd = sessionkit_open_beneath(root, path, O_RDONLY | O_DIRECTORY, 0)
        if fd < 0 { throw failure("sync", display, errno) }
        defer { close(fd) }
        var rc: Int32
        repeat { rc = fsync(fd) } while rc != 0 && errno == EINTR
        if rc != 0 { throw failure("sync", display, errno) }
    }

    /// Writes all of `bytes` (retrying short writes and EINTR).
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        bytes.withUnsafeBytes { buffer -> Int32? in
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if n == 0 { return EIO }
                offset += n
            }
            return nil
        }
    }

    /// Names in a folder (without "." and ".."), or an errno. No link is followed on the way
    /// (`sessionkit_open_beneath`): a link in a folder's place fails with ELOOP or ENOTDIR.
    static func list(root: Int32, _ path: String) -> Result<[String], Errno> {
        let fd = sessionkit_open_beneath(root, path, O_RDONLY | O_DIRECTORY, 0)
        if fd < 0 { return .failure(Errno(errno)) }
        return list(owning: fd)
    }

    /// Names in the open folder `folder` (left open), or an errno.
    static func list(directory folder: Int32) -> Result<[String], Errno> {
        let fd = openat(folder, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd < 0 { return .failure(Errno(errno)) }
        return list(owning: fd)
    }

    /// Names in the folder open as `fd`, which it closes.
    private static func list(owning fd: Int32) -> Result<[String], Errno> {
        guard let dir = fdopendir(fd) else {
            let e = errno
            close(fd)
            return .failure(Errno(e))
        }
        defer { closedir(dir) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(dir) else {
                if errno != 0 { return .failure(Errno(errno)) }
                break
            }
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            names.append(name)
        }
        return .success(names)
    }

    struct Errno: Error {
        var code: Int32
        init(_ code: Int32) { self.code = code }
    }

    /// Modification time (Unix seconds) of `path` under `root`, nil when absent.
    static func modificationTime(root: Int32, _ path: String) -> Int64? {
        var st = stat()
        guard fstatat(root, path, &st, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        #if canImport(Darwin)
        return Int64(st.st_mtimespec.tv_sec)
        #else
        return Int64(st.st_mtim.tv_sec)
        #endif
    }
}
