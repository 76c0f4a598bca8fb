import protocol Foundation.DataProtocol

/// itsdangerous' `Signer` (key derivation "hmac"): `value || "." || b64u(HMAC(derive(key), value))`.
///
/// Signs with the current key only; verifies with the current key, then the fallbacks newest
/// first (Flask's order). Used directly for signed session ids (salt `flask-session`, no
/// timestamp) and underneath `TimestampSigner` for cookie sessions.
package struct Signer: Sendable {
    package let salt: String
    package let digest: SigningDigest
    private let signing: KeyedHMAC
    private let verifying: [KeyedHMAC]

    package init(keys: SecretKeys, salt: String, digest: SigningDigest = .sha1) {
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
    package func signature(for message: some DataProtocol) -> [UInt8] {
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
    package func sign(_ value: String) -> String {
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
    package func verify(message: some DataProtocol, signature: some Collection<UInt8>) -> Bool {
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
        verification(message: message, signature: signature) != .invalid
    }

    /// Which key a signature verified with.
    enum Verification { case invalid, current, fallback }

    func verification(message: UnsafeRawBufferPointer, signature: UnsafeBufferPointer<UInt8>) -> Verification {
        // A signature of the wrong length (or an impossible one) cannot match.
        guard let (length, end) = Base64URL.decodedLength(signature), length == digest.macLength else {
            return .invalid
        }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: SigningDigest.maxMACLength) { buffer in
            let raw = UnsafeMutableBufferPointer(rebasing: buffer[..<length])
            guard Base64URL.decode(UnsafeBufferPointer(rebasing: signature[..<end]), into: raw) else {
                return .invalid
            }
            let mac = UnsafeRawBufferPointer(raw)
            var valid = false
            var current = false
            for (index, key) in verifying.enumerated() {
                let matches = key.isValid(mac, for: message)
                if index == 0 { current = matches }
                valid = matches || valid
            }
            return !valid ? .invalid : current ? .current : .fallback
        }
    }

    /// Whether `signature` is written exactly as `sign` writes a MAC of `macLength` bytes:
    /// URL-safe alphabet, no padding, no stray low bits in the last character. (The decoder is
    /// lenient, as Python's: `+`, `/`, `=` and stray bits are accepted.)
    static func isCanonical(_ signature: UnsafeBufferPointer<UInt8>, macLength: Int) -> Bool {
        let length = Base64URL.encodedLength(macLength)
        guard signature.count == length, Base64URL.isURLSafe(signature) else { return false }
        let strayBits = 6 * length - 8 * macLength
        return Int(Base64URL.decodeTable[Int(signature[length - 1])]) & ((1 << strayBits) - 1) == 0
    }

    /// Splits `signed` at its last `.` and verifies; returns the value or nil.
    package func unsign(_ signed: Substring) -> Substring? {
        unsignNotingCanonical(signed)?.value
    }

    /// `unsign`, also telling whether `signed` is exactly what `sign` gives for its value now:
    /// verified with the current key (not a fallback) and its signature written canonically
    /// (`isCanonical`). Such a value can be sent back as it came instead of being signed again.
    func unsignNotingCanonical(_ signed: Substring) -> (value: Substring, canonical: Bool)? {
        let utf8 = signed.utf8
        guard let dot = utf8.lastIndex(of: UInt8(ascii: ".")) else { return nil }
        let value = utf8[..<dot]
        let signature = utf8[utf8.index(after: dot)...]
        let macLength = digest.macLength
        let result = Self.withContiguous(value, signature) { message, signature -> Verification? in
            switch verification(message: message, signature: signature) {
            case .invalid: return nil
            case .fallback: return .fallback
            case .current: return Self.isCanonical(signature, macLength: macLength) ? .current : .fallback
            }
        }
        guard let result else { return nil }
        return (Substring(value), result == .current)
    }

    package func unsign(_ signed: String) -> String? {
        unsign(Substring(signed)).map(String.init)
    }
}

// `Substring.UTF8View` is no `DataProtocol`; route it through its contiguous storage.
extension Signer {
    static func withContiguous<R>(
        _ message: Substring.UTF8View, _ signature: Substring.UTF8View,
        _ body: (UnsafeRawBufferPointer, UnsafeBufferPointer<UInt8>) -> R
    ) -> R {
        withoutActuallyEscaping(body) { body in
            let check = { (message: UnsafeRawBufferPointer) -> R in
                signature.withContiguousStorageIfAvailable { body(message, $0) }
                    ?? Array(signature).withUnsafeBufferPointer { body(message, $0) }
            }
            return message.withContiguousStorageIfAvailable { check(UnsafeRawBufferPointer($0)) }
                ?? Array(message).withUnsafeBytes(check)
        }
    }
}
