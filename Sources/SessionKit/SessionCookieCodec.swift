import CompressNIO
import NIOCore

/// Flask's signed session cookie (`SecureCookieSessionInterface`): tagged JSON, zlib when it saves
/// at least two bytes (marked by a leading `.`), base64url, timestamp-signed.
///
/// Decoding bounds its cost before doing work: the length is checked before anything else, the
/// signature before any base64 or zlib, and inflation stops at `maxDecompressedSize`.
public struct SessionCookieCodec: Sendable {
    public let signer: TimestampSigner
    /// Cookies longer than this are rejected unread (Flask's `MAX_COOKIE_SIZE`, 4093).
    public let maxCookieSize: Int
    /// Inflated payloads larger than this are rejected (a zlib bomb costs nothing).
    public let maxDecompressedSize: Int

    public static let defaultSalt = "cookie-session"

    public init(
        keys: SecretKeys,
        salt: String = SessionCookieCodec.defaultSalt,
        digest: SigningDigest = .sha1,
        maxCookieSize: Int = 4093,
        maxDecompressedSize: Int = 64 * 1024
    ) {
        self.signer = TimestampSigner(keys: keys, salt: salt, digest: digest)
        self.maxCookieSize = maxCookieSize
        self.maxDecompressedSize = maxDecompressedSize
    }

    // MARK: Encoding

    /// The cookie value Flask would set for `session` signed at `timestamp`.
    public func encode(_ session: SessionObject, timestamp: Int64) -> String {
        encode(json: TaggedJSON.encode(.object(session)), timestamp: timestamp)
    }

    /// Signs already-serialized tagged JSON.
    public func encode(json: [UInt8], timestamp: Int64) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(Base64URL.encodedLength(json.count) + 40)
        SessionCookieCodec.encodePayload(json, into: &out)
        signer.sign(appendingTo: &out, timestamp: timestamp)
        return String(decoding: out, as: UTF8.self)
    }

    /// `b64u(json)`, or `"." + b64u(zlib(json))` when zlib saves at least two bytes.
    public static func encodePayload(_ json: [UInt8], into out: inout [UInt8]) {
        if let compressed = Zlib.compress(json), compressed.count < json.count - 1 {
            out.append(UInt8(ascii: "."))
            Base64URL.encode(compressed, into: &out)
        } else {
            Base64URL.encode(json, into: &out)
        }
    }

    // MARK: Decoding

    /// What a verified cookie holds.
    public struct Decoded: Sendable {
        public var session: SessionObject
        public var timestamp: Int64
        public var compressed: Bool
    }

    /// Verifies and decodes; `maxAge` nil means no age limit.
    public func decode(_ cookie: Substring, maxAge: Int64?, now: Int64) throws(SessionCookieError) -> Decoded {
        guard cookie.utf8.count <= maxCookieSize else {
            throw .oversized(length: cookie.utf8.count, limit: maxCookieSize)
        }
        let (payload, timestamp) = try signer.unsign(cookie.utf8, maxAge: maxAge, now: now)
        let (json, compressed) = try SessionCookieCodec.payloadJSON(payload, maxDecompressedSize: maxDecompressedSize)
        return Decoded(session: try SessionCookieCodec.sessionObject(fromJSON: json), timestamp: timestamp, compressed: compressed)
    }

    public func decode(_ cookie: String, maxAge: Int64?, now: Int64) throws(SessionCookieError) -> Decoded {
        try decode(Substring(cookie), maxAge: maxAge, now: now)
    }

    /// The JSON bytes inside a payload (base64, then inflate when it starts with `.`).
    public static func payloadJSON(
        _ payload: some Collection<UInt8>, maxDecompressedSize: Int
    ) throws(SessionCookieError) -> (json: [UInt8], compressed: Bool) {
        var text = payload[...]
        let compressed = text.first == UInt8(ascii: ".")
        if compressed { text = text.dropFirst() }
        guard let raw = Base64URL.decode(text) else { throw .badPayload("invalid base64") }
        guard compressed else { return (raw, false) }
        guard let inflated = Zlib.decompress(raw, limit: maxDecompressedSize) else {
            throw .badPayload("invalid zlib data or over \(maxDecompressedSize) bytes inflated")
        }
        return (inflated, true)
    }

    /// Parses tagged JSON; the top level must be an object.
    public static func sessionObject(fromJSON json: [UInt8]) throws(SessionCookieError) -> SessionObject {
        let value: SessionValue
        do {
            value = try TaggedJSON.decode(json)
        } catch {
            throw .badPayload(error.description)
        }
        guard case .object(let object) = value else {
            throw .badPayload("the session is not a JSON object")
        }
        return object
    }

    /// Reads a cookie without any key (like flask-unsign's decode): for forensics only; nothing
    /// read this way may be trusted.
    public static func decodeUnverified(
        _ cookie: Substring, maxDecompressedSize: Int = 64 * 1024
    ) throws(SessionCookieError) -> (json: [UInt8], timestamp: Int64?, compressed: Bool) {
        var parts = cookie.utf8[...]
        // Drop the signature, then the timestamp (split from the right, as the verifier does).
        guard let sigDot = parts.lastIndex(of: UInt8(ascii: ".")) else { throw .badSignature }
        parts = parts[..<sigDot]
        guard let tsDot = parts.lastIndex(of: UInt8(ascii: ".")) else { throw .badSignature }
        let timestamp = TimestampSigner.decodeTimestamp(parts[parts.index(after: tsDot)...])
        let (json, compressed) = try payloadJSON(parts[..<tsDot], maxDecompressedSize: maxDecompressedSize)
        return (json, timestamp, compressed)
    }
}

/// zlib (RFC 1950) through compress-nio, with Python's `zlib.compress` parameters: level 6,
/// windowBits 15, memLevel 8, default strategy.
enum Zlib {
    static func compress(_ bytes: [UInt8]) -> [UInt8]? {
        var buffer = ByteBuffer(bytes: bytes)
        guard var out = try? buffer.compress(with: .zlib(configuration: .init(compressionLevel: .compressionLevel6)))
        else { return nil }
        return out.readBytes(length: out.readableBytes)
    }

    /// Inflates; nil when the data is not one whole zlib stream or would exceed `limit` bytes.
    static func decompress(_ bytes: [UInt8], limit: Int) -> [UInt8]? {
        var buffer = ByteBuffer(bytes: bytes)
        guard bytes.count >= 6,
            var out = try? buffer.decompress(with: .zlib(), maxSize: limit),
            buffer.readableBytes == 0,
            let inflated = out.readBytes(length: out.readableBytes)
        else { return nil }
        // compress-nio returns what it inflated even when the stream stops early; a whole stream
        // ends with the Adler-32 of its content, so a truncated one fails this check.
        let trailer = bytes.suffix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        guard trailer == adler32(inflated) else { return nil }
        return inflated
    }

    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        var index = 0
        while index < bytes.count {
            // 5552 is the largest run that cannot overflow before the modulo (zlib's NMAX).
            let end = min(index + 5552, bytes.count)
            while index < end {
                a &+= UInt32(bytes[index])
                b &+= a
                index += 1
            }
            a %= 65521
            b %= 65521
        }
        return b << 16 | a
    }
}
