import Foundation
import Testing

@testable import SessionKit

@Suite struct SignerTests {
    let secret = SecretKeys(current: SecretKey("secret"))

    @Test func derivedKeyMatchesSpecWorkedExample() {
        // Spec §1: HMAC-SHA1(key="secret", msg="cookie-session") then HMAC of the signed text.
        let signer = Signer(keys: secret, salt: "cookie-session")
        let sig = signer.signature(for: Array("eyJ1c2VybmFtZSI6ImFkbWluIn0.ZVPxAA".utf8))
        #expect(String(decoding: sig, as: UTF8.self) == "o6zCAtkLwlAtn7QZCM0_-xuvK1o")
    }

    @Test func sidSignerMatchesFlaskSessionExample() {
        // Spec §11.3.
        let signer = Signer(keys: secret, salt: "flask-session")
        let sid = "oZVxoyA_0OPWpYHDxmoimGbUQIwxCwYM8PQ8jnx1u0E"
        #expect(signer.sign(sid) == sid + ".irSDNx5gBNef3HQM7dydHAhdrno")
        #expect(signer.unsign(sid + ".irSDNx5gBNef3HQM7dydHAhdrno") == sid)
        #expect(signer.unsign(sid + ".irSDNx5gBNef3HQM7dydHAhdrno") != nil)
        // A changed character fails, except in the last one's two spare bits (`o`/`p`/`q`/`r`
        // decode to the same MAC: Python accepts them too, see the vectors' quirk cases).
        #expect(signer.unsign(sid + ".irSDNx5gBNef3HQM7dydHAhdrnp") == sid)
        #expect(signer.unsign(sid + ".irSDNx5gBNef3HQM7dydHAhdrns") == nil)
        #expect(signer.unsign(sid + ".irSDNx5gBNef4HQM7dydHAhdrno") == nil)
        #expect(signer.unsign("x" + sid + ".irSDNx5gBNef3HQM7dydHAhdrno") == nil)
        #expect(signer.unsign(sid) == nil)
        #expect(signer.unsign("") == nil)
    }

    @Test func fallbackKeysVerifyButNeverSign() {
        let old = SecretKey("old-key-0123456789")
        let new = SecretKey("new-key-0123456789")
        let oldSigner = Signer(keys: SecretKeys(current: old), salt: "s")
        let rotated = Signer(keys: SecretKeys(current: new, fallbacks: [old]), salt: "s")
        let byOld = oldSigner.sign("value")
        #expect(rotated.unsign(byOld) == "value")
        // Signing uses the current key only (CVE-2025-47278 was signing with the last fallback).
        #expect(rotated.sign("value") == Signer(keys: SecretKeys(current: new), salt: "s").sign("value"))
        #expect(rotated.sign("value") != byOld)
    }

    @Test func sha256Digest() {
        let signer = Signer(keys: secret, salt: "cookie-session", digest: .sha256)
        let signed = signer.sign("abc")
        #expect(signed.split(separator: ".").last?.count == 43)
        #expect(signer.unsign(signed) == "abc")
        #expect(Signer(keys: secret, salt: "cookie-session").unsign(signed) == nil)
    }

    @Test(arguments: [
        (Int64(1_700_000_000), "ZVPxAA"), (86400, "AVGA"), (1 << 32, "AQAAAAA"), (0, ""),
    ])
    func timestampEncoding(value: Int64, text: String) {
        var out: [UInt8] = []
        TimestampSigner.encodeTimestamp(value, into: &out)
        #expect(String(decoding: out, as: UTF8.self) == text)
        #expect(TimestampSigner.decodeTimestamp(Array(text.utf8)) == value)
    }

    @Test func timestampOfMoreThanEightBytesIsMalformed() {
        #expect(TimestampSigner.decodeTimestamp(Array(Base64URL.encode([UInt8](repeating: 1, count: 9)).utf8)) == nil)
        #expect(TimestampSigner.decodeTimestamp(Array("!!".utf8)) == nil)
    }

    @Test func maxAgeBoundaries() throws {
        let signer = TimestampSigner(keys: secret, salt: "cookie-session")
        var text = Array("e30".utf8)
        signer.sign(appendingTo: &text, timestamp: 1000)
        let cookie = Substring(String(decoding: text, as: UTF8.self))
        _ = try signer.unsign(cookie.utf8, maxAge: 100, now: 1100)  // age == max_age is valid
        #expect(throws: SessionCookieError.expired(age: 101, maxAge: 100)) {
            try signer.unsign(cookie.utf8, maxAge: 100, now: 1101)
        }
        #expect(throws: SessionCookieError.expired(age: -1, maxAge: 100)) {
            try signer.unsign(cookie.utf8, maxAge: 100, now: 999)
        }
        _ = try signer.unsign(cookie.utf8, maxAge: nil, now: 0)
    }
}

@Suite struct Base64URLTests {
    @Test func roundTripsEveryLength() {
        for n in 0..<70 {
            let bytes = (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            let text = Base64URL.encode(bytes)
            #expect(!text.contains("=") && !text.contains("+") && !text.contains("/"))
            #expect(Base64URL.decode(text) == bytes)
        }
    }

    @Test func matchesFoundation() {
        let bytes: [UInt8] = [0xfb, 0xff, 0xfe, 0x00, 0x3e, 0x3f]
        let std = Data(bytes).base64EncodedString()
        let url = std.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        #expect(Base64URL.encode(bytes) == url)
        #expect(Base64URL.decode(std) == bytes)  // standard alphabet and padding accepted
    }

    @Test func rejectsImpossibleInput() {
        #expect(Base64URL.decode("A") == nil)  // 4k+1 characters
        #expect(Base64URL.decode("AB*D") == nil)
        #expect(Base64URL.decode("ABC\u{0}") == nil)
        #expect(Base64URL.decode("") == [])
    }

    /// Every byte outside both alphabets is refused at every position (in a whole group of four
    /// and in the 2- or 3-character tail); every alphabet byte is accepted there.
    @Test func everyByteAtEveryPosition() {
        let valid = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/".utf8)
        for length in [4, 6, 7, 11] {
            for position in 0..<length {
                for byte in UInt8.min...UInt8.max where byte != UInt8(ascii: "=") {
                    var text = [UInt8](repeating: UInt8(ascii: "Q"), count: length)
                    text[position] = byte
                    let decoded = Base64URL.decode(text)
                    if valid.contains(byte) != (decoded != nil) {
                        Issue.record("byte \(byte) at \(position) of \(length): \(decoded.map { "\($0)" } ?? "refused")")
                        return
                    }
                }
            }
        }
    }
}
