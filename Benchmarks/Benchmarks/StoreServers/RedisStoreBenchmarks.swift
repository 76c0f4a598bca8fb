import Benchmark
import SessionKit
import SessionKitRedis

/// `RedisSessionStore` load, apply and loads in flight, 10,000 typical sessions under the key
/// prefix `sessionkit-bench:` in `$SESSIONKIT_REDIS_URL` (set by `scripts/bench-stores`, which
/// starts a throwaway server; a fatal error when it is missing). The store keeps its defaults (at
/// most 4 connections, commands pipelined on each, 2 s command timeout). The throwaway server
/// has no persistence.
func redisStoreBenchmarks() {
    serverStoreBenchmarks(name: "Redis") {
        let url = requiredEnvironment("SESSIONKIT_REDIS_URL", for: "Redis")
        let store = try RedisSessionStore(url: url, keyPrefix: "sessionkit-bench:")
        do {
            return try await ServerStoreFixture(store: store, fillConcurrency: 32)
        } catch {
            await store.shutdown()
            throw error
        }
    } close: { store in
        await store.shutdown()
    }
}
