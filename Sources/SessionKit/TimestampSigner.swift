/// itsdangerous' `TimestampSigner`: `value.TIMESTAMP.SIGNATURE`, where the signature covers
/// `value.TIMESTAMP` and the timestamp is the signing time as minimal big-endian bytes, base64url.
public struct TimestampSigner: Sendable {
    public let signer: Signer

    public init(keys: SecretKeys, salt: String, digest: SigningDigest = .sha1) {
        self.signer = Signer(keys: keys, salt: salt, digest: digest)
    }

    /// Appends `.TIMESTAMP.SIGNATURE` to `text` (which holds the value).
    public func sign(appendingTo text: inout [UInt8], timestamp: Int64) {
        text.append(UInt8(ascii: "."))
        TimestampSigner.encodeTimestamp(timestamp, into: &text)
        let signature = signer.signature(for: text)
        text.append(UInt8(ascii: "."))
        text.append(contentsOf: signature)
    }

    /// Verifies and splits; checks the age against `maxAge` (nil: no limit) at `now`.
    /// A timestamp in the future counts as expired, as in itsdangerous.
    public func unsign(
        _ signed: Substring.UTF8View, maxAge: Int64?, now: Int64
    ) throws(SessionCookieError) -> (value: Substring.UTF8View, timestamp: Int64) {
        guard let sigDot = signed.lastIndex(of: UInt8(ascii: ".")) else { throw .badSignature }
        let signedText = signed[..<sigDot]
        let signature = signed[signed.index(after: sigDot)...]
        let valid = signedText.withContiguousStorageIfAvailable {
            signer.verify(message: UnsafeRawBufferPointer($0), signature: signature)
        } ?? signer.verify(message: Array(signedText), signature: signature)
        guard valid else { throw .badSignature }
        guard let tsDot = signedText.lastIndex(of: UInt8(ascii: ".")) else { throw .badSignature }
        let value = signedText[..<tsDot]
        guard let timestamp = TimestampSigner.decodeTimestamp(signedText[signedText.index(after: tsDot)...])
        else { throw .malformedTimestamp }
        if let maxAge {
            let age = now - timestamp
            if age > maxAge || age < 0 { throw .expired(age: age, maxAge: maxAge) }
        }
        return (value, timestamp)
    }

    /// Minimal big-endian bytes of the timestamp (empty for 0), base64url.
    public static func encodeTimestamp(_ timestamp: Int64, into output: inout [UInt8]) {
        var bytes: [UInt8] = []
        var v = UInt64(bitPattern: timestamp)
        while v > 0 {
            bytes.append(UInt8(truncatingIfNeeded: v))
            v >>= 8
        }
        Base64URL.encode(bytes.reversed(), into: &output)
    }

    /// Left-pads to 8 bytes and reads big-endian; nil for more than 8 bytes or bad base64.
    public static func decodeTimestamp(_ text: some Collection<UInt8>) -> Int64? {
        guard let bytes = Base64URL.decode(text), bytes.count <= 8 else { return nil }
        var v: UInt64 = 0
        for b in bytes { v = v << 8 | UInt64(b) }
        // Timestamps past Int64.max (year 292 billion) are unreadable, not negative.
        guard v <= UInt64(Int64.max) else { return nil }
        return Int64(v)
    }
}
