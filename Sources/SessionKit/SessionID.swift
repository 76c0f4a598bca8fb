import Crypto

/// A server-side session id: 32 bytes from the system CSPRNG, URL-safe base64 (43 characters,
/// 256 bits), as Flask-Session's `secrets.token_urlsafe(32)`.
public struct SessionID: Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String
    /// Where stores keep this session: a SHA-256 of the id, so that a store dump or a timing side
    /// channel on the lookup does not reveal live ids. Computed once (a save needs it again).
    public let storageKey: SessionStorageKey

    public static let byteCount = 32
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
        let utf8 = text.utf8
        guard utf8.count == SessionID.length,
            utf8.allSatisfy({ Base64URL.decodeTable[Int($0)] != 0xFF && $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "/") })
        else { return nil }
        self.init(unchecked: String(text))
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

/// The key under which a store files a session: lowercase hex SHA-256 of the session id (64
/// characters of `0-9 a-f`, safe as a file name, a Redis key or a SQL value).
public struct SessionStorageKey: Sendable, Hashable, CustomStringConvertible {
    public let hex: String

    init(digest: UnsafeRawBufferPointer) {
        let digits: StaticString = "0123456789abcdef"
        self.hex = String(unsafeUninitializedCapacity: 2 * digest.count) { out in
            digits.withUTF8Buffer { d in
                for (i, b) in digest.enumerated() {
                    out[2 * i] = d[Int(b >> 4)]
                    out[2 * i + 1] = d[Int(b & 0x0F)]
                }
            }
            return 2 * digest.count
        }
    }

    /// Accepts exactly 64 lowercase hex digits (what stores read back from their own listings).
    public init?(hex: some StringProtocol) {
        guard hex.utf8.count == 64,
            hex.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) })
        else { return nil }
        self.hex = String(hex)
    }

    public var description: String { String(hex.prefix(8)) + "…" }
}
