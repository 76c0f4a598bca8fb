import protocol Foundation.DataProtocol

/// itsdangerous' `Signer` (key derivation "hmac"): `value || "." || b64u(HMAC(derive(key), value))`.
///
/// Signs with the current key only; verifies with the current key, then the fallbacks newest
/// first (Flask's order). Used directly for signed session ids (salt `flask-session`, no
/// timestamp) and underneath `TimestampSigner` for cookie sessions.
public struct Signer: Sendable {
    public let salt: String
    public let digest: SigningDigest
    private let signing: KeyedHMAC
    private let verifying: [KeyedHMAC]

    public init(keys: SecretKeys, salt: String, digest: SigningDigest = .sha1) {
        self.salt = salt
        self.digest = digest
        let saltBytes = Array(salt.utf8)
        self.signing = KeyedHMAC.derive(secret: keys.current, salt: saltBytes, digest: digest)
        self.verifying = [signing]
            + keys.fallbacks.reversed().map {
                KeyedHMAC.derive(secret: $0, salt: saltBytes, digest: digest)
            }
    }

    /// The base64url signature of `message` under the current key.
    public func signature(for message: some DataProtocol) -> [UInt8] {
        var out: [UInt8] = []
        appendSignature(for: message, to: &out)
        return out
    }

    /// Appends the base64url signature of `message` under the current key to `output`.
    func appendSignature(for message: some DataProtocol, to output: inout [UInt8]) {
        if message.regions.count == 1, let region = message.regions.first {
            region.withUnsafeBytes { appendSignature(for: $0, to: &output) }
        } else {
            Array(message).withUnsafeBytes { appendSignature(for: $0, to: &output) }
        }
    }

    func appendSignature(for message: UnsafeRawBufferPointer, to output: inout [UInt8]) {
        signing.withMAC(of: message) { Base64URL.encode($0, into: &output) }
    }

    /// Calls `body` with the raw MAC of `message` under the current key.
    func withMAC<R>(of message: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        signing.withMAC(of: message, body)
    }

    /// `value.signature`, as itsdangerous' `Signer.sign`.
    public func sign(_ value: String) -> String {
        var out = Array(value.utf8)
        let sig = out.withUnsafeBytes { signature(for: $0) }
        out.append(UInt8(ascii: "."))
        out.append(contentsOf: sig)
        return String(decoding: out, as: UTF8.self)
    }

    private func signature(for message: UnsafeRawBufferPointer) -> [UInt8] {
        var out: [UInt8] = []
        appendSignature(for: message, to: &out)
        return out
    }

    /// Whether `signature` (base64, leniently decoded) is the MAC of `message` under any
    /// verification key. Every key is tried (no early exit on a match) so that timing does not
    /// reveal which key matched.
    public func verify(message: some DataProtocol, signature: some Collection<UInt8>) -> Bool {
        let check = { (message: UnsafeRawBufferPointer) -> Bool in
            signature.withContiguousStorageIfAvailable { verify(message: message, signature: $0) }
                ?? Array(signature).withUnsafeBufferPointer { verify(message: message, signature: $0) }
        }
        if message.regions.count == 1, let region = message.regions.first {
            return region.withUnsafeBytes(check)
        }
        return Array(message).withUnsafeBytes(check)
    }

    /// `verify` on contiguous bytes: the signature is decoded into a stack buffer, the message
    /// is hashed in place.
    func verify(message: UnsafeRawBufferPointer, signature: UnsafeBufferPointer<UInt8>) -> Bool {
        // A signature of the wrong length (or an impossible one) cannot match.
        guard let (length, end) = Base64URL.decodedLength(signature), length == digest.macLength else {
            return false
        }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: SigningDigest.maxMACLength) { buffer in
            let raw = UnsafeMutableBufferPointer(rebasing: buffer[..<length])
            guard Base64URL.decode(UnsafeBufferPointer(rebasing: signature[..<end]), into: raw) else {
                return false
            }
            let mac = UnsafeRawBufferPointer(raw)
            var valid = false
            for key in verifying {
                valid = key.isValid(mac, for: message) || valid
            }
            return valid
        }
    }

    /// Splits `signed` at its last `.` and verifies; returns the value or nil.
    public func unsign(_ signed: Substring) -> Substring? {
        let utf8 = signed.utf8
        guard let dot = utf8.lastIndex(of: UInt8(ascii: ".")) else { return nil }
        let value = utf8[..<dot]
        let signature = utf8[utf8.index(after: dot)...]
        guard verify(message: value, signature: signature) else { return nil }
        return Substring(value)
    }

    public func unsign(_ signed: String) -> String? {
        unsign(Substring(signed)).map(String.init)
    }
}

// `Substring.UTF8View` is no `DataProtocol`; route it through its contiguous storage.
extension Signer {
    func verify(message: Substring.UTF8View, signature: Substring.UTF8View) -> Bool {
        let check = { (message: UnsafeRawBufferPointer) -> Bool in
            signature.withContiguousStorageIfAvailable { verify(message: message, signature: $0) }
                ?? Array(signature).withUnsafeBufferPointer { verify(message: message, signature: $0) }
        }
        return message.withContiguousStorageIfAvailable { check(UnsafeRawBufferPointer($0)) }
            ?? Array(message).withUnsafeBytes(check)
    }
}
