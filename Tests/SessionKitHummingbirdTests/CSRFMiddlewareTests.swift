import Hummingbird
import HummingbirdTesting
import SessionKit
import SessionKitHummingbird
import Testing

/// A form page that hands out tokens, and unsafe routes behind `CSRFMiddleware`.
func makeCSRFTestApp(engine: SessionEngine, configuration: CSRFProtection.Configuration = .init()) -> some ApplicationProtocol {
    let router = Router(context: BasicSessionKitRequestContext.self)
    router.add(middleware: SessionKitMiddleware(engine: engine))
    router.add(middleware: CSRFMiddleware(configuration: configuration))
    router.get("/form") { _, context -> String in try await context.csrfToken() }
    router.post("/submit") { request, context -> String in
        // The middleware read the form; the handler can still read it.
        var request = request
        let body = try await request.collectBody(upTo: 1 << 20)
        try await context.session["posted"] = .string(String(buffer: body))
        return "accepted"
    }
    router.delete("/thing") { _, _ in "deleted" }
    return Application(router: router)
}

@Suite struct CSRFMiddlewareTests {
    let engine: SessionEngine
    init() throws { engine = try makeEngine(clock: .system) }

    /// GET /form: the session cookie and a token.
    func tokenAndCookie(_ client: some TestClientProtocol) async throws -> (token: String, cookie: String) {
        let page = try await client.execute(uri: "/form", method: .get)
        return (page.text, try #require(page.cookiePair))
    }

    @Test func formsAndScriptsWithTheTokenPass() async throws {
        try await makeCSRFTestApp(engine: engine).test(.router) { client in
            let (token, cookie) = try await tokenAndCookie(client)
            var headers = formHeaders
            headers[.cookie] = cookie
            let form = try await client.execute(
                uri: "/submit", method: .post, headers: headers,
                body: ByteBuffer(string: "username=admin&csrf_token=\(formEncode(token))"))
            #expect(form.status == .ok)
            #expect(form.text == "accepted")
            var scriptHeaders: HTTPFields = [.cookie: cookie]
            scriptHeaders[.init("X-CSRFToken")!] = token
            let script = try await client.execute(uri: "/thing", method: .delete, headers: scriptHeaders)
            #expect(script.status == .ok)
            // GET and HEAD are never checked.
            #expect(try await client.execute(uri: "/form", method: .get).status == .ok)
        }
    }

    @Test func missingWrongOrForeignTokensGet403() async throws {
        try await makeCSRFTestApp(engine: engine).test(.router) { client in
            let (token, cookie) = try await tokenAndCookie(client)
            let (otherToken, _) = try await tokenAndCookie(client)
            var headers = formHeaders
            headers[.cookie] = cookie
            for (body, message) in [
                ("username=admin", "no CSRF token"),
                ("username=admin&csrf_token=", "no CSRF token"),
                ("csrf_token=\(formEncode(otherToken))", "wrong or expired"),  // another session's
                ("csrf_token=\(formEncode(String(token.dropLast(2))))", "wrong or expired"),
                ("csrf_token=%FF%FE", "no CSRF token"),  // not UTF-8
            ] {
                let response = try await client.execute(
                    uri: "/submit", method: .post, headers: headers, body: ByteBuffer(string: body))
                #expect(response.status == .forbidden, "\(body)")
                #expect(response.text.contains(message), "\(body): \(response.text)")
            }
            // No session cookie at all (a cross-site form of a first-time visitor).
            let anonymous = try await client.execute(
                uri: "/submit", method: .post, headers: formHeaders,
                body: ByteBuffer(string: "csrf_token=\(formEncode(token))"))
            #expect(anonymous.status == .forbidden)
            // A token in a multipart body is not read: use the header.
            var multipart = headers
            multipart[.contentType] = "multipart/form-data; boundary=x"
            let unread = try await client.execute(
                uri: "/submit", method: .post, headers: multipart, body: ByteBuffer(string: "csrf_token=\(token)"))
            #expect(unread.status == .forbidden)
        }
    }

    @Test func crossOriginRequestsGet403EvenWithAToken() async throws {
        try await makeCSRFTestApp(engine: engine).test(.router) { client in
            let (token, cookie) = try await tokenAndCookie(client)
            var headers = formHeaders
            headers[.cookie] = cookie
            headers[.origin] = "https://evil.example"
            let response = try await client.execute(
                uri: "/submit", method: .post, headers: headers,
                body: ByteBuffer(string: "csrf_token=\(formEncode(token))"))
            #expect(response.status == .forbidden)
            #expect(response.text.contains("another site"))
        }
    }

    @Test func oversizedFormsGet413() async throws {
        try await makeCSRFTestApp(engine: engine, configuration: .init(maxFormBodySize: 1024)).test(.router) { client in
            let (token, cookie) = try await tokenAndCookie(client)
            var headers = formHeaders
            headers[.cookie] = cookie
            let body = "csrf_token=\(formEncode(token))&big=" + String(repeating: "x", count: 4096)
            let response = try await client.execute(uri: "/submit", method: .post, headers: headers, body: ByteBuffer(string: body))
            #expect(response.status == .contentTooLarge)
        }
    }
}
