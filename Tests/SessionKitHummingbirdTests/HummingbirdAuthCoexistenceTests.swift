import Hummingbird
import HummingbirdAuth
import HummingbirdTesting
import SessionKit
import SessionKitHummingbird
import Testing

// An app that imports Hummingbird, HummingbirdAuth, SessionKit and SessionKitHummingbird together
// must be able to name every type of both unqualified. This file is the check: it compiles only
// while no SessionKit public name clashes with HummingbirdAuth's (`SessionMiddleware`,
// `SessionRequestContext`, `BasicSessionRequestContext`, `SessionStorage`, ...).

/// A context with both SessionKit's session and HummingbirdAuth's authenticated identity: the
/// combination an adopter who uses HummingbirdAuth's authenticators over SessionKit sessions writes.
struct SessionAndAuthContext: SessionKitRequestContext, AuthRequestContext {
    var coreContext: CoreRequestContextStorage
    var sessionStorage = SessionContextStorage()
    var identity: String?

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }
}

@Suite("SessionKit beside HummingbirdAuth")
struct HummingbirdAuthCoexistenceTests {
    @Test("SessionKit's types and HummingbirdAuth's resolve unqualified in one file")
    func namesResolve() {
        // SessionKit's renamed types.
        let mode: SessionStorageMode = .cookie
        let middleware: Any.Type = SessionKitMiddleware<BasicSessionKitRequestContext>.self
        let contextType: any SessionKitRequestContext.Type = BasicSessionKitRequestContext.self
        // HummingbirdAuth's types of the names SessionKit gave up (generic there, not here).
        let authStorage: Any.Type = SessionStorage<String>.self
        let authMiddleware: Any.Type = SessionMiddleware<BasicSessionRequestContext<String, String>>.self
        let authContext: any SessionRequestContext.Type = BasicSessionRequestContext<String, String>.self

        if case .cookie = mode {} else { Issue.record("SessionStorageMode.cookie did not match") }
        #expect("\(middleware)".hasPrefix("SessionKitMiddleware<"))
        #expect("\(contextType)" == "BasicSessionKitRequestContext")
        #expect("\(authStorage)" == "SessionStorage<String>")
        #expect("\(authMiddleware)".hasPrefix("SessionMiddleware<"))
        #expect("\(authContext)" == "BasicSessionRequestContext<String, String>")
    }

    @Test("a HummingbirdAuth authenticator reads its identity from a SessionKit session")
    func authenticatorOverSessionKitSession() async throws {
        let engine = try SessionEngine(
            configuration: SessionConfiguration(secretKey: SecretKey.generate()),
            storage: SessionStorageMode.server(MemorySessionStore()))
        let router = Router(context: SessionAndAuthContext.self)
        router.add(middleware: SessionKitMiddleware(engine: engine))
        router.post("/login") { _, context -> String in
            let session = try await context.session
            session.regenerate()
            session["username"] = "admin"
            return "logged in"
        }
        router.group("/me")
            .add(middleware: ClosureAuthenticator<SessionAndAuthContext> { _, context in
                try await context.session["username"]?.stringValue
            })
            .get { _, context -> String in
                try context.requireIdentity()
            }

        try await Application(router: router).test(.router) { client in
            let anonymous = try await client.execute(uri: "/me", method: .get)
            #expect(anonymous.status == .unauthorized)

            let login = try await client.execute(uri: "/login", method: .post)
            #expect(login.status == .ok)
            let cookie = try #require(login.cookiePair)
            #expect(cookie.hasPrefix("session="))

            let me = try await client.execute(uri: "/me", method: .get, headers: [.cookie: cookie])
            #expect(me.status == .ok)
            #expect(me.text == "admin")
        }
    }
}
