import Foundation
import Hummingbird
import HummingbirdTesting
import SessionKit
import Testing

/// `session-demo --store redis`, run as separate processes sharing one Redis. Needs
/// `SESSIONKIT_REDIS_URL` (scripts/test starts a Redis): skipped with a notice without it, failed
/// under CI.
enum RedisDemoEnvironment {
    static let environment = ProcessInfo.processInfo.environment
    static let redisURL = environment["SESSIONKIT_REDIS_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let enabled: Bool = {
        if redisURL != nil || !(environment["CI"] ?? "").isEmpty { return true }
        print("◇ SESSIONKIT_REDIS_URL is not set: Redis demo process tests are SKIPPED (scripts/test starts a Redis)")
        return false
    }()
    static let redisServer: String? = (environment["PATH"] ?? "/usr/bin").split(separator: ":")
        .map { "\($0)/redis-server" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}

@Suite(.serialized, .enabled(if: RedisDemoEnvironment.enabled, "SESSIONKIT_REDIS_URL is not set"))
struct RedisDemoProcessTests {
    static let redisURL = RedisDemoEnvironment.redisURL
    static let redisServer = RedisDemoEnvironment.redisServer

    let key = SecretKey.generate().hex

    func startDemo(redisURL: String) async throws -> (FlaskChild, Int) {
        try await DemoProcessTests.launchDemo(
            key: key, arguments: ["--store", "redis", "--redis-url", redisURL, "--playground"])
    }

    func login(port: Int, name: String) async throws -> String {
        try await DemoProcessBrowser.login(port: port, name: name)
    }

    func index(port: Int, cookie: String) async throws -> (HTTPResponse.Status, String) {
        let response = try await FlaskTutorialApp.request(port: port, "/", headers: [.cookie: cookie])
        return (response.status, String(buffer: response.body ?? ByteBuffer()))
    }

    @Test func twoProcessesShareOneRedis() async throws {
        let url = try #require(Self.redisURL, "SESSIONKIT_REDIS_URL is not set")
        let (a, portA) = try await startDemo(redisURL: url)
        defer { a.stop() }
        let (b, portB) = try await startDemo(redisURL: url)
        defer { b.stop() }

        let cookie = try await login(port: portA, name: "alice")
        #expect(try await index(port: portB, cookie: cookie).1.contains("Logged in as alice"))

        // Regenerated on B: the old id is dead on A too, the new one works on A.
        let (token, _) = try await Playground.token(port: portB, cookie: cookie)
        let regenerated = try await FlaskTutorialApp.request(
            port: portB, "/api/session/regenerate", method: .post, headers: Playground.headers(token: token, cookie: cookie))
        #expect(regenerated.status == .noContent)
        let newCookie = try #require(regenerated.headers[.setCookie].map { String($0.prefix(while: { $0 != ";" })) })
        #expect(newCookie != cookie)
        #expect(try await index(port: portA, cookie: cookie).1.contains("You are not logged in"))
        #expect(try await index(port: portA, cookie: newCookie).1.contains("Logged in as alice"))

        // Logged out on A: logged out on B.
        let logout = try await DemoProcessBrowser.logout(port: portA, cookie: newCookie)
        #expect(logout.status == .found)
        #expect(try await index(port: portB, cookie: newCookie).1.contains("You are not logged in"))
    }

    /// Runs whenever the suite does: without a redis-server on PATH it fails (scripts/test installs one).
    @Test func outageAnswers503AndRecoversWithoutARestart() async throws {
        _ = try #require(Self.redisServer, "redis-server is not on PATH")
        let port = try Self.freePort()
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("sessionkit-demo-redis-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // Reloads the dump that `save(port:)` wrote, so the restart models a persistent Redis.
        func startRedis() async throws -> FlaskChild {
            let redis = try FlaskChild(arguments: [
                Self.redisServer!, "--bind", "127.0.0.1", "--port", String(port), "--dir", directory,
                "--save", "3600 1", "--appendonly", "no", "--daemonize", "no",
            ])
            _ = try await redis.waitForLine(prefix: "", timeout: .seconds(10))
            for _ in 0..<200 {
                if Self.canConnect(port) { return redis }
                try await Task.sleep(for: .milliseconds(25))
            }
            redis.stop()
            throw FlaskTutorialApp.Unavailable.didNotStart("redis-server on \(port)")
        }
        var redis = try await startRedis()
        let (demo, demoPort) = try await startDemo(redisURL: "redis://127.0.0.1:\(port)/0")
        defer { demo.stop() }
        let client = try await OutageClient.logIn(port: demoPort, name: "bob")

        // A persistent Redis keeps its data over a restart: SAVE first (a stop signal may not
        // reach a child of the test process, so the server's own save-on-shutdown is not relied on).
        try Self.save(port: port)
        redis.stop()
        // 503 with the cookie kept (`OutageClient`), then the same cookie logged in again.
        try await client.expectOutage(port: demoPort, readsMayWork: false, detail: "127.0.0.1:\(port)")

        redis = try await startRedis()
        defer { redis.stop() }
        try await client.expectRecovered(port: demoPort)
        #expect(demo.exitStatus == nil, "the demo exited: \(demo.stderr.suffix(500))")
    }

    /// `redis-cli SAVE` (beside the redis-server binary): writes the dump a restart reloads.
    static func save(port: Int) throws {
        let cli = URL(fileURLWithPath: Self.redisServer!).deletingLastPathComponent()
            .appendingPathComponent("redis-cli").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: cli)
        process.arguments = ["-h", "127.0.0.1", "-p", String(port), "SAVE"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "redis-cli SAVE failed")
    }

    static func canConnect(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard ok else { throw FlaskTutorialApp.Unavailable.didNotStart("no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
