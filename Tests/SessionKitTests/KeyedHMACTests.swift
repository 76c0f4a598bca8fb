import Crypto
import Foundation
import Testing

@testable import SessionKit

/// The signer's HMAC (`KeyedHMAC`: swift-crypto's HMAC keyed once, copied per message) against
/// published test vectors and against Python's `hmac`, on every message length around the
/// SHA block and padding boundaries and on keys of every size class.
@Suite struct KeyedHMACTests {
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    static func bytes(hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var index = hex.startIndex
        while let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex), index < next {
            out.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        return out
    }

    /// The MAC through both of `KeyedHMAC`'s entry points, which must agree.
    static func mac(_ keyed: KeyedHMAC, _ message: [UInt8]) -> [UInt8] {
        let viaArray = keyed.mac(message)
        let viaPointer = message.withUnsafeBytes { keyed.withMAC(of: $0) { Array($0) } }
        #expect(viaArray == viaPointer)
        return viaArray
    }

    /// SHA-1 known answers (FIPS 180-2 examples): the hash the Redis store's script id uses.
    @Test func sha1KnownAnswers() {
        #expect(Self.hex(Insecure.SHA1.hash(data: Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(Self.hex(Insecure.SHA1.hash(data: [UInt8]())) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(Self.hex(Insecure.SHA1.hash(data: million)) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
    }

    /// RFC 2202 (HMAC-SHA1) and RFC 4231 (HMAC-SHA256) test cases, keys short and over a block.
    @Test(arguments: [
        // RFC 2202 test cases 1, 2, 3, 6, 7.
        (SigningDigest.sha1, String(repeating: "0b", count: 20), Self.hexText("Hi There"),
         "b617318655057264e28bc0b6fb378c8ef146be00"),
        (.sha1, Self.hexText("Jefe"), Self.hexText("what do ya want for nothing?"),
         "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"),
        (.sha1, String(repeating: "aa", count: 20), String(repeating: "dd", count: 50),
         "125d7342b9ac11cd91a39af48aa17b4f63f175d3"),
        (.sha1, String(repeating: "aa", count: 80), Self.hexText("Test Using Larger Than Block-Size Key - Hash Key First"),
         "aa4ae5e15272d00e95705637ce8a3b55ed402112"),
        (.sha1, String(repeating: "aa", count: 80),
         Self.hexText("Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data"),
         "e8e99d0f45237d786d6bbaa7965c7808bbff1a91"),
        // RFC 4231 test cases 1, 2, 6.
        (.sha256, String(repeating: "0b", count: 20), Self.hexText("Hi There"),
         "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        (.sha256, Self.hexText("Jefe"), Self.hexText("what do ya want for nothing?"),
         "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        (.sha256, String(repeating: "aa", count: 131), Self.hexText("Test Using Larger Than Block-Size Key - Hash Key First"),
         "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
    ])
    func knownAnswers(digest: SigningDigest, keyHex: String, messageHex: String, macHex: String) {
        let keyed = KeyedHMAC(key: Self.bytes(hex: keyHex), digest: digest)
        #expect(Self.hex(Self.mac(keyed, Self.bytes(hex: messageHex))) == macHex)
        // Twice: the keyed state is copied per use, never consumed.
        #expect(Self.hex(Self.mac(keyed, Self.bytes(hex: messageHex))) == macHex)
    }

    static func hexText(_ text: String) -> String { hex(Array(text.utf8)) }

    /// One keyed value reused for every message length 0...300 and keys of 0 to 200 bytes, both
    /// digests, against Python's `hmac` module (a fresh HMAC per message there).
    @Test(.seeded) func matchesPythonOnEveryLengthAndKeySize() throws {
        guard let python = PythonStrTests.python() else { return }
        var rng = TestSeed.generator()
        let message = (0..<300).map { _ in UInt8.random(in: 0...255, using: &rng) }
        var cases: [(SigningDigest, [UInt8], Int)] = []
        var lines: [String] = []
        for digest in SigningDigest.allCases {
            for keyLength in [0, 1, 20, 63, 64, 65, 100, 128, 129, 200] {
                let key = (0..<keyLength).map { _ in UInt8.random(in: 0...255, using: &rng) }
                for length in 0...message.count {
                    cases.append((digest, key, length))
                    lines.append("\(digest.rawValue) \(Self.hex(key)) \(Self.hex(message[0..<length]))")
                }
            }
        }
        let expected = try Self.runPython(python, lines: lines)
        try #require(expected.count == cases.count)
        var keyed: (key: [UInt8], digest: SigningDigest, value: KeyedHMAC)?
        var mismatches = 0
        for ((digest, key, length), want) in zip(cases, expected) {
            if keyed?.key != key || keyed?.digest != digest {
                keyed = (key, digest, KeyedHMAC(key: key, digest: digest))
            }
            let got = Self.hex(Self.mac(keyed!.value, Array(message[0..<length])))
            if got != want {
                mismatches += 1
                if mismatches <= 3 { Issue.record("\(digest): key \(key.count) bytes, message \(length) bytes: \(got) != \(want)") }
            }
        }
        #expect(mismatches == 0)
    }

    /// The signer's SHA-1 path end to end (derived key, then the MAC) against a one-shot
    /// swift-crypto HMAC with the key derived separately.
    @Test func signerMatchesSwiftCrypto() {
        let secret = SecretKey("a-secret-key-for-the-sha1-check")
        let derived = HMAC<Insecure.SHA1>.authenticationCode(
            for: Array("cookie-session".utf8), using: SymmetricKey(data: secret.bytes))
        let keyed = KeyedHMAC.derive(secret: secret, salt: Array("cookie-session".utf8), digest: .sha1)
        for length in [0, 10, 55, 56, 64, 119, 120, 1_000] {
            let message = Array(String(repeating: "m", count: length).utf8)
            let expected = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: Array(derived))))
            #expect(Self.mac(keyed, message) == expected, "length \(length)")
        }
    }

    @Test func constantTimeEquals() {
        let a: [UInt8] = [1, 2, 3, 4]
        a.withUnsafeBytes { a in
            #expect(KeyedHMAC.constantTimeEquals(a, a))
            [1, 2, 3, 5].withUnsafeBytes { #expect(!KeyedHMAC.constantTimeEquals(a, $0)) }
            [0, 2, 3, 4].withUnsafeBytes { #expect(!KeyedHMAC.constantTimeEquals(a, $0)) }
            [1, 2, 3].withUnsafeBytes { #expect(!KeyedHMAC.constantTimeEquals(a, $0)) }
        }
    }

    /// Python: each input line `digest keyhex messagehex` gives one line, the MAC in hex.
    static let script = """
        import hashlib, hmac, sys
        for line in sys.stdin:
            digest, key, message = (line.rstrip("\\n").split(" ") + ["", ""])[:3]
            print(hmac.new(bytes.fromhex(key), bytes.fromhex(message), getattr(hashlib, digest)).hexdigest())
        """

    static func runPython(_ python: String, lines: [String]) throws -> [String] {
        try runPythonLines(python, script: script, lines: lines)
    }
}
