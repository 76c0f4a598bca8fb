import Foundation
import Synchronization
import Testing

@testable import SessionKit
@testable import SessionKitDirectory

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct OpenFileCacheTests {
    typealias D = DirectorySessionStoreTests

    /// A pipe: its write end goes into a cache, its read end tells whether that was closed
    /// (end of file), which no reuse of the write end's number by a parallel test can fake.
    final class Probe {
        let fd: Int32
        private let reader: Int32
        init() {
            var ends: [Int32] = [0, 0]
            precondition(pipe(&ends) == 0)
            (reader, fd) = (ends[0], ends[1])
            _ = fcntl(reader, F_SETFL, O_NONBLOCK)
        }
        /// Whether the write end (and so every copy of it) is closed.
        var writerClosed: Bool {
            var byte: UInt8 = 0
            return read(reader, &byte, 1) == 0
        }
        deinit { close(reader) }
    }

    // MARK: The cache

    /// First in, first out, never above capacity; what it drops (evicted, replaced, removed) is
    /// closed, and only once nobody uses it any more.
    @Test func evictsTheOldestAndClosesWhatItDrops() {
        let cache = OpenFileCache(capacity: 3)
        let keys = (0..<5).map { _ in D.newKey() }
        let probes = (0..<3).map { _ in Probe() }
        for (key, probe) in zip(keys, probes) { cache.insert(probe.fd, writable: false, for: key) }
        #expect(cache.count == 3)
        // A reader still holds the first entry when it is evicted: closed only after.
        let fourth = Probe()
        do {
            let inUse = cache.file(for: keys[0])
            #expect(inUse?.fd == probes[0].fd)
            cache.insert(fourth.fd, writable: false, for: keys[3])
            #expect(cache.count == 3)
            #expect(cache.file(for: keys[0]) == nil)
            #expect(!probes[0].writerClosed, "closed while in use")
            withExtendedLifetime(inUse) {}
        }
        #expect(probes[0].writerClosed)
        // Then the second oldest.
        let fifth = Probe()
        cache.insert(fifth.fd, writable: false, for: keys[4])
        #expect(cache.file(for: keys[1]) == nil && probes[1].writerClosed)
        #expect(cache.file(for: keys[2])?.fd == probes[2].fd && !probes[2].writerClosed)
        // Replacing a key's descriptor closes the old one and keeps the count.
        let replacement = Probe()
        cache.insert(replacement.fd, writable: false, for: keys[2])
        #expect(cache.count == 3 && probes[2].writerClosed)
        #expect(cache.file(for: keys[2])?.fd == replacement.fd)
        // `remove(ifStill:)` leaves a newer descriptor alone.
        let staleProbe = Probe()
        let stale = OpenFileCache.File(fd: staleProbe.fd, writable: false)
        cache.remove(keys[2], ifStill: stale)
        #expect(cache.file(for: keys[2])?.fd == replacement.fd && !replacement.writerClosed)
        cache.remove(keys[2])
        #expect(cache.file(for: keys[2]) == nil && replacement.writerClosed && cache.count == 2)
        // A removed slot is reused without evicting a live entry early.
        let sixth = Probe()
        cache.insert(sixth.fd, writable: false, for: keys[0])
        #expect(cache.count == 3)
        #expect(cache.file(for: keys[3])?.fd == fourth.fd && !fourth.writerClosed)
        // Out of descriptors: everything goes.
        #expect(cache.removeAll())
        #expect(cache.count == 0 && fourth.writerClosed && fifth.writerClosed && sixth.writerClosed)
        #expect(!cache.removeAll())
        withExtendedLifetime(stale) {}
    }

    @Test func capacityZeroCachesNothing() {
        let cache = OpenFileCache(capacity: 0)
        let probe = Probe()
        cache.insert(probe.fd, writable: false, for: D.newKey())
        #expect(cache.count == 0 && probe.writerClosed)
    }

    @Test func defaultCapacityFollowsTheFileLimit() {
        var limit = rlimit()
        #expect(getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0)
        let expected = Int(min(1_024, UInt64(limit.rlim_cur) / 64))
        #expect(OpenFileCache.defaultCapacity == expected)
    }

    /// Out of descriptors, the store closes what it keeps (all but those in use right now), and
    /// its loads and saves go on with fresh opens.
    @Test func relievingDescriptorsClosesTheCachedOnes() async throws {
        #expect(OpenFileCache.isOutOfDescriptors(EMFILE) && OpenFileCache.isOutOfDescriptors(ENFILE))
        #expect(!OpenFileCache.isOutOfDescriptors(ENOENT))
        try await Self.withTwoStores { (reader, writer, dir) async throws in
            #expect(!reader.relieveDescriptors())  // nothing cached yet
            var keys: [SessionStorageKey] = []
            for _ in 0..<4 {
                let key = D.newKey()
                keys.append(key)
                #expect(try await writer.create(key, record: D.record(["n": 0])))
                _ = try await reader.apply(StoreConformanceTests.changes([("a", 1)], at: D.t0), to: key)
            }
            #expect(reader.openFiles.count == 4 && reader.openLocks.count == 4)
            let inUse = try #require(reader.openFiles.file(for: keys[0]))
            #expect(reader.relieveDescriptors())
            #expect(reader.openFiles.count == 0 && reader.openLocks.count == 0)
            // The one in use is still open, on the session's file.
            var open = stat()
            var named = stat()
            #expect(fstat(inUse.fd, &open) == 0 && stat(D.dataPath(dir, keys[0]), &named) == 0)
            #expect(open.st_ino == named.st_ino, "closed while in use")
            withExtendedLifetime(inUse) {}
            for key in keys {
                _ = try await reader.apply(StoreConformanceTests.changes([("b", 2)], at: D.t0), to: key)
                #expect(try await reader.load(key, now: D.t0)?.data == ["n": 0, "a": 1, "b": 2])
            }
        }
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
            directory: dir, durability: .noSync, staleTemporaryAge: 3_600, sweepExamineLimit: nil,
            openFileCacheCapacity: capacity, keys: TestFolders.keys)
        let writer = try DirectorySessionStore(directory: dir, durability: .noSync, keys: TestFolders.keys)
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
    @Test(.seeded) func manySessionsKeepAtMostCapacityDescriptors() async throws {
        try await Self.withTwoStores(capacity: 8) { (reader, writer, _) async throws in
            var rng = TestSeed.generator()
            var keys: [SessionStorageKey] = []
            for i in 0..<40 {
                let key = D.newKey()
                keys.append(key)
                #expect(try await writer.create(key, record: D.record(["i": .int(SessionInteger(i))])))
            }
            for round in 0..<3 {
                for (i, key) in keys.enumerated().shuffled(using: &rng) {
                    #expect(try await reader.load(key, now: D.t0)?.data == ["i": .int(SessionInteger(i))], "round \(round)")
                }
                #expect(reader.openFiles.count == 8)
            }
        }
    }
}
