import Benchmark
import Foundation
import SessionKit

/// What a small session costs in a `MemorySessionStore` beyond its data, as resident-memory
/// growth of this process (its own benchmark target, so nothing else ran in it before).
///
/// 100,000 sessions of an integer id, a 43-character token and a short name are built first
/// (RSS growth: the data), then inserted into a store (RSS growth: the store's own cost, since
/// the records share the data's storage). Reported per session, as custom metrics; target ≤ 500.
let benchmarks: @Sendable () -> Void = {
    let storeMetric = BenchmarkMetric.custom("store bytes per session", useScalingFactor: false)
    let dataMetric = BenchmarkMetric.custom("data bytes per session", useScalingFactor: false)
    Benchmark(
        "memory store bytes per small session (100k sessions)",
        configuration: .init(
            metrics: [storeMetric, dataMetric], warmupIterations: 0, maxDuration: .seconds(60), maxIterations: 1)
    ) { benchmark in
        let n = 100_000
        let t0: Int64 = 1_700_000_000
        let keys = (0..<n).map { _ in SessionID.generate().storageKey }
        let base = residentBytes()
        let data: [SessionObject] = (0..<n).map { i in
            ["user_id": .int(i), "csrf_token": .string(SessionID.generate().rawValue), "username": "admin"]
        }
        let afterData = residentBytes()
        let store = MemorySessionStore(maxSessions: n)
        for i in 0..<n {
            let record = SessionRecord(
                data: data[i], createdAt: t0, lastAccessAt: t0, absoluteDeadline: nil, expiresAt: t0 + 3_600)
            guard try await store.create(keys[i], record: record) else { fatalError("duplicate session id") }
        }
        let afterStore = residentBytes()
        benchmark.measurement(storeMetric, (afterStore - afterData) / n)
        benchmark.measurement(dataMetric, (afterData - base) / n)
        withExtendedLifetime((keys, data, store)) {}
    }
}

/// Resident set size of this process, from /proc/self/statm.
func residentBytes() -> Int {
    guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
        let pages = Int(statm.split(separator: " ")[1])
    else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}
