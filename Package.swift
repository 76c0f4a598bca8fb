// swift-tools-version:6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "SessionKit",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "SessionKit", targets: ["SessionKit"]),
        .library(name: "SessionKitHummingbird", targets: ["SessionKitHummingbird"]),
        .library(name: "SessionKitDirectory", targets: ["SessionKitDirectory"]),
        .library(name: "SessionKitSQLite", targets: ["SessionKitSQLite"]),
        .library(name: "SessionKitRedis", targets: ["SessionKitRedis"]),
        .library(name: "SessionKitPostgres", targets: ["SessionKitPostgres"]),
        .executable(name: "session-demo", targets: ["session-demo"]),
        .executable(name: "sessionkit", targets: ["sessionkit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        // Tests only: proves SessionKit's names coexist with HummingbirdAuth's in one file.
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
    ],
    targets: [
        // getrandom(2) in one call (Glibc's Swift module does not export it).
        .target(name: "CSessionKitRandom"),
        // preadv2(RWF_NOWAIT): reads that never wait for the disk (Glibc's module lacks it).
        .target(name: "CSessionKitFileIO"),
        // The core: no HTTP framework.
        .target(
            name: "SessionKit",
            dependencies: [
                "CSessionKitRandom",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // Directory store: one file per session in a folder (the demo's default store).
        .target(
            name: "SessionKitDirectory",
            dependencies: [
                "SessionKit",
                "CSessionKitFileIO",
                .product(name: "CompressNIO", package: "compress-nio"),  // zlib's crc32 (CCompressZlib)
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // SQLite store (GRDB over the system's libsqlite3): one database file, WAL, many processes.
        .target(
            name: "SessionKitSQLite",
            dependencies: [
                "SessionKit",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Redis store, with its own small RESP2 client on SwiftNIO.
        .target(
            name: "SessionKitRedis",
            dependencies: [
                "SessionKit",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // PostgreSQL store, on postgres-nio's connection pool.
        .target(
            name: "SessionKitPostgres",
            dependencies: [
                "SessionKit",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // Hummingbird 2 adapter: translates, holds no session logic.
        .target(
            name: "SessionKitHummingbird",
            dependencies: [
                "SessionKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // The tutorial's app, as a library so tests can serve it in-process.
        .target(
            name: "SessionDemo",
            dependencies: [
                "SessionKit",
                "SessionKitDirectory",
                "SessionKitSQLite",
                "SessionKitHummingbird",
                "SessionKitRedis",
                "SessionKitPostgres",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "session-demo",
            dependencies: [
                "SessionDemo",
                "SessionKitDirectory",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The cookie tools, as a library so tests can run commands in-process.
        .target(
            name: "SessionKitCLI",
            dependencies: [
                "SessionKit",
                "SessionKitDirectory",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "sessionkit",
            dependencies: ["SessionKitCLI"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SessionKitTests",
            dependencies: [
                "SessionKit",
                "SessionKitDirectory",
                "SessionKitSQLite",
                .product(name: "Crypto", package: "swift-crypto"),
                "SessionKitRedis",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                "SessionKitPostgres",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SessionKitHummingbirdTests",
            dependencies: [
                "SessionKit",
                "SessionKitHummingbird",
                "SessionKitDirectory",
                "SessionDemo",
                "SessionKitSQLite",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SessionKitCLITests",
            dependencies: ["SessionKitCLI", "SessionKit", "SessionKitDirectory"],
            swiftSettings: swiftSettings
        ),
    ]
)
