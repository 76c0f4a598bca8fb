import Crypto
import protocol Foundation.ContiguousBytes
import protocol Foundation.DataProtocol

/// The digest inside the HMAC, for both key derivation and signing (itsdangerous' `digest_method`).
public enum SigningDigest: String, Sendable, CaseIterable, Hashable {
    case sha1
    case sha256

    /// Length of a raw MAC in bytes.
    public var macLength: Int {
        switch self {
        case .sha1: return 20
        case .sha256: return 32
        }
    }
}

/// An HMAC whose key schedule (the inner and outer pads) is computed once per key, not per
/// message: each MAC copies the keyed state and only hashes the message.
struct KeyedHMAC: @unchecked Sendable {
    // @unchecked: the HMAC values are never mutated after init; every use works on a copy
    // (swift-crypto's digest contexts are copy-on-write).
    private enum Keyed {
        case sha1(HMAC<Insecure.SHA1>)
        case sha256(HMAC<SHA256>)
    }

    private let keyed: Keyed

    init(key: some ContiguousBytes, digest: SigningDigest) {
        let symmetric = SymmetricKey(data: key)
        switch digest {
        case .sha1: keyed = .sha1(HMAC<Insecure.SHA1>(key: symmetric))
        case .sha256: keyed = .sha256(HMAC<SHA256>(key: symmetric))
        }
    }

    /// itsdangerous' "hmac" key derivation: `HMAC(secret, salt)`, used as the signing key.
    static func derive(secret: SecretKey, salt: [UInt8], digest: SigningDigest) -> KeyedHMAC {
        let base = KeyedHMAC(key: secret.bytes, digest: digest)
        return KeyedHMAC(key: base.mac(salt), digest: digest)
    }

    func mac(_ message: some DataProtocol) -> [UInt8] {
        switch keyed {
        case .sha1(var h):
            h.update(data: message)
            return Array(h.finalize())
        case .sha256(var h):
            h.update(data: message)
            return Array(h.finalize())
        }
    }

    /// Constant-time comparison of the MAC of `message` with `signature` (swift-crypto's
    /// `MessageAuthenticationCode ==` compares without early exit).
    func isValid(_ signature: [UInt8], for message: some DataProtocol) -> Bool {
        switch keyed {
        case .sha1(var h):
            h.update(data: message)
            return h.finalize() == signature
        case .sha256(var h):
            h.update(data: message)
            return h.finalize() == signature
        }
    }
}
