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
        Base64URL.encode(signing.mac(message), into: &out)
        return out
    }

    /// `value.signature`, as itsdangerous' `Signer.sign`.
    public func sign(_ value: String) -> String {
        var out = Array(value.utf8)
        let sig = signature(for: out)
        out.append(UInt8(ascii: "."))
        out.append(contentsOf: sig)
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `signature` (base64, leniently decoded) is the MAC of `message` under any
    /// verification key. Every key is tried (no early exit on a match) so that timing does not
    /// reveal which key matched.
    public func verify(message: some DataProtocol, signature: some Collection<UInt8>) -> Bool {
        guard let raw = Base64URL.decode(signature), raw.count == digest.macLength else {
            return false
        }
        var valid = false
        for key in verifying {
            valid = key.isValid(raw, for: message) || valid
        }
        return valid
    }

    /// Splits `signed` at its last `.` and verifies; returns the value or nil.
    public func unsign(_ signed: Substring) -> Substring? {
        let utf8 = signed.utf8
        guard let dot = utf8.lastIndex(of: UInt8(ascii: ".")) else { return nil }
        let value = utf8[..<dot]
        let signature = utf8[utf8.index(after: dot)...]
        guard verify(message: Array(value), signature: signature) else { return nil }
        return Substring(value)
    }

    public func unsign(_ signed: String) -> String? {
        unsign(Substring(signed)).map(String.init)
    }
}
