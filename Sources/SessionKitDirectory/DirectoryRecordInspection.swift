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

// What a session file holds (live, expired, damaged, another key's), and removal of a dead one.
extension DirectorySessionStore {
    /// Removes the session file if, under its lock, it is still expired at `now` or damaged.
    /// Skips (false) a session someone holds right now. Never waits.
    func removeIfDead(_ paths: SessionPaths, now: Int64) throws(SessionStoreError) -> Bool {
        switch try SessionFileLock.acquire(
            root: rootFD, path: paths.lock, display: paths.display, blocking: false, logger: logger)
        {
        case .busy, .noShard:
            return false
        case .locked(let lock):
            defer { withExtendedLifetime(lock) {} }
            guard let bytes = try readFile(paths.data, display: paths.display, operation: "remove") else {
                lock.unlinkFile()
                return false
            }
            switch Self.inspect(bytes, paths.storageKey, try authenticator(), now: now) {
            case .live, .unsupported:
                return false
            case .unauthenticated(let header):
                // Not ours to judge (another key's?): only its expiry, as its header says.
                guard header.expiresAt <= now else { return false }
                let removed = try unlink(paths.data, display: paths.display, operation: "remove")
                lock.unlinkFile()
                return removed
            case .expired, .corrupt:
                let removed = try unlink(paths.data, display: paths.display, operation: "remove")
                lock.unlinkFile()
                return removed
            }
        }
    }

    enum Inspection {
        /// The record, and where its image lies (where the next save writes).
        case live(SessionRecord, SessionRecordFile.Current)
        case expired
        case corrupt(String)
        case unsupported(UInt16)
        /// Whole, but its MAC fails (`SessionRecordFile.LocateResult.unauthenticated`): absent,
        /// logged, kept (it may be another key's: a store opened with a wrong key must not
        /// destroy the sessions it cannot read).
        case unauthenticated(SessionRecordFile.Header)
    }

    /// Slots and checksums first, then expiry (an expired record's data is never parsed), then
    /// the JSON.
    static func inspect(
        _ bytes: [UInt8], _ key: SessionStorageKey, _ authenticator: RecordAuthenticator, now: Int64
    ) -> Inspection {
        bytes.withUnsafeBytes { raw in
            switch SessionRecordFile.locate(raw, key: key, authenticator: authenticator) {
            case .corrupt(let why): return .corrupt(why)
            case .unsupported(let v): return .unsupported(v)
            case .unauthenticated(let current): return .unauthenticated(current.header)
            case .current(let current):
                if current.header.expiresAt <= now { return .expired }
                switch SessionRecordFile.decode(raw, current: current) {
                case .record(let record): return .live(record, current)
                case .corrupt(let why): return .corrupt(why)
                case .unsupported(let v): return .unsupported(v)
                }
            }
        }
    }
}

/// Judging a session file read under its lock.
extension DirectorySessionStore {
    /// `load` again with the session's lock held, so that no save is half-written: a record that
    /// is still damaged now is damaged (logged, removed, absent).
    func loadLocked(_ paths: SessionPaths, now: Int64) throws(SessionStoreError) -> SessionRecord? {
        let lock: SessionFileLock
        switch try SessionFileLock.acquire(
            root: rootFD, path: paths.lock, display: paths.display, blocking: true, logger: logger)
        {
        case .locked(let l): lock = l
        case .noShard, .busy: return nil
        }
        defer { withExtendedLifetime(lock) {} }
        guard let bytes = try readFile(paths.data, display: paths.display, operation: "load") else {
            lock.unlinkFile()
            return nil
        }
        return try liveRecord(bytes, paths, lockedBy: lock, now: now, operation: "load")?.record
    }

    /// Judges a session file read under its lock: the live record and where it lies, or nil
    /// after removing an expired or damaged file (the damage is logged). A newer format throws.
    func liveRecord(
        _ bytes: [UInt8], _ paths: SessionPaths, lockedBy lock: SessionFileLock, now: Int64, operation: String
    ) throws(SessionStoreError) -> (record: SessionRecord, location: SessionRecordFile.Current)? {
        switch Self.inspect(bytes, paths.storageKey, try authenticator(), now: now) {
        case .live(let record, let location):
            return (record, location)
        case .expired:
            try unlink(paths.data, display: paths.display, operation: operation)
            lock.unlinkFile()
            return nil
        case .unauthenticated:
            noteUnauthenticated(paths)
            return nil
        case .corrupt(let why):
            logger.warning(
                "damaged session file treated as absent",
                metadata: ["file": "\(paths.display)", "reason": "\(why)"])
            try unlink(paths.data, display: paths.display, operation: operation)
            lock.unlinkFile()
            return nil
        case .unsupported(let version):
            throw SessionStoreError(
                .unavailable, "\(operation) \(paths.display): unsupported file format version \(version)")
        }
    }
}
