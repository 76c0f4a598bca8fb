import Foundation
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

extension SecretKey {
    /// A random key as the demo's --secret-key text (64 hex digits).
    static func generateText() -> String { SecretKey.generate().hex }
}
