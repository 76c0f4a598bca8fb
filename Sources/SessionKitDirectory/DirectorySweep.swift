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

// MARK: - Sweep

struct SweepCursor: Sendable, Equatable {
    /// 0..<65536: first-level folder << 8 | second-level folder.
    var shard: Int = 0
    /// Last entry name handled in `shard` ("" : none yet).
    var after: String = ""
}

extension DirectorySessionStore {
    /// Removes up to `limit` records expired at `now`, walking the shards from where the previous
    /// call stopped (successive calls cover the whole tree; one call covers at most one full
    /// cycle). Also removes temporary files older than an hour, lock files without a session and
    /// damaged session files. Examines at most `max(256, min(10 × limit, 10,000))` files per call,
    /// reads only headers, and skips sessions locked right now (in use), so it never holds up
    /// requests for long. A call that returns less than `limit` may still have left expired
    /// records beyond its examine bound: the next call continues from there.
    public func sweep(now: Int64, limit: Int) async throws -> Int {
        _ = try authenticator()
        // Each batch examines a bounded slice of the tree (one pool job at a time, so requests
        // interleave); keep going until something was removed or a whole pass found nothing, so
        // that 0 means "nothing expired is left" (the protocol's contract).
        while true {
            let result = try await sweepBatch(now: now, limit: limit)
            if result.removed > 0 || result.wrapped || result.examined == 0 { return result.removed }
        }
    }

    struct SweepResult: Sendable {
        var removed = 0
        var examined = 0
        /// The walk reached the end of the tree (and continues from the start next time).
        var wrapped = false
    }

    func examineBudget(limit: Int) -> Int {
        sweepExamineLimit ?? max(256, min(limit.multipliedReportingOverflow(by: 10).overflow ? 10_000 : limit * 10, 10_000))
    }

    func sweepBatch(now: Int64, limit: Int) async throws -> SweepResult {
        guard limit > 0 else { return SweepResult() }
        let budget = examineBudget(limit: limit)
        var cursor = sweepCursor.withLock { $0 }
        var total = SweepResult()
        var level1Done = 0
        // At most one first-level folder and 512 files per pool job (a few ms), so that request
        // I/O interleaves; at most one full cycle of the tree per call.
        while total.removed < limit, total.examined < budget, level1Done < 256 {
            let from = cursor
            let removeLimit = limit - total.removed
            let examineLimit = min(budget - total.examined, 512)
            let (step, next) = try await BlockingIOPool.shared.run {
                () throws(SessionStoreError) -> (SweepResult, SweepCursor) in
                try self.sweepLevel1(from: from, now: now, removeLimit: removeLimit, examineLimit: examineLimit)
            }
            total.removed += step.removed
            total.examined += step.examined
            if step.wrapped { total.wrapped = true }
            if next.shard >> 8 != from.shard >> 8 || step.wrapped { level1Done += 1 }
            cursor = next
        }
        let finalCursor = cursor
        sweepCursor.withLock { $0 = finalCursor }
        return total
    }

    /// Sweeps from `from` to the end of its first-level folder (or until a limit is hit).
    func sweepLevel1(from: SweepCursor, now: Int64, removeLimit: Int, examineLimit: Int) throws(SessionStoreError) -> (SweepResult, SweepCursor) {
        var result = SweepResult()
        let l1 = from.shard >> 8
        let l1Name = Self.hex2(l1)
        func nextLevel1() -> SweepCursor {
            if l1 == 255 {
                result.wrapped = true
                return SweepCursor()
            }
            return SweepCursor(shard: (l1 + 1) << 8, after: "")
        }
        let subfolders = sweepList(l1Name).filter { name in
            name.utf8.count == 2 && name.utf8.allSatisfy(Self.isLowerHex)
        }.sorted().compactMap { Int($0, radix: 16) }
        let wallNow = Int64(time(nil))
        for l2 in subfolders where l2 >= (from.shard & 0xFF) {
            let shard = l1 << 8 | l2
            let shardPath = l1Name + "/" + Self.hex2(l2)
            let prefix = l1Name + Self.hex2(l2)
            let all = sweepList(shardPath)
            let present = Set(all)
            var names = all.sorted()
            if shard == from.shard && !from.after.isEmpty {
                names = names.filter { $0 > from.after }
            }
            var done = shard == from.shard ? from.after : ""
            for name in names {
                if result.removed >= removeLimit || result.examined >= examineLimit {
                    return (result, SweepCursor(shard: shard, after: done))
                }
                do {
                    try sweepEntry(
                        name, shardPath: shardPath, prefix: prefix, present: present, now: now, wallNow: wallNow,
                        result: &result)
                } catch {
                    // One bad entry never stops the sweep: logged, stepped over.
                    result.examined += 1
                    logger.warning(
                        "sweep stepped over an entry it could not handle",
                        metadata: ["file": "\(shardPath)/\(name.prefix(8))…", "error": "\(error.message)"])
                }
                done = name
            }
        }
        // The cursor first: it sets `result.wrapped`, which a tuple built in one expression would
        // have copied before the call.
        let next = nextLevel1()
        return (result, next)
    }

    /// The names in a shard folder, for the sweep: a link or a file in the folder's place is
    /// removed (logged) and lists nothing, any other failure is logged and lists nothing.
    private func sweepList(_ path: String) -> [String] {
        switch POSIXIO.list(root: rootFD, path) {
        case .success(let names):
            return names
        case .failure(let e) where e.code == ENOENT:
            return []
        case .failure(let e):
            if e.code == ELOOP || e.code == ENOTDIR || e.code == EXDEV,
                let what = PlantedEntries.clear(root: rootFD, path, folder: true)
            {
                logger.warning(
                    "sweep removed an entry the store did not make in a shard folder's place",
                    metadata: ["folder": "\(path)", "entry": "\(what)"])
            } else {
                logger.warning(
                    "sweep skipped a shard folder it cannot list",
                    metadata: ["folder": "\(path)", "error": "\(POSIXIO.message(e.code))"])
            }
            return []
        }
    }

    /// Handles one entry of a shard folder; `result.examined` counts the entries that cost I/O.
    private func sweepEntry(
        _ name: String, shardPath: String, prefix: String, present: Set<String>, now: Int64, wallNow: Int64,
        result: inout SweepResult
    ) throws(SessionStoreError) {
        let utf8 = name.utf8
        if utf8.count == 64, name.hasPrefix(prefix), let key = SessionStorageKey(hex: name) {
            let paths = SessionPaths(key)
            // A session: its header decides.
            result.examined += 1
            switch try readState(paths, now: now) {
            case .none, .live?:
                return
            case .dead?:
                if try removeIfDead(paths, now: now) { result.removed += 1 }
            case .damaged(let why)?:
                if try removeIfDead(paths, now: now) {
                    logger.warning(
                        "removed a damaged session file",
                        metadata: ["file": "\(paths.display)", "reason": "\(why)"])
                }
            }
        } else if utf8.count == 69, name.hasSuffix(".lock"), name.hasPrefix(prefix),
            let key = SessionStorageKey(hex: name.prefix(64))
        {
            let paths = SessionPaths(key)
            // A lock file whose session is gone (a crash between lock and write, or an old
            // failure): remove it under itself.
            guard !present.contains(key.hex) else { return }
            result.examined += 1
            if case .locked(let lock) = try SessionFileLock.acquire(
                root: rootFD, path: paths.lock, display: paths.display, blocking: false, logger: logger)
            {
                unlinkLockIfNoSession(lock, paths)
            }
        } else if name.hasPrefix("."), name.hasSuffix(".tmp") {
            // A temporary file a crashed or failed writer left behind.
            result.examined += 1
            let path = shardPath + "/" + name
            if let mtime = POSIXIO.modificationTime(root: rootFD, path), wallNow - mtime >= staleTemporaryAge {
                // Opened without following a link; a folder moved aside goes with what it holds.
                let shard = sessionkit_open_beneath(rootFD, shardPath, O_RDONLY | O_DIRECTORY, 0)
                if shard >= 0 {
                    PlantedEntries.removeTree(shard, name, budget: 10_000)
                    close(shard)
                }
            }
        }
    }

    enum HeaderState {
        case live
        case dead
        case damaged(String)
    }

    /// Reads a session file and checks its slots, without parsing the data (nil: the file is gone).
    /// An entry the store did not make there reads as damaged (`removeIfDead` removes it).
    private func readState(_ paths: SessionPaths, now: Int64) throws(SessionStoreError) -> HeaderState? {
        let auth = try authenticator()
        guard let bytes = try readFile(paths.data, display: paths.display, operation: "sweep", locked: false) else {
            return nil
        }
        return bytes.withUnsafeBytes { raw -> HeaderState in
            switch SessionRecordFile.locate(raw, key: paths.storageKey, authenticator: auth) {
            case .current(let current): return current.header.expiresAt <= now ? .dead : .live
            case .corrupt(let why): return .damaged(why)
            // Not ours to judge (another key's?): only its expiry, as its header says.
            case .unauthenticated(let current): return current.header.expiresAt <= now ? .dead : .live
            case .unsupported: return .live
            }
        }
    }

    static func hex2(_ value: Int) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: [digits[value >> 4], digits[value & 0xF]], as: UTF8.self)
    }
}
