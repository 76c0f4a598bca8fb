import Hummingbird
import HummingbirdTesting
import Logging
import SessionKit
import SessionKitHummingbird
import Synchronization
import Testing

/// Spec §9.4 was captured with key `secret` and the clock pinned here.
let pinnedTime: Double = 1_700_000_000

/// An engine like the one Flask's captures in spec §9.4 were made with (Flask's cookie defaults:
/// no SameSite).
func makeEngine(
    key: SecretKey = SecretKey("secret"),
    clock: SessionClock = .fixed(pinnedTime),
    cookie: SessionCookieOptions = SessionCookieOptions(sameSite: nil),
    permanentLifetime: Duration = .seconds(31 * 24 * 3600),
    maxCookieSize: Int = 4093
) throws -> SessionEngine {
    try SessionEngine(
        configuration: SessionConfiguration(
            secretKey: key,
            allowWeakKeys: true,
            cookie: cookie,
            permanentLifetime: permanentLifetime,
            maxCookieSize: maxCookieSize),
        clock: clock)
}

/// Spec §9.4: `session["username"] = "admin"`, key `secret`, t = 1700000000.
let flaskAdminCookie = "eyJ1c2VybmFtZSI6ImFkbWluIn0.ZVPxAA.o6zCAtkLwlAtn7QZCM0_-xuvK1o"
/// Spec §9.4: the same, permanent.
let flaskPermanentAdminCookie =
    "eyJfcGVybWFuZW50Ijp0cnVlLCJ1c2VybmFtZSI6ImFkbWluIn0.ZVPxAA.ZHp7BYY2-CGZcRSG8w_2gBg42rc"

extension TestResponse {
    var text: String { String(buffer: body) }
    var setCookies: [String] { headers[values: .setCookie] }
    var varies: [String] { headers[values: .vary] }

    /// `name=value` of the first Set-Cookie, ready for a `Cookie` header.
    var cookiePair: String? {
        setCookies.first.map { String($0.prefix(while: { $0 != ";" })) }
    }
}

/// `application/x-www-form-urlencoded` request headers.
let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

/// Percent-encodes a form value (UTF-8; space as `+`).
func formEncode(_ text: String) -> String {
    var out = ""
    for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            out.unicodeScalars.append(Unicode.Scalar(byte))
        case UInt8(ascii: " "):
            out += "+"
        default:
            let hex = Array("0123456789ABCDEF".unicodeScalars)
            out += "%"
            out.unicodeScalars.append(hex[Int(byte >> 4)])
            out.unicodeScalars.append(hex[Int(byte & 0xF)])
        }
    }
    return out
}

/// The CSRF token of the first form in a demo page.
func csrfToken(in html: String) -> String? {
    guard let start = html.range(of: #"name="csrf_token" value=""#) else { return nil }
    return String(html[start.upperBound...].prefix { $0 != "\"" })
}

/// `name=value` of a `Set-Cookie` line.
func cookiePair(_ setCookie: String) -> String {
    String(setCookie.prefix(while: { $0 != ";" }))
}

/// A browser using the demo's forms in-process: it reads the CSRF token from the page, then posts.
enum DemoBrowser {
    /// GET /login: a CSRF token and the session cookie that holds its secret.
    static func tokenAndCookie(_ client: some TestClientProtocol) async throws -> (token: String, cookie: String) {
        let page = try await client.execute(uri: "/login", method: .get)
        return (try #require(csrfToken(in: page.text)), try #require(page.cookiePair))
    }

    /// GET /login, then POST /login with `body` (form-encoded fields) and the page's token.
    static func postLogin(
        _ client: some TestClientProtocol, body: String, cookie: String? = nil, headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        let page = try await client.execute(uri: "/login", method: .get, headers: cookie.map { [.cookie: $0] } ?? [:])
        let token = try #require(csrfToken(in: page.text))
        var headers = formHeaders
        if let session = page.cookiePair ?? cookie { headers[.cookie] = session }
        headers.append(contentsOf: extra)
        let separator = body.isEmpty ? "" : "&"
        return try await client.execute(
            uri: "/login", method: .post, headers: headers,
            body: ByteBuffer(string: body + separator + "csrf_token=\(formEncode(token))"))
    }

    /// Logs `name` in; returns the session cookie pair.
    static func login(_ client: some TestClientProtocol, name: String, cookie: String? = nil) async throws -> String {
        let response = try await postLogin(client, body: "username=\(formEncode(name))", cookie: cookie)
        #expect(response.status == .found)
        return try #require(response.cookiePair)
    }

    /// GET /logout (the page with the button), then POST /logout with its token.
    static func logout(_ client: some TestClientProtocol, cookie: String) async throws -> TestResponse {
        let page = try await client.execute(uri: "/logout", method: .get, headers: [.cookie: cookie])
        let token = try #require(csrfToken(in: page.text))
        var headers = formHeaders
        headers[.cookie] = page.cookiePair ?? cookie
        return try await client.execute(
            uri: "/logout", method: .post, headers: headers, body: ByteBuffer(string: "csrf_token=\(formEncode(token))"))
    }
}

/// The same against a demo process on `port`.
enum DemoProcessBrowser {
    static func login(port: Int, name: String, cookie: String? = nil) async throws -> String {
        let page = try await FlaskTutorialApp.request(port: port, "/login", headers: cookie.map { [.cookie: $0] } ?? [:])
        #expect(page.status == .ok)
        let token = try #require(csrfToken(in: String(buffer: page.body ?? ByteBuffer())))
        var headers = formHeaders
        if let session = page.headers[.setCookie].map(cookiePair) ?? cookie { headers[.cookie] = session }
        let response = try await FlaskTutorialApp.request(
            port: port, "/login", method: .post, headers: headers,
            body: "username=\(formEncode(name))&csrf_token=\(formEncode(token))")
        #expect(response.status == .found)
        return try #require(response.headers[.setCookie].map(cookiePair))
    }

    static func logout(port: Int, cookie: String) async throws -> TestClient.Response {
        let page = try await FlaskTutorialApp.request(port: port, "/logout", headers: [.cookie: cookie])
        let token = try #require(csrfToken(in: String(buffer: page.body ?? ByteBuffer())))
        var headers = formHeaders
        headers[.cookie] = page.headers[.setCookie].map(cookiePair) ?? cookie
        return try await FlaskTutorialApp.request(
            port: port, "/logout", method: .post, headers: headers, body: "csrf_token=\(formEncode(token))")
    }
}

/// Records every log line at every level, with the logger's and the call's metadata.
final class RecordingLogHandler: LogHandler, @unchecked Sendable {
    private let lines = Mutex<[(level: Logger.Level, text: String)]>([])
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        lines.withLock { $0.append((event.level, "\(event.message) \(all) \(event.source)")) }
    }
    var records: [(level: Logger.Level, text: String)] { lines.withLock { $0 } }
}

/// `body`'s result, or `DeadlineExceeded` once `timeout` has passed, without waiting for `body`
/// (which is cancelled and left to end by itself). A `TestClient` request's own timeout only
/// throws once the answer it waits for has come, so a server that never answers (a lock left
/// held) would hang the test.
func withDeadline<T: Sendable>(
    _ timeout: Duration, _ what: String, _ body: @escaping @Sendable () async throws -> T
) async throws -> T {
    let outcome = DeadlineOutcome<T>()
    return try await withCheckedThrowingContinuation { continuation in
        outcome.set(continuation)
        let work = Task {
            do {
                let value = try await body()  // first: the chain below takes the continuation
                outcome.take()?.resume(returning: value)
            } catch {
                outcome.take()?.resume(throwing: error)
            }
        }
        Task {
            try? await Task.sleep(for: timeout)
            if let continuation = outcome.take() {
                work.cancel()
                continuation.resume(throwing: DeadlineExceeded(what: what, timeout: timeout))
            }
        }
    }
}

/// The continuation `withDeadline` resumes once: whoever takes it first (the work or the timer).
final class DeadlineOutcome<T: Sendable>: Sendable {
    private let waiting = Mutex<CheckedContinuation<T, any Error>?>(nil)
    func set(_ continuation: CheckedContinuation<T, any Error>) { waiting.withLock { $0 = continuation } }
    func take() -> CheckedContinuation<T, any Error>? { waiting.withLock { w in defer { w = nil }; return w } }
}

struct DeadlineExceeded: Error, CustomStringConvertible {
    let what: String
    let timeout: Duration
    var description: String { "\(what): no answer within \(timeout)" }
}
