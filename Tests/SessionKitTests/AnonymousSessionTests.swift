import Testing

@testable import SessionKit

/// A visitor who only loads a form (a CSRF secret) or reads a flash leaves nothing on the server:
/// such data travels in the signed cookie until the session holds something else (a login).
@Suite struct AnonymousSessionTests {
    let clock = TestClock()
    let store = CountingStore(MemorySessionStore())

    func engine(_ configure: (inout SessionConfiguration) -> Void = { _ in }) throws -> SessionEngine {
        var config = SessionConfiguration(secretKey: SecretKey("tK4v9QmZ2xR7pW3nL8cY"))
        configure(&config)
        return try SessionEngine(configuration: config, storage: .server(store), clock: clock.sessionClock)
    }

    @Test func aFormLoadWritesNothingAndItsTokenStillVerifies() async throws {
        let browser = Browser(try engine())
        var token = ""
        try await browser.request { token = CSRFToken.masked(for: $0) }
        #expect(store.writes == 0)
        let cookie = try #require(browser.cookie)
        #expect(cookie.split(separator: ".").count == 3)  // payload.timestamp.signature: no id
        var valid = false
        try await browser.request { valid = CSRFToken.isValid(token, for: $0) }
        #expect(valid)
        #expect(store.writes == 0 && store.count("load") == 0)
    }

    @Test func aTamperedOrTruncatedAnonymousCookieIsIgnored() async throws {
        let browser = Browser(try engine())
        var token = ""
        try await browser.request { token = CSRFToken.masked(for: $0) }
        let cookie = try #require(browser.cookie)
        let flipped = String(cookie.dropLast()) + (cookie.last == "A" ? "B" : "A")
        for bad in [flipped, String(cookie.dropLast(5)), String(cookie.dropFirst(2))] {
            browser.cookie = bad
            var valid = true
            try await browser.request { valid = CSRFToken.isValid(token, for: $0) }
            #expect(!valid, "\(bad)")
        }
        #expect(store.writes == 0)
    }

    @Test func aLoginMovesEverythingIntoTheStore() async throws {
        let engine = try engine()
        let browser = Browser(engine)
        var token = ""
        try await browser.request { token = CSRFToken.masked(for: $0) }
        var valid = false
        try await browser.request { session in
            valid = CSRFToken.isValid(token, for: session)
            session["username"] = "admin"
            session.flash("You were logged in")
            session.regenerate()
        }
        #expect(valid)
        #expect(store.count("create") == 1)
        let cookie = try #require(browser.cookie)
        let id = try #require(engine.idSigner.unsign(cookie))
        #expect(SessionID(validating: id) != nil)
        #expect(try await browser.read("username") == "admin")
        var old = true
        try await browser.request { old = CSRFToken.isValid(token, for: $0) }
        #expect(!old)  // rotated at login
    }

    @Test func aLogoutFlashLeavesNoRecord() async throws {
        let browser = Browser(try engine())
        try await browser.request { $0["username"] = "admin" }
        try await browser.request { session in
            session.destroy()
            session.flash("You were logged out")
        }
        #expect(store.count("delete") == 1)
        #expect(store.count("create") == 1)
        var flashes: [FlashMessage] = []
        try await browser.request { flashes = $0.consumeFlashes() }
        #expect(flashes.map(\.message) == ["You were logged out"])
        #expect(browser.cookie == nil)  // consumed: the cookie is deleted
        #expect(store.count("create") == 1)
    }

    @Test func aRecordLeftWithOnlyAnonymousKeysExpiresWithinTheAnonymousLifetime() async throws {
        // The Flask tutorial's logout, `session.pop("username")`, leaves the CSRF secret.
        let browser = Browser(try engine())
        try await browser.request { session in
            _ = CSRFToken.masked(for: session)
            session["username"] = "admin"
        }
        let key = try storageKey(browser)
        #expect(try await store.load(key, now: clock.now)?.expiresAt == clock.now + 31 * 86_400)
        try await browser.request { session in
            session.pop("username")
            session.flash("You were logged out")
        }
        #expect(try await store.load(key, now: clock.now)?.expiresAt == clock.now + 3_600)
        clock.advance(3_601)
        #expect(try await store.load(key, now: clock.now) == nil)
    }

    @Test func aParallelWriteKeepsTheOrdinaryExpiry() async throws {
        // Two tabs: one logs out (pop), the other puts something in the cart. Whichever order
        // the store applies them in, the cart keeps the session's ordinary lifetime: the rule
        // is judged on the merged record, inside the store's atomic apply.
        for logoutFirst in [true, false] {
            let engine = try engine()
            let browser = Browser(engine)
            try await browser.request { session in
                _ = CSRFToken.masked(for: session)
                session["username"] = "admin"
            }
            let key = try storageKey(browser)
            let logout = engine.begin(cookieHeaders: ["session=\(browser.cookie!)"])
            let cart = engine.begin(cookieHeaders: ["session=\(browser.cookie!)"])
            try await logout.session().pop("username")
            try await cart.session()["cart"] = "book"
            for pending in logoutFirst ? [logout, cart] : [cart, logout] { _ = try await engine.finish(pending) }
            let record = try #require(try await store.load(key, now: clock.now))
            #expect(record.data["cart"] == "book")
            #expect(record.expiresAt == clock.now + 31 * 86_400, "logout first: \(logoutFirst)")
        }
    }

    func storageKey(_ browser: Browser) throws -> SessionStorageKey {
        let cookie = try #require(browser.cookie)
        let raw = try #require(browser.engine.idSigner.unsign(cookie))
        return try #require(SessionID(validating: raw)).storageKey
    }

    @Test func aSignedCookieWithOtherKeysIsNotAnAnonymousSession() async throws {
        // A Flask app sharing the key in cookie mode (or an older SessionKit) wrote `username`
        // into the cookie: a server-side engine must not take it as a login.
        let cookieEngine = try SessionEngine(
            configuration: SessionConfiguration(secretKey: SecretKey("tK4v9QmZ2xR7pW3nL8cY")),
            clock: clock.sessionClock)
        let flaskStyle = Browser(cookieEngine)
        try await flaskStyle.request { $0["username"] = "admin" }
        let browser = Browser(try engine())
        browser.cookie = flaskStyle.cookie
        #expect(try await browser.read("username") == nil)
    }

    @Test func anAnonymousCookieLastsAtMostTheIdleTimeout() async throws {
        // anonymousLifetime (an hour) is capped by the shorter idle timeout.
        let browser = Browser(try engine { $0.idleTimeout = .seconds(600) })
        var token = ""
        try await browser.request { token = CSRFToken.masked(for: $0) }
        clock.advance(601)
        var valid = true
        try await browser.request { valid = CSRFToken.isValid(token, for: $0) }
        #expect(!valid)
    }

    @Test func tooLargeForACookieFallsBackToTheStore() async throws {
        let browser = Browser(try engine())
        try await browser.request { session in
            for _ in 0..<200 { session.flash(SessionID.generate().rawValue) }  // random: zlib cannot shrink it
        }
        #expect(store.count("create") == 1)
        #expect(try await browser.read(Session.flashesKey)?.arrayValue?.count == 200)
    }

    @Test func turnedOffEverySessionIsStored() async throws {
        let browser = Browser(try engine { $0.anonymousCookieKeys = [] })
        try await browser.request { _ = CSRFToken.masked(for: $0) }
        #expect(store.count("create") == 1)
    }
}

/// Cookie attributes and timeouts the configuration resolves (expected values are literals).
@Suite struct CookieAttributeTests {
    func setCookie(_ configure: (inout SessionConfiguration) -> Void) throws -> String {
        var config = SessionConfiguration(secretKey: SecretKey("Hq2Xw9Vm4Tz7Rk3Pn8Ls"))
        configure(&config)
        let engine = try SessionEngine(configuration: config, clock: .fixed(1_700_000_000))
        return engine.cookieTemplate.header(value: "v", expires: nil)
    }

    @Test func laxByDefaultSecureWhenTheAppServesHTTPS() throws {
        #expect(try setCookie { _ in } == "session=v; HttpOnly; Path=/; SameSite=Lax")
        #expect(try setCookie { $0.servesHTTPS = true } == "session=v; Secure; HttpOnly; Path=/; SameSite=Lax")
        #expect(try setCookie { $0.servesHTTPS = true; $0.cookie.secure = false } == "session=v; HttpOnly; Path=/; SameSite=Lax")
        #expect(try setCookie { $0.cookie.sameSite = nil } == "session=v; HttpOnly; Path=/")  // Flask's default
        #expect(try setCookie { $0.cookie.sameSite = .strict } == "session=v; HttpOnly; Path=/; SameSite=Strict")
        #expect(try setCookie { $0.cookie.sameSite = SessionCookieOptions.SameSite.none } == "session=v; Secure; HttpOnly; Path=/; SameSite=None")
    }

    @Test func hostPrefixForcesSecureAndRefusesDomainOrPath() throws {
        #expect(try setCookie { $0.cookie.name = "__Host-session" } == "__Host-session=v; Secure; HttpOnly; Path=/; SameSite=Lax")
        #expect(try setCookie { $0.cookie.name = "__Secure-session" } == "__Secure-session=v; Secure; HttpOnly; Path=/; SameSite=Lax")
        // Browsers match the prefixes without regard to case.
        #expect(try setCookie { $0.cookie.name = "__host-session" } == "__host-session=v; Secure; HttpOnly; Path=/; SameSite=Lax")
        for configure: (inout SessionConfiguration) -> Void in [
            { $0.cookie.name = "__Host-session"; $0.cookie.domain = "example.com" },
            { $0.cookie.name = "__Host-session"; $0.cookie.path = "/app" },
            { $0.cookie.name = "__Host-session"; $0.cookie.secure = false },
            { $0.cookie.name = "__Secure-session"; $0.cookie.secure = false },
            { $0.cookie.sameSite = SessionCookieOptions.SameSite.none; $0.cookie.secure = false },
        ] {
            #expect(throws: SessionConfigurationError.self) { try setCookie(configure) }
        }
    }

    @Test func theTouchIntervalIsAtMostAQuarterOfTheIdleTimeout() async throws {
        // Idle timeout 10 s, one request every 2 s for a minute: the user stays logged in.
        let clock = TestClock()
        var config = SessionConfiguration(secretKey: SecretKey("Hq2Xw9Vm4Tz7Rk3Pn8Ls"))
        config.idleTimeout = .seconds(10)
        let engine = try SessionEngine(configuration: config, storage: .server(MemorySessionStore()), clock: clock.sessionClock)
        let browser = Browser(engine)
        try await browser.request { $0["username"] = "admin" }
        for second in stride(from: 2, through: 60, by: 2) {
            clock.advance(2)
            #expect(try await browser.read("username") == "admin", "logged out at \(second) s")
        }
        #expect(config.effectiveTouchInterval(idleSeconds: 10) == 2)
        #expect(config.effectiveTouchInterval(idleSeconds: 3600) == 60)
        clock.advance(11)
        #expect(try await browser.read("username") == nil)
    }

    @Test func checkCookieSizeRefusesWhatTheSaveWouldRefuse() throws {
        var config = SessionConfiguration(secretKey: SecretKey("Hq2Xw9Vm4Tz7Rk3Pn8Ls"))
        config.maxCookieSize = 200
        let engine = try SessionEngine(configuration: config, clock: .fixed(1_700_000_000))
        let session = Session()
        session["username"] = "admin"
        try engine.checkCookieSize(of: session)
        session["username"] = .string((0..<8).map { _ in SessionID.generate().rawValue }.joined())  // zlib can't shrink it
        #expect(throws: SessionSaveError.self) { try engine.checkCookieSize(of: session) }
        let server = try SessionEngine(configuration: config, storage: .server(MemorySessionStore()))
        try server.checkCookieSize(of: session)
    }
}
