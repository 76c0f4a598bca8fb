import Crypto
import protocol Foundation.ContiguousBytes
import protocol Foundation.DataProtocol

/// The digest inside the HMAC, for both key derivation and signing (itsdangerous' `digest_method`).
public enum SigningDigest: String, Sendable, CaseIterable, Hashable {
    case sha1
    case sha256

    /// Length of a raw MAC in bytes.
    var macLength: Int {
        switch self {
        case .sha1: return 20
        case .sha256: return 32
        }
    }

    /// The longest MAC of any digest (the size of a stack buffer that holds any of them).
    static let maxMACLength = 32
}

/// An HMAC whose key schedule (the inner and outer pads) is computed once per key, not per
/// message: each MAC copies the keyed swift-crypto `HMAC` value and only hashes the message.
struct KeyedHMAC: @unchecked Sendable {
    // @unchecked: the HMAC values are never mutated after init; every use works on a copy
    // (swift-crypto's digest contexts are copy-on-write).
    private enum Keyed {
        case sha1(HMAC<Insecure.SHA1>)
        case sha256(HMAC<SHA256>)
    }

    private let keyed: Keyed

    init(key: some ContiguousBytes, digest: SigningDigest) {
        switch digest {
        case .sha1: keyed = .sha1(HMAC<Insecure.SHA1>(key: SymmetricKey(data: key)))
        case .sha256: keyed = .sha256(HMAC<SHA256>(key: SymmetricKey(data: key)))
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

    /// Calls `body` with the raw MAC of `message` (no array in between).
    func withMAC<R>(of message: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        switch keyed {
        case .sha1(var h):
            h.update(data: MessageBytes(message))
            return h.finalize().withUnsafeBytes(body)
        case .sha256(var h):
            h.update(data: MessageBytes(message))
            return h.finalize().withUnsafeBytes(body)
        }
    }

    /// Constant-time comparison of the MAC of `message` with `signature` (the raw MAC bytes).
    func isValid(_ signature: UnsafeRawBufferPointer, for message: UnsafeRawBufferPointer) -> Bool {
        withMAC(of: message) { KeyedHMAC.constantTimeEquals($0, signature) }
    }

    /// Whether two byte strings are equal, in time that depends only on their lengths (which
    /// are public: the MAC length is fixed). Every byte is read; differences are accumulated
    /// with OR, never branched on.
    ///
    /// swift-crypto's own constant-time comparison is reachable only through its generic
    /// `MessageAuthenticationCode == DataProtocol`, whose unspecialized generic dispatch costs
    /// about a fifth of a whole HMAC-SHA1 of a cookie, and an allocation; this is the same
    /// XOR/OR loop.
    @inline(never)
    static func constantTimeEquals(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in 0..<a.count { difference |= a[i] ^ b[i] }
        return difference == 0
    }
}

/// Contiguous bytes as the `DataProtocol` that swift-crypto's `HMAC.update(data:)` takes.
///
/// That method is generic and not specialized for callers outside swift-crypto: it walks
/// `data.regions` through the standard library's unspecialized `Sequence.forEach`. With an
/// `UnsafeRawBufferPointer` or an `Array`, `regions` is a `CollectionOfOne`, whose generic
/// iterator looks up `Optional<Element>` metadata at run time on every `makeIterator` and
/// `next` (about 1,000 instructions per MAC). Here the region collection and its iterator are
/// concrete types, so there is nothing to look up.
struct MessageBytes: DataProtocol, RandomAccessCollection {
    let bytes: UnsafeRawBufferPointer

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var startIndex: Int { 0 }
    var endIndex: Int { bytes.count }
    subscript(position: Int) -> UInt8 { bytes[position] }

    var regions: Regions { Regions(region: bytes) }

    /// Exactly one region: the bytes.
    struct Regions: BidirectionalCollection {
        let region: UnsafeRawBufferPointer
        var startIndex: Int { 0 }
        var endIndex: Int { 1 }
        func index(after i: Int) -> Int { i + 1 }
        func index(before i: Int) -> Int { i - 1 }
        subscript(position: Int) -> UnsafeRawBufferPointer { region }
        func makeIterator() -> Iterator { Iterator(region: region) }

        struct Iterator: IteratorProtocol {
            var region: UnsafeRawBufferPointer?
            mutating func next() -> UnsafeRawBufferPointer? {
                defer { region = nil }
                return region
            }
        }
    }
}
