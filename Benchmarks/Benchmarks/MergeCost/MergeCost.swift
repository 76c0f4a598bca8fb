import Benchmark
import Foundation
import SessionKit
import SessionKitDirectory
import SessionKitPostgres
import SessionKitRedis
import SessionKitSQLite

/// What SessionKit's atomic merge (`SessionStore.apply`) costs against the last-writer-wins
/// save of other session libraries (`LastWriterWinsStore`: `delete` + `create` of the whole
/// record, no read), on each store, one operation after the other:
///
/// - "apply, merge" / "apply, last writer wins": one key of a session changed, the store call
///   alone, given the record the previous save left as `changes.base` (what a request that
///   loaded it passes).
/// - "request, merge" / "request, last writer wins": one request that writes through
///   `SessionEngine`: find the cookie, verify it, load, set one key, save, `Set-Cookie`.
///
/// Stores: memory, directory (default durability, its `syncService` running as in a server:
/// writes synced by one `syncfs` at most a second later; without any sync: the store's own
/// cost; syncing each save), SQLite (default: each commit synced), and PostgreSQL and Redis when
/// `SESSIONKIT_POSTGRES_URL` and `SESSIONKIT_REDIS_URL` are set (e.g. by `provision_postgres`
/// and `provision_redis` of `scripts/services.sh`; without them those rows are left out).
/// Directory and SQLite files live in `$SESSIONKIT_BENCH_DIR` (default `<temp dir>/sessionkit-bench`).
///
/// Every benchmark's setup also runs `BaselineCheck` on its store (a fatal error when the
/// baseline does not lose a parallel update or does not replace the whole record).
let benchmarks: @Sendable () -> Void = {
    let environment = ProcessInfo.processInfo.environment
    let folder = environment["SESSIONKIT_BENCH_DIR"] ?? (NSTemporaryDirectory() + "sessionkit-bench")

    mergeCostBenchmarks("memory", scalingFactor: .kilo) { MemorySessionStore() }
    let backgroundSync = BackgroundSync()
    mergeCostBenchmarks("directory") {
        let store = try DirectorySessionStore(directory: "\(folder)/merge-cost-directory", durability: .default)
        backgroundSync.start(store)
        return store
    } close: { _ in
        await backgroundSync.stop()
    }
    mergeCostBenchmarks("directory, no sync") {
        try DirectorySessionStore(directory: "\(folder)/merge-cost-directory-nosync", durability: .noSync)
    }
    mergeCostBenchmarks("directory, fsync each save") {
        try DirectorySessionStore(directory: "\(folder)/merge-cost-directory-fsync", durability: .syncEachSave)
    }
    mergeCostBenchmarks("SQLite") {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return try SQLiteSessionStore(path: "\(folder)/merge-cost.sqlite")
    }
    if let url = environment["SESSIONKIT_POSTGRES_URL"], !url.isEmpty {
        mergeCostBenchmarks("PostgreSQL") {
            let store = try PostgresSessionStore(configuration: .init(url: url, table: "sessionkit_bench_merge"))
            do {
                try await store.prepare()
            } catch {
                await store.shutdown()
                throw error
            }
            return store
        } close: { store in
            await store.shutdown()
        }
    }
    if let url = environment["SESSIONKIT_REDIS_URL"], !url.isEmpty {
        mergeCostBenchmarks("Redis") {
            try RedisSessionStore(url: url, keyPrefix: "sessionkit-bench-merge:")
        } close: { store in
            await store.shutdown()
        }
    }
}

/// Registers the four rows of one store.
///
/// - Parameters:
///   - name: the store's name in the benchmark names ("memory: apply, merge", …).
///   - scalingFactor: `.kilo` for a store whose operations take about a µs (one sample = 1,000
///     of them), else `.one` (one sample = one operation: per-operation percentiles).
///   - open: opens the store (setup of every benchmark).
///   - close: releases it after the benchmark (teardown).
func mergeCostBenchmarks<Store: SessionStore>(
    _ name: String,
    scalingFactor: BenchmarkScalingFactor = .one,
    open: @escaping @Sendable () async throws -> Store,
    close: @escaping @Sendable (Store) async -> Void = { _ in }
) {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        warmupIterations: 10,
        scalingFactor: scalingFactor,
        maxDuration: .seconds(3),
        maxIterations: 100_000
    )

    for lastWriterWins in [false, true] {
        let save = lastWriterWins ? "last writer wins" : "merge"
        // The teardown hook gets no state: each benchmark keeps its store here to close it.
        func register(
            _ title: String, _ body: @escaping @Sendable (Benchmark, MergeCostFixture) async throws -> Void
        ) {
            let opened = OpenedStore<Store>()
            Benchmark(
                "\(name): \(title), \(save)",
                configuration: configuration,
                closure: body,
                setup: {
                    let store = try await open()
                    opened.store = store
                    let fixture = try await MergeCostFixture(
                        store: lastWriterWins ? LastWriterWinsStore(store) : store)
                    try await BaselineCheck.verify(store, name: name)
                    return fixture
                },
                teardown: {
                    if let store = opened.store { await close(store) }
                    opened.store = nil
                }
            )
        }

        register("apply") { benchmark, fixture in
            for _ in benchmark.scaledIterations {
                blackHole(try await fixture.applyOne())
            }
        }
        register("request") { benchmark, fixture in
            for _ in benchmark.scaledIterations {
                blackHole(try await fixture.requestOne())
            }
        }
    }
}

/// The store of one benchmark, for its teardown. Setup, closure and teardown run one after the
/// other.
final class OpenedStore<Store: SessionStore>: @unchecked Sendable {
    var store: Store?
}
