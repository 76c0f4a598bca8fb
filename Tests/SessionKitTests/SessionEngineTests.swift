import Testing

@testable import SessionKit

/// Flask's `save_session` rules (spec §9.2) and the lazy, never-failing open.
@Suite struct SessionEngineTests {
    static let now: Int64 = 1_700_000_000

    func engine(_ configure: (inout SessionConfiguration) -> Void = { _ in }, now: Int64 = now) throws -> SessionEngine {
        // Flask's cookie defaults (no SameSite), as the expected Set-Cookie values below are Flask's.
        var config = SessionConfiguration(
            secretKey: SecretKey("secret"), allowWeakKeys: true, cookie: SessionCookieOptions(sameSite: nil))
        configure(&config)
        return try SessionEngine(configuration: config, clock: .fixed(Double(now)))
    }

    /// Runs one request: cookie header in, handler, headers out.
    func request(
        _ engine: SessionEngine, cookie: String? = nil, _ handler: (Session) throws -> Void = { _ in }
    ) async throws -> SessionResponseHeaders {
        let pending = engine.begin(cookieHeaders: cookie.map { [$0] } ?? [])
        try handler(try await pending.session())
        return try await engine.finish(pending)
    }

    let adminCookie = "eyJ1c2VybmFtZSI6ImFkbWluIn0.ZVPxAA.o6zCAtkLwlAtn7QZCM0_-xuvK1o"

    @Test func untouchedSessionCostsNothing() async throws {
        let engine = try engine()
        let pending = engine.begin(cookieHeaders: ["session=" + adminCookie])
        #expect(pending.openedSession == nil)
        #expect(try await engine.finish(pending) == SessionResponseHeaders())
    }

    @Test func readOnlyAddsVaryButNoCookie() async throws {
        let headers = try await request(try engine(), cookie: "session=" + adminCookie) { s in
            #expect(s["username"] == "admin")
            #expect(!s.isNew)
        }
        #expect(headers == SessionResponseHeaders(setCookie: nil, varyCookie: true))
    }

    @Test func setWritesFlasksExactCookie() async throws {
        let headers = try await request(try engine()) { $0["username"] = "admin" }
        #expect(headers.setCookie == "session=\(adminCookie); HttpOnly; Path=/")
        #expect(headers.varyCookie)
    }

    @Test func permanentSessionGetsExpiresAndRefreshes() async throws {
        let engine = try engine()
        let headers = try await request(engine) { s in
            s.isPermanent = true
            s["username"] = "admin"
        }
        #expect(headers.setCookie == "session=eyJfcGVybWFuZW50Ijp0cnVlLCJ1c2VybmFtZSI6ImFkbWluIn0.ZVPxAA.ZHp7BYY2-CGZcRSG8w_2gBg42rc; Expires=Fri, 15 Dec 2023 22:13:20 GMT; HttpOnly; Path=/")
        // Read-only on a later request: refreshed (sliding expiry) because refreshEachRequest.
        let cookie = try #require(headers.setCookie?.split(separator: ";").first).dropFirst("session=".count)
        let later = try self.engine(now: Self.now + 60)
        let again = try await request(later, cookie: "session=\(cookie)") { s in _ = s["username"] }
        #expect(again.setCookie?.contains("Expires=Fri, 15 Dec 2023 22:14:20 GMT") == true)
        // ...and not when refresh is off.
        let noRefresh = try self.engine({ $0.refreshEachRequest = false }, now: Self.now + 60)
        #expect(try await request(noRefresh, cookie: "session=\(cookie)") { s in _ = s["username"] }.setCookie == nil)
    }

    @Test func refreshOfAnUnmodifiedSessionSignsItsPayloadAgain() async throws {
        func value(_ headers: SessionResponseHeaders) throws -> Substring {
            try #require(headers.setCookie?.split(separator: ";").first).dropFirst("session=".count)
        }
        // A compressed session (a hex token): the refresh gives exactly the full encoding's bytes.
        let token = SessionValue.string(String(repeating: "60ce8549079af585", count: 4))
        let first = try await request(try engine()) { s in
            s.isPermanent = true
            s["csrf_token"] = token
        }
        let cookie = try value(first)
        #expect(cookie.hasPrefix("."))
        let later = try engine(now: Self.now + 60)
        let refreshed = try value(try await request(later, cookie: "session=\(cookie)") { s in _ = s["csrf_token"] })
        #expect(refreshed != cookie)
        let data: SessionObject = ["_permanent": true, "csrf_token": token]
        #expect(String(refreshed) == later.codec.encode(data, timestamp: Self.now + 60))

        // Key rotation: a cookie signed with the old key comes back signed with the new one.
        let rotated = try self.engine({ $0.secretKey = SecretKey("new secret"); $0.fallbackKeys = [SecretKey("secret")] }, now: Self.now + 60)
        let migrated = try value(try await request(rotated, cookie: "session=\(cookie)") { s in _ = s["csrf_token"] })
        let newOnly = SessionCookieCodec(keys: SecretKeys(current: SecretKey("new secret")))
        #expect(try newOnly.decode(migrated, maxAge: nil, now: Self.now + 60).session == data)
        #expect(SessionCookieCodec.payload(ofSignedCookie: migrated) == SessionCookieCodec.payload(ofSignedCookie: cookie))

        // A payload another encoder wrote (spaces in its JSON) is signed again as it came when
        // nothing changed, and re-encoded in Flask's form when something did.
        let foreign = Base64URL.encode(Array("{\"_permanent\": true, \"username\": \"x\"}".utf8))
        var signed = Array(foreign.utf8)
        later.codec.signer.sign(appendingTo: &signed, timestamp: Self.now)
        let foreignCookie = String(decoding: signed, as: UTF8.self)
        let echoed = try value(try await request(later, cookie: "session=\(foreignCookie)") { s in #expect(s["username"] == "x") })
        #expect(SessionCookieCodec.payload(ofSignedCookie: echoed) == Substring(foreign))
        #expect(try later.codec.decode(echoed, maxAge: nil, now: Self.now + 60).timestamp == Self.now + 60)
        let changed = try value(try await request(later, cookie: "session=\(foreignCookie)") { s in s["username"] = "y" })
        #expect(String(changed) == later.codec.encode(["_permanent": true, "username": "y"], timestamp: Self.now + 60))
    }

    @Test func settingTheValuesItReadSignsThePayloadAgainAndNothingElseDoes() async throws {
        func value(_ headers: SessionResponseHeaders) throws -> Substring {
            try #require(headers.setCookie?.split(separator: ";").first).dropFirst("session=".count)
        }
        let token = SessionValue.string(String(repeating: "60ce8549079af585", count: 4))
        let cookie = try value(try await request(try engine()) { s in
            s.isPermanent = true
            s["csrf_token"] = token
        })
        let later = try engine(now: Self.now + 60)
        // Flask's `session.permanent = True` in every `before_request`: modified, same JSON.
        let again = try value(try await request(later, cookie: "session=\(cookie)") { s in s.isPermanent = true })
        #expect(SessionCookieCodec.payload(ofSignedCookie: again) == SessionCookieCodec.payload(ofSignedCookie: cookie))
        #expect(String(again) == later.codec.encode(["_permanent": true, "csrf_token": token], timestamp: Self.now + 60))
        // Observable with a payload another encoder wrote from the same JSON text (zlib's stored
        // block, which Flask would not choose): signed again as it came, not re-encoded.
        let json = TaggedJSON.encode(.object(["_permanent": true, "csrf_token": token]))
        let n = json.count, adler = Zlib.adler32(json)
        let stored: [UInt8] = [0x78, 0x01, 0x01, UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8((~n >> 8) & 0xFF)]
            + json + [UInt8(adler >> 24), UInt8((adler >> 16) & 0xFF), UInt8((adler >> 8) & 0xFF), UInt8(adler & 0xFF)]
        let foreign = "." + Base64URL.encode(stored)
        var signed = Array(foreign.utf8)
        later.codec.signer.sign(appendingTo: &signed, timestamp: Self.now)
        let foreignCookie = String(decoding: signed, as: UTF8.self)
        let echoed = try value(try await request(later, cookie: "session=\(foreignCookie)") { s in s.isPermanent = true })
        #expect(SessionCookieCodec.payload(ofSignedCookie: echoed) == Substring(foreign))
        let rewritten = try value(try await request(later, cookie: "session=\(foreignCookie)") { s in s["visits"] = 1 })
        #expect(SessionCookieCodec.payload(ofSignedCookie: rewritten) != Substring(foreign))
        // A value Swift calls equal but whose JSON differs is written as set: "é" precomposed in
        // the cookie, decomposed by the handler; 0.0 in the cookie, -0.0 by the handler.
        let precomposed = try value(try await request(try engine()) { s in
            s["name"] = "\u{e9}"
            s["x"] = .double(0.0)
        })
        let swapped = try value(try await request(later, cookie: "session=\(precomposed)") { s in
            s["name"] = "e\u{301}"
            s["x"] = .double(-0.0)
        })
        #expect(SessionCookieCodec.payload(ofSignedCookie: swapped) != SessionCookieCodec.payload(ofSignedCookie: precomposed))
        let decoded = try later.codec.decode(swapped, maxAge: nil, now: Self.now + 60).session
        #expect(decoded["name"]?.stringValue?.unicodeScalars.count == 2)
        #expect(decoded["x"]?.doubleValue?.sign == .minus)
        #expect(String(swapped) == later.codec.encode(["name": "e\u{301}", "x": .double(-0.0)], timestamp: Self.now + 60))
    }

    @Test func emptiedSessionDeletesTheCookieWithSameAttributes() async throws {
        let engine = try engine {
            $0.cookie = SessionCookieOptions(name: "app_session", domain: ".Example.COM", path: "/app", secure: true, sameSite: .lax)
        }
        let headers = try await request(engine, cookie: "app_session=" + adminCookie) { $0.pop("username") }
        #expect(headers.setCookie == "app_session=; Domain=Example.COM; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Secure; HttpOnly; Path=/app; SameSite=Lax")
    }

    @Test func popOfAMissingKeyWritesNothing() async throws {
        let headers = try await request(try engine()) { #expect($0.pop("username") == nil) }
        #expect(headers == SessionResponseHeaders(setCookie: nil, varyCookie: true))
    }

    @Test func clearOfAnEmptySessionSendsADeletion() async throws {
        // Flask: clear() always marks modified; an empty modified session sends a deletion cookie.
        let headers = try await request(try engine()) { $0.removeAll() }
        #expect(headers.setCookie?.hasPrefix("session=; Expires=Thu, 01 Jan 1970") == true)
    }

    @Test(arguments: [
        ("tampered payload", "eyJ1c2VybmFtZSI6ImFkbWlvIn0.ZVPxAA.o6zCAtkLwlAtn7QZCM0_-xuvK1o"),
        ("tampered signature", "eyJ1c2VybmFtZSI6ImFkbWluIn0.ZVPxAA.o6zCAtkLwlAtn8QZCM0_-xuvK1o"),
        ("tampered timestamp", "eyJ1c2VybmFtZSI6ImFkbWluIn0.ZVPxAB.o6zCAtkLwlAtn7QZCM0_-xuvK1o"),
        ("truncated", "eyJ1c2VybmFtZSI6ImFkbWluIn0.ZVPxAA.o6zCAtkLwlAtn7QZCM0_"),
        ("no signature", "eyJ1c2VybmFtZSI6ImFkbWluIn0.ZVPxAA"),
        ("no dots", "garbage"),
        ("bad base64", "%%%.$$$.***"),
        ("nul and non-ascii", "a\u{0}b.é.ü"),
        ("oversized", String(repeating: "A", count: 5000)),
    ])
    func badCookiesGiveAnEmptyNewSession(name: String, cookie: String) async throws {
        let headers = try await request(try engine(), cookie: "session=" + cookie) { s in
            #expect(s.isEmpty, "\(name)")
            #expect(s.isNew, "\(name)")
        }
        // The bad cookie is not deleted: nothing was modified.
        #expect(headers == SessionResponseHeaders(setCookie: nil, varyCookie: true))
    }

    @Test func wrongKeyExpiredAndDuplicatedGiveAnEmptySession() async throws {
        let other = try SessionEngine(configuration: SessionConfiguration(secretKey: SecretKey("other"), allowWeakKeys: true),
                                      clock: .fixed(Double(Self.now)))
        _ = try await request(other, cookie: "session=" + adminCookie) { #expect($0.isEmpty) }
        let late = try engine(now: Self.now + 31 * 86400 + 1)
        _ = try await request(late, cookie: "session=" + adminCookie) { #expect($0.isEmpty) }
        let onTime = try engine(now: Self.now + 31 * 86400)
        _ = try await request(onTime, cookie: "session=" + adminCookie) { #expect($0["username"] == "admin") }
        let early = try engine(now: Self.now - 1)
        _ = try await request(early, cookie: "session=" + adminCookie) { #expect($0.isEmpty) }
        // The same cookie twice is one cookie; two that both verify cannot be told apart.
        _ = try await request(try engine(), cookie: "session=\(adminCookie); session=\(adminCookie)") { #expect($0["username"] == "admin") }
        let other2 = try await request(try engine()) { $0["username"] = "other" }
        let otherCookie = try #require(other2.setCookie?.split(separator: ";").first).dropFirst("session=".count)
        _ = try await request(try engine(), cookie: "session=\(adminCookie); session=\(otherCookie)") { #expect($0.isEmpty) }
    }

    @Test func fallbackKeyVerifies() async throws {
        let rotated = try engine { $0.secretKey = SecretKey("new-secret"); $0.fallbackKeys = [SecretKey("secret")] }
        _ = try await request(rotated, cookie: "session=" + adminCookie) { #expect($0["username"] == "admin") }
    }

    @Test(.seeded) func oversizedOutgoingCookieIsAnErrorNamingTheSize() async throws {
        var rng = TestSeed.generator()
        let random = (0..<4000).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let engine = try engine()
        let error = await #expect(throws: SessionSaveError.self) {
            _ = try await request(engine) { $0["blob"] = .bytes(random) }
        }
        #expect(error?.description.contains("4093") == true)
    }

    @Test func customCookieNameAndMaxAge() async throws {
        let engine = try engine { $0.cookie.name = "app"; $0.permanentLifetime = .seconds(60) }
        _ = try await request(engine, cookie: "session=" + adminCookie) { #expect($0.isEmpty) }
        let fresh = try await request(engine) { $0["k"] = 1 }
        let value = try #require(fresh.setCookie?.split(separator: ";").first?.dropFirst("app=".count))
        let late = try self.engine({ $0.cookie.name = "app"; $0.permanentLifetime = .seconds(60) }, now: Self.now + 61)
        _ = try await request(late, cookie: "app=\(value)") { #expect($0.isEmpty) }
    }
}

@Suite struct SessionTests {
    @Test func dictionarySemanticsAndFlags() {
        let s = Session()
        #expect(s.isNew && !s.isModified && !s.wasAccessed)
        #expect(!s.contains("username"))
        #expect(s.wasAccessed && !s.isModified)
        s["username"] = "admin"
        #expect(s.isModified)
        #expect(s["username", as: String.self] == "admin")
        #expect(s["username", as: Int.self] == nil)
        s.set("n", 42)
        #expect(s["n", as: Int.self] == 42)
        #expect(s.count == 2 && s.keys == ["n", "username"])
        #expect(s.pop("username") == "admin")
        #expect(s.pop("missing", default: "d") == "d")
        s["n"] = nil
        #expect(s.isEmpty)
    }

    @Test func nestedMutationMarksModified() {
        let s = Session(data: ["cart": ["apple"]], isNew: false)
        #expect(!s.isModified)
        s["cart"] = .array((s["cart"]?.arrayValue ?? []) + ["pear"])
        #expect(s.isModified)
        let t = Session(data: ["cart": ["apple"]], isNew: false)
        t.update("cart") { value in
            if case .array(var items)? = value { items.append("pear"); value = .array(items) }
        }
        #expect(t.isModified && t["cart"] == ["apple", "pear"])
        let u = Session(data: ["cart": ["apple"]], isNew: false)
        u.update("cart") { _ in }  // no change, not modified
        #expect(!u.isModified)
    }

    @Test func permanentFlagLivesInTheDictionary() {
        let s = Session()
        s.isPermanent = true
        #expect(s["_permanent"] == true)
        s.isPermanent = false
        #expect(s["_permanent"] == false && !s.isPermanent)
    }

    @Test func changesListSetsAndRemovals() {
        let s = Session(data: ["a": 1, "b": 2], isNew: false)
        s["c"] = 3
        s.pop("a")
        s.pop("zzz")
        #expect(s.changes == [SessionChange(key: "a", value: nil), SessionChange(key: "c", value: 3)])
        s.removeAll()
        #expect(s.changes.map(\.key) == ["a", "b", "c"])
    }

    @Test func keysCompareByScalarsNotCanonicalEquivalence() {
        let s = Session()
        s["e\u{301}"] = 1
        s["\u{e9}"] = 2
        #expect(s.count == 2)
        #expect(s["e\u{301}"] == 1 && s["\u{e9}"] == 2)
    }

    struct Cart: Codable, Equatable { var items: [String]; var total: Double }

    @Test func codableValues() throws {
        let s = Session()
        try s.set("cart", encoding: Cart(items: ["a"], total: 1.5))
        #expect(try s.get(Cart.self, forKey: "cart") == Cart(items: ["a"], total: 1.5))
        #expect(try s.get(Cart.self, forKey: "none") == nil)
        s["cart"] = "not a cart"
        #expect(throws: (any Error).self) { try s.get(Cart.self, forKey: "cart") }
    }

    @Test func concurrentWritersAreSafe() async {
        let s = Session()
        await withTaskGroup(of: Void.self) { group in
            for i in 0..<64 { group.addTask { s["k\(i)"] = .int(i) } }
        }
        #expect(s.count == 64)
    }
}
