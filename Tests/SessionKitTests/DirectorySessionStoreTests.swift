import Foundation
import Synchronization
import Crypto
import Testing

@testable import SessionKit
@testable import SessionKitDirectory

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension StoreFactory {
    /// A `DirectorySessionStore` in a fresh temporary folder.
    static var directory: StoreFactory {
        StoreFactory(name: "directory") { try DirectorySessionStore(directory: TestFolders.fresh(), keys: TestFolders.keys) }
    }

    /// A `DirectorySessionStore` without fdatasync, where saves of cached files run on the
    /// caller's thread.
    static var directoryWithoutSync: StoreFactory {
        StoreFactory(name: "directory without fsync") {
            try DirectorySessionStore(directory: TestFolders.fresh(), durability: .noSync, keys: TestFolders.keys)
        }
    }

    /// A `DirectorySessionStore` on tmpfs (`/dev/shm`), where loads read on the caller's thread.
    static var directoryInMemory: StoreFactory {
        StoreFactory(name: "directory on tmpfs") {
            let store = try DirectorySessionStore(directory: TestFolders.fresh(inMemory: true), keys: TestFolders.keys)
            guard store.inMemoryFileSystem else {
                throw SessionStoreError(.unavailable, "/dev/shm is tmpfs, yet the store does not see it")
            }
            return store
        }
    }

    /// `.directoryInMemory` where this machine has a tmpfs `/dev/shm`.
    static var directoryInMemoryIfAvailable: [StoreFactory] {
        TestFolders.inMemoryRoot == nil ? [] : [.directoryInMemory]
    }
}

/// Fresh folders under `<tmp>/sessionkit-tests-<pid>/`, removed when the test process exits.
enum TestFolders {
    /// The keys the test stores seal their records with.
    static let keys = SecretKeys(current: SecretKey("directory-store-tests-key-0123456789abcdef"))

    static let root: String = {
        let base = DirectorySessionStore.defaultDirectory.dropLast("/sessionkit-sessions-\(geteuid())".count)
        let path = "\(base)/sessionkit-tests-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: TestFolders.root) }
        return path
    }()

    /// `/dev/shm/sessionkit-tests-<pid>` when `/dev/shm` is tmpfs (as `/proc/mounts` says).
    static let inMemoryRoot: String? = {
        guard mountType(of: "/dev/shm") == "tmpfs" else { return nil }
        let path = "/dev/shm/sessionkit-tests-\(getpid())"
        guard (try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)) != nil else {
            return nil
        }
        atexit { try? FileManager.default.removeItem(atPath: "/dev/shm/sessionkit-tests-\(getpid())") }
        return path
    }()

    /// The file system type `/proc/mounts` gives for the mount holding `path` (the longest
    /// mount point that prefixes it); nil where there is no `/proc/mounts`.
    static func mountType(of path: String) -> String? { mount(of: path)?.type }

    /// The mount options (`rw`, `relatime`...) of the mount holding `path`.
    static func mountOptions(of path: String) -> [String] {
        mount(of: path)?.options.split(separator: ",").map(String.init) ?? []
    }

    static func mount(of path: String) -> (type: String, options: String)? {
        guard let mounts = try? String(contentsOfFile: "/proc/mounts", encoding: .utf8) else { return nil }
        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        var best: (point: String, type: String, options: String)?
        for line in mounts.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 4 else { continue }
            let point = String(fields[1])
            let covers = point == "/" || real == point || real.hasPrefix(point + "/")
            if covers, point.count >= (best?.point.count ?? -1) {
                best = (point, String(fields[2]), String(fields[3]))
            }
        }
        return best.map { ($0.type, $0.options) }
    }

    /// A path that does not exist yet (its parent does); with `inMemory`, on tmpfs.
    static func fresh(inMemory: Bool = false) -> String {
        let base = inMemory ? (inMemoryRoot ?? root) : root
        let parent = base + "/" + UUID().uuidString.lowercased()
        try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        return parent + "/store"
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}

@Suite struct DirectorySessionStoreTests {
    static let t0 = StoreConformanceTests.t0

    static func record(_ data: SessionObject = ["user": "alice"], at now: Int64 = t0, ttl: Int64 = 3_600) -> SessionRecord {
        StoreConformanceTests.record(data, at: now, ttl: ttl)
    }

    static func newKey() -> SessionStorageKey { SessionID.generate().storageKey }

    /// What the test stores seal records with (`TestFolders.keys`).
    static let auth = RecordAuthenticator(keys: TestFolders.keys, purpose: "SessionKit directory record v1")

    /// `record`'s image sealed for `key` with the test keys.
    static func image(_ record: SessionRecord, for key: SessionStorageKey, slotSize: Int? = nil) -> [UInt8] {
        SessionRecordFile.encode(record, key: key, authenticator: auth, slotSize: slotSize)!
    }

    /// The record MAC the format documents, computed with swift-crypto's HMAC directly:
    /// HMAC-SHA256(HMAC-SHA256(secret, "SessionKit directory record v1"), key bytes ‖ image),
    /// first 16 bytes.
    static func documentedMAC(
        secret: SecretKey = TestFolders.keys.current, key: SessionStorageKey, image: ArraySlice<UInt8>
    ) -> [UInt8] {
        let derived = Array(HMAC<SHA256>.authenticationCode(
            for: Array("SessionKit directory record v1".utf8), using: SymmetricKey(data: secret.bytes)))
        var keyBytes: [UInt8] = []
        var hex = Array(key.hex.utf8)[...]
        while !hex.isEmpty {
            keyBytes.append(UInt8(String(decoding: hex.prefix(2), as: UTF8.self), radix: 16)!)
            hex = hex.dropFirst(2)
        }
        let mac = HMAC<SHA256>.authenticationCode(for: keyBytes + Array(image), using: SymmetricKey(data: derived))
        return Array(Array(mac).prefix(16))
    }

    static func dataPath(_ dir: String, _ key: SessionStorageKey) -> String {
        let h = Array(key.hex)
        return "\(dir)/\(String(h[0..<2]))/\(String(h[2..<4]))/\(key.hex)"
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    static func mode(_ path: String) -> mode_t? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        return st.st_mode & 0o7777
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// Takes the session's `flock` as another process would (released when the lock is freed).
    static func holdLock(of key: SessionStorageKey, in store: DirectorySessionStore) throws -> SessionFileLock? {
        let paths = SessionPaths(key)
        guard case .locked(let held) = try SessionFileLock.acquire(
            root: store.rootFD, path: paths.lock, display: paths.display, blocking: true, logger: store.logger)
        else { return nil }
        return held
    }

    /// A store in a fresh folder (fsyncs off where only speed matters), removed afterwards.
    static func withStore<T>(
        durability: DirectorySessionStore.Durability = .syncEachSave, sweepExamineLimit: Int? = nil, staleTemporaryAge: Int64 = 3_600,
        _ body: (DirectorySessionStore, String) async throws -> T
    ) async throws -> T {
        let dir = TestFolders.fresh()
        defer { TestFolders.remove(dir) }
        let store = try DirectorySessionStore(
            directory: dir, durability: durability, staleTemporaryAge: staleTemporaryAge,
            sweepExamineLimit: sweepExamineLimit, keys: TestFolders.keys)
        return try await body(store, dir)
    }

    // MARK: Basics

    /// A store knows its folder is on tmpfs (loads then read on the caller's thread) exactly
    /// when `/proc/mounts` says so, for the temp folder and for `/dev/shm`.
    @Test func inMemoryFileSystemsAreRecognised() throws {
        var folders = [TestFolders.fresh()]
        if TestFolders.inMemoryRoot != nil { folders.append(TestFolders.fresh(inMemory: true)) }
        #if os(Linux)
        #expect(folders.count == 2 || TestFolders.mountType(of: "/dev/shm") != "tmpfs")
        #endif
        for folder in folders {
            let store = try DirectorySessionStore(directory: folder, keys: TestFolders.keys)
            let type = TestFolders.mountType(of: folder)
            #expect(store.inMemoryFileSystem == (type == "tmpfs" || type == "ramfs"), "\(folder) is on \(type ?? "?")")
            TestFolders.remove(folder)
        }
    }

    /// Loads leave a session file's access time alone (`O_NOATIME`): with `relatime`, the first
    /// read after each save would update it, dirtying the inode on every request.
    @Test func loadsLeaveTheAccessTimeAlone() async throws {
        #if os(Linux)
        try await Self.withStore(durability: .noSync) { (store, dir) async throws in
            let key = Self.newKey()
            #expect(try await store.create(key, record: Self.record(["n": 0])))
            #expect(try await store.apply(StoreConformanceTests.changes([("n", 1)], at: Self.t0 + 1), to: key) != nil)
            let path = dir + "/" + SessionPaths(key).data
            func accessTime() -> [Int] {
                var info = stat()
                guard stat(path, &info) == 0 else { return [] }
                return [info.st_atim.tv_sec, info.st_atim.tv_nsec]
            }
            let before = accessTime()
            try #require(!before.isEmpty)
            try await Task.sleep(for: .milliseconds(20))
            #expect(try await store.load(key, now: Self.t0 + 2)?.data["n"] == 1)  // its kept descriptor
            let other = try DirectorySessionStore(directory: dir, durability: .noSync, keys: TestFolders.keys)
            #expect(try await other.load(key, now: Self.t0 + 2)?.data["n"] == 1)  // a new open
            #expect(accessTime() == before, "a load updated the access time")
            // The check can fail here: a plain read of the file does update it.
            let fd = open(path, O_RDONLY)
            var byte: UInt8 = 0
            #expect(read(fd, &byte, 1) == 1)
            close(fd)
            if !TestFolders.mountOptions(of: dir).contains("noatime") {
                #expect(accessTime() != before, "a plain read left the access time: this test cannot fail here")
            }
        }
        #endif
    }

    @Test func roundTripsAndWritesNothingElse() async throws {
        try await Self.withStore { (store, dir) async throws in
            let key = Self.newKey()
            var record = Self.record(StoreConformanceTests.everyKind)
            record.absoluteDeadline = Self.t0 + 86_400
            record.idleTimeoutOverride = 1_209_600
            record.version = 41
            #expect(try await store.create(key, record: record))
            #expect(try await store.load(key, now: Self.t0) == record)

            let merged = try #require(
                try await store.apply(StoreConformanceTests.changes([("n", 1)], at: Self.t0 + 5), to: key))
            #expect(merged.version == 42)
            #expect(try await store.load(key, now: Self.t0 + 5) == merged)

            // Exactly the data file and its lock file in the shard, nothing else anywhere.
            let path = Self.dataPath(dir, key)
            let shard = (path as NSString).deletingLastPathComponent
            #expect(Set(try FileManager.default.contentsOfDirectory(atPath: shard)) == [key.hex, key.hex + ".lock"])
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == [String(key.hex.prefix(2))])

            try await store.delete(key)
            #expect(try await store.load(key, now: Self.t0) == nil)
            #expect(try FileManager.default.contentsOfDirectory(atPath: shard).isEmpty)
        }
    }

    @Test func filesAreShardedWithPrivateModes() async throws {
        try await Self.withStore { (store, dir) async throws in
            #expect(Self.mode(dir) == 0o700)
            let keys = (0..<20).map { _ in Self.newKey() }
            for key in keys { #expect(try await store.create(key, record: Self.record())) }
            for key in keys {
                let path = Self.dataPath(dir, key)
                let shard = (path as NSString).deletingLastPathComponent
                let level1 = (shard as NSString).deletingLastPathComponent
                #expect(Self.mode(path) == 0o600)
                #expect(Self.mode(path + ".lock") == 0o600)
                #expect(Self.mode(shard) == 0o700)
                #expect(Self.mode(level1) == 0o700)
                var st = stat()
                #expect(lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG)
            }
            #expect(try await store.count() == 20)
            #expect(Set(try await store.keys(limit: 100)) == Set(keys))
        }
    }

    @Test func fileFormatIsTheDocumentedOne() async throws {
        try await Self.withStore { (store, dir) async throws in
            let key = Self.newKey()
            let record = SessionRecord(
                data: ["a": 1], createdAt: 10, lastAccessAt: 20, absoluteDeadline: 30, idleTimeoutOverride: nil,
                expiresAt: Self.t0 + 10, version: 7)
            #expect(try await store.create(key, record: record))
            let path = Self.dataPath(dir, key)
            var bytes = try Self.bytes(path)
            let json = Array(#"{"a":1}"#.utf8)
            // Two slots of 512 bytes; the record in slot 0, slot 1 zeros.
            #expect(bytes.count == 1_024)
            func int(_ offset: Int, _ size: Int) -> UInt64 {
                (0..<size).reduce(UInt64(0)) { $0 | UInt64(bytes[offset + $1]) << (8 * UInt64($1)) }
            }
            func expectImage(at base: Int, version: UInt64, lastAccess: UInt64, data: [UInt8]) {
                #expect(Array(bytes[base..<base + 4]) == Array("SKS1".utf8))
                #expect(int(base + 4, 2) == 3)  // format version
                #expect(int(base + 6, 2) == 1)  // flags: deadline only; slot size 512 << 0
                #expect(int(base + 8, 8) == UInt64(Self.t0 + 10))
                #expect(int(base + 16, 8) == 10)
                #expect(int(base + 24, 8) == lastAccess)
                #expect(int(base + 32, 8) == 30)
                #expect(int(base + 40, 8) == 0)
                #expect(int(base + 48, 8) == version)
                #expect(int(base + 56, 4) == UInt64(data.count))
                #expect(Array(bytes[(base + 64)..<(base + 64 + data.count)]) == data)
                let headerCRC = bytes.withUnsafeBytes {
                    UInt64(CRC32.checksum(UnsafeRawBufferPointer(rebasing: $0[base..<(base + 60)])))
                }
                #expect(headerCRC == int(base + 60, 4))
                let macStart = base + 64 + data.count
                #expect(Array(bytes[macStart..<macStart + 16]) == Self.documentedMAC(key: key, image: bytes[base..<macStart]))
                let end = macStart + 16
                #expect(bytes.withUnsafeBytes { UInt64(CRC32.checksum(UnsafeRawBufferPointer(rebasing: $0[base..<end]))) } == int(end, 4))
            }
            expectImage(at: 0, version: 7, lastAccess: 20, data: json)
            #expect(bytes[512...].allSatisfy { $0 == 0 })

            // A save writes the other slot in place (same file), keeping the previous record.
            var before = stat()
            #expect(lstat(path, &before) == 0)
            let changes = SessionChangeSet(changes: [], now: 25, expiresAt: Self.t0 + 10)
            #expect(try await store.apply(changes, to: key)?.version == 8)
            bytes = try Self.bytes(path)
            #expect(bytes.count == 1_024)
            expectImage(at: 0, version: 7, lastAccess: 20, data: json)
            expectImage(at: 512, version: 8, lastAccess: 25, data: json)
            #expect(try await store.apply(changes, to: key)?.version == 9)
            bytes = try Self.bytes(path)
            expectImage(at: 0, version: 9, lastAccess: 25, data: json)
            expectImage(at: 512, version: 8, lastAccess: 25, data: json)
            var after = stat()
            #expect(lstat(path, &after) == 0)
            #expect(after.st_ino == before.st_ino)
        }
    }

    /// Files of the unreleased format versions 1 and 2 (no MAC) are never read: absent, removed.
    @Test func olderFormatVersionsReadAsAbsent() async throws {
        try await Self.withStore { (store, dir) async throws in
            let key = Self.newKey()
            #expect(try await store.create(key, record: Self.record()))
            let current = try Self.bytes(Self.dataPath(dir, key))
            for version: UInt8 in [1, 2] {
                var old = current
                old[4] = version
                let crc = old.withUnsafeBytes { CRC32.checksum(UnsafeRawBufferPointer(rebasing: $0[0..<60])) }
                for i in 0..<4 { old[60 + i] = UInt8(truncatingIfNeeded: crc >> (8 * UInt32(i))) }
                try await Self.expectDropped(old, store: store, dir: dir, key: key)
            }
        }
    }

    /// A save killed after writing any part of its slot (or a reader reading while it writes)
    /// finds the previous record, whole; once the slot is written, the new one.
    @Test func aHalfWrittenSlotLeavesThePreviousRecord() async throws {
        try await Self.withStore(durability: .noSync) { (store, dir) async throws in
            let key = Self.newKey()
            #expect(try await store.create(key, record: Self.record(["n": 0])))
            let first = try #require(
                try await store.apply(StoreConformanceTests.changes([("n", 1)], at: Self.t0), to: key))
            let path = Self.dataPath(dir, key)
            let before = try Self.bytes(path)  // slot 0: version 1, slot 1: version 2 (current)
            var next = first
            next.data["n"] = 2
            next.data["more"] = "some more data, so that the new image is longer than the old one"
            next.version += 1
            let image = Self.image(next, for: key, slotSize: before.count / 2)
            for length in stride(from: 0, to: image.count, by: 7) {
                var torn = before
                torn.replaceSubrange(0..<length, with: image[0..<length])
                try Self.write(torn, to: path)
                #expect(try await store.load(key, now: Self.t0) == first, "\(length) bytes written")
            }
            var whole = before
            whole.replaceSubrange(0..<image.count, with: image)
            try Self.write(whole, to: path)
            #expect(try await store.load(key, now: Self.t0) == next)
            // Both slots damaged: nothing to fall back on.
            whole[70] ^= 1
            whole[512 + 70] ^= 1
            try await Self.expectDropped(whole, store: store, dir: dir, key: key)
        }
    }

    /// A load that finds no whole record while a save holds the session's lock (a torn read)
    /// waits for the lock and reads again: the record the save leaves, not "absent".
    @Test(.timeLimit(.minutes(1))) func aLoadThatFindsNoWholeRecordWaitsForTheSaveInProgress() async throws {
        try await Self.withStore(durability: .noSync) { (store, dir) async throws in
            let key = Self.newKey()
            let record = Self.record(["n": 0])
            #expect(try await store.create(key, record: record))
            let path = Self.dataPath(dir, key)
            let good = try Self.bytes(path)
            // A "saving process": holds the lock while the only image is half-written.
            var lock = try Self.holdLock(of: key, in: store)
            #expect(lock != nil)
            var torn = good
            torn[70] ^= 1
            try Self.write(torn, to: path)
            let loading = Task { try await store.load(key, now: Self.t0) }
            try await Task.sleep(for: .milliseconds(300))
            try Self.write(good, to: path)
            lock = nil  // the save is done
            #expect(try await loading.value == record)
            #expect(Self.exists(path))
        }
    }

    /// On tmpfs, and without fdatasync, a save runs on the caller's thread unless another
    /// process holds the session's lock: then it waits for the lock (on an I/O thread) and
    /// applies its change afterwards, on top of what that process wrote. Run with fdatasync on
    /// the temp folder too (the I/O thread path).
    @Test(.timeLimit(.minutes(1))) func aSaveWhileAnotherProcessHoldsTheLockWaitsAndMerges() async throws {
        for (inMemory, sync) in [(true, true), (false, true), (false, false)]
        where !inMemory || TestFolders.inMemoryRoot != nil {
            let dir = TestFolders.fresh(inMemory: inMemory)
            defer { TestFolders.remove(dir) }
            let store = try DirectorySessionStore(directory: dir, durability: sync ? .syncEachSave : .noSync, keys: TestFolders.keys)
            #expect(store.inMemoryFileSystem == (inMemory || TestFolders.mountType(of: dir) == "tmpfs"))
            let key = Self.newKey()
            #expect(try await store.create(key, record: Self.record(["n": 0])))
            var lock = try Self.holdLock(of: key, in: store)
            #expect(lock != nil)
            let saving = Task {
                try await store.apply(StoreConformanceTests.changes([("a", 1)], at: Self.t0 + 1), to: key)
            }
            try await Task.sleep(for: .milliseconds(300))
            // The "other process" saves while it holds the lock.
            var other = Self.record(["n": 1])
            other.lastAccessAt = Self.t0 + 1
            try Self.write(SessionRecordFile.file(Self.image(other, for: key)), to: Self.dataPath(dir, key))
            lock = nil
            let saved = try await saving.value
            #expect(saved?.data == ["n": 1, "a": 1], "inMemory: \(inMemory), sync: \(sync)")
            #expect(try await store.load(key, now: Self.t0 + 2)?.data == ["n": 1, "a": 1])
        }
    }

    /// Without fdatasync a save runs on the caller's thread only while the session file is in
    /// the page cache; a file the kernel dropped from it is read and saved on an I/O thread,
    /// and the change still lands on what the file held.
    @Test func aSaveWithoutSyncOfAnUncachedFileStillMerges() async throws {
        try await Self.withStore(durability: .noSync) { (store, dir) async throws in
            #expect(!store.inMemoryFileSystem || TestFolders.mountType(of: dir) == "tmpfs")
            for round: SessionValue in [0, 1, 2] {
                let key = Self.newKey()
                #expect(try await store.create(key, record: Self.record(["n": round])))
                let path = Self.dataPath(dir, key)
                let fd = open(path, O_RDONLY)
                #expect(fd >= 0)
                fsync(fd)  // clean pages, which DONTNEED can drop
                #expect(posix_fadvise(fd, 0, 0, Int32(POSIX_FADV_DONTNEED)) == 0)
                close(fd)
                let saved = try await store.apply(StoreConformanceTests.changes([("a", 1)], at: Self.t0 + 1), to: key)
                #expect(saved?.data == ["n": round, "a": 1])
                // Dropped again: the load's kept descriptor would wait, so the pool reads it.
                let again = open(path, O_RDONLY)
                #expect(again >= 0)
                fsync(again)
                #expect(posix_fadvise(again, 0, 0, Int32(POSIX_FADV_DONTNEED)) == 0)
                close(again)
                #expect(try await store.load(key, now: Self.t0 + 2)?.data == ["n": round, "a": 1])
            }
        }
    }

    @Test func aRecordThatOutgrowsItsSlotsGetsANewFileAndAShrunkOneASmallerFile() async throws {
        try await Self.withStore { (store, dir) async throws in
            let key = Self.newKey()
            let path = Self.dataPath(dir, key)
            #expect(try await store.create(key, record: Self.record(["n": 0])))
            #expect(try Self.bytes(path).count == 1_024)
            let big = String(repeating: "x", count: 20_000)
            let grown = try #require(
                try await store.apply(StoreConformanceTests.changes([("big", .string(big))], at: Self.t0), to: key))
            #expect(try Self.bytes(path).count == 2 * 32_768)  // 20 KB and a quarter: 32 KB slots
            #expect(try await store.load(key, now: Self.t0) == grown)
            // Still fits: in place.
            let small = try #require(
                try await store.apply(StoreConformanceTests.changes([("big", "y")], at: Self.t0), to: key))
            // Under an eighth of a slot over 4 KB: a new, smaller file.
            #expect(try Self.bytes(path).count == 1_024)
            #expect(try await store.load(key, now: Self.t0) == small)
            let shard = (path as NSString).deletingLastPathComponent
            #expect(Set(try FileManager.default.contentsOfDirectory(atPath: shard)) == [key.hex, key.hex + ".lock"])
        }
    }

    /// Readers in one store while another store (as another process would) saves the same
    /// session in place over and over: every read finds the session, never an older record
    /// than one it already saw.
    @Test(.timeLimit(.minutes(1))) func readersNeverMissARecordBeingRewritten() async throws {
        try await Self.withStore(durability: .noSync) { (writer, dir) async throws in
            let reader = try DirectorySessionStore(directory: dir, durability: .noSync, keys: TestFolders.keys)
            let key = Self.newKey()
            #expect(try await writer.create(key, record: Self.record(["n": 0])))
            // Records of 5-8 KB: a slot spans pages, so a read can overlap a write. Kept small
            // enough not to crowd the other suites running beside it on two cores.
            let rounds = 300
            let writerDone = DoneFlag()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    defer { writerDone.set() }
                    for i in 1...rounds {
                        let value = SessionValue.string(String(repeating: "v", count: 5_000 + i % 3_000))
                        let saved = try await writer.apply(
                            StoreConformanceTests.changes([("n", .int(SessionInteger(i))), ("pad", value)], at: Self.t0), to: key)
                        try #require(saved != nil, "save \(i) found no record")
                    }
                }
                for _ in 0..<2 {
                    group.addTask {
                        var seen: UInt64 = 0
                        while seen < UInt64(rounds) + 1 {
                            // Once the writer is done, one more read must see its last record
                            // (and the loop ends even if a save went wrong).
                            let finished = writerDone.isSet
                            let record = try #require(try await reader.load(key, now: Self.t0))
                            #expect(record.version >= seen)
                            seen = record.version
                            if finished { break }
                            // A load from the page cache never suspends: give the thread up (the
                            // cooperative pool may have no more threads than readers).
                            try await Task.sleep(for: .microseconds(200))
                        }
                        #expect(seen == UInt64(rounds) + 1)
                    }
                }
                try await group.waitForAll()
            }
        }
    }

    @Test func crc32MatchesZlib() {
        let check = Array("123456789".utf8)
        #expect(check.withUnsafeBytes { CRC32.checksum($0) } == 0xCBF4_3926)
        #expect([UInt8]().withUnsafeBytes { CRC32.checksum($0) } == 0)
        let long = (0..<1_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        // zlib's crc32 against the bytewise definition.
        var crc: UInt32 = 0xFFFF_FFFF
        for b in long {
            crc ^= UInt32(b)
            for _ in 0..<8 { crc = crc & 1 != 0 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        }
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 999, 1_000] {
            var c: UInt32 = 0xFFFF_FFFF
            for b in long[0..<length] {
                c ^= UInt32(b)
                for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
            }
            #expect(long.withUnsafeBytes { CRC32.checksum(UnsafeRawBufferPointer(rebasing: $0[0..<length])) } == ~c)
        }
        _ = crc
    }

    @Test func defaultDirectoryIsInTheTemporaryFolder() {
        let expected = (ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp")
        var base = expected
        while base.count > 1, base.hasSuffix("/") { base.removeLast() }
        #expect(DirectorySessionStore.defaultDirectory == (base == "/" ? "" : base) + "/sessionkit-sessions-\(geteuid())")
    }

    // MARK: Opening the folder

    @Test func tightensALooseExistingFolder() throws {
        let dir = TestFolders.fresh()
        defer { TestFolders.remove(dir) }
        #expect(mkdir(dir, 0o755) == 0)
        #expect(chmod(dir, 0o755) == 0)
        _ = try DirectorySessionStore(directory: dir, keys: TestFolders.keys)
        #expect(Self.mode(dir) == 0o700)
    }

    @Test func createsMissingParents() throws {
        let dir = TestFolders.fresh() + "/a/b"
        defer { TestFolders.remove(dir) }
        _ = try DirectorySessionStore(directory: dir, keys: TestFolders.keys)
        #expect(Self.mode(dir) == 0o700)
    }

    @Test func refusesAFileOrAFolderOfAnotherUser() throws {
        let file = TestFolders.fresh()
        defer { TestFolders.remove(file) }
        try Self.write([1, 2, 3], to: file)
        #expect {
            _ = try DirectorySessionStore(directory: file, keys: TestFolders.keys)
        } throws: { ($0 as? SessionStoreError)?.kind == .unavailable }
        #expect(try Self.bytes(file) == [1, 2, 3])

        let dir = TestFolders.fresh()
        defer { TestFolders.remove(dir) }
        #expect(mkdir(dir, 0o700) == 0)
        let other: uid_t = geteuid() == 0 ? 65_534 : 0
        guard chown(dir, other, gid_t(other)) == 0 else { return }  // needs root
        #expect {
            _ = try DirectorySessionStore(directory: dir, keys: TestFolders.keys)
        } throws: { error in
            guard let e = error as? SessionStoreError else { return false }
            return e.kind == .unavailable && e.message.contains("owned by uid \(other)")
        }
    }

    // MARK: Expiry

    @Test func expiredRecordIsNilOnLoadAndRemoved() async throws {
        try await Self.withStore { (store, dir) async throws in
            let key = Self.newKey()
            #expect(try await store.create(key, record: Self.record(ttl: 100)))
            let path = Self.dataPath(dir, key)
            #expect(try await store.load(key, now: Self.t0 + 99) != nil)
            #expect(Self.exists(path))
            #expect(try await store.load(key, now: Self.t0 + 100) == nil)
            #expect(!Self.exists(path))
            #expect(!Self.exists(path + ".lock"))
            #expect(try await store.count() == 0)
        }
    }

    @Test func createReplacesAnExpiredRecord() async throws {
        try await Self.withStore { (store, _) async throws in
            let key = Self.newKey()
            #expect(try await store.create(key, record: Self.record(ttl: 10)))
            #expect(try await store.create(key, record: Self.record(["n": 1], at: Self.t0 + 9)) == false)
            let fresh = Self.record(["n": 2], at: Self.t0 + 10)
            #expect(try await store.create(key, record: fresh))
            #expect(try await store.load(key, now: Self.t0 + 10) == fresh)
        }
    }

    // MARK: Damaged files

    /// Loads `bytes` as the file of a fresh key: must be nil and the file gone, never a crash.
    static func expectDropped(
        _ bytes: [UInt8], store: DirectorySessionStore, dir: String, key: SessionStorageKey,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let path = dataPath(dir, key)
        try write(bytes, to: path)
        let loaded = try await store.load(key, now: t0)
        #expect(loaded == nil, "\(bytes.count) bytes", sourceLocation: sourceLocation)
        #expect(!exists(path), "\(bytes.count) bytes not removed", sourceLocation: sourceLocation)
    }

    /// A FIFO planted where a session file belongs must not block a load (opening a FIFO for
    /// reading waits for a writer unless O_NONBLOCK): it reads as absent.
    @Test(.timeLimit(.minutes(1))) func aFIFOAtASessionPathIsAbsentAndNeverBlocks() async throws {
        try await Self.withStore(durability: .noSync) { (store, dir) async throws in
            let key = Self.newKey()
            #expect(try await store.create(key, record: Self.record()))
            let path = Self.dataPath(dir, key)
            #expect(unlink(path) == 0)
            #expect(mkfifo(path, 0o600) == 0)
            #expect(try await store.load(key, now: Self.t0) == nil)
        }
    }

    /// Files up to 4 KB are read in one read without `fstat`, bigger ones sized first: records
    /// on both sides of that line (and on it) load whole, from the page cache and from the I/O
    /// threads alike.
    @Test func recordsOnEitherSideOfTheSingleReadSizeLoadWhole() async throws {
        try await Self.withStore(durability: .noSync) { (store, dir) async throws in
            var sizes = Set<Int>()
            for length in [10, 400, 900, 1_500, 1_900, 1_950, 2_000, 3_000, 3_950, 4_100, 9_000] {
                let key = Self.newKey()
                let record = Self.record(["blob": .string(String(repeating: "b", count: length))])
                #expect(try await store.create(key, record: record))
                let size = try Self.bytes(Self.dataPath(dir, key)).count
                sizes.insert(size)
                #expect(try await store.load(key, now: Self.t0) == record, "\(length) B, file \(size) B")
                // The I/O threads' read (as after a page-cache miss).
                let paths = SessionPaths(key)
                let uncached = try store.readFile(paths.data, display: paths.display, operation: "test")
                #expect(uncached.map { Array($0) } == (try Self.bytes(Self.dataPath(dir, key))))
            }
            #expect(sizes.contains(4096) && sizes.contains(8192) && sizes.contains { $0 < 4096 } && sizes.contains { $0 > 8192 },
                "\(sizes.sorted())")
        }
    }

    @Test(.seeded) func garbageIsAbsentAndRemoved() async throws {
        try await Self.withStore(durability: .noSync) { (store, dir) async throws in
            let key = Self.newKey()
            #expect(try await store.create(key, record: Self.record()))
            var rng = TestSeed.generator()
            for length in [0, 1, 3, 4, 63, 64, 65, 100, 5_000, 70_000] {
                let garbage = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
                try await Self.expectDropped(garbage, store: store, dir: dir, key: key)
            }
            // "SKS1" followed by garbage, and a JSON file from some other tool.
            try await Self.expectDropped(Array("SKS1".utf8) + [UInt8](repeating: 0xAB, count: 200), store: store, dir: dir, key: key)
            try await Self.expectDropped(Array(#"{"user":"alice"}"#.utf8), store: store, dir: dir, key: key)
        }
    }

    @Test func truncatedAtEveryLengthIsAbsentAndRemoved() async throws {
        try await Self.withStore(durability: .noSync) { (store, dir) async throws in
            let key = Self.newKey()
            #expect(try await store.create(key, record: Self.record(StoreConformanceTests.everyKind)))
            let full = try Self.bytes(Self.dataPath(dir, key))
            let imageSize = 64 + Int(full[56]) + Int(full[57]) << 8 + 20
            let slot = SessionRecordFile.slotSize(forImage: imageSize)
            #expect(imageSize > 500 && full.count == 2 * slot)
            // Every length through the record's image, then the rest of the slots in steps (each
            // length costs a file write and a locked re-read: all of them kept a test thread busy
            // for a minute under the full suite).
            let lengths = Array(0..<(imageSize + 8)) + Array(stride(from: imageSize + 8, to: full.count, by: 37))
                + [slot - 1, slot, slot + 1, full.count - 1]
            for length in lengths {
                try await Self.expectDropped(Array(full[0..<length]), store: store, dir: dir, key: key)
            }
            // And a byte too many.
            try await Self.expectDropped(full + [0], store: store, dir: dir, key: key)
            // The intact file still reads.
            try Self.write(full, to: Self.dataPath(dir, key))
            #expect(try await store.load(key, now: Self.t0)?.data == StoreConformanceTests.everyKind)
        }
    }

    @Test func anyFlippedByteIsDetected() async throws {
        try await Self.withStore(durability: .noSync) { (store, dir) async throws in
            let key = Self.newKey()
            #expect(try await store.create(key, record: Self.record(["user": "alice", "n": [1, 2, 3]])))
            let full = try Self.bytes(Self.dataPath(dir, key))
            let imageSize = 64 + Int(full[56]) + Int(full[57]) << 8 + 20
            #expect(full.count == 1_024 && imageSize < 200)
            for index in 0..<imageSize {
                for flip: UInt8 in [0x01, 0x80] {
                    var damaged = full
                    damaged[index] ^= flip
                    try await Self.expectDropped(damaged, store: store, dir: dir, key: key)
                }
            }
            // The rest of the file is the empty slot and padding, which no reader trusts.
            for index in [imageSize, 511, 512, 600, 1_023] {
                var changed = full
                changed[index] ^= 0x80
                try Self.write(changed, to: Self.dataPath(dir, key))
                #expect(try await store.load(key, now: Self.t0)?.data == ["user": "alice", "n": [1, 2, 3]])
            }
        }
    }

    /// A file with a valid header and checksums whose payload is not a session object.
    static func sealedFile(payload: [UInt8], key: SessionStorageKey, expiresAt: Int64 = t0 + 100) -> [UInt8] {
        var image = SessionRecordFile.unsealed(record([:]))!
        image.removeSubrange(64...)
        image.append(contentsOf: payload)
        image.append(contentsOf: [UInt8](repeating: 0, count: 20))
        SessionRecordFile.seal(
            &image, slotSize: SessionRecordFile.slotSize(forImage: image.count), key: key, authenticator: auth)
        return SessionRecordFile.file(image)
    }

    @Test func undecodablePayloadIsAbsentAndRemoved() async throws {
        try await Self.withStore(durability: .noSync) { (store, dir) async throws in
            let key = Self.newKey()
            #expect(try await store.create(key, record: Self.record()))
            // Sanity: the helper builds a valid file.
            try Self.write(Self.sealedFile(payload: Array(#"{"ok":true}"#.utf8), key: key), to: Self.dataPath(dir, key))
            #expect(try await store.load(key, now: Self.t0)?.data == ["ok": true])
            for payload in [#"{"a":"#, "[1,2]", "42", #"{" b":"!!"}"#, "", "\u{FF}"] {
                try await Self.expectDropped(
                    Self.sealedFile(payload: Array(payload.utf8), key: key), store: store, dir: dir, key: key)
            }
        }
    }

    @Test func newerFormatVersionThrowsAndIsKept() async throws {
        try await Self.withStore(durability: .noSync) { (store, dir) async throws in
            let key = Self.newKey()
            #expect(try await store.create(key, record: Self.record()))
            let path = Self.dataPath(dir, key)
            var bytes = try Self.bytes(path)
            // Version 4 with a good header checksum: a newer SessionKit's file.
            bytes[4] = 4
            let crc = bytes.withUnsafeBytes { CRC32.checksum(UnsafeRawBufferPointer(rebasing: $0[0..<60])) }
            for i in 0..<4 { bytes[60 + i] = UInt8(truncatingIfNeeded: crc >> (8 * UInt32(i))) }
            try Self.write(bytes, to: path)
            await #expect {
                _ = try await store.load(key, now: Self.t0)
            } throws: { ($0 as? SessionStoreError)?.kind == .unavailable }
            #expect(try await store.sweep(now: Self.t0 + 10_000, limit: 10) == 0)
            #expect(try Self.bytes(path) == bytes)
        }
    }

    @Test func leftoverTemporaryFileIsNeverASession() async throws {
        try await Self.withStore { (store, dir) async throws in
            let key = Self.newKey()
            let other = Self.newKey()
            #expect(try await store.create(other, record: Self.record()))
            // A writer killed after writing its temporary file (complete or not) and before the rename.
            let good = Self.image(Self.record(), for: key)
            let shard = (Self.dataPath(dir, key) as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: shard, withIntermediateDirectories: true)
            try Self.write(good, to: "\(shard)/.\(key.hex).0123456789abcdef.tmp")
            try Self.write(Array(good.prefix(30)), to: "\(shard)/.\(key.hex).fedcba9876543210.tmp")
            #expect(try await store.load(key, now: Self.t0) == nil)
            #expect(try await store.apply(StoreConformanceTests.changes([("a", 1)], at: Self.t0), to: key) == nil)
            #expect(try await store.count() == 1)
            #expect(try await store.keys(limit: 10) == [other])
            // Creating the session works beside them.
            #expect(try await store.create(key, record: Self.record(["new": true])))
            #expect(try await store.load(key, now: Self.t0)?.data == ["new": true])
        }
    }

    // MARK: Keys and paths

    @Test func onlySixtyFourLowercaseHexKeysExist() {
        let valid = String(repeating: "0123456789abcdef", count: 4)
        #expect(SessionStorageKey(hex: valid) != nil)
        let drop1 = String(valid.dropLast())
        let bads: [String] = [
            "", "../../etc/passwd", drop1, valid + "0", valid.uppercased(),
            drop1 + "g", String(valid.dropLast(3)) + "/..", "/" + String(valid.dropFirst()),
            drop1 + "\0", String(valid.dropLast(2)) + "é", "..", ".", "ab/cd",
            String(repeating: ".", count: 64), String(repeating: "/", count: 64),
        ]
        for bad in bads {
            #expect(SessionStorageKey(hex: bad) == nil, "\(bad.debugDescription)")
        }
        let key = SessionStorageKey(hex: valid)!
        let paths = SessionPaths(key)
        #expect(paths.level1 == "01" && paths.shard == "01/23" && paths.key == valid)
        #expect(paths.data == "01/23/" + valid)
        #expect(paths.lock == "01/23/" + valid + ".lock")
        #expect(paths.display == "01/23/01234567…")
    }

    @Test func nothingOutsideTheFolderIsTouched() async throws {
        let dir = TestFolders.fresh()
        let parent = (dir as NSString).deletingLastPathComponent
        defer { TestFolders.remove(parent) }
        let sentinel = parent + "/sentinel"
        try Self.write(Array("do not touch".utf8), to: sentinel)
        #expect(utimensat(AT_FDCWD, sentinel, [timespec(tv_sec: 1_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000, tv_nsec: 0)], 0) == 0)
        let before = try FileManager.default.attributesOfItem(atPath: sentinel)

        let store = try DirectorySessionStore(directory: dir, keys: TestFolders.keys)
        // Keys that look like traversal are not keys at all.
        #expect(SessionStorageKey(hex: "../sentinel") == nil)
        #expect(SessionStorageKey(hex: String(repeating: "../", count: 21) + "s") == nil)
        var keys = (0..<50).map { _ in Self.newKey() }
        keys.append(SessionStorageKey(hex: String(repeating: "0", count: 64))!)
        keys.append(SessionStorageKey(hex: String(repeating: "f", count: 64))!)
        for (i, key) in keys.enumerated() {
            #expect(try await store.create(key, record: Self.record(ttl: Int64(i % 3 == 0 ? 10 : 1_000))))
            _ = try await store.apply(StoreConformanceTests.changes([("i", .int(i))], at: Self.t0), to: key)
            _ = try await store.load(key, now: Self.t0 + 20)
            if i % 5 == 0 { try await store.delete(key) }
        }
        _ = try await store.sweep(now: Self.t0 + 20, limit: 1_000)
        _ = try await store.count()
        _ = try await store.keys(limit: 1_000)

        #expect(try FileManager.default.contentsOfDirectory(atPath: parent).sorted() == ["sentinel", "store"])
        #expect(try Self.bytes(sentinel) == Array("do not touch".utf8))
        let after = try FileManager.default.attributesOfItem(atPath: sentinel)
        #expect(before[.modificationDate] as? Date == after[.modificationDate] as? Date)
        #expect(before[.posixPermissions] as? Int == after[.posixPermissions] as? Int)
        #expect(before[.systemFileNumber] as? Int == after[.systemFileNumber] as? Int)
        // Everything inside the store is our layout.
        let all = try FileManager.default.subpathsOfDirectory(atPath: dir)
        for path in all {
            let parts = path.split(separator: "/").map(String.init)
            let shardsOK = parts.count <= 3 && parts.prefix(2).allSatisfy { $0.count == 2 }
            #expect(shardsOK, "\(path)")
            if parts.count == 3 {
                let name = parts[2]
                let nameOK = name.count == 64 || (name.count == 69 && name.hasSuffix(".lock"))
                #expect(nameOK, "\(path)")
                let prefix = parts[0] + parts[1]
                #expect(name.hasPrefix(prefix), "\(path)")
            }
        }
    }

    // MARK: Failures

    /// A file in a shard folder's place, or a non-empty folder in a session file's place, is
    /// not the store's: removed (logged), and the session works (today: a permanent failure).
    @Test func entriesInTheWayAreRemovedAndTheSessionWorks() async throws {
        try await Self.withStore { (store, dir) async throws in
            let key = Self.newKey()
            let path = Self.dataPath(dir, key)
            let shard = (path as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(
                atPath: (shard as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Self.write([0], to: shard)  // the shard folder is a regular file
            #expect(try await store.load(key, now: Self.t0) == nil)
            #expect(try await store.create(key, record: Self.record()))
            #expect(try await store.load(key, now: Self.t0) == Self.record())

            let record = Self.record(["n": 1])
            #expect(unlink(path) == 0)
            #expect(mkdir(path, 0o700) == 0)
            try Self.write([1], to: path + "/x")
            #expect(try await store.load(key, now: Self.t0) == nil)
            #expect(try await store.create(key, record: record))
            #expect(try await store.load(key, now: Self.t0) == record)
            #expect(try FileManager.default.contentsOfDirectory(atPath: shard).filter { $0.hasSuffix(".tmp") }.isEmpty)
            Self.expectNoStrayLocks(dir)
        }
    }

    /// Every lock file in the tree has its session file beside it.
    static func expectNoStrayLocks(_ dir: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let all = (try? FileManager.default.subpathsOfDirectory(atPath: dir)) ?? []
        for path in all where path.hasSuffix(".lock") {
            #expect(exists(dir + "/" + path.dropLast(5)), "stray lock file \(path)", sourceLocation: sourceLocation)
        }
    }

    // MARK: Sweep

    @Test(.seeded) func sweepRemovesOnlyExpiredAndResumesAcrossCalls() async throws {
        // A small examine bound: without the cursor, calls would keep re-reading the same files.
        try await Self.withStore(durability: .noSync, sweepExamineLimit: 150) { (store, dir) async throws in
            var rng = TestSeed.generator()
            var expired = Set<SessionStorageKey>()
            var live = Set<SessionStorageKey>()
            for _ in 0..<2_000 {
                let key = Self.newKey()
                let dies = Int.random(in: 0..<4, using: &rng) == 0
                #expect(try await store.create(key, record: Self.record(ttl: dies ? 50 : 500)))
                if dies { expired.insert(key) } else { live.insert(key) }
            }
            #expect(try await store.count() == 2_000)
            var removed = 0
            var calls = 0
            while removed < expired.count && calls < 100 {
                let n = try await store.sweep(now: Self.t0 + 100, limit: 100)
                #expect(n <= 100)
                removed += n
                calls += 1
            }
            #expect(removed == expired.count)
            // One pass of 2,000 files at 150 per call is 14 calls.
            #expect(calls <= 16)
            #expect(try await store.sweep(now: Self.t0 + 100, limit: 100) == 0)
            #expect(try await store.count() == live.count)
            #expect(Set(try await store.keys(limit: 10_000)) == live)
            for key in live.prefix(50) { #expect(try await store.load(key, now: Self.t0 + 100) != nil) }
            _ = dir
        }
    }

    @Test func sweepWithTheDefaultBoundsCoversTheTree() async throws {
        try await Self.withStore(durability: .noSync) { (store, _) async throws in
            var expired = 0
            for i in 0..<2_000 {
                #expect(try await store.create(Self.newKey(), record: Self.record(ttl: i % 7 == 0 ? 50 : 500)))
                if i % 7 == 0 { expired += 1 }
            }
            var removed = 0
            for _ in 0..<20 {
                let n = try await store.sweep(now: Self.t0 + 100, limit: 100)
                #expect(n <= 100)
                removed += n
            }
            #expect(removed == expired)
            #expect(try await store.count() == 2_000 - expired)
        }
    }

    @Test func sweepRemovesStaleTemporaryAndOrphanLockFiles() async throws {
        try await Self.withStore { (store, dir) async throws in
            let key = Self.newKey()
            #expect(try await store.create(key, record: Self.record()))
            let shard = (Self.dataPath(dir, key) as NSString).deletingLastPathComponent
            let stale = "\(shard)/.\(key.hex).00000000000000aa.tmp"
            let fresh = "\(shard)/.\(key.hex).00000000000000bb.tmp"
            try Self.write([1, 2, 3], to: stale)
            try Self.write([1, 2, 3], to: fresh)
            let old = time(nil) - 7_200
            #expect(utimensat(AT_FDCWD, stale, [timespec(tv_sec: old, tv_nsec: 0), timespec(tv_sec: old, tv_nsec: 0)], 0) == 0)
            // A lock file whose session is gone (a writer killed between lock and write).
            let orphan = Self.newKey()
            let orphanShard = (Self.dataPath(dir, orphan) as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: orphanShard, withIntermediateDirectories: true)
            try Self.write([], to: Self.dataPath(dir, orphan) + ".lock")
            // Not ours: left alone.
            try Self.write([9], to: "\(shard)/README")

            #expect(try await store.sweep(now: Self.t0, limit: 10) == 0)
            #expect(!Self.exists(stale))
            #expect(Self.exists(fresh))
            #expect(!Self.exists(Self.dataPath(dir, orphan) + ".lock"))
            #expect(Self.exists("\(shard)/README"))
            #expect(Self.exists(Self.dataPath(dir, key) + ".lock"))
            #expect(try await store.load(key, now: Self.t0) != nil)
        }
    }

    @Test func sweepRemovesFilesWithADamagedHeader() async throws {
        try await Self.withStore { (store, dir) async throws in
            let key = Self.newKey()
            #expect(try await store.create(key, record: Self.record()))
            try Self.write(Array("garbage".utf8), to: Self.dataPath(dir, key))
            _ = try await store.sweep(now: Self.t0, limit: 10)
            #expect(!Self.exists(Self.dataPath(dir, key)))
        }
    }

    /// The sweep judges a session by its current slot: a damaged older slot (a save cut short)
    /// leaves a live session alone; an expired current slot makes it dead even beside a live-
    /// looking older one.
    @Test func sweepJudgesTheCurrentSlot() async throws {
        try await Self.withStore { (store, dir) async throws in
            let key = Self.newKey()
            let path = Self.dataPath(dir, key)
            #expect(try await store.create(key, record: Self.record(ttl: 3_600)))
            let saved = try #require(
                try await store.apply(StoreConformanceTests.changes([("n", 1)], at: Self.t0, ttl: 60), to: key))
            var bytes = try Self.bytes(path)  // slot 0: expires at t0 + 3,600; slot 1 (current): t0 + 60
            bytes[70] ^= 1  // damage the older slot 0
            try Self.write(bytes, to: path)
            #expect(try await store.sweep(now: Self.t0 + 10, limit: 10) == 0)
            #expect(try await store.load(key, now: Self.t0 + 10) == saved)
            bytes[70] ^= 1  // slot 0 whole again, still not current
            try Self.write(bytes, to: path)
            #expect(try await store.sweep(now: Self.t0 + 100, limit: 10) == 1)
            #expect(!Self.exists(path))
        }
    }

    @Test func sweepSkipsARecordRefreshedMeanwhile() async throws {
        try await Self.withStore { (store, _) async throws in
            let key = Self.newKey()
            #expect(try await store.create(key, record: Self.record(ttl: 10)))
            // Refreshed before the sweep reads it: the header now says live.
            #expect(try await store.apply(StoreConformanceTests.changes([], at: Self.t0 + 5, ttl: 100), to: key) != nil)
            #expect(try await store.sweep(now: Self.t0 + 20, limit: 10) == 0)
            #expect(try await store.load(key, now: Self.t0 + 20) != nil)
        }
    }

    @Test func periodicSweepRunsUntilCancelled() async throws {
        try await Self.withStore(durability: .noSync) { (store, _) async throws in
            for n in 0..<20 {
                #expect(try await store.create(Self.newKey(), record: Self.record(ttl: n < 15 ? 10 : 100)))
            }
            let sweeper = SessionSweeper(store, every: .milliseconds(5), batch: 4, clock: .fixed(Double(Self.t0 + 50)))
            let task = Task { try await sweeper.run() }
            var count = try await store.count()
            for _ in 0..<1_000 where count != 5 {
                try await Task.sleep(for: .milliseconds(5))
                count = try await store.count()
            }
            #expect(count == 5)
            task.cancel()
            try await task.value
        }
    }

    @Test func periodicSweepEndsWithTheStore() async throws {
        let dir = TestFolders.fresh()
        defer { TestFolders.remove(dir) }
        var store: DirectorySessionStore? = try DirectorySessionStore(directory: dir, keys: TestFolders.keys)
        weak let weakStore = store
        let sweeper = SessionSweeper(store!, every: .milliseconds(1), batch: 10)
        let task = Task { try await sweeper.run() }
        store = nil
        try await task.value
        #expect(weakStore == nil)
    }

    // MARK: Concurrency

    @Test func twoStoresOnOneFolderShareRecordsAndLoseNothing() async throws {
        let dir = TestFolders.fresh()
        defer { TestFolders.remove(dir) }
        let a = try DirectorySessionStore(directory: dir, keys: TestFolders.keys)
        let b = try DirectorySessionStore(directory: dir, keys: TestFolders.keys)
        let key = Self.newKey()
        #expect(try await a.create(key, record: Self.record(["shared": "yes"])))
        #expect(try await b.load(key, now: Self.t0)?.data == ["shared": "yes"])
        #expect(try await b.create(key, record: Self.record()) == false)

        let tasks = 32
        let rounds = 20
        let failed = try await withThrowingTaskGroup(of: Int.self) { group in
            for task in 0..<tasks {
                let store = task % 2 == 0 ? a : b
                group.addTask {
                    var failed = 0
                    for round in 0..<rounds {
                        let set = StoreConformanceTests.changes([("k\(task)", .int(task * 1_000 + round))], at: Self.t0 + 1)
                        if try await store.apply(set, to: key) == nil { failed += 1 }
                    }
                    return failed
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(failed == 0)
        for store in [a, b] {
            let final = try #require(try await store.load(key, now: Self.t0 + 1))
            #expect(final.version == UInt64(1 + tasks * rounds))
            #expect(final.data["shared"] == "yes")
            for task in 0..<tasks { #expect(final.data["k\(task)"] == .int(task * 1_000 + rounds - 1)) }
        }
        try await b.delete(key)
        #expect(try await a.load(key, now: Self.t0 + 1) == nil)
        #expect(try await a.count() == 0)
    }

    @Test func deleteRacingWithApplyNeverResurrects() async throws {
        let dir = TestFolders.fresh()
        defer { TestFolders.remove(dir) }
        let a = try DirectorySessionStore(directory: dir, durability: .noSync, keys: TestFolders.keys)
        let b = try DirectorySessionStore(directory: dir, durability: .noSync, keys: TestFolders.keys)
        for _ in 0..<100 {
            let key = Self.newKey()
            #expect(try await a.create(key, record: Self.record()))
            async let applied = a.apply(StoreConformanceTests.changes([("x", 1)], at: Self.t0 + 1), to: key)
            async let removal: Void = b.delete(key)
            async let loaded = b.load(key, now: Self.t0 + 1)
            _ = try await (applied, removal, loaded)
            #expect(try await a.load(key, now: Self.t0 + 1) == nil)
        }
        #expect(try await a.count() == 0)
        // No lock file is left behind either.
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: dir).filter { $0.hasSuffix(".lock") }
        #expect(leftovers.isEmpty)
    }

    @Test(.seeded) func mixedOperationsFromTwoStoresLeaveNoDebris() async throws {
        let dir = TestFolders.fresh()
        defer { TestFolders.remove(dir) }
        let stores = [
            try DirectorySessionStore(directory: dir, durability: .noSync, keys: TestFolders.keys),
            try DirectorySessionStore(directory: dir, durability: .noSync, keys: TestFolders.keys),
        ]
        let keys = (0..<10).map { _ in Self.newKey() }
        let t0 = Self.t0
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<8 {
                let store = stores[worker % 2]
                group.addTask {
                    var rng = TestSeed.generator(stream: UInt64(worker))
                    for step in 0..<300 {
                        let key = keys[Int.random(in: 0..<keys.count, using: &rng)]
                        let now = t0 + Int64(step / 10)
                        switch Int.random(in: 0..<10, using: &rng) {
                        case 0..<3:
                            _ = try await store.create(key, record: Self.record(at: now, ttl: Int64.random(in: 1...40, using: &rng)))
                        case 3..<5: _ = try await store.load(key, now: now)
                        case 5..<8:
                            let set = StoreConformanceTests.changes([("w\(worker)", .int(step))], at: now)
                            if let merged = try await store.apply(set, to: key) {
                                #expect(merged.data["w\(worker)"] == .int(step))
                            }
                        case 8: try await store.delete(key)
                        default: _ = try await store.sweep(now: now, limit: 3)
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        for key in keys { try await stores[0].delete(key) }
        #expect(try await stores[1].count() == 0)
        let files = try FileManager.default.subpathsOfDirectory(atPath: dir).filter { $0.split(separator: "/").count == 3 }
        #expect(files.isEmpty, "\(files)")
    }

    @Test func largeRecordsRoundTripAndTruncationIsCaught() async throws {
        try await Self.withStore(durability: .noSync) { (store, dir) async throws in
            let key = Self.newKey()
            let big = SessionObject(
                (0..<2_000).map { ("key\($0)", SessionValue.string(String(repeating: "v", count: $0 % 300))) },
                uniquingKeysWith: { $1 })
            let record = Self.record(big)
            #expect(try await store.create(key, record: record))
            let path = Self.dataPath(dir, key)
            let full = try Self.bytes(path)
            #expect(full.count > 300_000)
            #expect(try await store.load(key, now: Self.t0) == record)
            let changed = try #require(
                try await store.apply(StoreConformanceTests.changes([("key5", "x")], at: Self.t0), to: key))
            #expect(try await store.load(key, now: Self.t0) == changed)
            for length in [4_095, 4_096, 4_097, 8_192, full.count / 2, full.count - 4, full.count - 1] {
                try await Self.expectDropped(Array(full[0..<length]), store: store, dir: dir, key: key)
            }
            try await Self.expectDropped(full + [UInt8](repeating: 0, count: 5_000), store: store, dir: dir, key: key)
        }
    }

    /// A load's fast path reads a file held in the page cache without the I/O pool; it must
    /// return exactly the bytes the pool's read returns (one read for a small file, several for
    /// a large one) and tell "no file" apart from "would wait".
    @Test func cachedReadsMatchThePoolsReads() async throws {
        try await Self.withStore(durability: .noSync) { (store, dir) async throws in
            let small = Self.newKey()
            let large = Self.newKey()
            #expect(try await store.create(small, record: Self.record(["n": 1])))
            let big = SessionObject(
                (0..<1_000).map { ("key\($0)", SessionValue.string(String(repeating: "v", count: $0 % 200))) },
                uniquingKeysWith: { $1 })
            #expect(try await store.create(large, record: Self.record(big)))
            for key in [small, large] {
                let path = SessionPaths(key).data
                let expected = try Self.bytes(Self.dataPath(dir, key))
                // Just written, so cached: the fast path must succeed, not fall back.
                guard case .bytes(let cached) = store.readFileIfCached(key, path) else {
                    Issue.record("a file just written was not read from the page cache")
                    continue
                }
                #expect(cached == expected)
                #expect(try store.readFile(path, display: "t", operation: "t") == expected)
            }
            let missing = Self.newKey()
            guard case .absent = store.readFileIfCached(missing, SessionPaths(missing).data) else {
                Issue.record("a missing file must read as absent")
                return
            }
            let unsupported = store.cachedReadsUnsupported.load(ordering: .relaxed)
            #expect(!unsupported)
        }
    }

    /// The lock protocol itself, with separate open file descriptions (as separate processes
    /// have): holders that unlink the lock file never let two holders in at once.
    @Test(.seeded) func fileLockIsExclusiveWhileLockFilesComeAndGo() async throws {
        try await Self.withStore { (store, dir) async throws in
            let key = Self.newKey()
            let paths = SessionPaths(key)
            try FileManager.default.createDirectory(
                atPath: dir + "/" + paths.shard, withIntermediateDirectories: true)
            let holders = Atomic<Int>(0)
            let maxHolders = Atomic<Int>(0)
            let acquisitions = Atomic<Int>(0)
            let root = store.rootFD
            DispatchQueue.concurrentPerform(iterations: 4) { worker in
                var rng = TestSeed.generator(stream: UInt64(worker))
                for _ in 0..<1_000 {
                    guard case .locked(let lock)? = try? SessionFileLock.acquire(
                        root: root, path: paths.lock, display: paths.display, blocking: true,
                        logger: store.logger)
                    else { continue }
                    let inside = holders.add(1, ordering: .sequentiallyConsistent).newValue
                    _ = maxHolders.max(inside, ordering: .sequentiallyConsistent)
                    acquisitions.add(1, ordering: .relaxed)
                    if Bool.random(using: &rng) { sched_yield() }
                    holders.subtract(1, ordering: .sequentiallyConsistent)
                    // Unlinking is the holder's last act (a newcomer may lock a fresh file at once),
                    // as in the store's delete and expiry paths.
                    if Bool.random(using: &rng) { lock.unlinkFile() }
                    withExtendedLifetime(lock) {}
                }
            }
            #expect(acquisitions.load(ordering: .relaxed) == 4_000)
            #expect(maxHolders.load(ordering: .relaxed) == 1)
        }
    }

    @Test func inProcessKeyLockIsFIFOAndExclusive() async throws {
        final class State: Sendable {
            let inside = Mutex(0)
            let order = Mutex<[Int]>([])
        }
        let lock = KeyedAsyncLock()
        let state = State()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<50 {
                group.addTask {
                    try await lock.withLock("k") {
                        let n = state.inside.withLock { $0 += 1; return $0 }
                        #expect(n == 1)
                        await Task.yield()
                        state.order.withLock { $0.append(i) }
                        state.inside.withLock { $0 -= 1 }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(state.order.withLock { $0.count } == 50)
    }

    // MARK: Cost

    /// Rough cost of the hot paths: `SESSIONKIT_MEASURE_DIRECTORY=1 swift test --filter measureCost`.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["SESSIONKIT_MEASURE_DIRECTORY"] != nil))
    func measureCost() async throws {
        for sync in [true, false] {
            try await Self.withStore(durability: sync ? .syncEachSave : .noSync) { (store, _) async throws in
                let key = Self.newKey()
                let data: SessionObject = [
                    "user_id": 42, "username": "admin", "csrf_token": .string(SessionID.generate().rawValue),
                ]
                #expect(try await store.create(key, record: Self.record(data)))
                let n = 10_000
                let clock = ContinuousClock()
                let loads = try await clock.measure {
                    for _ in 0..<n { _ = try await store.load(key, now: Self.t0) }
                }
                let applyCount = sync ? 1_000 : n
                let applies = try await clock.measure {
                    for i in 0..<applyCount {
                        _ = try await store.apply(StoreConformanceTests.changes([("n", .int(i))], at: Self.t0), to: key)
                    }
                }
                let parallelLoads = try await clock.measure {
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for _ in 0..<8 {
                            group.addTask { for _ in 0..<(n / 8) { _ = try await store.load(key, now: Self.t0) } }
                        }
                        try await group.waitForAll()
                    }
                }
                func us(_ d: Duration, _ count: Int) -> String {
                    let micro = Double(d.components.seconds) * 1e6 + Double(d.components.attoseconds) / 1e12
                    return String(format: "%.1f µs", micro / Double(count))
                }
                print(
                    "DirectorySessionStore (sync each save: \(sync)): load \(us(loads, n)), "
                        + "apply \(us(applies, applyCount)), load ×8 parallel \(us(parallelLoads, n)) per load")
            }
        }
    }
}

/// `sweep` returns 0 only when nothing expired is left, even when the expired record lies past
/// the slice one batch examines (a fresh store, as the CLI opens one, starts at the first shard).
@Suite struct DirectorySweepContractTests {
    @Test func zeroMeansNothingExpiredIsLeft() async throws {
        let dir = TestFolders.fresh()
        let store = try DirectorySessionStore(directory: dir, durability: .noSync, keys: TestFolders.keys)
        let t0: Int64 = 1_700_000_000
        let data: SessionObject = ["username": "admin"]
        for _ in 0..<300 {
            let live = SessionRecord(data: data, createdAt: t0, lastAccessAt: t0, absoluteDeadline: nil, expiresAt: t0 + 10_000)
            #expect(try await store.create(SessionID.generate().storageKey, record: live))
        }
        var lastShardKey = SessionID.generate().storageKey
        while !lastShardKey.hex.hasPrefix("ff") { lastShardKey = SessionID.generate().storageKey }
        let expired = SessionRecord(data: data, createdAt: t0, lastAccessAt: t0, absoluteDeadline: nil, expiresAt: t0 + 10)
        #expect(try await store.create(lastShardKey, record: expired))

        let fresh = try DirectorySessionStore(directory: dir, durability: .noSync, keys: TestFolders.keys)
        var removed = 0
        for _ in 0..<1000 {  // bounded: a sweep that never reports 0 fails the test, not hangs it
            let n = try await fresh.sweep(now: t0 + 100, limit: 1)
            if n == 0 { break }
            removed += n
        }
        #expect(removed == 1)
        #expect(try await fresh.count() == 300)
    }
}

/// Set once, read from any task.
private final class DoneFlag: Sendable {
    private let done = Mutex(false)
    func set() { done.withLock { $0 = true } }
    var isSet: Bool { done.withLock { $0 } }
}
