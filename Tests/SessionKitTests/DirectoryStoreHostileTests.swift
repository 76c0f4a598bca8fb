import Foundation
import Testing

@testable import SessionKit
@testable import SessionKitDirectory

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Issue 24 §1: another local user who can write where the store's folder lives (the system's
/// temporary folder) must not take it over. Each test plants what such a user would, and
/// checks the store neither follows nor trusts it, and that the session path works after.
@Suite struct DirectoryStoreHostileTests {
    typealias T = DirectorySessionStoreTests
    static let t0 = T.t0
    /// Another user's id, for the tests that need root to chown.
    static let otherUser: uid_t = 65_534

    /// A folder outside the store that planted links point at; nothing may appear in it.
    static func victim() -> String {
        let path = TestFolders.fresh()
        #expect(mkdir(path, 0o755) == 0)
        return path
    }

    static func contents(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    /// A key whose first shard folder differs from every other key used in a test.
    static func key(level1 hex: String) -> SessionStorageKey {
        while true {
            let key = SessionID.generate().storageKey
            if key.hex.hasPrefix(hex) { return key }
        }
    }

    // MARK: The folder itself

    /// A symbolic link where the folder belongs is refused, with a message saying what and how
    /// to fix it, and its target is left alone (today: followed, and the target chmodded 0700).
    @Test func aLinkInTheFoldersPlaceIsRefusedAndItsTargetUntouched() throws {
        let target = Self.victim()
        defer { TestFolders.remove(target) }
        let link = TestFolders.fresh()
        defer { TestFolders.remove(link) }
        #expect(symlink(target, link) == 0)
        // With a trailing slash too, which makes the kernel follow a final link despite O_NOFOLLOW.
        for path in [link, link + "/", link + "//"] {
            #expect {
                _ = try DirectorySessionStore(directory: path, keys: TestFolders.keys)
            } throws: { error in
                guard let e = error as? SessionStoreError else { return false }
                return e.kind == .unavailable && e.message.contains("symbolic link") && e.message.contains("remove it")
            }
        }
        #expect(T.mode(target) == 0o755)
        #expect(Self.contents(target).isEmpty)
    }

    /// A folder of another user, even open to all, is refused and never chmodded.
    @Test func aFolderOfAnotherUserIsRefusedAndNotChmodded() throws {
        guard geteuid() == 0 else { return }  // needs root to chown
        let dir = TestFolders.fresh()
        defer { TestFolders.remove(dir) }
        #expect(mkdir(dir, 0o777) == 0 && chmod(dir, 0o777) == 0 && chown(dir, Self.otherUser, gid_t(Self.otherUser)) == 0)
        #expect {
            _ = try DirectorySessionStore(directory: dir, keys: TestFolders.keys)
        } throws: { error in
            guard let e = error as? SessionStoreError else { return false }
            return e.message.contains("owned by uid \(Self.otherUser)") && e.message.contains("per user")
        }
        #expect(T.mode(dir) == 0o777)
    }

    @Test func theDefaultFolderIsPerUser() {
        #expect(DirectorySessionStore.defaultDirectory.hasSuffix("/sessionkit-sessions-\(geteuid())"))
    }

    // MARK: Links inside the tree

    /// Links planted in place of either shard folder point outside: nothing is written there,
    /// the link is removed, and the session is stored in the tree (today: written through it).
    @Test(arguments: [1, 2]) func aLinkInAShardFoldersPlaceIsNeverFollowed(level: Int) async throws {
        try await T.withStore(durability: .noSync) { (store, dir) async throws in
            let target = Self.victim()
            defer { TestFolders.remove(target) }
            let key = Self.key(level1: "a")
            let hex = key.hex
            let l1 = dir + "/" + hex.prefix(2)
            if level == 1 {
                #expect(symlink(target, l1) == 0)
            } else {
                #expect(mkdir(l1, 0o700) == 0)
                #expect(symlink(target, l1 + "/" + hex.dropFirst(2).prefix(2)) == 0)
            }
            #expect(try await store.load(key, now: Self.t0) == nil)
            #expect(try await store.create(key, record: T.record()))
            #expect(try await store.load(key, now: Self.t0) == T.record())
            #expect(Self.contents(target).isEmpty, "written through the link: \(Self.contents(target))")
            var st = stat()
            #expect(lstat(T.dataPath(dir, key), &st) == 0 && st.st_mode & S_IFMT == S_IFREG)
            #expect(try await store.keys(limit: 10) == [key])
        }
    }

    /// A link at a session's path, or at its lock file's, is removed; the session path then
    /// works (today: every request for it fails, for good).
    @Test(arguments: ["", ".lock"]) func aLinkAtASessionOrLockPathIsRemoved(suffix: String) async throws {
        try await T.withStore(durability: .noSync) { (store, dir) async throws in
            let target = Self.victim()
            defer { TestFolders.remove(target) }
            let outside = target + "/file"
            try T.write(Array("outside".utf8), to: outside)
            let key = T.newKey()
            #expect(try await store.create(key, record: T.record()))
            let path = T.dataPath(dir, key) + suffix
            _ = unlink(path)
            #expect(symlink(outside, path) == 0)
            if suffix.isEmpty {
                #expect(try await store.load(key, now: Self.t0) == nil)
            }
            // The session's own file was replaced by the link (absent now, created anew), or
            // still holds the session (whose lock file was the link).
            #expect(try await store.create(key, record: T.record(["n": 2])) == suffix.isEmpty)
            #expect(try await store.load(key, now: Self.t0)?.data == (suffix.isEmpty ? ["n": 2] : T.record().data))
            #expect(try await store.apply(StoreConformanceTests.changes([("a", 1)], at: Self.t0), to: key) != nil)
            try await store.delete(key)
            #expect(try T.bytes(outside) == Array("outside".utf8))
            #expect(Self.contents(target) == ["file"])
            T.expectNoStrayLocks(dir)
        }
    }

    // MARK: Files the store did not make

    /// A FIFO, a folder or (as root) a device at a session's or lock's path costs at most one
    /// request; afterwards the session works, and no thread ever blocks.
    @Test(.timeLimit(.minutes(1)), arguments: ["fifo", "folder", "device"], ["", ".lock"])
    func plantedSpecialFilesCostAtMostOneRequest(kind: String, suffix: String) async throws {
        if kind == "device" && geteuid() != 0 { return }
        try await T.withStore(durability: .noSync) { (store, dir) async throws in
            let key = T.newKey()
            #expect(try await store.create(key, record: T.record()))
            let path = T.dataPath(dir, key) + suffix
            _ = unlink(path)
            switch kind {
            case "fifo": #expect(mkfifo(path, 0o600) == 0)
            case "folder":
                #expect(mkdir(path, 0o700) == 0)
                try T.write([1], to: path + "/inside")
            default: #expect(mknod(path, S_IFCHR | 0o600, dev_t(1 << 8 | 3)) == 0)  // /dev/null's numbers
            }
            var failures = 0
            for attempt in 0..<3 {
                do {
                    let created = try await store.create(key, record: T.record(["n": .int(SessionInteger(attempt))]))
                    #expect(created == (attempt == 0 && suffix.isEmpty))
                    _ = try await store.load(key, now: Self.t0)
                } catch {
                    failures += 1
                }
            }
            #expect(failures <= 1, "\(kind) at \(suffix.isEmpty ? "session" : "lock") path: \(failures) failures")
            #expect(try await store.load(key, now: Self.t0) != nil)
            var st = stat()
            #expect(lstat(T.dataPath(dir, key), &st) == 0 && st.st_mode & S_IFMT == S_IFREG)
            if lstat(T.dataPath(dir, key) + ".lock", &st) == 0 { #expect(st.st_mode & S_IFMT == S_IFREG) }
        }
    }

    /// A huge sparse file at a session's path is never read: absent at once, and removed.
    @Test(.timeLimit(.minutes(1))) func aHugeSparseFileIsNotRead() async throws {
        try await T.withStore(durability: .noSync) { (store, dir) async throws in
            let key = T.newKey()
            #expect(try await store.create(key, record: T.record()))
            let path = T.dataPath(dir, key)
            #expect(truncate(path, 1 << 40) == 0)  // 1 TiB of hole
            let start = ContinuousClock.now
            #expect(try await store.load(key, now: Self.t0) == nil)
            #expect(ContinuousClock.now - start < .seconds(5))
            #expect(!T.exists(path))
            #expect(try await store.create(key, record: T.record()))
        }
    }

    /// A session file that another user owns (as root: chown), or that others may write, is
    /// never read as the session, even when its record is valid (today: read).
    @Test func aFileOfAnotherUserOrWritableByOthersIsRefused() async throws {
        try await T.withStore(durability: .noSync) { (store, dir) async throws in
            let key = T.newKey()
            #expect(try await store.create(key, record: T.record()))
            let path = T.dataPath(dir, key)
            let valid = try T.bytes(path)
            let fresh = try DirectorySessionStore(directory: dir, durability: .noSync, keys: TestFolders.keys)
            #expect(chmod(path, 0o666) == 0)
            #expect(try await fresh.load(key, now: Self.t0) == nil)
            #expect(!T.exists(path))
            guard geteuid() == 0 else { return }
            try T.write(valid, to: path)
            #expect(chmod(path, 0o600) == 0 && chown(path, Self.otherUser, gid_t(Self.otherUser)) == 0)
            let again = try DirectorySessionStore(directory: dir, durability: .noSync, keys: TestFolders.keys)
            #expect(try await again.load(key, now: Self.t0) == nil)
            #expect(!T.exists(path))
        }
    }

    /// A lock file of another user (or one others may write), held locked by its owner, costs
    /// no thread: it is judged before the store waits on it, removed, and the save goes on.
    @Test(.timeLimit(.minutes(1))) func aForeignLockFileHeldLockedParksNoThread() async throws {
        try await T.withStore(durability: .noSync) { (store, dir) async throws in
            let key = T.newKey()
            #expect(try await store.create(key, record: T.record()))
            let lockPath = T.dataPath(dir, key) + ".lock"
            _ = unlink(lockPath)
            let fd = open(lockPath, O_RDWR | O_CREAT, 0o666)
            #expect(fd >= 0)
            defer { close(fd) }
            #expect(fchmod(fd, 0o666) == 0 && flock(fd, LOCK_EX) == 0)  // held by "its owner"
            if geteuid() == 0 { #expect(fchown(fd, Self.otherUser, gid_t(Self.otherUser)) == 0) }
            let fresh = try DirectorySessionStore(directory: dir, durability: .noSync, keys: TestFolders.keys)
            let change = SessionChangeSet(
                changes: [SessionChange(key: "k", value: "v")], now: Self.t0, expiresAt: Self.t0 + 3_600)
            let merged = try await fresh.apply(change, to: key)
            #expect(merged?.data["k"] == "v")
        }
    }

    // MARK: Authenticated records

    /// A record copied from another session's path is not that session (today: it is).
    @Test func aRecordCopiedFromAnotherSessionIsAbsent() async throws {
        try await T.withStore(durability: .noSync) { (store, dir) async throws in
            let admin = T.newKey()
            let visitor = T.newKey()
            #expect(try await store.create(admin, record: T.record(["username": "admin"])))
            #expect(try await store.create(visitor, record: T.record([:])))
            try T.write(try T.bytes(T.dataPath(dir, admin)), to: T.dataPath(dir, visitor))
            let fresh = try DirectorySessionStore(directory: dir, durability: .noSync, keys: TestFolders.keys)
            #expect(try await fresh.load(visitor, now: Self.t0) == nil)
            #expect(try await store.load(visitor, now: Self.t0) == nil)
            #expect(try await store.apply(StoreConformanceTests.changes([("a", 1)], at: Self.t0), to: visitor) == nil)
            #expect(try await store.load(admin, now: Self.t0)?.data == ["username": "admin"])
        }
    }

    /// A record sealed with a key the app does not have (planted by someone without the secret,
    /// or by another app) reads as absent; with key rotation, records sealed with a fallback
    /// still read, and saves seal with the current key.
    @Test func recordsOfAnotherKeyAreAbsentAndRotationWorks() async throws {
        let dir = TestFolders.fresh()
        defer { TestFolders.remove(dir) }
        let old = SecretKey("an-older-secret-key-for-rotation-0123")
        let new = SecretKey("the-newer-secret-key-for-rotation-456")
        let before = try DirectorySessionStore(directory: dir, durability: .noSync, keys: SecretKeys(current: old))
        let key = T.newKey()
        #expect(try await before.create(key, record: T.record(["username": "admin"])))

        let stranger = try DirectorySessionStore(directory: dir, durability: .noSync, keys: SecretKeys(current: new))
        #expect(try await stranger.load(key, now: Self.t0) == nil)
        // A store given a wrong key destroys nothing it cannot read (a sweep included).
        #expect(try await stranger.apply(StoreConformanceTests.changes([("x", 1)], at: Self.t0), to: key) == nil)
        #expect(try await stranger.sweep(now: Self.t0, limit: 100) == 0)
        #expect(try await before.load(key, now: Self.t0)?.data == ["username": "admin"])

        let after = try DirectorySessionStore(
            directory: dir, durability: .noSync, keys: SecretKeys(current: new, fallbacks: [old]))
        #expect(try await after.load(key, now: Self.t0)?.data == ["username": "admin"])
        #expect(try await after.apply(StoreConformanceTests.changes([("n", 1)], at: Self.t0), to: key) != nil)
        let newOnly = try DirectorySessionStore(directory: dir, durability: .noSync, keys: SecretKeys(current: new))
        #expect(try await newOnly.load(key, now: Self.t0)?.data == ["username": "admin", "n": 1])
    }

    /// A store without keys refuses every operation with a message that says what to do; a
    /// `SessionEngine` gives it the engine's keys.
    @Test func withoutKeysEveryOperationSaysWhatToDo() async throws {
        let dir = TestFolders.fresh()
        defer { TestFolders.remove(dir) }
        let store = try DirectorySessionStore(directory: dir, durability: .noSync)
        func saysWhatToDo(_ error: any Error) -> Bool {
            guard let e = error as? SessionStoreError else { return false }
            return e.kind == .unavailable && e.message.contains("SessionEngine") && e.message.contains("keys")
        }
        let key = T.newKey()
        await #expect(performing: { _ = try await store.load(key, now: Self.t0) }, throws: saysWhatToDo)
        await #expect(performing: { _ = try await store.create(key, record: T.record()) }, throws: saysWhatToDo)
        await #expect(performing: { try await store.delete(key) }, throws: saysWhatToDo)
        await #expect(performing: { _ = try await store.sweep(now: Self.t0, limit: 1) }, throws: saysWhatToDo)

        let engine = try SessionEngine(
            configuration: SessionConfiguration(secretKey: .generate()), storage: .server(store))
        _ = engine
        #expect(try await store.create(key, record: T.record()))
        #expect(try await store.load(key, now: Self.t0) == T.record())
    }

    // MARK: Sweep and lock files

    /// Links, FIFOs and folders planted in the tree never stop the sweep: it removes them and
    /// the expired sessions around them (today: the first link aborts every sweep).
    @Test func theSweepStepsOverPlantedEntries() async throws {
        try await T.withStore(durability: .noSync) { (store, dir) async throws in
            let target = Self.victim()
            defer { TestFolders.remove(target) }
            var expired: [SessionStorageKey] = []
            for _ in 0..<40 {
                let key = T.newKey()
                #expect(try await store.create(key, record: T.record(ttl: 10)))
                expired.append(key)
            }
            // A link at a session's path, a FIFO at another's, a link in a shard folder's place.
            #expect(unlink(T.dataPath(dir, expired[0])) == 0)
            #expect(symlink(target, T.dataPath(dir, expired[0])) == 0)
            #expect(unlink(T.dataPath(dir, expired[1])) == 0)
            #expect(mkfifo(T.dataPath(dir, expired[1]), 0o600) == 0)
            let spare = T.newKey().hex.prefix(2)
            if !T.exists(dir + "/" + spare) { #expect(symlink(target, dir + "/" + spare) == 0) }
            let removed = try await store.sweep(now: Self.t0 + 100, limit: 1_000)
            #expect(removed >= 38)
            for key in expired { #expect(!T.exists(T.dataPath(dir, key)), "\(key.hex.prefix(8))") }
            #expect(try await store.count() == 0)
            #expect(Self.contents(target).isEmpty)
            T.expectNoStrayLocks(dir)
        }
    }

    /// Create, save, regenerate, delete, expire, sweep and failures: no lock file is left
    /// without its session.
    @Test func lockFilesNeverOutliveTheirSession() async throws {
        try await T.withStore(durability: .noSync) { (store, dir) async throws in
            var keys: [SessionStorageKey] = []
            for i in 0..<30 {
                let key = T.newKey()
                #expect(try await store.create(key, record: T.record(ttl: i % 2 == 0 ? 10 : 1_000)))
                keys.append(key)
            }
            for key in keys.prefix(10) {
                _ = try await store.apply(StoreConformanceTests.changes([("a", 1)], at: Self.t0), to: key)
            }
            for key in keys[10..<15] {
                _ = try await store.move(StoreConformanceTests.changes([], at: Self.t0), from: key, to: T.newKey())
            }
            for key in keys[15..<20] { try await store.delete(key) }
            for key in keys[20..<25] { _ = try await store.load(key, now: Self.t0 + 100) }  // expired ones go
            // Operations on sessions that do not exist.
            for _ in 0..<5 {
                let key = T.newKey()
                _ = try await store.apply(StoreConformanceTests.changes([("a", 1)], at: Self.t0), to: key)
                try await store.delete(key)
                _ = try await store.move(StoreConformanceTests.changes([], at: Self.t0), from: key, to: T.newKey())
            }
            // A create that finds a folder in the session file's place.
            let blocked = T.newKey()
            #expect(try await store.create(blocked, record: T.record()))
            let path = T.dataPath(dir, blocked)
            #expect(unlink(path) == 0 && mkdir(path, 0o700) == 0)
            try T.write([1], to: path + "/x")
            _ = try? await store.create(blocked, record: T.record())
            try await store.delete(blocked)
            _ = try await store.sweep(now: Self.t0 + 100, limit: 1_000)
            T.expectNoStrayLocks(dir)
        }
    }
}
