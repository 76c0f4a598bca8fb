/// A secret key: raw bytes. Text keys are UTF-8 encoded, as Flask does.
public struct SecretKey: Sendable, Hashable {
    public let bytes: [UInt8]

    public init(_ text: String) { self.bytes = Array(text.utf8) }
    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// Parses hexadecimal text (upper or lower case, even length).
    public init?(hex: String) {
        var bytes: [UInt8] = []
        var high: UInt8?
        for c in hex.utf8 {
            let nibble: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = c - UInt8(ascii: "A") + 10
            default: return nil
            }
            if let h = high {
                bytes.append(h << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        guard high == nil else { return nil }
        self.bytes = bytes
    }

    public var isEmpty: Bool { bytes.isEmpty }

    /// The minimum length of a key that SessionKit accepts without `allowWeakKeys`.
    public static let minimumLength = 16

    /// Why this key is unfit for production, or nil when it is acceptable: empty, a known
    /// placeholder, shorter than `minimumLength` bytes, or estimated below
    /// `KeyStrength.minimumBits` (dictionary words, runs, repetitions: see `KeyStrength`).
    public var weakness: String? {
        if bytes.isEmpty { return "the secret key is empty" }
        if let text = String(validating: bytes, as: UTF8.self),
            WeakSecretKeys.isKnown(text)
        {
            return "the secret key is a well-known placeholder or leaked default"
        }
        if bytes.count < SecretKey.minimumLength {
            return "the secret key is \(bytes.count) bytes long; at least \(SecretKey.minimumLength) are required"
        }
        if Set(bytes).count == 1 {
            return "the secret key repeats a single character"
        }
        let strength = self.strength
        if strength.bits < KeyStrength.minimumBits {
            let reading = strength.patterns.isEmpty
                ? "too few random characters"
                : strength.patterns.map(\.rawValue).joined(separator: ", ")
            return """
                the secret key is guessable: it reads as \(reading), about \(Int(strength.bits)) bits of \
                estimated strength where at least \(Int(KeyStrength.minimumBits)) are needed (one signed cookie \
                lets an attacker test guesses offline)
                """
        }
        return nil
    }

    /// How many guesses the key resists, estimated from its patterns (see `KeyStrength`).
    var strength: KeyStrength { KeyStrength(bytes) }

    /// A new key: `byteCount` bytes from the system's CSPRNG.
    public static func generate(byteCount: Int = 32) -> SecretKey {
        SecretKey(bytes: SecureRandom.bytes(byteCount))
    }

    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension SecretKey: CustomStringConvertible, CustomDebugStringConvertible {
    /// Never prints the key itself.
    public var description: String { "SecretKey(\(bytes.count) bytes)" }
    public var debugDescription: String { description }
}

/// The signing key and the older keys that still verify (Flask's `SECRET_KEY_FALLBACKS`).
public struct SecretKeys: Sendable, Hashable {
    /// Signs and verifies.
    public var current: SecretKey
    /// Verify only, never sign; in configuration order (oldest first), tried newest first.
    public var fallbacks: [SecretKey]

    public init(current: SecretKey, fallbacks: [SecretKey] = []) {
        self.current = current
        self.fallbacks = fallbacks
    }

    /// Verification order, as Flask: the current key, then the fallbacks from the last to the first.
    var verificationOrder: [SecretKey] { [current] + fallbacks.reversed() }
}
