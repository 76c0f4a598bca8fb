// swift-tools-version:6.1
// Benchmarks live in their own package so that the library's test build never compiles them.
// Run: cd Benchmarks && swift package benchmark
import PackageDescription

let package = Package(
    name: "SessionKitBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "SessionKit", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
    ],
    targets: [
        .executableTarget(
            name: "SessionCodec",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SessionKit", package: "SessionKit"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Benchmarks/SessionCodec",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "SessionEngine",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SessionKit", package: "SessionKit"),
                .product(name: "SessionKitDirectory", package: "SessionKit"),
            ],
            path: "Benchmarks/SessionEngine",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "SessionStores",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SessionKit", package: "SessionKit"),
                .product(name: "SessionKitDirectory", package: "SessionKit"),
            ],
            path: "Benchmarks/SessionStores",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "StoreMemory",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SessionKit", package: "SessionKit"),
            ],
            path: "Benchmarks/StoreMemory",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "StoreServers",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SessionKit", package: "SessionKit"),
                .product(name: "SessionKitSQLite", package: "SessionKit"),
                .product(name: "SessionKitPostgres", package: "SessionKit"),
                .product(name: "SessionKitRedis", package: "SessionKit"),
            ],
            path: "Benchmarks/StoreServers",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // SessionKit's merging save against a last-writer-wins baseline on the same stores.
        .executableTarget(
            name: "MergeCost",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SessionKit", package: "SessionKit"),
                .product(name: "SessionKitDirectory", package: "SessionKit"),
                .product(name: "SessionKitSQLite", package: "SessionKit"),
                .product(name: "SessionKitPostgres", package: "SessionKit"),
                .product(name: "SessionKitRedis", package: "SessionKit"),
            ],
            path: "Benchmarks/MergeCost",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Not an ordo-one benchmark: a plain program (scripts/bench-scale) that fills stores with
        // 1M sessions and prints latencies by store size and during a full sweep.
        .executableTarget(
            name: "SessionScale",
            dependencies: [
                .product(name: "SessionKit", package: "SessionKit"),
                .product(name: "SessionKitDirectory", package: "SessionKit"),
            ],
            path: "Benchmarks/SessionScale"
        ),
    ]
)
