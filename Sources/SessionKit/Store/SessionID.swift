import Crypto

/// A server-side session id: 32 bytes from the system CSPRNG, URL-safe base64 (43 characters,
/// 256 bits), as Flask-Session's `secrets.token_urlsafe(32)`.
public struct SessionID: Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String
    /// Where stores keep this session: a SHA-256 of the id, so that a store dump or a timing side
    /// channel on the lookup does not reveal live ids. Computed once (a save needs it again).
    public let storageKey: SessionStorageKey

    static let byteCount = 32
    public static let length = 43

    /// A fresh random id.
    public static func generate() -> SessionID {
        SessionID(unchecked: Base64URL.encode(SecureRandom.bytes(byteCount)))
    }

    init(unchecked rawValue: String) {
        self.rawValue = rawValue
        self.storageKey = Self.storageKey(of: rawValue)
    }

    /// Accepts only the exact shape SessionKit issues: 43 characters of `A-Z a-z 0-9 - _`.
    /// Anything else (a path, an empty or 10 KB string, other encodings) is not an id.
    public init?(validating text: some StringProtocol) {
        let shaped = text.utf8.withContiguousStorageIfAvailable(Self.isIDShaped)
            ?? Array(text.utf8).withUnsafeBufferPointer(Self.isIDShaped)
        guard shaped else { return nil }
        self.init(unchecked: String(text))
    }

    private static func isIDShaped(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == length else { return false }
        return Base64URL.isURLSafe(bytes)
    }

    private static func storageKey(of rawValue: String) -> SessionStorageKey {
        var hasher = SHA256()
        var text = rawValue
        text.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        return hasher.finalize().withUnsafeBytes { SessionStorageKey(digest: $0) }
    }

    /// The first characters only: ids are never logged whole.
    public var description: String { String(rawValue.prefix(6)) + "…" }
}

/// The key under which a store files a session: the SHA-256 of the session id, written as
/// lowercase hex (`hex`: 64 characters of `0-9 a-f`, safe as a file name, a Redis key or a SQL
/// value). Held as the digest's 32 bytes: comparing, hashing and the memory store's lookups need
/// no string, and `hex` is only written when a store asks for it.
public struct SessionStorageKey: Sendable, Hashable, CustomStringConvertible {
    /// The digest's bytes 0-7, 8-15, 16-23 and 24-31, big-endian.
    let w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64

    init(w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64) {
        (self.w0, self.w1, self.w2, self.w3) = (w0, w1, w2, w3)
    }

    /// `digest`: 32 bytes.
    init(digest: UnsafeRawBufferPointer) {
        precondition(digest.count == 32, "a SessionStorageKey is a 32-byte digest")
        func word(_ offset: Int) -> UInt64 { UInt64(bigEndian: digest.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        self.init(w0: word(0), w1: word(8), w2: word(16), w3: word(24))
    }

    /// Accepts exactly 64 lowercase hex digits (what stores read back from their own listings).
    public init?(hex: some StringProtocol) {
        let parsed: SessionStorageKey?? = hex.utf8.withContiguousStorageIfAvailable(Self.parse)
        guard let key = parsed ?? Array(hex.utf8).withUnsafeBufferPointer(Self.parse) else { return nil }
        self = key
    }

    private static func parse(_ digits: UnsafeBufferPointer<UInt8>) -> SessionStorageKey? {
        guard digits.count == 64 else { return nil }
        func word(_ start: Int) -> UInt64? {
            var word: UInt64 = 0
            for c in digits[start..<start + 16] {
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): word = word << 4 | UInt64(c &- UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): word = word << 4 | UInt64(c &- UInt8(ascii: "a") &+ 10)
                default: return nil
                }
            }
            return word
        }
        guard let w0 = word(0), let w1 = word(16), let w2 = word(32), let w3 = word(48) else { return nil }
        return SessionStorageKey(w0: w0, w1: w1, w2: w2, w3: w3)
    }

    /// 64 lowercase hex digits.
    public var hex: String {
        String(unsafeUninitializedCapacity: 64) { out in
            writeHex(into: out)
            return 64
        }
    }

    /// Writes the 64 hex digits to the start of `out` (at least 64 bytes).
    package func writeHex(into out: UnsafeMutableBufferPointer<UInt8>) {
        precondition(out.count >= 64)
        let digits: StaticString = "0123456789abcdef"
        digits.withUTF8Buffer { d in
            func put(_ word: UInt64, at start: Int) {
                var shift: UInt64 = 60
                for i in start..<start + 16 {
                    out[i] = d[Int(truncatingIfNeeded: (word >> shift) & 0xF)]
                    shift &-= 4
                }
            }
            put(w0, at: 0)
            put(w1, at: 16)
            put(w2, at: 32)
            put(w3, at: 48)
        }
    }

    public var description: String { String(hex.prefix(8)) + "…" }
}
