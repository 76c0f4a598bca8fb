#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SessionKit

/// `--secret-key-file PATH`: the key read from a file, so that it is not in the process list
/// (as a `--secret-key` argument is, for every local user to read with `ps`).
///
/// The file holds the key as text, like Flask's `SECRET_KEY`; one trailing newline (`\n` or
/// `\r\n`) is dropped, as `echo` and editors add one. A pipe works too
/// (`--secret-key-file <(pass show demo-key)`).
package enum SecretKeyFile {
    /// Larger files are not key files (and `/dev/zero` must not be read forever).
    package static let maxSize = 64 * 1024

    package struct ReadError: Error, Sendable, CustomStringConvertible {
        package let description: String
    }

    /// The key in `path`, and a warning when other users can read or write the file.
    package static func read(_ path: String) throws(ReadError) -> (key: SecretKey, warning: String?) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ReadError(description: "cannot read the secret key file \(path): \(errorText())") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw ReadError(description: "cannot read the secret key file \(path): \(errorText())")
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw ReadError(description: "the secret key file \(path) is a directory")
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { readBytes(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadError(description: "cannot read the secret key file \(path): \(errorText())")
            }
            if count == 0 { break }
            bytes += chunk[..<count]
            if bytes.count > maxSize {
                throw ReadError(description: "the secret key file \(path) is over \(maxSize) bytes: it is not a key file")
            }
        }
        if bytes.last == UInt8(ascii: "\n") {
            bytes.removeLast()
            if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        }
        guard !bytes.isEmpty else {
            throw ReadError(
                description: "the secret key file \(path) is empty; put a key in it, e.g. "
                    + "python3 -c 'import secrets; print(secrets.token_hex(32))' > \(path); chmod 600 \(path)")
        }
        var warning: String?
        let mode = info.st_mode & 0o777
        if (info.st_mode & S_IFMT) == S_IFREG, mode & 0o066 != 0 {
            warning = "warning: the secret key file \(path) can be read or written by other users (mode "
                + String(mode, radix: 8) + "): anyone who reads the key can forge any session; "
                + "run chmod 600 \(path)"
        }
        return (SecretKey(bytes: bytes), warning)
    }

    private static func errorText() -> String {
        String(cString: strerror(errno))
    }
}

/// `read(2)` (the name is taken inside `SecretKeyFile`).
private func readBytes(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
