import Benchmark
import Foundation
import SessionKit

/// The server-backed stores — SQLite, PostgreSQL, Redis — on a typical session, with 10,000
/// sessions stored:
///
/// - "load": one load after the other (one sample = one load: per-load latency).
/// - "apply": one key of the session changed, one apply after the other.
/// - "load, N in flight" for N = 1, 8, 32, 128: a task group keeps N loads outstanding on the one
///   store (one sample = 1,000 loads; "iterations" count loads, so the throughput metric reads in
///   loads per second). The Redis client pipelines concurrent commands on its connections; the
///   PostgreSQL and SQLite series are there to measure changes that batch concurrent loads.
///   The metric "Loads per second" has the throughput to the load (the harness's own throughput
///   metric counts whole samples, i.e. thousands of loads, per second).
///
/// PostgreSQL and Redis need servers: run `scripts/bench-stores`, which starts throwaway ones and
/// exports `SESSIONKIT_POSTGRES_URL` and `SESSIONKIT_REDIS_URL` (a benchmark whose variable is
/// missing stops with a fatal error rather than skipping). Each benchmark runs in its own process;
/// the 10,000 sessions are written by the first one and reused by the others (see
/// `ServerStoreFixture`).
let benchmarks: @Sendable () -> Void = {
    sqliteStoreBenchmarks()
    postgresStoreBenchmarks()
    redisStoreBenchmarks()
}

/// Registers the load, apply and load-in-flight benchmarks of one store.
///
/// - Parameters:
///   - name: the store's name in the benchmark names ("SQLite store load", …).
///   - open: opens the store and returns its fixture, filled (setup of every benchmark).
///   - close: releases the store after the benchmark (teardown).
func serverStoreBenchmarks<Store: SessionStore>(
    name: String,
    open: @escaping @Sendable () async throws -> ServerStoreFixture<Store>,
    close: @escaping @Sendable (Store) async -> Void = { _ in }
) {
    // One sample = one operation: each one is a round trip or disk I/O of tens of µs or more, so
    // the harness's own cost per sample does not matter, and the percentiles are per operation.
    let sequential = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        warmupIterations: 100,
        scalingFactor: .one,
        maxDuration: .seconds(3),
        maxIterations: 100_000
    )
    // One sample = 1,000 loads (N outstanding at any time); the metrics are per load. The
    // harness's throughput counts whole samples per second (4.6K loads/s shows as "4 K"), so
    // `loadsPerSecond` measures the same to the load.
    let inFlight = Benchmark.Configuration(
        metrics: [.throughput, loadsPerSecond, .wallClock, .mallocCountTotal],
        units: [loadsPerSecond: .count],
        warmupIterations: 2,
        scalingFactor: .kilo,
        maxDuration: .seconds(5),
        maxIterations: 1_000
    )

    // The teardown hook gets no state: each benchmark keeps its fixture here to close it.
    func register(
        _ title: String, _ configuration: Benchmark.Configuration,
        _ body: @escaping @Sendable (Benchmark, ServerStoreFixture<Store>) async throws -> Void
    ) {
        let opened = OpenedFixture<Store>()
        Benchmark(
            "\(name) store \(title)",
            configuration: configuration,
            closure: body,
            setup: {
                let fixture = try await open()
                opened.fixture = fixture
                return fixture
            },
            teardown: {
                if let fixture = opened.fixture { await close(fixture.store) }
                opened.fixture = nil
            }
        )
    }

    register("load", sequential) { benchmark, fixture in
        for _ in benchmark.scaledIterations {
            blackHole(try await fixture.loadOne())
        }
    }
    register("apply", sequential) { benchmark, fixture in
        for _ in benchmark.scaledIterations {
            blackHole(try await fixture.applyOne())
        }
    }
    for n in [1, 8, 32, 128] {
        register("load, \(n) in flight", inFlight) { benchmark, fixture in
            let loads = benchmark.scaledIterations.count
            let started = ContinuousClock.now
            try await fixture.load(loads, inFlight: n)
            let elapsed = (ContinuousClock.now - started).components
            let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
            benchmark.measurement(loadsPerSecond, Int((Double(loads) / seconds).rounded()))
        }
    }
}

/// Loads per second over one sample of "load, N in flight", exact (not rounded to thousands).
let loadsPerSecond = BenchmarkMetric.custom("Loads per second", polarity: .prefersLarger, useScalingFactor: false)

/// The fixture of one benchmark, for its teardown. Setup, closure and teardown run one after the
/// other.
final class OpenedFixture<Store: SessionStore>: @unchecked Sendable {
    var fixture: ServerStoreFixture<Store>?
}

/// A store holding `sessions` typical sessions, and the keys to visit in a shuffled order.
///
/// The keys are derived from fixed ids (`sessionkit-bench-0…01` …), so a store filled by an
/// earlier benchmark process (or an earlier run, for a SQLite file or a server left running) is
/// recognised and reused: the fill ends with a sentinel session, and a store that holds the
/// sentinel is not filled again. Benchmark iterations run one after the other, so the
/// unsynchronized cursor is safe.
final class ServerStoreFixture<Store: SessionStore>: @unchecked Sendable {
    static var t0: Int64 { 1_700_000_000 }
    /// Long enough that no record expires while a benchmark runs.
    static var ttl: Int64 { 1_000_000_000 }

    let store: Store
    let keys: [SessionStorageKey]
    private var cursor = 0
    private var applies = 0

    /// Fills `fillStore` (when it does not hold the sentinel yet) with `sessions` sessions,
    /// `fillConcurrency` creates at a time, then reads every key once through `store`.
    init(store: Store, sessions: Int = 10_000, fillStore: (any SessionStore)? = nil, fillConcurrency: Int = 1) async throws {
        self.store = store
        let all = (0..<sessions).map(Self.key)
        let sentinel = Self.key(sessions)
        let filler = fillStore ?? store
        if try await filler.load(sentinel, now: Self.t0) == nil {
            let started = ContinuousClock.now
            try await withThrowingTaskGroup(of: Void.self) { group in
                var next = 0
                func add(into group: inout ThrowingTaskGroup<Void, any Error>) {
                    let key = all[next]
                    next += 1
                    group.addTask { _ = try await filler.create(key, record: Self.record()) }
                }
                while next < min(fillConcurrency, all.count) { add(into: &group) }
                while try await group.next() != nil {
                    if next < all.count { add(into: &group) }
                }
            }
            _ = try await filler.create(sentinel, record: Self.record())
            print("filled \(Store.self) with \(sessions) sessions in \(ContinuousClock.now - started)")
        }
        // Every key must be there: a missing one would time a cheaper miss.
        for key in all {
            if try await store.load(key, now: Self.t0) == nil {
                fatalError("\(Store.self): session \(key) is missing after the fill")
            }
        }
        keys = all.shuffled()
    }

    /// A fixed, valid session id per index; the store sees its SHA-256, as for real ids.
    static func key(_ index: Int) -> SessionStorageKey {
        let digits = String(index)
        let id = "sessionkit-bench-" + String(repeating: "0", count: SessionID.length - 17 - digits.count) + digits
        guard let sessionID = SessionID(validating: id) else { fatalError("bad benchmark id \(id)") }
        return sessionID.storageKey
    }

    /// A typical session: a user name, a 43-character token, an integer.
    static func record() -> SessionRecord {
        let data: SessionObject = [
            "username": "admin", "csrf_token": .string(String(repeating: "x", count: 43)), "visits": 1,
        ]
        return SessionRecord(
            data: data, createdAt: t0, lastAccessAt: t0, absoluteDeadline: nil, expiresAt: t0 + ttl)
    }

    func next() -> SessionStorageKey {
        defer { cursor = (cursor + 1) % keys.count }
        return keys[cursor]
    }

    func loadOne() async throws -> SessionRecord {
        let key = next()
        guard let record = try await store.load(key, now: Self.t0) else {
            throw FixtureError("\(Store.self): session \(key) missing on load")
        }
        return record
    }

    /// Changes one key (`visits`) of the next session.
    func applyOne() async throws -> SessionRecord {
        let key = next()
        applies += 1
        let changes = SessionChangeSet(
            changes: [SessionChange(key: "visits", value: .int(applies))],
            now: Self.t0, expiresAt: Self.t0 + Self.ttl)
        guard let record = try await store.apply(changes, to: key) else {
            throw FixtureError("\(Store.self): session \(key) missing on apply")
        }
        return record
    }

    /// Runs `total` loads with `inFlight` of them outstanding at any time: each one that finishes
    /// starts the next.
    func load(_ total: Int, inFlight: Int) async throws {
        let store = self.store
        try await withThrowingTaskGroup(of: SessionStorageKey?.self) { group in
            var issued = 0
            func add(into group: inout ThrowingTaskGroup<SessionStorageKey?, any Error>) {
                let key = next()
                issued += 1
                group.addTask { try await store.load(key, now: Self.t0) == nil ? key : nil }
            }
            while issued < min(inFlight, total) { add(into: &group) }
            while let missing = try await group.next() {
                if let missing { throw FixtureError("\(Store.self): session \(missing) missing on load") }
                if issued < total { add(into: &group) }
            }
        }
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The value of an environment variable the benchmark cannot run without; stops the process with
/// a message saying how to provide it.
func requiredEnvironment(_ name: String, for store: String) -> String {
    guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else {
        fatalError(
            "\(name) is not set: the \(store) benchmarks need a server. Run them with scripts/bench-stores "
                + "(it starts throwaway PostgreSQL and Redis servers and sets SESSIONKIT_POSTGRES_URL and "
                + "SESSIONKIT_REDIS_URL), or set \(name) to a server the benchmark may write to.")
    }
    return value
}
