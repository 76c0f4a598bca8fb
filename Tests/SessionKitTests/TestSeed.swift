import Foundation
import Testing

/// SplitMix64 (Steele, Lea and Flood, 2014): a small deterministic generator, so that the
/// random-value tests replay from a seed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The seed of every random-value test: `SESSIONKIT_TEST_SEED` (decimal, or hex after `0x`) when
/// set, else a fresh one for this run of the test binary, printed once. Each test draws from a
/// generator of its own, keyed by its name, so its values do not depend on which other tests ran:
/// a failure replays with `SESSIONKIT_TEST_SEED=<seed>` and a `--filter` for that test alone.
enum TestSeed {
    static let value: UInt64 = {
        let seed: UInt64
        if let text = ProcessInfo.processInfo.environment["SESSIONKIT_TEST_SEED"], !text.isEmpty {
            let parsed = text.lowercased().hasPrefix("0x") ? UInt64(text.dropFirst(2), radix: 16) : UInt64(text)
            guard let parsed else { preconditionFailure("SESSIONKIT_TEST_SEED=\(text) is not a 64-bit number") }
            seed = parsed
        } else {
            var system = SystemRandomNumberGenerator()
            seed = system.next()
        }
        print("◇ random-value tests use SESSIONKIT_TEST_SEED=\(seed)")
        return seed
    }()

    /// What a failing check adds to its message.
    static var rerun: String { "random values from seed \(value): rerun with SESSIONKIT_TEST_SEED=\(value)" }

    /// A generator for the calling test (`name` defaults to its function name), one `stream` per
    /// concurrent worker or test argument.
    static func generator(_ name: String = #function, stream: UInt64 = 0) -> SplitMix64 {
        // FNV-1a of the name: stable across runs, unlike `Hasher`.
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        var mixer = SplitMix64(seed: value ^ hash)
        return SplitMix64(seed: mixer.next() &+ stream &* 0xD1B5_4A32_D192_ED03)
    }
}

extension Trait where Self == IssueHandlingTrait {
    /// Adds `TestSeed.rerun` to every issue the test records, so each failure of a random-value
    /// test says how to replay it.
    static var seeded: Self {
        .compactMapIssues { issue in
            var issue = issue
            issue.comments.append(Comment(rawValue: TestSeed.rerun))
            return issue
        }
    }
}
