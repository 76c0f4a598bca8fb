#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SessionKit
import Synchronization

/// Open descriptors of the session files a `DirectorySessionStore` used last, so that the next
/// load of a hot session costs a read and an `fstat` instead of an `openat` (a path walk through
/// three names and a new open file), a read and a `close`, and its next save one `openat` and
/// `close` less: the open file cache of web servers (nginx's `open_file_cache`), without its
/// staleness window.
///
/// Nothing here is trusted without a check: a session file is only ever rewritten in place
/// (same inode) or replaced by a rename or removed (the old inode unlinked, for good), so a
/// descriptor whose file still has a link after the read was reading the file at the session's
/// path (`DirectorySessionStore.load`). A descriptor whose file was unlinked is dropped at its
/// next use, or when newer entries push it out (first in, first out); each entry keeps one
/// descriptor and, while it is cached, the inode of a file another process removed.
final class OpenFileCache: Sendable {
    /// One open descriptor, closed when the last reference goes (so never while a read uses it).
    final class File: Sendable {
        let fd: Int32
        /// Opened read-write (`apply` may write through it).
        let writable: Bool
        init(fd: Int32, writable: Bool) {
            self.fd = fd
            self.writable = writable
        }
        deinit { close(fd) }
    }

    /// A ring of entries in insertion order and an index into it: a new entry takes the slot
    /// after the last one taken, evicting what is there (first in, first out).
    private struct State {
        var slots: [(key: SessionStorageKey, file: File)?]
        var index: [SessionStorageKey: Int] = [:]
        var next = 0
    }

    let capacity: Int
    private let state: Mutex<State>

    init(capacity: Int) {
        self.capacity = max(0, capacity)
        state = Mutex(State(slots: Array(repeating: nil, count: max(0, capacity))))
    }

    /// The default size: a sixty-fourth of the process's soft limit on open files, at most 1,024
    /// (16 under the common default limit of 1,024), so that a store's two caches never hold
    /// more than a thirty-second of what the server may open (its sockets above all).
    static var defaultCapacity: Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 16 }
        return Int(min(1_024, UInt64(limit.rlim_cur) / 64))  // RLIM_INFINITY is the largest value
    }

    /// Whether `error` (an `open`'s errno) says the process or the system is out of descriptors.
    static func isOutOfDescriptors(_ error: Int32) -> Bool {
        error == EMFILE || error == ENFILE
    }

    func file(for key: SessionStorageKey) -> File? {
        state.withLock { s in s.index[key].flatMap { s.slots[$0]?.file } }
    }

    /// Caches `fd` for `key` (closing the entry it replaces or evicts, outside the lock), and
    /// returns it wrapped (with no capacity, not cached: closed when the caller drops it).
    @discardableResult
    func insert(_ fd: Int32, writable: Bool, for key: SessionStorageKey) -> File {
        let file = File(fd: fd, writable: writable)
        guard capacity > 0 else { return file }
        let dropped: File? = state.withLock { s in
            if let slot = s.index[key] {
                let old = s.slots[slot]?.file
                s.slots[slot] = (key, file)
                return old
            }
            let slot = s.next
            s.next = (slot + 1) % capacity
            let evicted = s.slots[slot]
            if let evicted { s.index[evicted.key] = nil }
            s.slots[slot] = (key, file)
            s.index[key] = slot
            return evicted?.file
        }
        withExtendedLifetime(dropped) {}
        return file
    }

    /// Forgets `key`'s descriptor, if `file` (when given) is still the one cached.
    func remove(_ key: SessionStorageKey, ifStill file: File? = nil) {
        let dropped: File? = state.withLock { s in
            guard let slot = s.index[key], let entry = s.slots[slot] else { return nil }
            if let file, entry.file !== file { return nil }
            s.slots[slot] = nil
            s.index[key] = nil
            return entry.file
        }
        withExtendedLifetime(dropped) {}
    }

    /// Closes every cached descriptor that no read or lock is using (when an `open` found the
    /// process out of descriptors). Returns whether there was any to drop.
    @discardableResult
    func removeAll() -> Bool {
        let dropped: [(key: SessionStorageKey, file: File)?] = state.withLock { s in
            let all = s.slots
            s.slots = Array(repeating: nil, count: capacity)
            s.index = [:]
            s.next = 0
            return all
        }
        return dropped.contains { $0 != nil }
    }

    var count: Int { state.withLock { $0.index.count } }
}
