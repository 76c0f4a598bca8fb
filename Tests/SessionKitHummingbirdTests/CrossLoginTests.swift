import Hummingbird
import HummingbirdTesting
import SessionDemo
import SessionKit
import SessionKitHummingbird
import Testing

/// Logs in on the real Flask quickstart app and on the Swift demo, and presents each one's cookie
/// to the other. Both run with the same strong random key.
@Suite("Cross-login with real Flask", .timeLimit(.minutes(1)))
struct CrossLoginTests {
    static let names = ["admin", "Zoë 東京", "a b+c&d=e;f,g\"h'i\\j%k"]

    @Test("log in on Flask, be logged in on the Swift demo", arguments: names)
    func flaskToSwift(name: String) async throws {
        let key = SecretKey.generate()
        let engine = try makeDemoEngine(configuration: DemoConfiguration(secretKey: key, store: .cookie))
        try await FlaskTutorialApp.withServer(keyHex: key.hex) { flaskPort in
            let notYet = try await FlaskTutorialApp.request(port: flaskPort, "/")
            #expect(String(buffer: notYet.body ?? ByteBuffer()).contains("You are not logged in"))

            let login = try await FlaskTutorialApp.request(
                port: flaskPort, "/login", method: .post, headers: formHeaders,
                body: "username=\(formEncode(name))")
            #expect(login.status == .found)
            let setCookie = try #require(login.headers[values: .setCookie].first)
            let cookie = String(setCookie.prefix(while: { $0 != ";" }))
            #expect(cookie.hasPrefix("session="))

            let app = buildDemoApplication(configuration: DemoConfiguration(port: 0), engine: engine)
            try await app.test(.live) { client in
                let home = try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie])
                #expect(home.status == .ok)
                #expect(home.text.contains("Logged in as \(DemoPages.escapeHTML(name))<p>"), "\(home.text)")
                #expect(home.setCookies.isEmpty)

                // Logging out on Swift (the logout page's button) logs out on Flask too.
                let logout = try await DemoBrowser.logout(client, cookie: cookie)
                #expect(logout.status == .found)
                let after = try #require(logout.cookiePair)
                let flaskHome = try await FlaskTutorialApp.request(port: flaskPort, "/", headers: [.cookie: after])
                #expect(String(buffer: flaskHome.body ?? ByteBuffer()) == "You are not logged in")
            }
        }
    }

    @Test("log in on the Swift demo, be logged in on Flask", arguments: names)
    func swiftToFlask(name: String) async throws {
        let key = SecretKey.generate()
        let engine = try makeDemoEngine(configuration: DemoConfiguration(secretKey: key, store: .cookie))
        let app = buildDemoApplication(configuration: DemoConfiguration(port: 0), engine: engine)
        let cookie: String = try await app.test(.live) { client in
            try await DemoBrowser.login(client, name: name)
        }

        try await FlaskTutorialApp.withServer(keyHex: key.hex) { flaskPort in
            let home = try await FlaskTutorialApp.request(port: flaskPort, "/", headers: [.cookie: cookie])
            let text = String(buffer: home.body ?? ByteBuffer())
            #expect(home.status == .ok)
            #expect(text == "Logged in as \(DemoPages.escapeHTML(name))", "Flask said: \(text)")
            #expect(home.headers[values: .setCookie].isEmpty)

            // A cookie signed with another key is rejected by Flask too.
            let other = try makeDemoEngine(configuration: DemoConfiguration(secretKey: SecretKey.generate(), store: .cookie))
            let forged = try await buildDemoApplication(configuration: DemoConfiguration(port: 0), engine: other)
                .test(.router) { client in try await DemoBrowser.login(client, name: name) }
            let rejected = try await FlaskTutorialApp.request(
                port: flaskPort, "/", headers: [.cookie: forged])
            #expect(String(buffer: rejected.body ?? ByteBuffer()) == "You are not logged in")
        }
    }
}
