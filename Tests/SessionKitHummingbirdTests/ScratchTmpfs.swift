import Foundation
import Testing

/// A small tmpfs mounted on a fresh folder, for a disk that fills up: `fill()` writes a file
/// until the file system answers ENOSPC, `drain()` removes it. Unmount it (after stopping the
/// processes using it) with `unmount()`.
struct ScratchTmpfs {
    let path: String
    var filler: String { path + "/filler" }

    static func mount(size: String = "1m") async throws -> ScratchTmpfs {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sessionkit-tmpfs-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let mounted = try await ToolRun.run(["mount", "-t", "tmpfs", "-o", "size=\(size),mode=0700", "tmpfs", path])
        guard mounted.status == 0 else {
            rmdir(path)
            throw FlaskTutorialApp.Unavailable.didNotStart("mount -t tmpfs failed: \(mounted.output)")
        }
        return ScratchTmpfs(path: path)
    }

    /// Writes zeros to `filler` until a write fails with ENOSPC; returns the bytes written.
    @discardableResult
    func fill() throws -> Int {
        let fd = open(filler, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        let chunk = [UInt8](repeating: 0, count: 4096)
        var total = 0
        while true {
            let n = chunk.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n > 0 {
                total += n
                continue
            }
            if errno == EINTR { continue }
            guard errno == ENOSPC else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            return total
        }
    }

    /// Frees the space `fill()` took.
    func drain() {
        unlink(filler)
    }

    /// Unmounts (lazily, should a process still hold a file there) and removes the folder.
    func unmount() {
        _ = try? ToolRun.runBlocking(["umount", "-l", path])
        rmdir(path)
    }
}
