import Benchmark
import SessionKit

/// `MemorySessionStore` load and apply, with the store holding 1k and 1M sessions: the cost per
/// operation must not grow with the store (no scans), only through cache misses.
/// Call from the `benchmarks` closure.
func memoryStoreBenchmarks() {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
        scalingFactor: .kilo,
        maxDuration: .seconds(3),
        maxIterations: 100_000
    )

    for (label, sessions) in [("1k", 1_000), ("1M", 1_000_000)] {
        Benchmark(
            "memory store load (\(label) sessions)",
            configuration: configuration,
            closure: { benchmark, fixture in
                for _ in benchmark.scaledIterations {
                    let (key, _) = fixture.next()
                    blackHole(try await fixture.store.load(key, now: MemoryStoreFixture.t0))
                }
            },
            setup: { try await MemoryStoreFixture(sessions: sessions) }
        )

        Benchmark(
            "memory store apply (\(label) sessions)",
            configuration: configuration,
            closure: { benchmark, fixture in
                for _ in benchmark.scaledIterations {
                    let (key, pass) = fixture.next()
                    // Sliding expiry: every pass over the keys moves each record's expiry later,
                    // so applies also reorder the expiry heap.
                    let now = MemoryStoreFixture.t0 + pass
                    let changes = SessionChangeSet(
                        changes: [SessionChange(key: "visits", value: .int(Int(pass)))],
                        now: now, expiresAt: now + MemoryStoreFixture.ttl)
                    blackHole(try await fixture.store.apply(changes, to: key))
                }
            },
            setup: { try await MemoryStoreFixture(sessions: sessions) }
        )
    }
}

/// A store filled with `sessions` typical sessions, and a shuffled sample of their keys to visit.
/// Benchmark iterations run one after the other, so the unsynchronized cursor is safe.
final class MemoryStoreFixture: @unchecked Sendable {
    static let t0: Int64 = 1_700_000_000
    /// Long enough that no record expires while a benchmark runs.
    static let ttl: Int64 = 1_000_000_000

    let store: MemorySessionStore
    let keys: [SessionStorageKey]
    private var cursor = 0

    init(sessions: Int) async throws {
        store = MemorySessionStore(maxSessions: sessions)
        // Keep at most 64k keys (their hex strings would otherwise outweigh the store at 1M),
        // spread over the whole store.
        let keep = max(1, sessions / 65_536)
        var sample: [SessionStorageKey] = []
        sample.reserveCapacity(min(sessions, 65_536))
        for i in 0..<sessions {
            let key = SessionID.generate().storageKey
            let data: SessionObject = [
                "username": "admin",
                "csrf_token": .string(String(repeating: "x", count: 43)),
                "visits": .int(i),
            ]
            let record = SessionRecord(
                data: data, createdAt: Self.t0, lastAccessAt: Self.t0, absoluteDeadline: nil,
                expiresAt: Self.t0 + Self.ttl)
            guard try await store.create(key, record: record) else { fatalError("duplicate session id") }
            if i % keep == 0 { sample.append(key) }
        }
        sample.shuffle()
        keys = sample
    }

    /// The next key to visit, and how many full passes over the keys came before.
    func next() -> (SessionStorageKey, Int64) {
        let i = cursor
        cursor &+= 1
        return (keys[i % keys.count], Int64(i / keys.count))
    }
}
