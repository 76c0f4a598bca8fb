import Foundation
import Hummingbird
import HummingbirdTesting
import SessionKit
import Testing

/// Hostile requests over raw sockets (scripts/hostile_requests.py) against real demo processes,
/// one per storage mode: every one gets a clear 4xx or an empty session, never a 500, a crash or
/// a memory spike, and the process keeps serving.
@Suite(.serialized, .timeLimit(.minutes(2))) struct HostileInputProcessTests {
    struct Answer: Decodable {
        var status: Int?
        var body: String
    }

    /// What each case may get: a status and, for 200, the logged-out page.
    static let expected: [String: Set<Int>] = [
        "100 KB Cookie header": [200, 400, 431],
        "1000 cookies": [200],
        "zlib bomb behind a valid signature": [200],
        "NUL bytes in the cookie": [200, 400],
        "non-UTF-8 cookie": [200, 400],
        "cookie-format session": [200],
        "id-format session": [200],
        "huge Content-Length": [413],
        "1 MB user name": [413],
        "non-UTF-8 form": [400, 403],
        "still serving": [200],
    ]

    /// `loggedIn`: the cases whose cookie is a valid session in this mode (a Flask cookie in
    /// cookie mode is one), which must show it; every other 200 must be the logged-out page.
    func attack(store: [String], loggedIn: Set<String> = []) async throws {
        let key = SecretKey.generateText()
        let (demo, port) = try await DemoProcessTests.launchDemo(key: key, arguments: store)
        defer { demo.stop() }
        let script = FlaskTutorialApp.packageRoot().appendingPathComponent("scripts/hostile_requests.py").path
        let attacker = try FlaskChild(arguments: [try FlaskTutorialApp.python(), script, "--port", "\(port)", "--secret-key", key])
        defer { attacker.stop() }
        let line = try await attacker.waitForLine(prefix: "{", timeout: .seconds(90))
        let answers = try JSONDecoder().decode([String: Answer].self, from: Data(("{" + line).utf8))
        #expect(Set(answers.keys) == Set(Self.expected.keys), "\(attacker.stderr)")
        for (name, allowed) in Self.expected {
            let answer = try #require(answers[name], "\(name)")
            let status = try #require(answer.status, "\(name): the connection closed without an answer")
            #expect(allowed.contains(status), "\(name): \(status) \(answer.body)")
            if loggedIn.contains(name) {
                #expect(answer.body.contains("Logged in as admin"), "\(name): \(answer.body)")
            } else if status == 200 && name != "still serving" {
                #expect(answer.body.contains("You are not logged in"), "\(name): \(answer.body)")
            }
        }
        #expect(answers["still serving"]?.body == "ok")
        #expect(demo.exitStatus == nil, "the demo died: \(demo.stderr)")
        // Bounded memory: the 2 MB bomb, the 100 KB header and the 1 MB form never came in whole.
        let peak = try #require(demo.peakResidentBytes)
        #expect(peak < 150 << 20, "peak RSS \(peak >> 20) MB")
        #expect(!demo.stderr.contains("Fatal error"), "\(demo.stderr)")
    }

    @Test func cookieMode() async throws {
        try await attack(store: ["--store", "cookie"], loggedIn: ["cookie-format session"])
    }

    @Test func serverSideSessions() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sessionkit-hostile-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await attack(store: ["--store", "directory", "--session-dir", folder])
    }
}

/// Too much user input on the cookie store, through the real process: a user name of one letter
/// and 10,000 combining marks (one Character, 20 KB) and a playground value too large for the
/// cookie are the user's errors, 4xx with a message, never a 500; the session stays usable.
@Suite(.timeLimit(.minutes(1))) struct OversizedInputProcessTests {
    @Test func cookieStore() async throws {
        let (demo, port) = try await DemoProcessTests.launchDemo(
            key: SecretKey.generateText(), arguments: ["--store", "cookie", "--playground"])
        defer { demo.stop() }
        let page = try await FlaskTutorialApp.request(port: port, "/login")
        let token = try #require(csrfToken(in: String(buffer: page.body ?? ByteBuffer())))
        var headers = formHeaders
        headers[.cookie] = try #require(page.headers[.setCookie].map(cookiePair))
        let marks = "a" + String(repeating: "\u{301}", count: 10_000)
        let login = try await FlaskTutorialApp.request(
            port: port, "/login", method: .post, headers: headers,
            body: "username=\(formEncode(marks))&csrf_token=\(formEncode(token))")
        let loginText = String(buffer: login.body ?? ByteBuffer())
        #expect(login.status == .badRequest, "\(loginText.prefix(300))")
        #expect(loginText.contains("The user name is too long (at most 256 bytes of UTF-8)."))

        let (apiToken, cookie) = try await Playground.token(port: port)
        let value = "\"" + incompressible(20_000) + "\""
        let put = try await FlaskTutorialApp.request(
            port: port, "/api/session/big", method: .put, headers: Playground.headers(token: apiToken, cookie: cookie), body: value)
        #expect(put.status == .contentTooLarge, "\(String(buffer: put.body ?? ByteBuffer()))")
        #expect(String(buffer: put.body ?? ByteBuffer()).contains("does not fit"))
        let name = try await DemoProcessBrowser.login(port: port, name: "admin")
        let home = try await FlaskTutorialApp.request(port: port, "/", headers: [.cookie: name])
        #expect(String(buffer: home.body ?? ByteBuffer()).contains("Logged in as admin"))
        #expect(!demo.stderr.contains("Fatal error"))
    }
}

extension SecretKey {
    /// A random key as the demo's --secret-key text (64 hex digits).
    static func generateText() -> String { SecretKey.generate().hex }
}
