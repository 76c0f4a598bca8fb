import CompressNIO
import NIOCore
import class Foundation.NSLock

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
    public func encode(json: [UInt8], timestamp: Int64) -> String {
        var out: [UInt8] = []
        // Payload, `.`, timestamp (at most 11), `.`, signature.
        out.reserveCapacity(1 + Base64URL.encodedLength(json.count) + 13
            + Base64URL.encodedLength(signer.signer.digest.macLength))
        SessionCookieCodec.encodePayload(json, into: &out)
        signer.sign(appendingTo: &out, timestamp: timestamp)
        return String(decoding: out, as: UTF8.self)
    }

    /// Signs an already-encoded payload (as a verified cookie carried it) at `timestamp`.
    public func sign(payload: Substring, timestamp: Int64) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(payload.utf8.count + 13 + Base64URL.encodedLength(signer.signer.digest.macLength))
        out.append(contentsOf: payload.utf8)
        signer.sign(appendingTo: &out, timestamp: timestamp)
        return String(decoding: out, as: UTF8.self)
    }

    /// The payload of `payload.timestamp.signature` (split from the right, as the verifier
    /// does); nil without two dots.
    public static func payload(ofSignedCookie cookie: Substring) -> Substring? {
        guard let signatureDot = cookie.utf8.lastIndex(of: UInt8(ascii: ".")) else { return nil }
        let rest = cookie[..<signatureDot]
        guard let timestampDot = rest.utf8.lastIndex(of: UInt8(ascii: ".")) else { return nil }
        return rest[..<timestampDot]
    }

    /// `b64u(json)`, or `"." + b64u(zlib(json))` when zlib saves at least two bytes.
    public static func encodePayload(_ json: [UInt8], into out: inout [UInt8]) {
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
    public static func payloadJSON(
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
    public static func sessionObject(fromJSON json: [UInt8]) throws(SessionCookieError) -> SessionObject {
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
///
/// Streams are pooled and reset (`deflateReset`/`inflateReset`) between uses instead of being
/// created for every cookie: `deflateInit` allocates about 256 KB, which costs more (page faults)
/// than compressing a session. A reset stream produces exactly the bytes of a fresh one.
enum Zlib {
    static let configuration = ZlibConfiguration(compressionLevel: .compressionLevel6)

    /// A deflate stream with its reusable input and output buffers.
    final class Deflater {
        let compressor: ZlibCompressor
        var input = ByteBuffer()
        var output = ByteBuffer()

        init?() {
            guard let compressor = try? ZlibCompressor(algorithm: .zlib, configuration: Zlib.configuration)
            else { return nil }
            self.compressor = compressor
        }
    }

    /// An inflate stream with its reusable input and output buffers.
    final class Inflater {
        let decompressor: ZlibDecompressor
        var input = ByteBuffer()
        var output = ByteBuffer()

        init?() {
            guard let decompressor = try? ZlibDecompressor(algorithm: .zlib) else { return nil }
            self.decompressor = decompressor
        }
    }

    static let deflaters = StreamPool<Deflater>()
    static let inflaters = StreamPool<Inflater>()

    /// Buffers above this size are not kept in the pools.
    static let maxPooledBufferSize = 256 * 1024

    /// Calls `body` with `zlib.compress(bytes)` (nil if zlib failed), valid during the call:
    /// `SmallDeflate` (the same bytes, computed without zlib's 256 KB state) for sessions of up
    /// to 16,000 bytes, zlib itself for larger ones.
    static func withCompressed<R>(_ bytes: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer?) -> R) -> R {
        if let result = SmallDeflate.withCompressed(bytes, { body($0) }) { return result }
        return withZlibCompressed(bytes, body)
    }

    /// `withCompressed` by zlib, at any size.
    static func withZlibCompressed<R>(_ bytes: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer?) -> R) -> R {
        guard let deflater = deflaters.take() ?? Deflater() else { return body(nil) }
        deflater.input.clear()
        deflater.input.writeBytes(bytes)
        deflater.output.clear()
        deflater.output.reserveCapacity(deflater.compressor.maxSize(from: deflater.input))
        do {
            try deflater.compressor.deflate(from: &deflater.input, to: &deflater.output, flush: .finish)
        } catch {
            return body(nil)  // the stream is in an unknown state: not pooled again
        }
        let result = deflater.output.withUnsafeReadableBytes { body($0) }
        if (try? deflater.compressor.reset()) != nil,
            deflater.input.capacity <= maxPooledBufferSize, deflater.output.capacity <= maxPooledBufferSize
        {
            deflaters.give(deflater)
        }
        return result
    }

    static func compress(_ bytes: [UInt8]) -> [UInt8]? {
        bytes.withUnsafeBytes { withCompressed($0) { $0.map { Array($0) } } }
    }

    /// Calls `body` with the inflated bytes, valid during the call; nil when the data is not one
    /// whole zlib stream or would inflate to more than `limit` bytes (inflation stops there).
    static func withDecompressed<R>(
        _ bytes: UnsafeRawBufferPointer, limit: Int, _ body: (UnsafeRawBufferPointer?) -> R
    ) -> R {
        guard bytes.count >= 6, limit > 0, let inflater = inflaters.take() ?? Inflater() else { return body(nil) }
        inflater.input.clear()
        inflater.input.writeBytes(bytes)
        // Room for any ordinary session in one pass (64 KB, or more for a big input), never
        // more than `limit`; grown (doubling) up to `limit` for bigger ones. Capacities are
        // powers of two, so the last one may pass `limit` a little: the count is checked below.
        let firstPass = min(limit, max(64 * 1024, 4 * bytes.count))
        if inflater.output.capacity >= 2 * firstPass {
            inflater.output = ByteBuffer()  // a pooled buffer much bigger than this call allows
        }
        inflater.output.clear()
        inflater.output.reserveCapacity(firstPass)
        var ok = true
        while true {
            do {
                try inflater.decompressor.inflate(from: &inflater.input, to: &inflater.output)
            } catch let error as CompressNIOError where error == .inputBufferOverflow {
                // The input ended inside the stream: what was inflated is checked (and fails) below.
            } catch let error as CompressNIOError where error == .bufferOverflow && inflater.output.capacity < limit {
                inflater.output.reserveCapacity(min(limit, 2 * inflater.output.capacity))
                continue
            } catch {
                ok = false  // corrupt data, or `limit` bytes inflated and more to come
            }
            break
        }
        let result: R
        if ok, inflater.input.readableBytes == 0, inflater.output.readableBytes <= limit {
            result = inflater.output.withUnsafeReadableBytes { inflated in
                // compress-nio returns what it inflated even when the stream stops early; a
                // whole stream ends with the Adler-32 of its content, so a truncated one fails.
                let trailer = bytes.suffix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
                return body(trailer == adler32(inflated) ? inflated : nil)
            }
        } else {
            result = body(nil)
        }
        if (try? inflater.decompressor.reset()) != nil,
            inflater.input.capacity <= maxPooledBufferSize, inflater.output.capacity <= maxPooledBufferSize
        {
            inflaters.give(inflater)
        }
        return result
    }

    /// Inflates; nil when the data is not one whole zlib stream or would exceed `limit` bytes.
    static func decompress(_ bytes: [UInt8], limit: Int) -> [UInt8]? {
        bytes.withUnsafeBytes { withDecompressed($0, limit: limit) { $0.map { Array($0) } } }
    }

    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { adler32($0) }
    }

    static func adler32(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return 1 }
        var index = 0
        let count = bytes.count
        while index < count {
            // At most 5552 bytes between modulos cannot overflow (zlib's NMAX); 5536 = 173 · 32.
            let end = min(index + 5536, count)
            // 32 bytes at a time: a += Σx, b += 32·a + Σ(32 - k)·x[k], exactly what the
            // byte-by-byte recurrence below adds, without its serial dependency.
            while index &+ 32 <= end {
                let chunk = base + index
                var sum: UInt32 = 0
                var weighted: UInt32 = 0
                for k in 0..<32 {
                    let x = UInt32(chunk[k])
                    sum &+= x
                    weighted &+= x &* UInt32(truncatingIfNeeded: 32 &- k)
                }
                b &+= a &* 32 &+ weighted
                a &+= sum
                index &+= 32
            }
            while index < end {
                a &+= UInt32(base[index])
                b &+= a
                index &+= 1
            }
            a %= 65521
            b %= 65521
        }
        return b << 16 | a
    }
}

/// A small lock-protected free list of reusable objects (zlib streams). Each object is used by
/// one caller at a time: taken out, used, given back. At most `capacity` are kept.
final class StreamPool<Stream: AnyObject>: @unchecked Sendable {
    // @unchecked: `free` is only touched under `lock`; a stream is owned by whoever took it.
    private let lock = NSLock()
    private var free: [Stream] = []
    let capacity: Int

    init(capacity: Int = max(4, System.coreCount)) {
        self.capacity = capacity
        free.reserveCapacity(capacity)
    }

    func take() -> Stream? {
        lock.lock()
        defer { lock.unlock() }
        return free.popLast()
    }

    func give(_ stream: Stream) {
        lock.lock()
        defer { lock.unlock() }
        if free.count < capacity { free.append(stream) }
    }
}
