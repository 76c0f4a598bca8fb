#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Logging
import SessionKit

// `move` (a regenerated id) and `delete`: the operations that take a session file away.
extension DirectorySessionStore {
    /// Holds both sessions' locks — the per-key async lock and the `flock`, each taken in key
    /// order so that two moves never wait on each other — while it reads `old`, writes the merged
    /// record as `new` (temporary file, rename) and then removes `old` and its lock file. An
    /// `apply` or `delete` of `old` in any process waits on `old`'s lock and afterwards finds no
    /// file. A crash between the write of `new` and the removal of `old` leaves both records (the
    /// old id then works until it expires); no change is lost.
    public func move(
        _ changes: SessionChangeSet, from old: SessionStorageKey, to new: SessionStorageKey
    ) async throws -> SessionRecord? {
        let (from, to) = (SessionPaths(old), SessionPaths(new))
        _ = try authenticator()
        guard from.key != to.key else {
            // Not a real move; a live record holds the "new" key.
            if try await load(old, now: changes.now) == nil { return nil }
            throw SessionStoreError(.conflict, "move \(to.display): a live record already holds the new key")
        }
        let (first, second) = from.key < to.key ? (from.key, to.key) : (to.key, from.key)
        return try await Self.keyLocks.withLock(first) {
            try await Self.keyLocks.withLock(second) {
                let moved = try await BlockingIOPool.shared.run { () throws(SessionStoreError) -> SessionRecord? in
                    try self.moveLocked(changes, from: from, to: to)
                }
                if moved != nil {  // its files are gone
                    self.openFiles.remove(old)
                    self.openLocks.remove(old)
                }
                return moved
            }
        }
    }

    /// `move`'s file work, on an I/O thread, with the async locks held.
    func moveLocked(
        _ changes: SessionChangeSet, from: SessionPaths, to: SessionPaths
    ) throws(SessionStoreError) -> SessionRecord? {
        var oldLock: SessionFileLock?
        var newLock: SessionFileLock?
        var wroteNew = false
        defer {
            // A lock file created for `new` that got no session is removed (still locked).
            if !wroteNew, let newLock { unlinkLockIfNoSession(newLock, to) }
            withExtendedLifetime((oldLock, newLock)) {}
        }
        func lockOld() throws(SessionStoreError) -> Bool {
            switch try SessionFileLock.acquire(
                root: rootFD, path: from.lock, display: from.display, blocking: true, logger: logger)
            {
            case .locked(let l):
                oldLock = l
                return true
            case .noShard, .busy:
                return false
            }
        }
        if from.key < to.key {
            guard try lockOld() else { return nil }
            newLock = try lockForWriting(to)
        } else {
            newLock = try lockForWriting(to)
            guard try lockOld() else { return nil }
        }
        guard let oldLock else { return nil }
        guard let bytes = try readFile(from.data, display: from.display, operation: "move") else {
            oldLock.unlinkFile()
            return nil
        }
        guard let current = try liveRecord(bytes, from, lockedBy: oldLock, now: changes.now, operation: "move")?.record
        else { return nil }
        let auth = try authenticator()
        if let existing = try readFile(to.data, display: to.display, operation: "move") {
            switch Self.inspect(existing, to.storageKey, auth, now: changes.now) {
            case .live:
                throw SessionStoreError(.conflict, "move \(to.display): a live record already holds the new key")
            case .unsupported(let version):
                throw SessionStoreError(.unavailable, "move \(to.display): unsupported file format version \(version)")
            case .expired, .corrupt, .unauthenticated:
                break  // replaced by the rename below
            }
        }
        let moved = changes.movedRecord(from: current)
        guard let image = SessionRecordFile.encode(moved, key: to.storageKey, authenticator: auth) else {
            throw SessionStoreError(.unavailable, "move \(from.display): record larger than the store's limit")
        }
        try writeFile(SessionRecordFile.file(image), to, operation: "move")
        wroteNew = true
        try unlink(from.data, display: from.display, operation: "move")
        oldLock.unlinkFile()
        if syncsRemovals {
            try POSIXIO.syncDirectory(root: rootFD, from.shard, display: from.shard)
        }
        return moved
    }

    public func delete(_ key: SessionStorageKey) async throws {
        let paths = SessionPaths(key)
        _ = try authenticator()
        try await Self.keyLocks.withLock(paths.key) {
            try await BlockingIOPool.shared.run { () throws(SessionStoreError) in
                let lock: SessionFileLock
                switch try SessionFileLock.acquire(
                    root: self.rootFD, path: paths.lock, display: paths.display, blocking: true, logger: self.logger)
                {
                case .locked(let l): lock = l
                case .noShard, .busy: return
                }
                defer { withExtendedLifetime(lock) {} }
                let removed = try self.unlink(paths.data, display: paths.display, operation: "delete")
                lock.unlinkFile()
                self.openFiles.remove(key)
                self.openLocks.remove(key)
                if removed && self.syncsRemovals {
                    try POSIXIO.syncDirectory(root: self.rootFD, paths.shard, display: paths.shard)
                }
            }
        }
    }
}
