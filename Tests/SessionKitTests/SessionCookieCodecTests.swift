import Testing

@testable import SessionKit

@Suite struct SessionCookieCodecTests {
    let codec = SessionCookieCodec(keys: SecretKeys(current: SecretKey("secret")))

    /// Signs an arbitrary payload text (already base64, maybe with the `.` zlib marker).
    func signedCookie(payload: String, timestamp: Int64 = 1_700_000_000) -> String {
        var text = Array(payload.utf8)
        codec.signer.sign(appendingTo: &text, timestamp: timestamp)
        return String(decoding: text, as: UTF8.self)
    }

    @Test func specWorkedExamples() throws {
        #expect(codec.encode(["username": "admin"], timestamp: 1_700_000_000)
            == "eyJ1c2VybmFtZSI6ImFkbWluIn0.ZVPxAA.o6zCAtkLwlAtn7QZCM0_-xuvK1o")
        let items = SessionValue.array(Array(repeating: "abc", count: 20))
        #expect(codec.encode(["items": items], timestamp: 1_700_000_000)
            == ".eJyrVsosSc0tVrKKVkpMSlbSoTsZWwsAXLsj3Q.ZVPxAA.k0UNeBoozBTK3C0LLFmANOi_1jE")
        let decoded = try codec.decode(".eJyrVsosSc0tVrKKVkpMSlbSoTsZWwsAXLsj3Q.ZVPxAA.k0UNeBoozBTK3C0LLFmANOi_1jE",
                                       maxAge: nil, now: 0)
        #expect(decoded.compressed)
        #expect(decoded.timestamp == 1_700_000_000)
        #expect(decoded.session["items"] == items)
    }

    @Test func oversizedCookieIsRejectedBeforeAnyWork() {
        let huge = String(repeating: "A", count: 4094)
        #expect(throws: SessionCookieError.oversized(length: 4094, limit: 4093)) {
            try codec.decode(huge, maxAge: nil, now: 0)
        }
    }

    @Test func zlibBombBehindAValidSignatureIsCapped() throws {
        // 1 MiB of JSON deflates to about 1 KiB: a valid signature over it must not inflate it all.
        let json = Array("{\"a\":\"".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 1 << 20) + Array("\"}".utf8)
        let z = try #require(Zlib.compress(json))
        #expect(z.count < 3000)
        let cookie = signedCookie(payload: "." + Base64URL.encode(z))
        #expect(cookie.utf8.count <= 4093)
        #expect(throws: SessionCookieError.self) { try codec.decode(cookie, maxAge: nil, now: 0) }
        // The same content under the cap decodes.
        let small = Array("{\"a\":\"".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 1000) + Array("\"}".utf8)
        let ok = signedCookie(payload: "." + Base64URL.encode(try #require(Zlib.compress(small))))
        #expect(try codec.decode(ok, maxAge: nil, now: 0).session["a"]?.stringValue?.count == 1000)
    }

    @Test func truncatedZlibStreamIsABadPayload() throws {
        let json = Array("{\"items\":[\"abcabcabcabcabcabcabcabcabcabcabcabc\"],\"x\":1}".utf8)
        let z = try #require(Zlib.compress(json))
        for cut in 1...6 {
            let cookie = signedCookie(payload: "." + Base64URL.encode(z.dropLast(cut)))
            #expect(throws: SessionCookieError.self) { try codec.decode(cookie, maxAge: nil, now: 0) }
        }
        let trailing = signedCookie(payload: "." + Base64URL.encode(z + [0]))
        #expect(throws: SessionCookieError.self) { try codec.decode(trailing, maxAge: nil, now: 0) }
    }

    @Test(arguments: [
        ("bad base64", "e30*"),
        ("bad json", Base64URL.encode(Array("{\"a\":".utf8))),
        ("not an object", Base64URL.encode(Array("[1,2]".utf8))),
        ("bad utf-8", Base64URL.encode([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d])),
        ("bad zlib", ".AAAA"),
        ("empty payload", ""),
    ])
    func validSignatureOverBadPayload(name: String, payload: String) {
        let cookie = signedCookie(payload: payload)
        #expect(throws: SessionCookieError.self) { try codec.decode(cookie, maxAge: nil, now: 0) }
        do {
            _ = try codec.decode(cookie, maxAge: nil, now: 0)
        } catch {
            if case .badPayload = error {} else { Issue.record("\(name): expected badPayload, got \(error)") }
        }
    }

    @Test func malformedTimestampWithValidSignature() {
        let signer = codec.signer.signer
        let text = "e30.!!!!"
        let cookie = text + "." + String(decoding: signer.signature(for: Array(text.utf8)), as: UTF8.self)
        #expect(throws: SessionCookieError.malformedTimestamp) { try codec.decode(cookie, maxAge: nil, now: 0) }
    }

    @Test func decodeUnverifiedNeedsNoKey() throws {
        let cookie = codec.encode(["username": "admin"], timestamp: 1_700_000_000)
        let (json, ts, compressed) = try SessionCookieCodec.decodeUnverified(Substring(cookie))
        #expect(String(decoding: json, as: UTF8.self) == "{\"username\":\"admin\"}")
        #expect(ts == 1_700_000_000)
        #expect(!compressed)
        #expect(throws: SessionCookieError.self) { try SessionCookieCodec.decodeUnverified("nodots") }
    }

    @Test func adler32KnownValues() {
        #expect(Zlib.adler32([]) == 1)
        #expect(Zlib.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
        let big = [UInt8](repeating: 0xFF, count: 100_000)
        var a: UInt64 = 1, b: UInt64 = 0
        for x in big { a = (a + UInt64(x)) % 65521; b = (b + a) % 65521 }
        #expect(Zlib.adler32(big) == UInt32(b << 16 | a))
    }
}
