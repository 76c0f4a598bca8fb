/// Flask's signed session cookie (`SecureCookieSessionInterface`): tagged JSON, zlib when it saves
/// at least two bytes (marked by a leading `.`), base64url, timestamp-signed.
///
/// Decoding bounds its cost before doing work: the length is checked before anything else, the
/// signature before any base64 or zlib, and inflation stops at `maxDecompressedSize`.
public struct SessionCookieCodec: Sendable {
    let signer: TimestampSigner
    /// Cookies longer than this are rejected unread (Flask's `MAX_COOKIE_SIZE`, 4093).
    public let maxCookieSize: Int
    /// Inflated payloads larger than this are rejected (a zlib bomb costs nothing).
    public let maxDecompressedSize: Int
    /// Payloads whose signature verified, with what they decoded to (nil: every cookie is decoded).
    let payloadCache: CookiePayloadCache?

    public static let defaultSalt = "cookie-session"

    /// `cachesDecodedPayloads`: remember what the payloads of verified cookies decoded to, so
    /// that the same cookie presented again costs its signature check only (at most about 4,096
    /// payloads and 16 MB of payload and JSON; see `CookiePayloadCache`). Off, every cookie is
    /// decoded in full.
    public init(
        keys: SecretKeys,
        salt: String = SessionCookieCodec.defaultSalt,
        digest: SigningDigest = .sha1,
        maxCookieSize: Int = 4093,
        maxDecompressedSize: Int = 64 * 1024,
        cachesDecodedPayloads: Bool = true
    ) {
        self.init(
            keys: keys, salt: salt, digest: digest, maxCookieSize: maxCookieSize,
            maxDecompressedSize: maxDecompressedSize,
            payloadCache: cachesDecodedPayloads ? CookiePayloadCache() : nil)
    }

    init(
        keys: SecretKeys, salt: String = SessionCookieCodec.defaultSalt, digest: SigningDigest = .sha1,
        maxCookieSize: Int = 4093, maxDecompressedSize: Int = 64 * 1024, payloadCache: CookiePayloadCache?
    ) {
        self.signer = TimestampSigner(keys: keys, salt: salt, digest: digest)
        self.maxCookieSize = maxCookieSize
        self.maxDecompressedSize = maxDecompressedSize
        self.payloadCache = payloadCache
    }

    // MARK: Encoding

    /// The cookie value Flask would set for `session` signed at `timestamp`.
    public func encode(_ session: SessionObject, timestamp: Int64) -> String {
        encode(json: TaggedJSON.encode(.object(session)), timestamp: timestamp)
    }

    /// Signs already-serialized tagged JSON.
    func encode(json: [UInt8], timestamp: Int64) -> String {
        var out: [UInt8] = []
        // Payload, `.`, timestamp (at most 11), `.`, signature.
        out.reserveCapacity(1 + Base64URL.encodedLength(json.count) + 13
            + Base64URL.encodedLength(signer.signer.digest.macLength))
        SessionCookieCodec.encodePayload(json, into: &out)
        signer.sign(appendingTo: &out, timestamp: timestamp)
        return String(decoding: out, as: UTF8.self)
    }

    /// Signs an already-encoded payload (as a verified cookie carried it) at `timestamp`.
    func sign(payload: Substring, timestamp: Int64) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(payload.utf8.count + 13 + Base64URL.encodedLength(signer.signer.digest.macLength))
        out.append(contentsOf: payload.utf8)
        signer.sign(appendingTo: &out, timestamp: timestamp)
        return String(decoding: out, as: UTF8.self)
    }

    /// The payload of `payload.timestamp.signature` (split from the right, as the verifier
    /// does); nil without two dots.
    static func payload(ofSignedCookie cookie: Substring) -> Substring? {
        guard let signatureDot = cookie.utf8.lastIndex(of: UInt8(ascii: ".")) else { return nil }
        let rest = cookie[..<signatureDot]
        guard let timestampDot = rest.utf8.lastIndex(of: UInt8(ascii: ".")) else { return nil }
        return rest[..<timestampDot]
    }

    /// `b64u(json)`, or `"." + b64u(zlib(json))` when zlib saves at least two bytes.
    static func encodePayload(_ json: [UInt8], into out: inout [UInt8]) {
        json.withUnsafeBytes { json in
            // Flask always tries: `if len(compressed) < len(json) - 1`.
            let usedCompressed = Zlib.withCompressed(json) { compressed -> Bool in
                guard let compressed, compressed.count < json.count - 1 else { return false }
                out.append(UInt8(ascii: "."))
                Base64URL.encode(compressed, into: &out)
                return true
            }
            if !usedCompressed { Base64URL.encode(json, into: &out) }
        }
    }

    // MARK: Decoding

    /// What a verified cookie holds.
    public struct Decoded: Sendable {
        public var session: SessionObject
        public var timestamp: Int64
        public var compressed: Bool
        /// The payload's JSON text, when the codec keeps it (its payload cache is on).
        var json: [UInt8]? = nil
    }

    /// Verifies and decodes; `maxAge` nil means no age limit.
    public func decode(_ cookie: Substring, maxAge: Int64?, now: Int64) throws(SessionCookieError) -> Decoded {
        let utf8 = cookie.utf8
        let length = utf8.count
        guard length <= maxCookieSize else {
            throw .oversized(length: length, limit: maxCookieSize)
        }
        // Everything below works in place on the cookie's UTF-8 (no copies of its parts).
        let result = utf8.withContiguousStorageIfAvailable {
            decode(bytes: $0, maxAge: maxAge, now: now)
        } ?? Array(utf8).withUnsafeBufferPointer {
            decode(bytes: $0, maxAge: maxAge, now: now)
        }
        return try result.get()
    }

    public func decode(_ cookie: String, maxAge: Int64?, now: Int64) throws(SessionCookieError) -> Decoded {
        try decode(Substring(cookie), maxAge: maxAge, now: now)
    }

    /// `decode` on the cookie's bytes: signature (every key), then timestamp and age, then the
    /// payload's base64 (into a stack buffer), zlib (capped) and JSON, unless this payload was
    /// decoded before (`payloadCache`: only after its signature and age check out).
    func decode(bytes: UnsafeBufferPointer<UInt8>, maxAge: Int64?, now: Int64) -> Result<Decoded, SessionCookieError> {
        let valueLength: Int
        let timestamp: Int64
        switch signer.unsign(bytes: bytes, maxAge: maxAge, now: now) {
        case .success(let verified): (valueLength, timestamp) = verified
        case .failure(let error): return .failure(error)
        }
        let payload = UnsafeBufferPointer(rebasing: bytes[..<valueLength])
        if let hit = payloadCache?.lookup(payload) {
            return .success(Decoded(session: hit.session, timestamp: timestamp, compressed: hit.compressed, json: hit.json))
        }
        let cache = payloadCache
        return SessionCookieCodec.withPayloadJSON(payload, maxDecompressedSize: maxDecompressedSize) { json, compressed in
            SessionCookieCodec.sessionObject(fromJSONBytes: json).map {
                guard let cache else { return Decoded(session: $0, timestamp: timestamp, compressed: compressed) }
                let text = Array(json)
                cache.insert(payload, session: $0, compressed: compressed, json: text)
                return Decoded(session: $0, timestamp: timestamp, compressed: compressed, json: text)
            }
        }
    }

    /// The JSON bytes inside a payload (base64, then inflate when it starts with `.`).
    static func payloadJSON(
        _ payload: some Collection<UInt8>, maxDecompressedSize: Int
    ) throws(SessionCookieError) -> (json: [UInt8], compressed: Bool) {
        let copy = { (payload: UnsafeBufferPointer<UInt8>) in
            withPayloadJSON(payload, maxDecompressedSize: maxDecompressedSize) { json, compressed in
                .success((Array(json), compressed))
            }
        }
        let result = payload.withContiguousStorageIfAvailable(copy) ?? Array(payload).withUnsafeBufferPointer(copy)
        return try result.get()
    }

    /// Calls `body` with the JSON bytes inside a payload, which live only during the call: on
    /// the stack (plain payloads) or in a pooled inflate buffer (compressed ones).
    static func withPayloadJSON<R>(
        _ payload: UnsafeBufferPointer<UInt8>, maxDecompressedSize: Int,
        _ body: (UnsafeBufferPointer<UInt8>, _ compressed: Bool) -> Result<R, SessionCookieError>
    ) -> Result<R, SessionCookieError> {
        var text = payload
        let compressed = text.first == UInt8(ascii: ".")
        if compressed { text = UnsafeBufferPointer(rebasing: text.dropFirst()) }
        guard let (length, end) = Base64URL.decodedLength(text) else { return .failure(.badPayload("invalid base64")) }
        // At most 3/4 of a 4 KB cookie: a stack buffer.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(length, 1)) { buffer in
            let raw = UnsafeMutableBufferPointer(rebasing: buffer[..<length])
            guard Base64URL.decode(UnsafeBufferPointer(rebasing: text[..<end]), into: raw) else {
                return .failure(.badPayload("invalid base64"))
            }
            guard compressed else { return body(UnsafeBufferPointer(raw), false) }
            return Zlib.withDecompressed(UnsafeRawBufferPointer(raw), limit: maxDecompressedSize) { inflated in
                guard let inflated else {
                    return .failure(.badPayload("invalid zlib data or over \(maxDecompressedSize) bytes inflated"))
                }
                return body(inflated.bindMemory(to: UInt8.self), true)
            }
        }
    }

    /// Parses tagged JSON; the top level must be an object.
    package static func sessionObject(fromJSON json: [UInt8]) throws(SessionCookieError) -> SessionObject {
        try json.withUnsafeBufferPointer { sessionObject(fromJSONBytes: $0) }.get()
    }

    static func sessionObject(fromJSONBytes json: UnsafeBufferPointer<UInt8>) -> Result<SessionObject, SessionCookieError> {
        let value: SessionValue
        do {
            value = try TaggedJSON.decode(json)
        } catch {
            return .failure(.badPayload(error.description))
        }
        guard case .object(let object) = value else {
            return .failure(.badPayload("the session is not a JSON object"))
        }
        return .success(object)
    }

    /// Reads a cookie without any key (like flask-unsign's decode): for forensics only; nothing
    /// read this way may be trusted.
    package static func decodeUnverified(
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
