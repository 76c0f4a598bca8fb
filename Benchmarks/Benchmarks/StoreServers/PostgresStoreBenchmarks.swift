import Benchmark
import SessionKit
import SessionKitPostgres

/// `PostgresSessionStore` load, apply and loads in flight, 10,000 typical sessions in the table
/// `sessionkit_bench_sessions` of `$SESSIONKIT_POSTGRES_URL` (set by `scripts/bench-stores`,
/// which starts a throwaway server; a fatal error when it is missing). The store keeps its
/// defaults (at most 10 connections, 5 s operation timeout). The throwaway server runs with
/// `fsync=off` and `synchronous_commit=off`: apply costs no disk flush there.
func postgresStoreBenchmarks() {
    serverStoreBenchmarks(name: "PostgreSQL") {
        let url = requiredEnvironment("SESSIONKIT_POSTGRES_URL", for: "PostgreSQL")
        let store = try PostgresSessionStore(
            configuration: .init(url: url, table: "sessionkit_bench_sessions"))
        do {
            try await store.prepare()
            return try await ServerStoreFixture(store: store, fillConcurrency: 32)
        } catch {
            await store.shutdown()
            throw error
        }
    } close: { store in
        await store.shutdown()
    }
}
