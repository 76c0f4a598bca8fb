import ArgumentParser
import Foundation
import SessionKit

/// The secret-key options shared by every command that signs or verifies: `--key`/`--key-hex`
/// and the fallbacks. `KeyOptions` (cookie sessions) and `IDKeyOptions` (signed session ids)
/// add the digest and the salt, whose default differs between the two.
///
/// Fallback keys keep the order in which they appear on the command line even when `--fallback`
/// and `--fallback-hex` are interleaved (`--fallback a --fallback-hex 62 --fallback c` gives
/// a, b, c): each value records its position as ArgumentParser reads the arguments left to right.
package struct SecretKeyOptions: ParsableArguments {
    @Option(
        name: .customLong("key"),
        help: ArgumentHelp(
            "SECRET_KEY as text, UTF-8 encoded as Flask does (this or --key-hex is required).",
            valueName: "text"
        )
    )
    package var key: String?

    @Option(
        name: .customLong("key-hex"),
        help: ArgumentHelp(
            "SECRET_KEY as raw bytes, in hex (for bytes keys such as b'_5#y2L\"F4Q8z\\n\\xec]/').",
            valueName: "hex"
        )
    )
    package var keyHex: String?

    @Option(
        name: .customLong("fallback"),
        help: ArgumentHelp(
            "A SECRET_KEY_FALLBACKS entry as text; repeatable, in config order (oldest first). Verification only.",
            valueName: "text"
        )
    )
    var fallbackTexts: [OrderedArgument] = []

    @Option(
        name: .customLong("fallback-hex"),
        help: ArgumentHelp(
            "A SECRET_KEY_FALLBACKS entry as raw bytes in hex; repeatable, ordered with --fallback as given.",
            valueName: "hex"
        )
    )
    var fallbackHexes: [OrderedArgument] = []

    package init() {}

    package mutating func validate() throws {
        _ = try secretKeys()
    }

    /// The current key and the fallbacks (in command-line order), or a usage error.
    package func secretKeys() throws(ValidationError) -> SecretKeys {
        let current: SecretKey
        switch (key, keyHex) {
        case (nil, nil):
            throw ValidationError("A key is required: pass --key TEXT or --key-hex HEX.")
        case (.some, .some):
            throw ValidationError("Pass either --key or --key-hex, not both.")
        case (let text?, nil):
            current = SecretKey(text)
        case (nil, let hex?):
            current = try Self.parseHex(hex, option: "--key-hex")
        }
        guard !current.isEmpty else {
            throw ValidationError("The key is empty (Flask disables sessions without a key).")
        }
        var fallbacks: [(ordinal: Int, key: SecretKey)] = []
        for argument in fallbackTexts {
            fallbacks.append((argument.ordinal, SecretKey(argument.value)))
        }
        for argument in fallbackHexes {
            fallbacks.append((argument.ordinal, try Self.parseHex(argument.value, option: "--fallback-hex")))
        }
        fallbacks.sort { $0.ordinal < $1.ordinal }
        guard fallbacks.allSatisfy({ !$0.key.isEmpty }) else {
            throw ValidationError("A fallback key is empty.")
        }
        return SecretKeys(current: current, fallbacks: fallbacks.map(\.key))
    }

    static func parseHex(_ hex: String, option: String) throws(ValidationError) -> SecretKey {
        guard let key = SecretKey(hex: hex) else {
            throw ValidationError(
                "\(option) needs an even number of hex digits (0-9, a-f); got \(String(reflecting: hex)).")
        }
        return key
    }
}

/// The key and signing options of `verify` and `sign` (Flask cookie sessions: salt
/// `cookie-session`).
package struct KeyOptions: ParsableArguments {
    @OptionGroup package var secrets: SecretKeyOptions

    @Option(help: "HMAC digest (Flask: sha1).")
    package var digest: DigestOption = .sha1

    @Option(help: ArgumentHelp("Signing salt (Flask: cookie-session).", valueName: "text"))
    package var salt: String = SessionCookieCodec.defaultSalt

    package init() {}

    package var key: String? { secrets.key }
    package var keyHex: String? { secrets.keyHex }

    /// The current key and the fallbacks (in command-line order), or a usage error.
    package func secretKeys() throws(ValidationError) -> SecretKeys { try secrets.secretKeys() }
}

/// The key and signing options of `sign-id` and `verify-id` (Flask-Session's
/// `SESSION_USE_SIGNER` id cookie: itsdangerous `Signer`, salt `flask-session`, no timestamp).
package struct IDKeyOptions: ParsableArguments {
    /// Flask-Session 0.8's salt for signed ids.
    package static let defaultSalt = "flask-session"

    @OptionGroup package var secrets: SecretKeyOptions

    @Option(help: "HMAC digest (Flask-Session: sha1).")
    package var digest: DigestOption = .sha1

    @Option(help: ArgumentHelp("Signing salt (Flask-Session: flask-session).", valueName: "text"))
    package var salt: String = IDKeyOptions.defaultSalt

    package init() {}

    /// The current key and the fallbacks (in command-line order), or a usage error.
    package func secretKeys() throws(ValidationError) -> SecretKeys { try secrets.secretKeys() }

    /// The itsdangerous `Signer` these options describe.
    package func signer() throws(ValidationError) -> Signer {
        Signer(keys: try secretKeys(), salt: salt, digest: digest.signingDigest)
    }
}

/// `--digest`: the digest inside the HMAC.
package enum DigestOption: String, CaseIterable, ExpressibleByArgument, Sendable {
    case sha1
    case sha256

    package var signingDigest: SigningDigest {
        switch self {
        case .sha1: return .sha1
        case .sha256: return .sha256
        }
    }
}

/// An option value that remembers when ArgumentParser read it, so that values of two different
/// options can be put back in command-line order.
struct OrderedArgument: ExpressibleByArgument, Sendable {
    let value: String
    let ordinal: Int

    init?(argument: String) {
        self.value = argument
        self.ordinal = ArgumentOrdinal.next()
    }
}

/// A process-wide counter; ArgumentParser converts option values left to right, so a larger
/// ordinal means later on the command line within one parse.
private enum ArgumentOrdinal {
    private static let counter = Counter()

    static func next() -> Int { counter.next() }

    private final class Counter: @unchecked Sendable {
        // @unchecked: `value` is only touched under `lock`.
        private let lock = NSLock()
        private var value = 0

        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }
}
