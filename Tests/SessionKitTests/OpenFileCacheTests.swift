import Foundation
import Synchronization
import Testing

@testable import SessionKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct OpenFileCacheTests {
    typealias D = DirectorySessionStoreTests

    /// A fresh descriptor (of /dev/null).
    static func descriptor() -> Int32 {
        let fd = open("/dev/null", O_RDONLY | O_CLOEXEC)
        precondition(fd >= 0)
        return fd
    }

    static func isOpen(_ fd: Int32) -> Bool { fcntl(fd, F_GETFD) != -1 }

    // MARK: The cache

    /// First in, first out, never above capacity; what it drops (evicted, replaced, removed) is
    /// closed, and only once nobody uses it any more.
    @Test func evictsTheOldestAndClosesWhatItDrops() {
        let cache = OpenFileCache(capacity: 3)
        let keys = (0..<5).map { _ in D.newKey() }
        var fds: [Int32] = []
        for key in keys.prefix(3) {
            let fd = Self.descriptor()
            fds.append(fd)
            cache.insert(fd, writable: false, for: key)
        }
        #expect(cache.count == 3)
        // A reader still holds the first entry when it is evicted: closed only after.
        let fourth = Self.descriptor()
        do {
            let inUse = cache.file(for: keys[0])
            #expect(inUse?.fd == fds[0])
            cache.insert(fourth, writable: false, for: keys[3])
            #expect(cache.count == 3)
            #expect(cache.file(for: keys[0]) == nil)
            #expect(Self.isOpen(fds[0]), "closed while in use")
            withExtendedLifetime(inUse) {}
        }
        #expect(!Self.isOpen(fds[0]))
        // Then the second oldest.
        cache.insert(Self.descriptor(), writable: false, for: keys[4])
        #expect(cache.file(for: keys[1]) == nil && !Self.isOpen(fds[1]))
        #expect(cache.file(for: keys[2])?.fd == fds[2])
        // Replacing a key's descriptor closes the old one and keeps the count.
        let replacement = Self.descriptor()
        cache.insert(replacement, writable: false, for: keys[2])
        #expect(cache.count == 3 && !Self.isOpen(fds[2]))
        #expect(cache.file(for: keys[2])?.fd == replacement)
        // `remove(ifStill:)` leaves a newer descriptor alone.
        let stale = OpenFileCache.File(fd: Self.descriptor(), writable: false)
        cache.remove(keys[2], ifStill: stale)
        #expect(cache.file(for: keys[2])?.fd == replacement)
        cache.remove(keys[2])
        #expect(cache.file(for: keys[2]) == nil && !Self.isOpen(replacement) && cache.count == 2)
        // A removed slot is reused without evicting a live entry early.
        cache.insert(Self.descriptor(), writable: false, for: keys[0])
        #expect(cache.count == 3)
        #expect(cache.file(for: keys[3])?.fd == fourth)
    }

    @Test func capacityZeroCachesNothing() {
        let cache = OpenFileCache(capacity: 0)
        let fd = Self.descriptor()
        cache.insert(fd, writable: false, for: D.newKey())
        #expect(cache.count == 0 && !Self.isOpen(fd))
    }

    @Test func defaultCapacityFollowsTheFileLimit() {
        var limit = rlimit()
        #expect(getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0)
        let expected = Int(min(1_024, UInt64(limit.rlim_cur) / 16))
        #expect(OpenFileCache.defaultCapacity == expected)
    }

    // MARK: Loads through the cache

    /// Two stores on one folder, as two processes: `reader` keeps descriptors, `writer` changes
    /// the files behind its back in each way a session file changes.
    static func withTwoStores(
        capacity: Int = 16, _ body: (_ reader: DirectorySessionStore, _ writer: DirectorySessionStore, String) async throws -> Void
    ) async throws {
        let dir = TestFolders.fresh()
        defer { TestFolders.remove(dir) }
        let reader = try DirectorySessionStore(
            directory: dir, synchronousWrites: false, staleTemporaryAge: 3_600, sweepExamineLimit: nil,
            openFileCacheCapacity: capacity)
        let writer = try DirectorySessionStore(directory: dir, synchronousWrites: false)
        try await body(reader, writer, dir)
    }

    @Test func aHotLoadSeesSavesInPlaceReplacementsAndRemovalsByAnotherProcess() async throws {
        try await Self.withTwoStores { (reader, writer, dir) async throws in
            let key = D.newKey()
            #expect(try await writer.create(key, record: D.record(["n": 0])))
            #expect(try await reader.load(key, now: D.t0)?.data == ["n": 0])
            let first = try #require(reader.openFiles.file(for: key))
            // Saved in place (same inode): the cached descriptor reads the new record.
            _ = try await writer.apply(StoreConformanceTests.changes([("n", 1)], at: D.t0), to: key)
            #expect(try await reader.load(key, now: D.t0)?.data == ["n": 1])
            #expect(reader.openFiles.file(for: key) === first)
            // Outgrows its slots: a new file renamed over the old one.
            let big = SessionValue.string(String(repeating: "x", count: 6_000))
            _ = try await writer.apply(StoreConformanceTests.changes([("big", big)], at: D.t0), to: key)
            #expect(try await reader.load(key, now: D.t0)?.data == ["n": 1, "big": big])
            #expect(reader.openFiles.file(for: key) !== first)
            // Removed: the cached descriptor's file has no link any more.
            try await writer.delete(key)
            #expect(try await reader.load(key, now: D.t0) == nil)
            #expect(reader.openFiles.file(for: key) == nil)
            // Created again at the same path: the new file, not the removed one.
            #expect(try await writer.create(key, record: D.record(["n": 2])))
            #expect(try await reader.load(key, now: D.t0)?.data == ["n": 2])
            // Removed by hand (as an operator or a sweep in another process would).
            #expect(unlink(D.dataPath(dir, key)) == 0)
            #expect(try await reader.load(key, now: D.t0) == nil)
        }
    }

    /// A save writes through the descriptor a load kept, and never through one whose file was
    /// replaced meanwhile (that would write into a file nobody reads: a lost update).
    @Test func aSaveReusesTheLoadsDescriptorOnlyWhileItIsTheSessionsFile() async throws {
        try await Self.withTwoStores { (reader, writer, _) async throws in
            let key = D.newKey()
            #expect(try await writer.create(key, record: D.record(["n": 0])))
            #expect(try await reader.load(key, now: D.t0) != nil)
            let cached = try #require(reader.openFiles.file(for: key))
            #expect(cached.writable)
            _ = try await reader.apply(StoreConformanceTests.changes([("a", 1)], at: D.t0), to: key)
            #expect(reader.openFiles.file(for: key) === cached)
            #expect(try await writer.load(key, now: D.t0)?.data == ["n": 0, "a": 1])
            // Replaced by another process (outgrew its slots: a new file renamed over it).
            let big = SessionValue.string(String(repeating: "x", count: 6_000))
            _ = try await writer.apply(StoreConformanceTests.changes([("big", big)], at: D.t0), to: key)
            _ = try await reader.apply(StoreConformanceTests.changes([("b", 2)], at: D.t0), to: key)
            #expect(reader.openFiles.file(for: key) !== cached)
            #expect(try await writer.load(key, now: D.t0)?.data == ["n": 0, "a": 1, "big": big, "b": 2])
            #expect(try await reader.load(key, now: D.t0)?.data == ["n": 0, "a": 1, "big": big, "b": 2])
        }
    }

    /// `apply` keeps its lock file open between saves; the kept descriptor still excludes
    /// another process's holder, and once its file was removed (and a new one made at the path)
    /// it is not taken for the session's lock.
    @Test(.timeLimit(.minutes(1))) func aKeptLockDescriptorStillExcludesOtherHolders() async throws {
        try await Self.withTwoStores { (reader, writer, _) async throws in
            let key = D.newKey()
            #expect(try await writer.create(key, record: D.record(["n": 0])))
            _ = try await reader.apply(StoreConformanceTests.changes([("a", 1)], at: D.t0), to: key)
            let keptLock = try #require(reader.openLocks.file(for: key))
            for replaced in [false, true] {
                if replaced {
                    // The lock file the reader keeps is removed and a new one made at its path.
                    try await writer.delete(key)
                    #expect(try await writer.create(key, record: D.record(["n": 0])))
                }
                var held = try D.holdLock(of: key, in: writer)
                #expect(held != nil)
                let done = Atomic<Bool>(false)
                let saving = Task {
                    let saved = try await reader.apply(
                        StoreConformanceTests.changes([("b", .bool(replaced))], at: D.t0), to: key)
                    done.store(true, ordering: .sequentiallyConsistent)
                    return saved
                }
                try await Task.sleep(for: .milliseconds(300))
                let finished = done.load(ordering: .sequentiallyConsistent)
                #expect(!finished, "saved while another holder had the lock (replaced: \(replaced))")
                held = nil
                let saved = try await saving.value
                #expect(saved?.data["b"] == .bool(replaced))
            }
            #expect(reader.openLocks.file(for: key) !== keptLock)
        }
    }

    @Test func deleteAndRegenerateDropTheirDescriptor() async throws {
        try await Self.withTwoStores { (reader, _, _) async throws in
            let (a, b, c) = (D.newKey(), D.newKey(), D.newKey())
            for key in [a, b] { #expect(try await reader.create(key, record: D.record(["n": 0]))) }
            for key in [a, b] { #expect(try await reader.load(key, now: D.t0) != nil) }
            #expect(reader.openFiles.count == 2)
            try await reader.delete(a)
            #expect(reader.openFiles.file(for: a) == nil)
            _ = try await reader.move(StoreConformanceTests.changes([], at: D.t0), from: b, to: c)
            #expect(reader.openFiles.file(for: b) == nil)
            #expect(try await reader.load(c, now: D.t0)?.data == ["n": 0])
            #expect(try await reader.load(b, now: D.t0) == nil)
        }
    }

    /// Many sessions, few slots: the store never keeps more descriptors than its capacity, and
    /// every load still returns its own session.
    @Test func manySessionsKeepAtMostCapacityDescriptors() async throws {
        try await Self.withTwoStores(capacity: 8) { (reader, writer, _) async throws in
            var keys: [SessionStorageKey] = []
            for i in 0..<40 {
                let key = D.newKey()
                keys.append(key)
                #expect(try await writer.create(key, record: D.record(["i": .int(SessionInteger(i))])))
            }
            for round in 0..<3 {
                for (i, key) in keys.enumerated().shuffled() {
                    #expect(try await reader.load(key, now: D.t0)?.data == ["i": .int(SessionInteger(i))], "round \(round)")
                }
                #expect(reader.openFiles.count == 8)
            }
        }
    }
}
