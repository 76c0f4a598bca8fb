#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SessionKit

// `InspectableSessionStore` (count, keys) by listing the shard folders.
extension DirectorySessionStore {
    public func count() async throws -> Int {
        _ = try authenticator()
        var total = 0
        try await walk { _ in
            total += 1
            return true
        }
        return total
    }

    public func keys(limit: Int) async throws -> [SessionStorageKey] {
        _ = try authenticator()
        guard limit > 0 else { return [] }
        var out: [SessionStorageKey] = []
        try await walk { key in
            out.append(key)
            return out.count < limit
        }
        return out
    }

    /// Visits every session file's key (one pool job per first-level folder).
    func walk(_ visit: (SessionStorageKey) -> Bool) async throws {
        let level1 = try await BlockingIOPool.shared.run { () throws(SessionStoreError) -> [String] in
            try self.listShardNames(".", display: ".")
        }
        for l1 in level1 {
            let keys = try await BlockingIOPool.shared.run { () throws(SessionStoreError) -> [SessionStorageKey] in
                var keys: [SessionStorageKey] = []
                for l2 in try self.listShardNames(l1, display: l1) {
                    let shard = l1 + "/" + l2
                    for name in try self.listNames(shard, display: shard)
                    where name.utf8.count == 64 && name.hasPrefix(l1 + l2) {
                        if let key = SessionStorageKey(hex: name) { keys.append(key) }
                    }
                }
                return keys
            }
            for key in keys where !visit(key) { return }
        }
    }

    // MARK: - Listing

    /// Two-lowercase-hex-digit subfolder names of `path`, sorted; [] when it does not exist.
    func listShardNames(_ path: String, display: String) throws(SessionStoreError) -> [String] {
        try listNames(path, display: display).filter { name in
            name.utf8.count == 2 && name.utf8.allSatisfy(Self.isLowerHex)
        }.sorted()
    }

    /// Entry names of a folder; [] when it does not exist or is not a folder.
    func listNames(_ path: String, display: String) throws(SessionStoreError) -> [String] {
        switch POSIXIO.list(root: rootFD, path) {
        case .success(let names): return names
        case .failure(let e):
            // A link (never followed) or a file in a folder's place: nothing listed.
            if e.code == ENOENT || e.code == ENOTDIR || e.code == ELOOP || e.code == EXDEV { return [] }
            throw POSIXIO.failure("list", display, e.code)
        }
    }

    @inline(__always)
    static func isLowerHex(_ c: UInt8) -> Bool { (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) }
}
