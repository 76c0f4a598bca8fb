/// itsdangerous' `TimestampSigner`: `value.TIMESTAMP.SIGNATURE`, where the signature covers
/// `value.TIMESTAMP` and the timestamp is the signing time as minimal big-endian bytes, base64url.
struct TimestampSigner: Sendable {
    let signer: Signer

    init(keys: SecretKeys, salt: String, digest: SigningDigest = .sha1) {
        self.signer = Signer(keys: keys, salt: salt, digest: digest)
    }

    /// Appends `.TIMESTAMP.SIGNATURE` to `text` (which holds the value).
    func sign(appendingTo text: inout [UInt8], timestamp: Int64) {
        text.reserveCapacity(text.count + 14 + Base64URL.encodedLength(signer.digest.macLength))
        text.append(UInt8(ascii: "."))
        TimestampSigner.encodeTimestamp(timestamp, into: &text)
        let signedLength = text.count
        text.append(UInt8(ascii: "."))
        // The MAC covers `value.TIMESTAMP`: copied out of swift-crypto's digest into a stack
        // buffer (the array cannot be appended to while it is being hashed), then encoded.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: SigningDigest.maxMACLength) { mac in
            let length = text.withUnsafeBytes { bytes in
                signer.withMAC(of: UnsafeRawBufferPointer(rebasing: bytes[..<signedLength])) { raw in
                    UnsafeMutableRawBufferPointer(mac).copyMemory(from: raw)
                    return raw.count
                }
            }
            Base64URL.encode(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(mac)[..<length]), into: &text)
        }
    }

    /// Verifies and splits; checks the age against `maxAge` (nil: no limit) at `now`.
    /// A timestamp in the future counts as expired, as in itsdangerous.
    func unsign(
        _ signed: Substring.UTF8View, maxAge: Int64?, now: Int64
    ) throws(SessionCookieError) -> (value: Substring.UTF8View, timestamp: Int64) {
        let result = signed.withContiguousStorageIfAvailable {
            unsign(bytes: $0, maxAge: maxAge, now: now)
        } ?? Array(signed).withUnsafeBufferPointer {
            unsign(bytes: $0, maxAge: maxAge, now: now)
        }
        let (valueLength, timestamp) = try result.get()
        return (signed.prefix(valueLength), timestamp)
    }

    /// `unsign` on contiguous bytes; returns the length of the value (which starts at offset 0).
    ///
    /// Order of work, as the cost bounds require: the signature is checked (with every key)
    /// before the timestamp or the value is looked at.
    func unsign(
        bytes signed: UnsafeBufferPointer<UInt8>, maxAge: Int64?, now: Int64
    ) -> Result<(valueLength: Int, timestamp: Int64), SessionCookieError> {
        guard let sigDot = TimestampSigner.lastDot(in: signed, before: signed.count) else {
            return .failure(.badSignature)
        }
        let signedText = UnsafeBufferPointer(rebasing: signed[..<sigDot])
        let signature = UnsafeBufferPointer(rebasing: signed[(sigDot + 1)...])
        guard signer.verify(message: UnsafeRawBufferPointer(signedText), signature: signature) else {
            return .failure(.badSignature)
        }
        guard let tsDot = TimestampSigner.lastDot(in: signed, before: sigDot) else { return .failure(.badSignature) }
        guard let timestamp = TimestampSigner.decodeTimestamp(UnsafeBufferPointer(rebasing: signed[(tsDot + 1)..<sigDot]))
        else { return .failure(.malformedTimestamp) }
        if let maxAge {
            let age = now - timestamp
            if age > maxAge || age < 0 { return .failure(.expired(age: age, maxAge: maxAge)) }
        }
        return .success((tsDot, timestamp))
    }

    @inline(__always)
    static func lastDot(in bytes: UnsafeBufferPointer<UInt8>, before end: Int) -> Int? {
        var i = end
        while i > 0 {
            i -= 1
            if bytes[i] == UInt8(ascii: ".") { return i }
        }
        return nil
    }

    /// Minimal big-endian bytes of the timestamp (empty for 0), base64url.
    static func encodeTimestamp(_ timestamp: Int64, into output: inout [UInt8]) {
        let v = UInt64(bitPattern: timestamp)
        let count = (v.bitWidth - v.leadingZeroBitCount + 7) / 8
        withUnsafeBytes(of: v.bigEndian) { bytes in
            Base64URL.encode(UnsafeRawBufferPointer(rebasing: bytes[(8 - count)...]), into: &output)
        }
    }

    /// Left-pads to 8 bytes and reads big-endian; nil for more than 8 bytes or bad base64.
    static func decodeTimestamp(_ text: some Collection<UInt8>) -> Int64? {
        text.withContiguousStorageIfAvailable { decodeTimestamp($0) }
            ?? Array(text).withUnsafeBufferPointer { decodeTimestamp($0) }
    }

    static func decodeTimestamp(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard let (count, end) = Base64URL.decodedLength(text), count <= 8 else { return nil }
        let decoded = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 8) { buffer -> UInt64? in
            let bytes = UnsafeMutableBufferPointer(rebasing: buffer[..<count])
            guard Base64URL.decode(UnsafeBufferPointer(rebasing: text[..<end]), into: bytes) else { return nil }
            var v: UInt64 = 0
            for b in bytes { v = v << 8 | UInt64(b) }
            return v
        }
        guard let v = decoded else { return nil }
        // Timestamps past Int64.max (year 292 billion) are unreadable, not negative.
        guard v <= UInt64(Int64.max) else { return nil }
        return Int64(v)
    }
}
