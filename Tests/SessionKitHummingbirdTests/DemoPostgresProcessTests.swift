import Foundation
import Hummingbird
import HummingbirdTesting
import SessionKit
import Testing

/// The real `session-demo` executable on `--store postgres`: several processes on one database,
/// and a database outage. Needs `SESSIONKIT_POSTGRES_URL` (`scripts/test` provides it); without
/// it these tests are skipped with a message, except under CI (`CI` set), where they fail.
@Suite(.serialized) struct DemoPostgresProcessTests {
    static let environment = ProcessInfo.processInfo.environment
    static let url: String? = environment["SESSIONKIT_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let shouldRun = url != nil || !(environment["CI"] ?? "").isEmpty
    static let skipMessage: Comment =
        "SESSIONKIT_POSTGRES_URL is not set: PostgreSQL demo tests skipped (scripts/test provisions a server)"

    let key = SecretKey.generate().hex

    static func databaseURL() throws -> String {
        guard let url else {
            Issue.record("SESSIONKIT_POSTGRES_URL is not set but CI is: run the tests through scripts/test")
            throw FlaskTutorialApp.Unavailable.didNotStart("no PostgreSQL test server")
        }
        return url
    }

    func startDemo(url: String, _ extra: [String] = []) async throws -> (FlaskChild, Int) {
        try await DemoProcessTests.launchDemo(key: key, arguments: ["--store", "postgres", "--database-url", url] + extra)
    }

    func login(port: Int, name: String, cookie: String? = nil) async throws -> String {
        try await DemoProcessBrowser.login(port: port, name: name, cookie: cookie)
    }

    func index(port: Int, cookie: String) async throws -> String {
        let response = try await FlaskTutorialApp.request(port: port, "/", headers: [.cookie: cookie])
        return String(buffer: response.body ?? ByteBuffer())
    }

    @Test(.enabled(if: shouldRun, skipMessage))
    func twoProcessesShareLoginsLogoutsAndRegeneration() async throws {
        let url = try Self.databaseURL()
        let (a, portA) = try await startDemo(url: url)
        defer { a.stop() }
        let (b, portB) = try await startDemo(url: url)
        defer { b.stop() }

        // Log in on A: B sees it.
        let first = try await login(port: portA, name: "Zoë")
        #expect(try await index(port: portB, cookie: first).contains("Logged in as Zoë"))

        // Log in again on B (a new id): the old id is dead on both, the new one live on both.
        let second = try await login(port: portB, name: "admin", cookie: first)
        #expect(second != first)
        #expect(try await index(port: portA, cookie: first).contains("You are not logged in"))
        #expect(try await index(port: portB, cookie: first).contains("You are not logged in"))
        #expect(try await index(port: portA, cookie: second).contains("Logged in as admin"))

        // Log out on A: logged out on both.
        let logout = try await DemoProcessBrowser.logout(port: portA, cookie: second)
        #expect(logout.status == .found)
        #expect(try await index(port: portB, cookie: second).contains("You are not logged in"))
        #expect(try await index(port: portA, cookie: second).contains("You are not logged in"))
        a.stop()
        b.stop()
        #expect(a.exitStatus == 0 && b.exitStatus == 0)  // graceful: the pool closed cleanly
    }

    @Test(.enabled(if: shouldRun, skipMessage))
    func databaseOutageAnswers503ThenTheSameCookieIsLoggedInAgain() async throws {
        let url = try Self.databaseURL()
        // The demo talks to PostgreSQL through a forwarder that the test can take away: the
        // shared test server keeps running for the other tests.
        guard let components = URLComponents(string: url), let host = components.host, let dbPort = components.port
        else { throw FlaskTutorialApp.Unavailable.didNotStart("unparsable SESSIONKIT_POSTGRES_URL") }
        let proxyScript = FlaskTutorialApp.packageRoot().appendingPathComponent("scripts/tcp_proxy.py").path
        let python = (try? FlaskTutorialApp.python()) ?? "python3"
        func startProxy(_ port: Int) async throws -> (FlaskChild, Int) {
            let child = try FlaskChild(arguments: [python, proxyScript, "\(port)", host, "\(dbPort)"])
            let line = try await child.waitForLine(prefix: "ready ", timeout: .seconds(10))
            return (child, Int(line) ?? 0)
        }
        var (proxy, proxyPort) = try await startProxy(0)
        var viaProxy = components
        viaProxy.port = proxyPort
        // A request waits at most a second for the database that is gone (default: 5).
        let (demo, port) = try await startDemo(url: try #require(viaProxy.string), ["--postgres-timeout", "1000"])
        defer { demo.stop() }
        let cookie = try await login(port: port, name: "admin")
        #expect(try await index(port: port, cookie: cookie).contains("Logged in as admin"))

        // Database gone: 503, not 500 and not "logged out"; the cookie is not cleared.
        proxy.kill9()
        let down = ContinuousClock.now
        for _ in 0..<2 {
            let response = try await FlaskTutorialApp.request(port: port, "/", headers: [.cookie: cookie])
            #expect(response.status == .serviceUnavailable)
            #expect(!String(buffer: response.body ?? ByteBuffer()).contains("not logged in"))
            #expect(response.headers[.setCookie] == nil)
            OutageClient.expectUnavailable(response, what: "GET / with the database gone", detail: "\(host):")
        }
        let failTime = ContinuousClock.now - down

        // Back: the same cookie is logged in again, with no restart of the demo.
        (proxy, proxyPort) = try await startProxy(proxyPort)
        defer { proxy.stop() }
        let back = ContinuousClock.now
        var page = ""
        while !page.contains("Logged in as admin"), ContinuousClock.now - back < .seconds(60) {
            page = (try? await index(port: port, cookie: cookie)) ?? ""
            if !page.contains("Logged in as admin") { try await Task.sleep(for: .milliseconds(250)) }
        }
        #expect(page.contains("Logged in as admin"))
        #expect(demo.exitStatus == nil)
        print("demo PostgreSQL outage: two 503s in \(failTime); logged in again \(ContinuousClock.now - back) after the database came back")
    }
}
