import SessionKit

// MARK: - Paths

/// Relative paths of one session's files: `ab/cd/abcd…` (64 hex digits of the key, written by
/// `SessionStorageKey` from its digest, so nothing else can reach a path). Built as one string;
/// the other names are cut from it when asked for (a load from the page cache needs none).
struct SessionPaths: Sendable {
    /// `<level1>/<level2>/<key>`.
    let data: String
    /// The key itself (records are sealed for it).
    let storageKey: SessionStorageKey

    init(_ key: SessionStorageKey) {
        self.storageKey = key
        self.data = String(unsafeUninitializedCapacity: 70) { out in
            key.writeHex(into: UnsafeMutableBufferPointer(rebasing: out[6..<70]))
            out[0] = out[6]
            out[1] = out[7]
            out[2] = UInt8(ascii: "/")
            out[3] = out[8]
            out[4] = out[9]
            out[5] = UInt8(ascii: "/")
            return 70
        }
    }

    /// The key's 64 hex digits (the file name).
    var key: String { String(data.utf8.dropFirst(6))! }
    /// The first level of folders: `ab`.
    var level1: String { String(data.utf8.prefix(2))! }
    /// The session's folder: `ab/cd`.
    var shard: String { String(data.utf8.prefix(5))! }
    var lock: String { data + ".lock" }
    /// For messages and logs: shard and the key's first 8 characters.
    var display: String { String(data.utf8.prefix(14))! + "…" }
}
