import CSessionKitSHA1
import Crypto
import Testing

@testable import SessionKit

/// SessionKit's own SHA-1 / HMAC-SHA1 (both compression functions) against swift-crypto's, on
/// every message length around the padding boundaries and on keys of every size class.
@Suite(.serialized) struct SHA1Tests {
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    static func ourSHA1(_ data: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 20)
        data.withUnsafeBufferPointer { sessionkit_sha1($0.baseAddress, $0.count, &digest) }
        return digest
    }

    static func ourHMAC(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var schedule = sessionkit_hmac_sha1_key()
        key.withUnsafeBufferPointer { sessionkit_hmac_sha1_init(&schedule, $0.baseAddress, $0.count) }
        var mac = [UInt8](repeating: 0, count: 20)
        message.withUnsafeBufferPointer { sessionkit_hmac_sha1(&schedule, $0.baseAddress, $0.count, &mac) }
        return mac
    }

    /// Runs `body` with the portable compression function, then with the automatic choice.
    static func bothImplementations(_ body: (String) throws -> Void) rethrows {
        sessionkit_sha1_allow_sha_extensions(0)
        #expect(sessionkit_sha1_uses_sha_extensions() == 0)
        defer { sessionkit_sha1_allow_sha_extensions(1) }
        try body("portable")
        sessionkit_sha1_allow_sha_extensions(1)
        try body(sessionkit_sha1_uses_sha_extensions() == 1 ? "SHA-NI" : "portable (no SHA-NI here)")
    }

    @Test func knownAnswers() {
        Self.bothImplementations { implementation in
            #expect(Self.hex(Self.ourSHA1(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d", "\(implementation)")
            #expect(Self.hex(Self.ourSHA1([])) == "da39a3ee5e6b4b0d3255bfef95601890afd80709", "\(implementation)")
            let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
            #expect(Self.hex(Self.ourSHA1(million)) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f", "\(implementation)")
            // RFC 2202 test case 2.
            #expect(
                Self.hex(Self.ourHMAC(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8)))
                    == "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79", "\(implementation)")
        }
    }

    @Test func matchesSwiftCryptoOnEveryLengthAndKeySize() {
        var rng = SystemRandomNumberGenerator()
        let message = (0..<400).map { _ in UInt8.random(in: 0...255, using: &rng) }
        Self.bothImplementations { implementation in
            for keyLength in [0, 1, 20, 63, 64, 65, 100, 200] {
                let key = (0..<keyLength).map { _ in UInt8.random(in: 0...255, using: &rng) }
                let theirs = HMAC<Insecure.SHA1>(key: SymmetricKey(data: key))
                for length in 0...message.count {
                    let part = Array(message[0..<length])
                    var h = theirs
                    h.update(data: part)
                    let expected = Array(h.finalize())
                    let got = Self.ourHMAC(key: key, message: part)
                    if got != expected {
                        Issue.record("\(implementation): HMAC differs, key \(keyLength) bytes, message \(length) bytes")
                        return
                    }
                    if Self.ourSHA1(part) != Array(Insecure.SHA1.hash(data: part)) {
                        Issue.record("\(implementation): SHA-1 differs at \(length) bytes")
                        return
                    }
                }
            }
        }
    }

    /// The signer's SHA-1 path against swift-crypto, end to end (derived key, then the MAC).
    @Test func signerMatchesSwiftCrypto() {
        let secret = SecretKey("a-secret-key-for-the-sha1-check")
        let derived = HMAC<Insecure.SHA1>.authenticationCode(
            for: Array("cookie-session".utf8), using: SymmetricKey(data: secret.bytes))
        let keyed = KeyedHMAC.derive(secret: secret, salt: Array("cookie-session".utf8), digest: .sha1)
        for length in [0, 10, 55, 56, 64, 119, 120, 1_000] {
            let message = Array(String(repeating: "m", count: length).utf8)
            let expected = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: Array(derived))))
            #expect(keyed.mac(message) == expected, "length \(length)")
        }
    }
}
