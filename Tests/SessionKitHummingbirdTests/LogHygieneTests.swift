import Hummingbird
import HummingbirdTesting
import Logging
import SessionDemo
import SessionKit
import SessionKitHummingbird
import Synchronization
import Testing

/// No session data, id or key in the logs above debug level, and no whole id at any level.
@Suite struct LogHygieneTests {
    @Test func aWholeSessionLeavesNoSecretsInTheLogs() async throws {
        let recorder = RecordingLogHandler()
        let logger = Logger(label: "test") { _ in recorder }
        let keyText = "log-hygiene-key-\(SecretKey.generate().hex)"
        let name = "Secret-Name-7f3a"
        let configuration = DemoConfiguration(secretKey: SecretKey(keyText), store: .memory, playground: true)
        let engine = try makeDemoEngine(configuration: configuration, logger: logger)
        let app = Application(router: buildDemoRouter(engine: engine, configuration: configuration), logger: logger)
        let cookies: [String] = try await app.test(.router) { client in
            var cookies: [String] = []
            let cookie = try await DemoBrowser.login(client, name: name)
            cookies.append(cookie)
            _ = try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie])
            // A stale cookie, a tampered one, a forged form, a playground write and a logout.
            _ = try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie + "x"])
            var headers = formHeaders
            headers[.cookie] = cookie
            _ = try await client.execute(
                uri: "/login", method: .post, headers: headers, body: ByteBuffer(string: "username=\(name)&csrf_token=bad"))
            let (token, _) = try await Playground.token(client, cookie: cookie)
            _ = try await client.execute(
                uri: "/api/session/note", method: .put, headers: Playground.headers(token: token, cookie: cookie),
                body: ByteBuffer(string: #""\#(name)""#))
            let logout = try await DemoBrowser.logout(client, cookie: cookie)
            if let after = logout.cookiePair { cookies.append(after) }
            // A slow request whose session is destroyed before it saves: its change is dropped
            // and logged at debug, naming the session.
            let second = try await DemoBrowser.login(client, name: name)
            cookies.append(second)
            let (secondToken, _) = try await Playground.token(client, cookie: second)
            let slow = engine.begin(cookieHeaders: [second])
            try await slow.session()["late"] = 1
            _ = try await client.execute(
                uri: "/api/session/destroy", method: .post, headers: Playground.headers(token: secondToken, cookie: second))
            _ = try await engine.finish(slow)
            return cookies
        }
        let lines = recorder.records
        // The log works: the forged form and the dropped save were logged.
        #expect(lines.contains { $0.level == .notice && $0.text.contains("CSRF check failed") })
        #expect(lines.contains { $0.level == .debug && $0.text.contains("change dropped") })
        let values = cookies.map { String($0.dropFirst("session=".count)) }
        let ids = values.compactMap { $0.split(separator: ".").first.map(String.init) }.filter { $0.count == SessionID.length }
        #expect(!ids.isEmpty)
        for (level, text) in lines {
            for id in ids { #expect(!text.contains(id), "a whole session id at \(level): \(text)") }
            for value in values { #expect(!text.contains(value), "a cookie at \(level): \(text)") }
            #expect(!text.contains(keyText), "the key at \(level): \(text)")
            if level > .debug {
                #expect(!text.contains(name), "session data at \(level): \(text)")
            }
        }
    }
}
