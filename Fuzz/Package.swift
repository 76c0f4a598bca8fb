// swift-tools-version:6.1
// libFuzzer targets for SessionKit's parsers. A separate package, so the library's own build never
// compiles them; they need the sanitizer flags that `scripts/fuzz` passes:
//   swift build -c debug -Xswiftc -sanitize=fuzzer,address
import PackageDescription

let package = Package(
    name: "SessionKitFuzz",
    dependencies: [
        .package(name: "SessionKit", path: ".."),
    ],
    targets: [
        .target(name: "CFuzzDriver"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzDriver"]),
        .executableTarget(
            name: "FuzzCookieDecoder",
            dependencies: ["FuzzSupport", .product(name: "SessionKit", package: "SessionKit")]),
        .executableTarget(
            name: "FuzzSignedID",
            dependencies: ["FuzzSupport", .product(name: "SessionKit", package: "SessionKit")]),
        .executableTarget(
            name: "FuzzTaggedJSON",
            dependencies: ["FuzzSupport", .product(name: "SessionKit", package: "SessionKit")]),
        .executableTarget(
            name: "FuzzDeflate",
            dependencies: ["FuzzSupport", .product(name: "SessionKit", package: "SessionKit")]),
        .executableTarget(
            name: "FuzzRESP",
            dependencies: ["FuzzSupport", .product(name: "SessionKitRedis", package: "SessionKit")]),
    ]
)
