import Benchmark

/// Store load and apply of a typical session at 1k and 1M sessions: the cost per operation must
/// not grow with the count. The 1M directory store is filled once (about 4 GB, a few minutes)
/// and reused; see `DirectoryStoreFixture`.
let benchmarks: @Sendable () -> Void = {
    memoryStoreBenchmarks()
    directoryStoreBenchmarks()
}
