import Hummingbird
import HummingbirdTesting
import SessionDemo
@testable import SessionKit
@testable import SessionKitHummingbird
import Testing

/// A router exercising every way a handler can use the session.
func makeMiddlewareTestApp(engine: SessionEngine) -> some ApplicationProtocol {
    let router = Router(context: BasicSessionKitRequestContext.self)
    router.add(middleware: SessionKitMiddleware(engine: engine))
    router.get("/untouched") { _, _ in "untouched" }
    router.get("/read") { _, context -> String in
        let session = try await context.session
        return session["username"]?.stringValue ?? "nobody"
    }
    router.get("/missing-key") { _, context -> String in
        let session = try await context.session
        return session["no-such-key"] == nil ? "nil" : "not nil: \(String(describing: session["no-such-key"]))"
    }
    router.get("/set") { _, context -> String in
        let session = try await context.session
        session["username"] = "admin"
        return "set"
    }
    router.get("/permanent") { _, context -> String in
        let session = try await context.session
        session.isPermanent = true
        session["username"] = "admin"
        return "permanent"
    }
    router.get("/pop") { _, context -> String in
        let session = try await context.session
        session.pop("username")
        return "popped"
    }
    router.get("/clear") { _, context -> String in
        let session = try await context.session
        session.removeAll()
        return "cleared"
    }
    router.get("/vary") { _, context -> Response in
        _ = try await context.session["username"]
        return Response(status: .ok, headers: [.vary: "Accept-Encoding"])
    }
    router.get("/vary-cookie") { _, context -> Response in
        _ = try await context.session["username"]
        return Response(status: .ok, headers: [.vary: "accept-encoding, cookie"])
    }
    router.get("/other-cookie") { _, context -> Response in
        try await context.session["username"] = "admin"
        return Response(status: .ok, headers: [.setCookie: "theme=dark; Path=/"])
    }
    router.get("/set-then-404") { _, context -> String in
        try await context.session["username"] = "admin"
        throw HTTPError(.notFound, message: "no such page")
    }
    router.get("/set-then-crash") { _, context -> String in
        try await context.session["username"] = "admin"
        struct Boom: Error {}
        throw Boom()
    }
    router.get("/big") { _, context -> String in
        // 8000 pseudo-random base64url characters: zlib cannot shrink them below the limit.
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var blob = ""
        for _ in 0..<8000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            blob.append(alphabet[Int(state >> 58)])
        }
        try await context.session["blob"] = .string(blob)
        return "big"
    }
    return Application(router: router)
}

@Suite("SessionKitMiddleware")
struct MiddlewareTests {
    @Test("a handler that never touches the session gets neither Set-Cookie nor Vary")
    func untouched() async throws {
        let app = makeMiddlewareTestApp(engine: try makeEngine())
        try await app.test(.router) { client in
            for headers: HTTPFields in [[:], [.cookie: "session=\(flaskAdminCookie)"], [.cookie: "session=garbage"]] {
                let response = try await client.execute(uri: "/untouched", method: .get, headers: headers)
                #expect(response.status == .ok)
                #expect(response.setCookies.isEmpty)
                #expect(response.varies.isEmpty)
            }
        }
    }

    @Test("reading the session adds Vary: Cookie but no Set-Cookie")
    func readOnly() async throws {
        let app = makeMiddlewareTestApp(engine: try makeEngine())
        try await app.test(.router) { client in
            let anonymous = try await client.execute(uri: "/read", method: .get)
            #expect(anonymous.text == "nobody")
            #expect(anonymous.varies == ["Cookie"])
            #expect(anonymous.setCookies.isEmpty)

            let known = try await client.execute(
                uri: "/read", method: .get, headers: [.cookie: "session=\(flaskAdminCookie)"])
            #expect(known.text == "admin")
            #expect(known.varies == ["Cookie"])
            #expect(known.setCookies.isEmpty)
        }
    }

    @Test("a missing key reads as nil (not .null) through context.session")
    func missingKeyIsNil() async throws {
        let app = makeMiddlewareTestApp(engine: try makeEngine())
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/missing-key", method: .get)
            #expect(response.text == "nil")
            #expect(response.setCookies.isEmpty)
        }
    }

    @Test("setting a key sends exactly Flask's Set-Cookie (spec §9.4)")
    func setMatchesFlask() async throws {
        let app = makeMiddlewareTestApp(engine: try makeEngine())
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/set", method: .get)
            #expect(response.status == .ok)
            #expect(response.setCookies == ["session=\(flaskAdminCookie); HttpOnly; Path=/"])
            #expect(response.varies == ["Cookie"])
        }
    }

    @Test("a permanent session's cookie carries Flask's Expires (spec §9.4)")
    func permanentMatchesFlask() async throws {
        let app = makeMiddlewareTestApp(engine: try makeEngine())
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/permanent", method: .get)
            #expect(
                response.setCookies == [
                    "session=\(flaskPermanentAdminCookie); Expires=Fri, 15 Dec 2023 22:13:20 GMT; HttpOnly; Path=/"
                ])
            #expect(response.varies == ["Cookie"])

            // Reading a permanent session re-sends it (SESSION_REFRESH_EACH_REQUEST).
            let refreshed = try await client.execute(
                uri: "/read", method: .get, headers: [.cookie: "session=\(flaskPermanentAdminCookie)"])
            #expect(refreshed.text == "admin")
            #expect(refreshed.setCookies.count == 1)
        }
    }

    @Test("every option configured, as Flask writes it (spec §9.4)")
    func allOptions() async throws {
        let options = SessionCookieOptions(
            name: "app_session", domain: ".Example.COM", path: "/app", httpOnly: true, secure: true,
            sameSite: .strict, partitioned: true)
        let app = makeMiddlewareTestApp(
            engine: try makeEngine(cookie: options, permanentLifetime: .seconds(3600)))
        try await app.test(.router) { client in
            let set = try await client.execute(uri: "/permanent", method: .get)
            #expect(
                set.setCookies == [
                    "app_session=\(flaskPermanentAdminCookie); Domain=Example.COM; Expires=Tue, 14 Nov 2023 23:13:20 GMT; Secure; HttpOnly; Path=/app; SameSite=Strict; Partitioned"
                ])

            let deleted = try await client.execute(
                uri: "/clear", method: .get, headers: [.cookie: "app_session=\(flaskPermanentAdminCookie)"])
            #expect(
                deleted.setCookies == [
                    "app_session=; Domain=Example.COM; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Secure; HttpOnly; Path=/app; SameSite=Strict; Partitioned"
                ])
            #expect(deleted.varies == ["Cookie"])
        }
    }

    @Test("Partitioned forces Secure; HttpOnly off; SameSite=None (spec §9.4)")
    func partitionedWithoutSecure() async throws {
        let options = SessionCookieOptions(httpOnly: false, sameSite: SessionCookieOptions.SameSite.none, partitioned: true)
        let app = makeMiddlewareTestApp(engine: try makeEngine(cookie: options))
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/set", method: .get)
            #expect(
                response.setCookies == ["session=\(flaskAdminCookie); Secure; Path=/; SameSite=None; Partitioned"])
        }
    }

    @Test("removing the last key sends Flask's deletion cookie; popping a missing key sends nothing")
    func deletion() async throws {
        let app = makeMiddlewareTestApp(engine: try makeEngine())
        try await app.test(.router) { client in
            let response = try await client.execute(
                uri: "/pop", method: .get, headers: [.cookie: "session=\(flaskAdminCookie)"])
            #expect(
                response.setCookies == ["session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/"])
            #expect(response.varies == ["Cookie"])

            let again = try await client.execute(uri: "/pop", method: .get)
            #expect(again.setCookies.isEmpty)
            #expect(again.varies == ["Cookie"])
        }
    }

    @Test("an existing Vary is extended, never duplicated")
    func varyPreserved() async throws {
        let app = makeMiddlewareTestApp(engine: try makeEngine())
        try await app.test(.router) { client in
            let extended = try await client.execute(uri: "/vary", method: .get)
            #expect(extended.varies == ["Accept-Encoding, Cookie"])

            let already = try await client.execute(uri: "/vary-cookie", method: .get)
            #expect(already.varies == ["accept-encoding, cookie"])
        }
    }

    @Test("the session cookie is appended next to the handler's own cookies")
    func otherCookiesKept() async throws {
        let app = makeMiddlewareTestApp(engine: try makeEngine())
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/other-cookie", method: .get)
            #expect(response.setCookies == ["theme=dark; Path=/", "session=\(flaskAdminCookie); HttpOnly; Path=/"])
        }
    }

    @Test("a handler throwing HTTPError after changing the session still saves it")
    func httpErrorStillSaves() async throws {
        let app = makeMiddlewareTestApp(engine: try makeEngine())
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/set-then-404", method: .get)
            #expect(response.status == .notFound)
            #expect(response.text.contains("no such page"))
            #expect(response.setCookies == ["session=\(flaskAdminCookie); HttpOnly; Path=/"])
            #expect(response.varies == ["Cookie"])

            // An unknown route goes through the middleware too: 404, nothing touched.
            let unknown = try await client.execute(uri: "/nowhere", method: .get)
            #expect(unknown.status == .notFound)
            #expect(unknown.setCookies.isEmpty)
        }
    }

    @Test("other errors pass through: 500, session not saved")
    func otherErrorPassesThrough() async throws {
        let app = makeMiddlewareTestApp(engine: try makeEngine())
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/set-then-crash", method: .get)
            #expect(response.status == .internalServerError)
            #expect(response.setCookies.isEmpty)
        }
    }

    @Test("a session too large for a cookie is a 500 naming the size, not a crash")
    func oversized() async throws {
        let app = makeMiddlewareTestApp(engine: try makeEngine())
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/big", method: .get)
            #expect(response.status == .internalServerError)
            #expect(response.setCookies.isEmpty)
            #expect(response.text.contains("4093-byte limit"))
            let size = response.text.split(separator: "would be ").last?.prefix(while: \.isNumber) ?? ""
            #expect((Int(size) ?? 0) > 4093, "\(response.text)")

            // The server is still fine.
            let next = try await client.execute(uri: "/set", method: .get)
            #expect(next.status == .ok)
        }
    }

    /// A store that is down.
    struct UnavailableStore: SessionStore {
        func fail() -> SessionStoreError { SessionStoreError(.unavailable, "connection refused (test)") }
        func load(_ key: SessionStorageKey, now: Int64) async throws -> SessionRecord? { throw fail() }
        func create(_ key: SessionStorageKey, record: SessionRecord) async throws -> Bool { throw fail() }
        func apply(_ changes: SessionChangeSet, to key: SessionStorageKey) async throws -> SessionRecord? {
            throw fail()
        }
        func move(_ changes: SessionChangeSet, from old: SessionStorageKey, to new: SessionStorageKey) async throws -> SessionRecord? {
            throw fail()
        }
        func delete(_ key: SessionStorageKey) async throws { throw fail() }
    }

    @Test("a session store that is down is a 503, the cookie is kept and no detail leaks")
    func storeUnavailable() async throws {
        let engine = try SessionEngine(
            configuration: SessionConfiguration(secretKey: SecretKey.generate()),
            storage: .server(UnavailableStore()),
            clock: .fixed(pinnedTime))
        let signedID = engine.idSigner.sign(SessionID.generate().rawValue)
        let app = makeMiddlewareTestApp(engine: engine)
        try await app.test(.router) { client in
            // Loading fails.
            let load = try await client.execute(uri: "/read", method: .get, headers: [.cookie: "session=\(signedID)"])
            #expect(load.status == .serviceUnavailable)
            #expect(load.text.contains("session store is unavailable"))
            #expect(!load.text.contains("connection refused"))
            #expect(load.setCookies.isEmpty, "an outage must not log the client out")

            // Saving fails (no cookie: nothing to load, the create fails).
            let save = try await client.execute(uri: "/set", method: .get)
            #expect(save.status == .serviceUnavailable)
            #expect(!save.text.contains("connection refused"))
            #expect(save.setCookies.isEmpty)

            // Handlers that do not use the session are unaffected.
            let untouched = try await client.execute(
                uri: "/untouched", method: .get, headers: [.cookie: "session=\(signedID)"])
            #expect(untouched.status == .ok)
        }
    }

    @Test("context.session without the middleware is a clear 500")
    func middlewareMissing() async throws {
        let router = Router(context: BasicSessionKitRequestContext.self)
        router.get("/") { _, context -> String in
            try await context.session["username"] = "admin"
            return "unreachable"
        }
        try await Application(router: router).test(.router) { client in
            let response = try await client.execute(uri: "/", method: .get)
            #expect(response.status == .internalServerError)
            #expect(response.text.contains("SessionKitMiddleware is not installed"))
            #expect(response.setCookies.isEmpty)
        }
    }

    @Test("Vary merging", arguments: [
        ([], ["Cookie"]),
        (["Accept-Encoding"], ["Accept-Encoding, Cookie"]),
        (["Accept-Encoding", "Origin"], ["Accept-Encoding", "Origin, Cookie"]),
        (["Origin, COOKIE"], ["Origin, COOKIE"]),
        (["*"], ["*"]),
    ] as [([String], [String])])
    func varyMerging(existing: [String], expected: [String]) {
        var fields = HTTPFields()
        for value in existing { fields.append(contentsOf: [.vary: value] as HTTPFields) }
        SessionKitMiddleware<BasicSessionKitRequestContext>.addVaryCookie(to: &fields)
        #expect(fields[values: .vary] == expected)
    }

    @Test("Set-Cookie is added beside the handler's own cookies", arguments: [[], ["a=1"], ["a=1", "b=2; Path=/x"]])
    func setCookieKeepsOthers(existing: [String]) {
        var fields = HTTPFields()
        for value in existing { fields.append(contentsOf: [.setCookie: value] as HTTPFields) }
        SessionKitMiddleware<BasicSessionKitRequestContext>.apply(
            SessionResponseHeaders(setCookie: "session=x; HttpOnly; Path=/", varyCookie: true), to: &fields)
        #expect(fields[values: .setCookie] == existing + ["session=x; HttpOnly; Path=/"])
        #expect(fields[values: .vary] == ["Cookie"])
    }
}

@Suite("Bad cookies give an empty session, never an error")
struct BadCookieTests {
    /// A cookie signed by `engine` for `{"username": "admin"}`.
    static func signedCookie(with engine: SessionEngine) throws -> String {
        let session = Session()
        session["username"] = "admin"
        let header = try engine.responseHeaders(for: session).setCookie ?? ""
        return String(header.prefix(while: { $0 != ";" }).dropFirst("session=".count))
    }

    static func tamper(_ cookie: String) -> String {
        var chars = Array(cookie)
        let i = chars.count - 5
        chars[i] = chars[i] == "A" ? "B" : "A"
        return String(chars)
    }

    @Test("each kind of bad cookie shows the logged-out page")
    func badCookies() async throws {
        let engine = try makeEngine()
        let valid = try Self.signedCookie(with: engine)
        #expect(valid == flaskAdminCookie)
        let wrongKey = try Self.signedCookie(with: makeEngine(key: SecretKey("another-secret-key-entirely")))
        let old = try Self.signedCookie(with: makeEngine(clock: .fixed(pinnedTime - 32 * 24 * 3600)))
        let future = try Self.signedCookie(with: makeEngine(clock: .fixed(pinnedTime + 3600)))

        let cases: [(String, String)] = [
            ("tampered signature", "session=\(Self.tamper(valid))"),
            ("tampered payload", "session=eyJ1c2VybmFtZSI6InJvb3QifQ" + valid.drop(while: { $0 != "." })),
            ("truncated", "session=\(valid.dropLast(6))"),
            ("no signature", "session=\(valid.prefix(while: { $0 != "." }))"),
            ("garbage", "session=garbage"),
            ("dots only", "session=..."),
            ("non-ASCII", "session=Zoë.東京.x"),
            ("empty", "session="),
            ("wrong key", "session=\(wrongKey)"),
            ("expired", "session=\(old)"),
            ("signed in the future", "session=\(future)"),
            ("huge", "session=" + String(repeating: "A", count: 5000)),
        ]
        let app = buildDemoApplication(configuration: DemoConfiguration(port: 0), engine: engine)
        try await app.test(.router) { client in
            // The valid one is accepted, so the rejections below are about the cookie.
            let ok = try await client.execute(uri: "/", method: .get, headers: [.cookie: "session=\(valid)"])
            #expect(ok.text.contains("Logged in as admin"))

            for (name, cookie) in cases {
                let response = try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie])
                #expect(response.status == .ok, "\(name)")
                #expect(response.text.contains("You are not logged in"), "\(name)")
                #expect(response.setCookies.isEmpty, "\(name): a bad cookie is ignored, not deleted")
                #expect(response.varies == ["Cookie"], "\(name)")
            }
        }
    }

    @Test("duplicate session cookies, on one Cookie line or several: the one usable is used")
    func duplicateAcrossLines() async throws {
        let engine = try makeEngine()
        @Sendable func lines(_ values: String...) -> HTTPFields {
            var fields = HTTPFields()
            for value in values { fields.append(contentsOf: [.cookie: value] as HTTPFields) }
            return fields
        }
        let app = buildDemoApplication(configuration: DemoConfiguration(port: 0), engine: engine)
        try await app.test(.router) { client in
            for headers in [
                lines("session=\(flaskAdminCookie)", "session=\(flaskAdminCookie)"),
                lines("session=garbage; other=1", "session=\(flaskAdminCookie)"),
                lines("session=\(flaskAdminCookie); session=x.y.z"),
            ] {
                let response = try await client.execute(uri: "/", method: .get, headers: headers)
                #expect(response.status == .ok)
                #expect(response.text.contains("Logged in as admin"), "\(headers)")
                #expect(response.setCookies.isEmpty)
            }
            // Two sessions that both verify cannot be told apart: neither is used, and with the
            // cookie at Path=/ host-only there is no other scope the app knows to clear.
            let both = lines("session=\(flaskAdminCookie)", "session=\(flaskPermanentAdminCookie)")
            let response = try await client.execute(uri: "/", method: .get, headers: both)
            #expect(response.text.contains("You are not logged in"))
            #expect(response.setCookies.isEmpty)
        }
    }
}
