import Testing

@testable import SessionKit

/// Several `session` cookies in one request (a stale one for another path or a parent domain, or
/// one a sibling subdomain tossed in): the one usable value is used; when none or several are,
/// a new session whose response deletes the cookies the app can delete. Expected headers are
/// literals (Werkzeug's `dump_cookie` layout), not the code under test.
@Suite struct DuplicateCookieTests {
    let clock = TestClock()

    func makeEngine(
        storage: SessionStorageMode, _ configure: (inout SessionConfiguration) -> Void = { _ in }
    ) throws -> SessionEngine {
        var config = SessionConfiguration(secretKey: SecretKey("Bz8Nw3Qx6Vm1Kr9Tp4Hd"))
        configure(&config)
        return try SessionEngine(configuration: config, storage: storage, clock: clock.sessionClock)
    }

    /// One request with these `Cookie` header lines; the handler reads `username`.
    func request(
        _ engine: SessionEngine, _ lines: [String], _ handler: (Session) throws -> Void = { _ in }
    ) async throws -> (username: String?, headers: SessionResponseHeaders) {
        let pending = engine.begin(cookieHeaders: lines)
        let session = try await pending.session()
        let name = session["username", as: String.self]
        try handler(session)
        return (name, try await engine.finish(pending))
    }

    /// The cookie value a response set (nil for a deletion).
    func value(_ header: String?) -> String? {
        guard let header, let first = header.split(separator: ";").first else { return nil }
        let value = first.drop(while: { $0 != "=" }).dropFirst()
        return value.isEmpty ? nil : String(value)
    }

    func login(_ engine: SessionEngine, as name: String) async throws -> String {
        let (_, headers) = try await request(engine, []) { $0["username"] = .string(name) }
        return try #require(value(headers.setCookie))
    }

    @Test func aStaleServerCookieBesideTheLiveOneDoesNotLogTheUserOut() async throws {
        let store = MemorySessionStore()
        let engine = try makeEngine(storage: .server(store))
        let live = try await login(engine, as: "admin")
        // A signed id whose record is gone (logged out elsewhere), and garbage, for other scopes.
        let stale = try await login(engine, as: "old")
        let staleID = try #require(engine.idSigner.unsign(stale))
        try await store.delete(try #require(SessionID(validating: staleID)).storageKey)
        for lines in [
            ["session=\(stale); session=\(live)"], ["session=\(live); session=\(stale)"],
            ["session=\(live)", "session=garbage.value"], ["session=\(live); session="],
        ] {
            let (name, headers) = try await request(engine, lines)
            #expect(name == "admin", "\(lines)")
            #expect(headers.clearCookies.isEmpty)
        }
    }

    @Test func twoLiveSessionsCannotBeToldApartAndAreDeletedWhereTheAppCan() async throws {
        let engine = try makeEngine(storage: .server(MemorySessionStore())) {
            $0.cookie = SessionCookieOptions(domain: "example.com", path: "/app")
        }
        let mine = try await login(engine, as: "admin")
        let tossed = try await login(engine, as: "attacker")
        let (name, headers) = try await request(engine, ["session=\(tossed); session=\(mine)"])
        #expect(name == nil)
        let expired = "Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly"
        // The other scopes the app knows; never the configured one (Domain=example.com;
        // Path=/app): were the other cookie tossed for a parent domain, deleting ours would
        // leave the browser sending only the attacker's.
        #expect(
            headers.clearCookies == [
                "session=; \(expired); Path=/app; SameSite=Lax",
                "session=; Domain=example.com; \(expired); Path=/; SameSite=Lax",
                "session=; \(expired); Path=/; SameSite=Lax",
            ])
        #expect(headers.varyCookie)
    }

    @Test func aNewSessionAfterDuplicatesIsSetAfterTheDeletions() async throws {
        let engine = try makeEngine(storage: .server(MemorySessionStore()))
        let a = try await login(engine, as: "a")
        let b = try await login(engine, as: "b")
        let (_, headers) = try await request(engine, ["session=\(a); session=\(b)"]) { $0["username"] = "c" }
        #expect(headers.clearCookies.isEmpty)  // Path=/, host-only: no other scope to clear
        let set = try #require(headers.setCookie)
        #expect(headers.setCookies == headers.clearCookies + [set])
        let newValue = try #require(value(set))
        let (name, _) = try await request(engine, ["session=\(newValue)"])
        #expect(name == "c")
    }

    @Test func cookieModeUsesTheOneCookieThatVerifies() async throws {
        let engine = try makeEngine(storage: .cookie)
        let good = try await login(engine, as: "admin")
        let other = try makeEngine(storage: .cookie) { $0.secretKey = SecretKey("Mf5Tq8Zv2Xc7Wn4Rk9Pj") }
        let foreign = try await login(other, as: "intruder")
        let (name, headers) = try await request(engine, ["session=\(foreign)", "session=\(good)"])
        #expect(name == "admin")
        #expect(headers.clearCookies.isEmpty)
        let second = try await login(engine, as: "someone")
        let (none, both) = try await request(engine, ["session=\(second); session=\(good)"])
        #expect(none == nil)
        #expect(both.clearCookies.isEmpty)
    }

    @Test func onlyTheFirstFewDistinctValuesAreLookedAt() async throws {
        let store = CountingStore(MemorySessionStore())
        let engine = try makeEngine(storage: .server(store))
        var ids: [String] = []
        for i in 0..<10 { ids.append(try await login(engine, as: "user\(i)")) }
        let loadsBefore = store.count("load")
        _ = try await request(engine, [ids.map { "session=\($0)" }.joined(separator: "; ")])
        #expect(store.count("load") - loadsBefore == SessionEngine.maxDuplicateCandidates)
    }

    @Test func aStoreThatIsDownIsAnErrorNotAnEmptySession() async throws {
        let store = CountingStore(MemorySessionStore())
        let engine = try makeEngine(storage: .server(store))
        let a = try await login(engine, as: "a")
        let b = try await login(engine, as: "b")
        store.setFailing(true)
        await #expect(throws: SessionLoadError.self) { _ = try await request(engine, ["session=\(a); session=\(b)"]) }
    }

    @Test func theSameValueTwiceIsOneCookie() async throws {
        let engine = try makeEngine(storage: .server(MemorySessionStore()))
        let live = try await login(engine, as: "admin")
        let (name, headers) = try await request(engine, ["session=\(live)", "session=\(live)"])
        #expect(name == "admin")
        #expect(headers.clearCookies.isEmpty)
    }

    @Test func lookupKeepsEveryValueInOrder() {
        #expect(CookieHeader.lookup("session", in: ["a=1; session=x; session=y", "session=\"z\""]) == .duplicated(["x", "y", "z"]))
        #expect(CookieHeader.lookup("session", in: ["a=1; session=x"]) == .value("x"))
    }
}
