import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// A browser logged in to demo processes, and the rules of a store outage seen from it: while the
/// store is down a request that needs it answers 503 — not 500, with the fixed message and
/// nothing of the failure — and leaves the client's cookie alone (no `Set-Cookie`); once the
/// store is back the SAME cookie is logged in again, with no restart of the demo.
struct OutageClient {
    let name: String
    let cookie: String
    /// The login form's CSRF token for `cookie`, fetched while the store was up (the form
    /// reads the session), for a login during the outage.
    let token: String

    /// Logs `name` in on `port`, shows the index page (which consumes the flash: a save) and
    /// fetches a login token, all while the store is up.
    static func logIn(port: Int, name: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> OutageClient {
        let cookie = try await DemoProcessBrowser.login(port: port, name: name)
        let index = try await Self.request(port: port, "/", headers: [.cookie: cookie])
        #expect(index.status == .ok, sourceLocation: sourceLocation)
        #expect(Self.text(index).contains("Logged in as \(name)"), sourceLocation: sourceLocation)
        let form = try await Self.request(port: port, "/login", headers: [.cookie: cookie])
        #expect(form.status == .ok, sourceLocation: sourceLocation)
        // The id never changes here: a Set-Cookie, if any, carries the same one.
        #expect(form.headers[.setCookie].map(cookiePair) ?? cookie == cookie, sourceLocation: sourceLocation)
        let token = try #require(csrfToken(in: Self.text(form)), sourceLocation: sourceLocation)
        return OutageClient(name: name, cookie: cookie, token: token)
    }

    static func text(_ response: TestClient.Response) -> String { String(buffer: response.body ?? ByteBuffer()) }

    /// `FlaskTutorialApp.request`, failing (`DeadlineExceeded`) rather than hanging when the demo
    /// does not answer within a minute.
    static func request(
        port: Int, _ uri: String, method: HTTPRequest.Method = .get, headers: HTTPFields = [:], body: String? = nil
    ) async throws -> TestClient.Response {
        try await withDeadline(.seconds(60), "\(method) \(uri) on port \(port)") {
            try await FlaskTutorialApp.request(port: port, uri, method: method, headers: headers, body: body)
        }
    }

    /// A login as `other` with this client's cookie and token: a save, under a new id.
    func logIn(port: Int, as other: String) async throws -> TestClient.Response {
        var headers = formHeaders
        headers[.cookie] = cookie
        return try await Self.request(
            port: port, "/login", method: .post, headers: headers,
            body: "username=\(formEncode(other))&csrf_token=\(formEncode(token))")
    }

    /// During the outage, on `port`: a login as someone else (a save) answers 503 with no
    /// `Set-Cookie`; the index page answers 503 too, or — where the store may still serve reads
    /// (`readsMayWork`: a full disk, a locked database, a file the process holds open) — still
    /// shows `name` logged in. `detail`: text of the failure (a path, a URL) that must not leak.
    func expectOutage(
        port: Int, readsMayWork: Bool, detail: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let login = try await logIn(port: port, as: "intruder")
        Self.expectUnavailable(login, what: "POST /login", detail: detail, sourceLocation: sourceLocation)
        let index = try await Self.request(port: port, "/", headers: [.cookie: cookie])
        if readsMayWork && index.status == .ok {
            #expect(Self.text(index).contains("Logged in as \(name)"), "GET / during the outage: \(Self.text(index).prefix(200))",
                    sourceLocation: sourceLocation)
            #expect(index.headers[.setCookie] == nil, "GET / during the outage set a cookie", sourceLocation: sourceLocation)
        } else {
            Self.expectUnavailable(index, what: "GET /", detail: detail, sourceLocation: sourceLocation)
        }
    }

    /// What text in a 503 would say more than the fixed message: a stack trace, an error's
    /// description, a path.
    static let leaks = [
        ".swift", "Error(", "error:", "errno", "Fatal", "Backtrace", "SQLite", "sqlite", "Postgres", "Redis", "ENOSPC",
        "No space", "Read-only", "ermission", "refused", "/tmp", "session-demo",
    ]

    /// 503 with the store message only, and no `Set-Cookie` (the cookie is neither deleted
    /// nor replaced).
    static func expectUnavailable(
        _ response: TestClient.Response, what: String, detail: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let body = text(response)
        #expect(response.status == .serviceUnavailable, "\(what): \(response.status.code) \(body.prefix(200))",
                sourceLocation: sourceLocation)
        #expect(body.contains("session store is unavailable"), "\(what): \(body.prefix(200))", sourceLocation: sourceLocation)
        let leaked = (leaks + (detail.map { [$0] } ?? [])).filter { body.contains($0) }
        #expect(leaked.isEmpty && body.utf8.count < 300, "\(what) says too much (\(leaked)): \(body.prefix(300))",
                sourceLocation: sourceLocation)
        #expect(response.headers[.setCookie] == nil, "\(what) sent Set-Cookie: \(response.headers[.setCookie] ?? "")",
                sourceLocation: sourceLocation)
    }

    /// Once the store is back: waits (up to 60 s, polling) for `port` to show the SAME cookie
    /// logged in, every answer meanwhile a 503 or that page; then a login as someone else (a
    /// save) succeeds, again waiting for it, and its new cookie shows the new name (unless
    /// `save` is false: that login ends this cookie's session).
    func expectRecovered(port: Int, save: Bool = true, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let start = ContinuousClock.now
        var page = ""
        var unexpected: [String] = []
        while ContinuousClock.now - start < .seconds(60) {
            let response = try await Self.request(port: port, "/", headers: [.cookie: cookie])
            if response.headers[.setCookie] != nil { unexpected.append("Set-Cookie on GET /") }
            if response.status == .ok {
                page = Self.text(response)
                break
            }
            if response.status != .serviceUnavailable { unexpected.append("GET / \(response.status.code)") }
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(page.contains("Logged in as \(name)"), "the same cookie after the outage: \(page.prefix(200))",
                sourceLocation: sourceLocation)
        #expect(unexpected.isEmpty, "while recovering: \(unexpected.prefix(5))", sourceLocation: sourceLocation)
        guard save else { return }

        // Saves work again: the login the outage refused goes through now, with this cookie and
        // token (the refused one changed nothing).
        var login: TestClient.Response?
        while ContinuousClock.now - start < .seconds(90) {
            let response = try await logIn(port: port, as: "\(name) again")
            login = response
            if response.status != .serviceUnavailable { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(login?.status == .found, "a login after the outage: \(login.map { "\($0.status.code)" } ?? "none")",
                sourceLocation: sourceLocation)
        if let newCookie = login?.headers[.setCookie].map(cookiePair) {
            #expect(newCookie != cookie, sourceLocation: sourceLocation)
            let index = try await Self.request(port: port, "/", headers: [.cookie: newCookie])
            #expect(Self.text(index).contains("Logged in as \(name) again"), sourceLocation: sourceLocation)
        }
    }
}
