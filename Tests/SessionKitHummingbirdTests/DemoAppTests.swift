import Hummingbird
import HummingbirdTesting
import SessionDemo
import SessionKit
import SessionKitHummingbird
import Testing

func makeDemoApp(
    engine: SessionEngine? = nil,
    configuration: DemoConfiguration = DemoConfiguration(port: 0)
) throws -> some ApplicationProtocol {
    let engine = try engine ?? makeDemoEngine(configuration: DemoConfiguration(secretKey: SecretKey.generate(), store: .cookie))
    return buildDemoApplication(configuration: configuration, engine: engine)
}

@Suite("The tutorial demo")
struct DemoAppTests {
    @Test("log in, see the name, log out — over real HTTP")
    func loginFlow() async throws {
        let app = try makeDemoApp(engine: makeEngine())
        try await app.test(.live) { client in
            let start = try await client.execute(uri: "/", method: .get)
            #expect(start.status == .ok)
            #expect(start.headers[.contentType] == "text/html; charset=utf-8")
            #expect(start.text.contains("You are not logged in"))
            #expect(start.text.contains(#"<p><a href="/login">click here to log in</a></p>"#))
            #expect(start.varies == ["Cookie"])
            #expect(start.setCookies.isEmpty)

            // The form carries a CSRF token; its secret is the new session's only key.
            let form = try await client.execute(uri: "/login", method: .get)
            #expect(form.status == .ok)
            #expect(form.text.contains(#"<form method="post" action="/login"><input type="hidden" name="csrf_token" value=""#))
            #expect(form.text.contains(#"<p><input type="text" name="username"><p><input type="submit" value="Login"></form>"#))
            let formToken = try #require(csrfToken(in: form.text))
            let formCookie = try #require(form.cookiePair)

            // Without the token (a cross-site form): 403, nothing stored.
            var headers = formHeaders
            headers[.cookie] = formCookie
            let forged = try await client.execute(
                uri: "/login", method: .post, headers: headers, body: ByteBuffer(string: "username=admin"))
            #expect(forged.status == .forbidden)
            #expect(forged.text.contains("CSRF"))
            #expect(forged.setCookies.isEmpty)

            let login = try await client.execute(
                uri: "/login", method: .post, headers: headers,
                body: ByteBuffer(string: "username=admin&csrf_token=\(formEncode(formToken))"))
            #expect(login.status == .found)
            #expect(login.headers[.location] == "/")
            #expect(login.varies == ["Cookie"])
            let cookie = try #require(login.cookiePair)

            // The flashed message shows once; the link leads to the logout page.
            let home = try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie])
            #expect(home.status == .ok)
            #expect(home.text.contains(#"<ul class="flashes"><li class="message">You were logged in</li></ul>"#))
            #expect(home.text.contains(#"Logged in as admin<p><a href="/logout">click here to log out</a></p>"#))
            #expect(home.varies == ["Cookie"])
            let seen = try #require(home.cookiePair, "consuming the flash changes the session")
            let again = try await client.execute(uri: "/", method: .get, headers: [.cookie: seen])
            #expect(!again.text.contains("You were logged in"))
            #expect(again.text.contains("Logged in as admin"))
            #expect(again.setCookies.isEmpty, "an unmodified, non-permanent session is not re-sent")

            // The login replaced the CSRF secret: the token from before it is dead.
            var stale = formHeaders
            stale[.cookie] = seen
            let replay = try await client.execute(
                uri: "/logout", method: .post, headers: stale,
                body: ByteBuffer(string: "csrf_token=\(formEncode(formToken))"))
            #expect(replay.status == .forbidden)

            // GET /logout is a page with the button (a POST with the token), and logs nobody out.
            let page = try await client.execute(uri: "/logout", method: .get, headers: [.cookie: seen])
            #expect(page.status == .ok)
            #expect(page.text.contains(#"<form method="post" action="/logout"><input type="hidden" name="csrf_token" value=""#))
            #expect(page.text.contains("click here to log out</button>"))
            #expect(page.setCookies.isEmpty)
            let logout = try await DemoBrowser.logout(client, cookie: seen)
            #expect(logout.status == .found)
            #expect(logout.headers[.location] == "/")
            let loggedOut = try #require(logout.cookiePair)

            let end = try await client.execute(uri: "/", method: .get, headers: [.cookie: loggedOut])
            #expect(end.text.contains(#"<li class="message">You were logged out</li>"#))
            #expect(end.text.contains("You are not logged in"))
        }
    }

    @Test("/plain never touches the session")
    func plain() async throws {
        let app = try makeDemoApp()
        try await app.test(.live) { client in
            let response = try await client.execute(
                uri: "/plain", method: .get, headers: [.cookie: "session=\(flaskAdminCookie)"])
            #expect(response.status == .ok)
            #expect(response.text == "ok")
            #expect(response.setCookies.isEmpty)
            #expect(response.varies.isEmpty)
        }
    }

    @Test("user names are HTML-escaped", arguments: [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("\"quoted\" & 'single'", "&#34;quoted&#34; &amp; &#39;single&#39;"),
        ("Zoë 東京", "Zoë 東京"),
    ])
    func escaping(name: String, rendered: String) async throws {
        let app = try makeDemoApp()
        try await app.test(.live) { client in
            let cookie = try await DemoBrowser.login(client, name: name)
            let home = try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie])
            #expect(home.text.contains("Logged in as \(rendered)<p>"))
            #expect(!home.text.contains("<script>"))
        }
    }

    @Test("bad login forms are 4xx with a message, never 500", arguments: [
        ("empty user name", "username=", HTTPResponse.Status.badRequest, "Please enter a user name"),
        ("whitespace-only user name", "username=+%20%09", .badRequest, "Please enter a user name"),
        ("missing field", "user=admin", .badRequest, "Please enter a user name"),
        ("empty body", "", .badRequest, "Please enter a user name"),
        ("bad percent-encoding", "username=%ZZ", .badRequest, "invalid percent-encoding"),
        ("truncated percent-encoding", "username=ab%4", .badRequest, "invalid percent-encoding"),
        ("non-UTF-8", "username=%FF%FE", .badRequest, "not valid UTF-8"),
        ("name too long", "username=" + String(repeating: "a", count: 257), .badRequest, "too long"),
        // One Character, 20,001 bytes: the limit counts bytes.
        ("a letter and 10,000 combining marks", "username=a" + String(repeating: "%CC%81", count: 10_000), .badRequest,
         "at most 256 bytes"),
        ("129 two-byte letters", "username=" + String(repeating: "%C3%A9", count: 129), .badRequest, "too long"),
        ("body over the limit", "username=" + String(repeating: "a", count: 70 * 1024), .contentTooLarge, "too large"),
    ] as [(String, String, HTTPResponse.Status, String)])
    func badForms(name: String, body: String, status: HTTPResponse.Status, message: String) async throws {
        let app = try makeDemoApp()
        try await app.test(.live) { client in
            let response = try await DemoBrowser.postLogin(client, body: body)
            #expect(response.status == status, "\(name)")
            #expect(response.text.contains(message), "\(name): \(response.text)")
            #expect(response.setCookies.isEmpty, "\(name)")
            if status == .badRequest {
                #expect(response.text.contains(#"<input type="submit" value="Login">"#), "\(name): form shown again")
            }
            // The connection and server still work.
            let after = try await client.execute(uri: "/", method: .get)
            #expect(after.text.contains("You are not logged in"), "\(name)")
        }
    }

    @Test("the body limit is configurable")
    func configuredBodyLimit() async throws {
        let app = try makeDemoApp(configuration: DemoConfiguration(port: 0, maxFormBodySize: 300))
        try await app.test(.router) { client in
            let over = try await DemoBrowser.postLogin(client, body: "username=" + String(repeating: "a", count: 400))
            #expect(over.status == .contentTooLarge)
            let under = try await DemoBrowser.postLogin(client, body: "username=" + String(repeating: "a", count: 80))
            #expect(under.status == .found)
        }
    }

    @Test("a user name of exactly the maximum length (256 bytes of UTF-8) is accepted")
    func longestName() async throws {
        let app = try makeDemoApp()
        try await app.test(.router) { client in
            let name = String(repeating: "é", count: 128)
            let login = try await DemoBrowser.postLogin(client, body: "username=\(formEncode(name))")
            #expect(login.status == .found)
        }
    }

    @Test("a login that is not a URL-encoded form is 415")
    func wrongContentType() async throws {
        let app = try makeDemoApp()
        try await app.test(.live) { client in
            let (token, cookie) = try await DemoBrowser.tokenAndCookie(client)
            // Without a token anything is refused first (403); with it in the header, the form check.
            let refused = try await client.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/json", .cookie: cookie],
                body: ByteBuffer(string: #"{"username":"admin"}"#))
            #expect(refused.status == .forbidden)
            var withToken: HTTPFields = [.cookie: cookie]
            withToken[.init("x-csrftoken")!] = token  // header names are case-insensitive
            var jsonHeaders = withToken
            jsonHeaders[.contentType] = "application/json"
            let json = try await client.execute(
                uri: "/login", method: .post, headers: jsonHeaders, body: ByteBuffer(string: #"{"username":"admin"}"#))
            #expect(json.status == .unsupportedMediaType)
            let none = try await client.execute(
                uri: "/login", method: .post, headers: withToken, body: ByteBuffer(string: "username=admin"))
            #expect(none.status == .unsupportedMediaType)
            let withCharset = try await client.execute(
                uri: "/login", method: .post,
                headers: [.contentType: "Application/X-WWW-Form-URLEncoded; charset=UTF-8", .cookie: cookie],
                body: ByteBuffer(string: "username=admin&csrf_token=\(formEncode(token))"))
            #expect(withCharset.status == .found)
        }
    }

    @Test("a weak key is refused unless allowed, with the engine's message")
    func weakKey() throws {
        #expect(throws: SessionConfigurationError.self) {
            try makeDemoEngine(configuration: DemoConfiguration(secretKey: SecretKey("secret")))
        }
        do {
            _ = try makeDemoEngine(configuration: DemoConfiguration(secretKey: SecretKey("dev")))
            Issue.record("a weak key was accepted")
        } catch let error as SessionConfigurationError {
            #expect(error.description.contains("unsafe"))
        }
        _ = try makeDemoEngine(configuration: DemoConfiguration(secretKey: SecretKey("secret"), allowWeakKeys: true))
        #expect(throws: SessionConfigurationError.missingSecretKey) {
            try buildDemoApplication(configuration: DemoConfiguration())
        }
    }

    @Test("key resolution: option, then SECRET_KEY, else generated")
    func keyResolution() {
        let fromOption = DemoConfiguration.resolveSecretKey(option: "opt", environment: ["SECRET_KEY": "env"])
        #expect(fromOption.key == SecretKey("opt"))
        #expect(fromOption.source == .option)
        let fromEnv = DemoConfiguration.resolveSecretKey(option: nil, environment: ["SECRET_KEY": "env"])
        #expect(fromEnv.key == SecretKey("env"))
        #expect(fromEnv.source == .environment)
        let generated = DemoConfiguration.resolveSecretKey(option: nil, environment: ["SECRET_KEY": ""])
        #expect(generated.source == .generated)
        #expect(generated.key.weakness == nil)
        #expect(generated.key.bytes.count == 32)
    }

    @Test("form parsing")
    func formParsing() throws {
        let form = try FormBody(parsing: Array("a=1&username=Zo%C3%AB+%E6%9D%B1%E4%BA%AC&&username=second&flag".utf8))
        #expect(form["username"] == "Zoë 東京")
        #expect(form["a"] == "1")
        #expect(form["flag"] == "")
        #expect(form["missing"] == nil)
        #expect(throws: FormBody.ParseError.invalidPercentEncoding(field: 0)) {
            try FormBody(parsing: Array("username=%ZZ".utf8))
        }
        #expect(throws: FormBody.ParseError.invalidPercentEncoding(field: 1)) {
            try FormBody(parsing: Array("a=b&username=%4".utf8))
        }
        #expect(throws: FormBody.ParseError.invalidUTF8(field: 0)) {
            try FormBody(parsing: Array("username=%FF%FE".utf8))
        }
    }

    @Test("HTML escaping")
    func htmlEscaping() {
        #expect(DemoPages.escapeHTML(#"<a href="x">'&'</a>"#) == "&lt;a href=&#34;x&#34;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(DemoPages.escapeHTML("Zoë 東京") == "Zoë 東京")
    }

    @Test("a name too large for the session cookie is a 413 with a message, and the login before it stays")
    func nameOverTheCookie() async throws {
        let engine = try makeDemoEngine(configuration: DemoConfiguration(secretKey: SecretKey.generate(), store: .cookie))
        let app = try makeDemoApp(engine: engine, configuration: DemoConfiguration(port: 0, maxUsernameLength: 10_000))
        try await app.test(.router) { client in
            let cookie = try await DemoBrowser.login(client, name: "admin")
            let seen = try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie])
            let current = seen.cookiePair ?? cookie
            let response = try await DemoBrowser.postLogin(
                client, body: "username=" + incompressible(5_000), cookie: current)
            #expect(response.status == .contentTooLarge)
            #expect(response.text.contains("The user name is too long: the session cookie would be"), "\(response.text)")
            #expect(response.text.contains(#"<input type="submit" value="Login">"#))
            let after = response.cookiePair ?? current
            let home = try await client.execute(uri: "/", method: .get, headers: [.cookie: after])
            #expect(home.text.contains("Logged in as admin<p>"), "\(home.text)")
            #expect(!home.text.contains("You were logged in"))
        }
    }

    @Test("a user name that is not a string is shown as Python's str() shows it", arguments: [
        (#"[1,"it's",null,true]"#, #"[1, &#34;it&#39;s&#34;, None, True]"#),
        (#"{" t":[1]}"#, "(1,)"),
        (#"{"b":{" b":"AP8="},"a":1.0}"#, #"{&#39;a&#39;: 1.0, &#39;b&#39;: b&#39;\x00\xff&#39;}"#),
        (#"{" d":"Tue, 02 Jan 2024 03:04:05 GMT"}"#, "2024-01-02 03:04:05+00:00"),
        (#"{" u":"0e5e0f7c1f8b4c4e9d439f1b2d3c4a5b"}"#, "0e5e0f7c-1f8b-4c4e-9d43-9f1b2d3c4a5b"),
        ("123456789012345678901234567890", "123456789012345678901234567890"),
        ("1e16", "1e+16"),
        ("null", "None"),
    ])
    func nonStringName(json: String, shown: String) async throws {
        let configuration = DemoConfiguration(port: 0, secretKey: .generate(), store: .cookie, playground: true)
        let app = buildDemoApplication(configuration: configuration, engine: try makeDemoEngine(configuration: configuration))
        try await app.test(.router) { client in
            let (token, first) = try await Playground.token(client)
            let put = try await client.execute(
                uri: "/api/session/username", method: .put, headers: Playground.headers(token: token, cookie: first),
                body: ByteBuffer(string: json))
            #expect(put.status == .noContent)
            let home = try await client.execute(uri: "/", method: .get, headers: [.cookie: try #require(put.cookiePair)])
            #expect(home.text.contains("Logged in as \(shown)<p>"), "\(home.text)")
        }
    }
}

/// Random letters and digits: text that zlib cannot shrink much (the cookie store compresses).
func incompressible(_ count: Int) -> String {
    let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    return String((0..<count).map { _ in alphabet.randomElement()! })
}
