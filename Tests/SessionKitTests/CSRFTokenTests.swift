import Testing

@testable import SessionKit

@Suite struct CSRFTokenTests {
    @Test func maskedTokensVerifyAndNeverRepeat() throws {
        let session = Session()
        let first = CSRFToken.masked(for: session)
        let second = CSRFToken.masked(for: session)
        #expect(first != second)  // a fresh pad per render (BREACH)
        #expect(CSRFToken.isValid(first, for: session))
        #expect(CSRFToken.isValid(second, for: session))
        // The secret: 32 random bytes as 64 hex digits, under Flask-WTF's key; never shown as is.
        let secret = try #require(session["csrf_token"]?.stringValue)
        #expect(secret.utf8.count == 64 && secret.allSatisfy(\.isHexDigit))
        #expect(!first.contains(secret))
        #expect(!CSRFToken.isValid(secret, for: session))  // the bare secret is not a token
        #expect(first.utf8.count == Base64URL.encodedLength(128))
    }

    @Test func tokensOfAnotherSessionOrTamperedOnesFail() {
        let a = Session()
        let b = Session()
        let token = CSRFToken.masked(for: a)
        _ = CSRFToken.masked(for: b)
        #expect(!CSRFToken.isValid(token, for: b))
        var bytes = Base64URL.decode(token)!
        bytes[100] ^= 1
        #expect(!CSRFToken.isValid(Base64URL.encode(bytes), for: a))
        #expect(!CSRFToken.isValid(String(token.dropLast()), for: a))
        #expect(!CSRFToken.isValid("", for: a))
        #expect(!CSRFToken.isValid("not base64 ***", for: a))
        #expect(!CSRFToken.isValid(String(repeating: "A", count: 100_000), for: a))
    }

    @Test func aSessionWithoutASecretAcceptsNothingAndGetsNone() {
        let session = Session()
        let other = Session()
        #expect(!CSRFToken.isValid(CSRFToken.masked(for: other), for: session))
        #expect(session["csrf_token"] == nil)
        #expect(!session.isModified)
    }

    /// A secret Flask-WTF created (40 hex digits of SHA-1) is used as it is.
    @Test func aFlaskWTFSecretIsKept() {
        let secret = "5b1c64a1ef2b2e0d4cbf8f5c2e1a3b8f0c9d7e6a"
        let session = Session(data: ["csrf_token": .string(secret)], isNew: false)
        let token = CSRFToken.masked(for: session)
        #expect(session["csrf_token"] == .string(secret))
        #expect(!session.isModified)
        #expect(CSRFToken.isValid(token, for: session))
    }

    @Test func regenerateRotatesTheSecret() throws {
        let session = Session()
        let before = CSRFToken.masked(for: session)
        let secret = session["csrf_token"]
        session.regenerate()
        #expect(session["csrf_token"] != secret)
        #expect(!CSRFToken.isValid(before, for: session))
        #expect(CSRFToken.isValid(CSRFToken.masked(for: session), for: session))
        // No secret before: regenerate does not create one.
        let plain = Session()
        plain.regenerate()
        #expect(plain["csrf_token"] == nil)
    }

    @Test func originChecks() {
        let protection = CSRFProtection(configuration: .init(trustedOrigins: ["https://app.example.com"]))
        func check(https: Bool, origin: String? = nil, referer: String? = nil) -> CSRFProtection.Failure? {
            protection.checkOrigin(
                .init(method: "POST", isHTTPS: https, host: "shop.example.com", origin: origin, referer: referer))
        }
        #expect(check(https: false) == nil)  // plain HTTP, no headers: the token decides
        #expect(check(https: false, origin: "http://shop.example.com") == nil)
        #expect(check(https: false, origin: "http://evil.example") == .untrustedOrigin)
        #expect(check(https: true, origin: "https://shop.example.com") == nil)
        #expect(check(https: true, origin: "HTTPS://Shop.Example.com") == nil)
        #expect(check(https: true, origin: "http://shop.example.com") == .untrustedOrigin)  // downgrade
        #expect(check(https: true, origin: "https://app.example.com") == nil)  // trusted
        #expect(check(https: true, origin: "null") == .untrustedOrigin)
        #expect(check(https: true) == .missingReferer)
        #expect(check(https: true, referer: "https://shop.example.com/login?next=/") == nil)
        #expect(check(https: true, referer: "https://shop.example.com.evil.example/") == .untrustedReferer)
        #expect(check(https: true, referer: "https://user@shop.example.com/") == .untrustedReferer)
        #expect(check(https: true, referer: "not a url") == .untrustedReferer)
        #expect(CSRFProtection.isUnsafe(method: "POST") && CSRFProtection.isUnsafe(method: "delete"))
        #expect(!CSRFProtection.isUnsafe(method: "GET") && !CSRFProtection.isUnsafe(method: "HEAD"))
    }

    @Test func tokenCheckNamesWhatIsWrong() {
        let protection = CSRFProtection()
        let session = Session()
        let token = CSRFToken.masked(for: session)
        #expect(protection.checkToken(token, session: session) == nil)
        #expect(protection.checkToken(nil, session: session) == .missingToken)
        #expect(protection.checkToken("", session: session) == .missingToken)
        #expect(protection.checkToken("x", session: session) == .invalidToken)
        #expect(CSRFProtection.Failure.missingToken.description.contains("no CSRF token"))
    }

    @Test func formValuesAreFoundAndDecoded() {
        func value(_ name: String, _ body: String) -> String? {
            CSRFProtection.formValue(named: name, in: Array(body.utf8))
        }
        #expect(value("csrf_token", "username=a&csrf_token=ab%2Bc+d") == "ab+c d")
        #expect(value("csrf_token", "csrf_token=1&csrf_token=2") == "1")
        #expect(value("csrf_token", "username=a") == nil)
        #expect(value("csrf_token", "csrf_token") == "")
        #expect(value("csrf_token", "csrf_token=%ZZ") == nil)
        #expect(value("csrf_token", "csrf_token=%") == nil)
        #expect(value("csrf_token", "csrf_token=%FF%FE") == nil)  // not UTF-8
        #expect(value("csrf%5Ftoken", "csrf_token=1") == nil)
        #expect(value("csrf_token", "csrf%5Ftoken=1") == "1")
        #expect(CSRFProtection.formValue(named: "a", in: [0x61, 0x3D, 0x00, 0xFF]) == nil)
    }
}

@Suite struct FlashMessagesTests {
    @Test func flashesAreStoredInFlasksFormatAndConsumedOnce() {
        let session = Session()
        session.flash("You were logged in")
        session.flash("Disk almost full", category: "warning")
        // Flask: session["_flashes"] == [("message", "You were logged in"), ("warning", …)]
        #expect(
            session["_flashes"]
                == .array([
                    .tuple([.string("message"), .string("You were logged in")]),
                    .tuple([.string("warning"), .string("Disk almost full")]),
                ]))
        #expect(
            String(decoding: TaggedJSON.encode(.object(session.dictionary)), as: UTF8.self)
                == #"{"_flashes":[{" t":["message","You were logged in"]},{" t":["warning","Disk almost full"]}]}"#)
        #expect(
            session.consumeFlashes()
                == [FlashMessage("You were logged in"), FlashMessage("Disk almost full", category: "warning")])
        #expect(session["_flashes"] == nil)
        #expect(session.consumeFlashes() == [])
    }

    @Test func consumingNothingDoesNotModifyTheSession() {
        let session = Session(data: ["username": "admin"], isNew: false)
        #expect(session.consumeFlashes() == [])
        #expect(!session.isModified)
    }

    /// What Flask writes (lists after a JSON round trip, Markup) is read; junk entries are skipped.
    @Test func foreignEntriesAreReadOrSkipped() {
        let session = Session(
            data: [
                "_flashes": .array([
                    .array([.string("error"), .markup("<b>bad</b>")]),
                    .string("junk"),
                    .tuple([.string("message")]),
                    .tuple([.int(1), .string("x")]),
                    .tuple([.string("message"), .string("ok")]),
                ])
            ], isNew: false)
        #expect(session.consumeFlashes() == [FlashMessage("<b>bad</b>", category: "error"), FlashMessage("ok")])
        let odd = Session(data: ["_flashes": .string("not a list")], isNew: false)
        #expect(odd.consumeFlashes() == [])
        #expect(odd["_flashes"] == nil)
    }
}

@Suite struct SecureRandomTests {
    @Test func bytesAreFreshEachCall() {
        let a = SecureRandom.bytes(64)
        let b = SecureRandom.bytes(64)
        #expect(a.count == 64 && b.count == 64)
        #expect(a != b)
        #expect(SecureRandom.bytes(0).isEmpty)
        // 4 KB of output uses every byte value: a stuck or short fill would not.
        #expect(Set(SecureRandom.bytes(4096)).count == 256)
    }
}
