import Benchmark
import Foundation
import SessionKit
import SessionKitDirectory

/// `DirectorySessionStore` load and apply of a typical session with 1k and 1M sessions on disk:
/// the cost must not grow with the count (one file per session in sharded folders, no scans).
///
/// The stores are filled once into `$SESSIONKIT_BENCH_DIR` (default `<temp dir>/sessionkit-bench`)
/// without fsync, and reused by later runs; delete the folder to start over. 1M sessions take
/// about 4 GB of disk and a few minutes to create.
func directoryStoreBenchmarks() {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        scalingFactor: .kilo,
        maxDuration: .seconds(3),
        maxIterations: 50_000
    )
    for (label, sessions) in [("1k", 1_000), ("1M", 1_000_000)] {
        Benchmark(
            "directory store load (\(label) sessions)",
            configuration: configuration,
            closure: { benchmark, fixture in
                for _ in benchmark.scaledIterations {
                    blackHole(try await fixture.store.load(fixture.next(), now: DirectoryStoreFixture.t0))
                }
            },
            setup: { try await DirectoryStoreFixture(sessions: sessions, durability: .syncEachSave) }
        )
        Benchmark(
            "directory store apply, fsync (\(label) sessions)",
            configuration: configuration,
            closure: { benchmark, fixture in
                for i in benchmark.scaledIterations {
                    let changes = SessionChangeSet(
                        changes: [SessionChange(key: "visits", value: .int(i))],
                        now: DirectoryStoreFixture.t0, expiresAt: DirectoryStoreFixture.t0 + DirectoryStoreFixture.ttl)
                    blackHole(try await fixture.store.apply(changes, to: fixture.next()))
                }
            },
            setup: { try await DirectoryStoreFixture(sessions: sessions, durability: .syncEachSave) }
        )
    }
}

/// A folder holding `sessions` typical sessions, and the keys to visit in a shuffled order.
final class DirectoryStoreFixture: @unchecked Sendable {
    static let t0: Int64 = 1_700_000_000
    static let ttl: Int64 = 1_000_000_000

    let store: DirectorySessionStore
    let keys: [SessionStorageKey]
    private var cursor = 0

    /// A fixed key: the saved folders of earlier runs stay readable.
    static let keys = SecretKeys(current: SecretKey("sessionkit-benchmark-directory-store-key"))

    init(sessions: Int, durability: DirectorySessionStore.Durability) async throws {
        let base = ProcessInfo.processInfo.environment["SESSIONKIT_BENCH_DIR"]
            ?? (NSTemporaryDirectory() + "sessionkit-bench")
        let directory = "\(base)/directory-\(sessions)"
        let keyFile = "\(directory)/keys.txt"
        let filler = try DirectorySessionStore(directory: directory, durability: .noSync, keys: Self.keys)
        var all: [SessionStorageKey]
        if let saved = try? String(contentsOfFile: keyFile, encoding: .utf8) {
            all = saved.split(separator: "\n").compactMap { SessionStorageKey(hex: $0) }
        } else {
            var made: [SessionStorageKey] = []
            made.reserveCapacity(sessions)
            let data: SessionObject = [
                "username": "admin", "csrf_token": .string(String(repeating: "x", count: 43)), "visits": 1,
            ]
            for _ in 0..<sessions {
                let key = SessionID.generate().storageKey
                let record = SessionRecord(
                    data: data, createdAt: Self.t0, lastAccessAt: Self.t0, absoluteDeadline: nil,
                    expiresAt: Self.t0 + Self.ttl)
                _ = try await filler.create(key, record: record)
                made.append(key)
            }
            try made.map(\.hex).joined(separator: "\n").write(toFile: keyFile, atomically: true, encoding: .utf8)
            all = made
        }
        all.shuffle()
        // A working set of 10,000 sessions, read once first: the benchmark compares the store's
        // own cost at 1k and 1M sessions, with the visited files in the page cache as a busy
        // server's are. (A first read of a file that is not cached costs a disk read, about
        // 300 µs on this machine's disk, whatever the count.)
        keys = Array(all.prefix(10_000))
        store = try DirectorySessionStore(directory: directory, durability: durability, keys: Self.keys)
        for key in keys { _ = try await store.load(key, now: Self.t0) }
    }

    func next() -> SessionStorageKey {
        defer { cursor = (cursor + 1) % keys.count }
        return keys[cursor]
    }
}
