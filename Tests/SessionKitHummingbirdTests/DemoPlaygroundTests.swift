import Hummingbird
import HummingbirdTesting
import SessionDemo
import SessionKit
import SessionKitHummingbird
import Testing

/// The playground API's CSRF handshake: `GET /api/session` answers a token in `X-CSRFToken`,
/// which every unsafe call must send back in that header.
enum Playground {
    static let tokenHeader = HTTPFields.Element.Name("X-CSRFToken")!

    /// In-process: the token, and the session cookie (the one GET set, else `cookie`).
    static func token(_ client: some TestClientProtocol, cookie: String? = nil) async throws -> (token: String, cookie: String?) {
        let response = try await client.execute(uri: "/api/session", method: .get, headers: cookie.map { [.cookie: $0] } ?? [:])
        #expect(response.status == .ok)
        return (try #require(response.headers[tokenHeader], "GET /api/session answered no X-CSRFToken"), response.cookiePair ?? cookie)
    }

    /// Against a demo process on `port`.
    static func token(port: Int, cookie: String? = nil) async throws -> (token: String, cookie: String?) {
        let response = try await FlaskTutorialApp.request(port: port, "/api/session", headers: cookie.map { [.cookie: $0] } ?? [:])
        #expect(response.status == .ok)
        let token = try #require(response.headers[tokenHeader], "GET /api/session answered no X-CSRFToken")
        return (token, response.headers[.setCookie].map(cookiePair) ?? cookie)
    }

    /// The headers of an unsafe call: the session cookie and the token.
    static func headers(token: String, cookie: String?) -> HTTPFields {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let cookie { headers[.cookie] = cookie }
        headers[tokenHeader] = token
        return headers
    }
}

@Suite("The demo's playground API")
struct DemoPlaygroundTests {
    static func app(store: DemoStore = .cookie) throws -> some ApplicationProtocol {
        let configuration = DemoConfiguration(port: 0, secretKey: .generate(), store: store, playground: true)
        return buildDemoApplication(configuration: configuration, engine: try makeDemoEngine(configuration: configuration))
    }

    /// The session's data, as `GET /api/session` shows it.
    static func data(_ client: some TestClientProtocol, cookie: String?) async throws -> SessionObject {
        let response = try await client.execute(uri: "/api/session", method: .get, headers: cookie.map { [.cookie: $0] } ?? [:])
        guard case .object(let data) = try TaggedJSON.decode(Array(response.body.readableBytesView)) else {
            Issue.record("not an object: \(response.text)")
            return SessionObject()
        }
        return data
    }

    @Test("unsafe calls need the X-CSRFToken header; a cross-site one is refused even with it", arguments: [
        (HTTPRequest.Method.put, "/api/session/note", "\"forged\""),
        (.delete, "/api/session/owner", ""),
        (.post, "/api/session/regenerate", ""),
        (.post, "/api/session/destroy", ""),
    ])
    func csrf(method: HTTPRequest.Method, uri: String, body: String) async throws {
        for store in [DemoStore.cookie, .memory] {
            try await Self.app(store: store).test(.router) { client in
                let (token, first) = try await Playground.token(client)
                let created = try await client.execute(
                    uri: "/api/session/owner", method: .put, headers: Playground.headers(token: token, cookie: first),
                    body: ByteBuffer(string: "\"alice\""))
                #expect(created.status == .noContent)
                let cookie = created.cookiePair ?? first
                let before = try await Self.data(client, cookie: cookie)
                #expect(before["owner"] == "alice")

                // No token: refused, nothing changes, no cookie.
                var bare: HTTPFields = [.contentType: "application/json"]
                bare[.cookie] = cookie
                let refused = try await client.execute(uri: uri, method: method, headers: bare, body: ByteBuffer(string: body))
                #expect(refused.status == .forbidden, "\(store.name) \(method) \(uri)")
                #expect(refused.text.contains("CSRF"), "\(refused.text)")
                #expect(refused.setCookies.isEmpty)
                #expect(try await Self.data(client, cookie: cookie) == before)

                // A wrong token, or a right one from another site: refused too.
                let wrong = try await client.execute(
                    uri: uri, method: method, headers: Playground.headers(token: token + "x", cookie: cookie),
                    body: ByteBuffer(string: body))
                #expect(wrong.status == .forbidden)
                var crossSite = Playground.headers(token: token, cookie: cookie)
                crossSite[.origin] = "https://evil.example"
                let cross = try await client.execute(uri: uri, method: method, headers: crossSite, body: ByteBuffer(string: body))
                #expect(cross.status == .forbidden)
                #expect(try await Self.data(client, cookie: cookie) == before)

                // With the token: done.
                let accepted = try await client.execute(
                    uri: uri, method: method, headers: Playground.headers(token: token, cookie: cookie),
                    body: ByteBuffer(string: body))
                #expect(accepted.status == .noContent, "\(store.name) \(method) \(uri): \(accepted.text)")
            }
        }
    }

    @Test("too much input is a 413 or 400 with a message, never a 500, and the session stays as it was")
    func limits() async throws {
        try await Self.app(store: .cookie).test(.router) { client in
            let (token, first) = try await Playground.token(client)
            let headers = Playground.headers(token: token, cookie: first)
            let set = try await client.execute(
                uri: "/api/session/name", method: .put, headers: headers, body: ByteBuffer(string: "\"bob\""))
            #expect(set.status == .noContent)
            let cookie = set.cookiePair ?? first
            let withCookie = Playground.headers(token: token, cookie: cookie)

            // 10 KB fits the body limit but not a 4 KB cookie: the user's error.
            let big = "\"" + incompressible(10_000) + "\""
            let tooBig = try await client.execute(
                uri: "/api/session/name", method: .put, headers: withCookie, body: ByteBuffer(string: big))
            #expect(tooBig.status == .contentTooLarge)
            #expect(tooBig.text.contains("does not fit"), "\(tooBig.text)")
            #expect(tooBig.text.contains("4093-byte limit"), "\(tooBig.text)")

            let huge = "\"" + String(repeating: "x", count: 70 * 1024) + "\""
            let overBody = try await client.execute(
                uri: "/api/session/name", method: .put, headers: withCookie, body: ByteBuffer(string: huge))
            #expect(overBody.status == .contentTooLarge)
            #expect(overBody.text.contains("over 65536 bytes"), "\(overBody.text)")

            for bad in ["{", String(repeating: "[", count: 200) + String(repeating: "]", count: 200)] {
                let response = try await client.execute(
                    uri: "/api/session/name", method: .put, headers: withCookie, body: ByteBuffer(string: bad))
                #expect(response.status == .badRequest, "\(bad.prefix(20)): \(response.status)")
                #expect(response.text.contains("not JSON"), "\(response.text)")
            }
            #expect(try await Self.data(client, cookie: cookie)["name"] == "bob")
        }
    }

    @Test("a server-side session is capped at 1 MiB of JSON through the playground")
    func serverSideCap() async throws {
        try await Self.app(store: .memory).test(.router) { client in
            let (token, first) = try await Playground.token(client)
            var cookie = first
            let value = "\"" + String(repeating: "y", count: 60_000) + "\""
            var statuses: [HTTPResponse.Status] = []
            for n in 0..<20 {
                let response = try await client.execute(
                    uri: "/api/session/k\(n)", method: .put, headers: Playground.headers(token: token, cookie: cookie),
                    body: ByteBuffer(string: value))
                statuses.append(response.status)
                cookie = response.cookiePair ?? cookie
                if response.status != .noContent {
                    #expect(response.text.contains("1048576-byte limit"), "\(response.text)")
                }
            }
            #expect(statuses.prefix(17).allSatisfy { $0 == .noContent }, "\(statuses)")
            #expect(statuses.suffix(3).allSatisfy { $0 == .contentTooLarge }, "\(statuses)")
            #expect(try await Self.data(client, cookie: cookie).count >= 17)
        }
    }
}
