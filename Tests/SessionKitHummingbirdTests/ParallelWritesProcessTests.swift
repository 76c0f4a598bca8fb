import Foundation
import Hummingbird
import HummingbirdTesting
import SessionKit
import Testing

/// No lost updates over the full HTTP path: 32 clients share ONE session (one cookie) and each
/// writes its own key 100 times through the `session-demo --playground` JSON API, against real
/// demo processes on every server-side store, and two processes on one shared store. At the end
/// every key holds its last value.
///
/// PostgreSQL and Redis need `SESSIONKIT_POSTGRES_URL` / `SESSIONKIT_REDIS_URL` (`scripts/test`
/// starts both servers): without them those tests are skipped with a notice, except under CI
/// (`CI` set), where they fail.
@Suite(.serialized) struct ParallelWritesProcessTests {
    static let tasks = 32
    static let rounds = 100

    let key = SecretKey.generate().hex

    /// A fresh folder for the directory or SQLite store, removed by the caller.
    static func scratch() throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("sessionkit-parallel-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func redisURL() throws -> String {
        guard let url = RedisDemoEnvironment.redisURL else {
            Issue.record("SESSIONKIT_REDIS_URL is not set but CI is: run the tests through scripts/test")
            throw FlaskTutorialApp.Unavailable.didNotStart("no Redis test server")
        }
        return url
    }

    /// Starts `processes` demos with `store` arguments and the playground; runs the check with
    /// the clients spread over them; stops them.
    func run(store: [String], processes: Int = 1) async throws {
        var demos: [(FlaskChild, Int)] = []
        defer { for (child, _) in demos { child.stop() } }
        for _ in 0..<processes {
            demos.append(try await DemoProcessTests.launchDemo(key: key, arguments: store + ["--playground"]))
        }
        let started = ContinuousClock.now
        try await Self.parallelWrites(ports: demos.map(\.1))
        print("parallel writes \(store.prefix(2).joined(separator: " ")) ×\(processes): \(ContinuousClock.now - started)")
    }

    /// The check: one session, `tasks` clients (client `i` talks to `ports[i % ports.count]`,
    /// on its own keep-alive connection), each PUTting `k<i>` `rounds` times.
    static func parallelWrites(ports: [Int]) async throws {
        let (token, first) = try await Playground.token(port: ports[0])
        let created = try await FlaskTutorialApp.request(
            port: ports[0], "/api/session/owner", method: .put, headers: Playground.headers(token: token, cookie: first),
            body: "\"test\"")
        #expect(created.status == .noContent)
        let cookie = try #require(created.headers[.setCookie].map { String($0.prefix(while: { $0 != ";" })) } ?? first)

        let problems = try await withThrowingTaskGroup(of: [String].self) { group in
            for task in 0..<tasks {
                let port = ports[task % ports.count]
                group.addTask {
                    try await TestClient.withClient(host: "127.0.0.1", port: port) { client in
                        var problems: [String] = []
                        for round in 0..<rounds {
                            let response = try await client.execute(
                                TestClient.Request(
                                    "/api/session/k\(task)", method: .put, authority: "127.0.0.1:\(port)",
                                    headers: Playground.headers(token: token, cookie: cookie),
                                    body: ByteBuffer(string: "\(task * 1_000 + round)")))
                            if response.status != .noContent {
                                problems.append("k\(task) round \(round): status \(response.status.code)")
                            }
                            // The id never changes: a Set-Cookie, if any, names the same session.
                            if let set = response.headers[.setCookie], String(set.prefix(while: { $0 != ";" })) != cookie {
                                problems.append("k\(task) round \(round): cookie changed to \(set.prefix(24))…")
                            }
                        }
                        return problems
                    }
                }
            }
            return try await group.reduce(into: [String]()) { $0 += $1 }
        }
        #expect(problems.isEmpty, "\(problems.count) bad responses, first: \(problems.prefix(3))")

        for port in ports {
            let response = try await FlaskTutorialApp.request(port: port, "/api/session", headers: [.cookie: cookie])
            #expect(response.status == .ok)
            guard case .object(let data) = try TaggedJSON.decode(Array((response.body ?? ByteBuffer()).readableBytesView))
            else {
                Issue.record("the session is not a JSON object")
                return
            }
            var lost: [String] = []
            for task in 0..<tasks where data["k\(task)"] != .int(task * 1_000 + rounds - 1) {
                lost.append("k\(task)=\(data["k\(task)"].map { "\($0)" } ?? "absent")")
            }
            if data["owner"] != "test" { lost.append("owner") }
            #expect(lost.isEmpty, "port \(port): \(lost.count) of \(tasks + 1) keys lost their last value: \(lost.prefix(5))")
            // Besides the keys written, only the CSRF secret the token came from.
            #expect(data.keys.filter { $0 != CSRFToken.sessionKey }.count == tasks + 1, "\(data.keys)")
        }
    }

    // MARK: One process per store

    @Test func memory() async throws {
        try await run(store: ["--store", "memory"])
    }

    @Test func directory() async throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await run(store: ["--store", "directory", "--session-dir", folder])
    }

    @Test func directoryWithoutFsync() async throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await run(store: ["--store", "directory", "--session-dir", folder, "--durability", "none"])
    }

    @Test func sqlite() async throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await run(store: ["--store", "sqlite", "--sqlite-path", folder + "/sessions.sqlite"])
    }

    @Test(.enabled(if: DemoPostgresProcessTests.shouldRun, DemoPostgresProcessTests.skipMessage))
    func postgres() async throws {
        try await run(store: ["--store", "postgres", "--database-url", try DemoPostgresProcessTests.databaseURL()])
    }

    @Test(.enabled(if: RedisDemoEnvironment.enabled, "SESSIONKIT_REDIS_URL is not set"))
    func redis() async throws {
        try await run(store: ["--store", "redis", "--redis-url", try Self.redisURL()])
    }

    // MARK: Two processes on one shared store

    @Test func twoProcessesOnOneDirectory() async throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await run(store: ["--store", "directory", "--session-dir", folder], processes: 2)
    }

    @Test func twoProcessesOnOneDirectoryWithoutFsync() async throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await run(store: ["--store", "directory", "--session-dir", folder, "--durability", "none"], processes: 2)
    }

    @Test(.enabled(if: DemoPostgresProcessTests.shouldRun, DemoPostgresProcessTests.skipMessage))
    func twoProcessesOnOnePostgres() async throws {
        try await run(
            store: ["--store", "postgres", "--database-url", try DemoPostgresProcessTests.databaseURL()], processes: 2)
    }

    @Test(.enabled(if: RedisDemoEnvironment.enabled, "SESSIONKIT_REDIS_URL is not set"))
    func twoProcessesOnOneRedis() async throws {
        try await run(store: ["--store", "redis", "--redis-url", try Self.redisURL()], processes: 2)
    }
}
