import Foundation
import Hummingbird
import HummingbirdTesting
@testable import SessionKit
import Testing

/// Crash safety of the shared stores: three `session-demo` processes on one session folder (or
/// one SQLite file), clients saving through all of them, each process killed with SIGKILL at
/// random moments and restarted, for `chaos`. Then every acknowledged save is there with its
/// value (read back through a fresh demo), nothing is corrupt (every session loads; the
/// `sessionkit store` CLI or SQLite's integrity check agrees), and no lock is left held (a new
/// save to each session answers at once).
///
/// The kill schedule and the clients' choices come from a seed, printed:
/// `SESSIONKIT_TEST_SEED=<seed>` replays them (the processes' timing still varies).
@Suite(.serialized) struct CrashRecoveryProcessTests {
    static let processes = 3
    static let clients = 6
    static let chaos: Duration = .seconds(10)

    let key = SecretKey.generate().hex

    @Test func directoryStoreSurvivesRepeatedKills() async throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = ["--store", "directory", "--session-dir", folder]
        let ledgers = try await Self.crashLoop(store: store, key: key, seed: Self.seed("directory"))
        try await Self.expectDirectoryIntact(folder, key: key, sessions: ledgers.count)
        try await Self.expectEverySave(store: store, key: key, ledgers: ledgers)
    }

    @Test func sqliteStoreSurvivesRepeatedKills() async throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let database = folder + "/sessions.sqlite"
        let store = ["--store", "sqlite", "--sqlite-path", database]
        let ledgers = try await Self.crashLoop(store: store, key: key, seed: Self.seed("sqlite"))
        // Without a Python the integrity check is left out, except under CI.
        try await Self.expectSQLiteIntact(database, sessions: ledgers.count)
        try await Self.expectEverySave(store: store, key: key, ledgers: ledgers)
    }

    // MARK: The crash loop

    static func scratch() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sessionkit-crash-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// `SESSIONKIT_TEST_SEED` when set, else a fresh one; printed with the test's name.
    static func seed(_ name: String) -> UInt64 {
        let text = ProcessTestCapabilities.environment["SESSIONKIT_TEST_SEED"] ?? ""
        let seed = UInt64(text) ?? UInt64.random(in: .min ... .max)
        print("◇ crash test \(name): SESSIONKIT_TEST_SEED=\(seed)")
        return seed
    }

    /// Starts the processes, makes one session per client, then saves and kills for `chaos`;
    /// ends with every process killed at once. Returns the clients' ledgers.
    static func crashLoop(store: [String], key: String, seed: UInt64) async throws -> [SaveLedger] {
        let fleet = DemoFleet(key: key, arguments: store + ["--playground"], size: processes)
        try await fleet.startAll()
        var ledgers: [SaveLedger] = []
        for client in 0..<clients {
            let port = try #require(fleet.port(0))
            let (token, anonymous) = try await Playground.token(port: port)
            let created = try await FlaskTutorialApp.request(
                port: port, "/api/session/owner", method: .put, headers: Playground.headers(token: token, cookie: anonymous),
                body: "\"c\(client)\"")
            #expect(created.status == .noContent)
            let cookie = try #require(created.headers[.setCookie].map(cookiePair))
            ledgers.append(SaveLedger(client: client, cookie: cookie, token: token))
        }

        let started = ContinuousClock.now
        let deadline = started + chaos
        async let killing: Void = killer(fleet, seed: seed, until: deadline)
        let results = await withTaskGroup(of: SaveLedger.self) { group in
            for ledger in ledgers {
                group.addTask { await saves(ledger, fleet: fleet, seed: seed, until: deadline) }
            }
            return await group.reduce(into: [SaveLedger]()) { $0.append($1) }.sorted { $0.client < $1.client }
        }
        try await killing
        fleet.killAll()

        let acks = results.reduce(0) { $0 + $1.acks }
        let lost = results.reduce(0) { $0 + $1.lostAnswers }
        let kills = fleet.kills.load(ordering: .relaxed)
        print("crash loop \(store[1]): \(kills) kills, \(acks) saves acknowledged, \(lost) unanswered, in \(ContinuousClock.now - started)")
        #expect(kills >= 5 && acks >= 30, "too little happened to prove anything: \(kills) kills, \(acks) acknowledged saves")
        let problems = results.flatMap(\.problems)
        let badAnswers = problems.count
        #expect(badAnswers == 0, "bad answers, first: \(problems.prefix(3))")
        return results
    }

    /// Every 150–700 ms, SIGKILL for a random process that is up; it is restarted at once (in
    /// the background, so kills go on meanwhile). Returns once the restarts are done.
    static func killer(_ fleet: DemoFleet, seed: UInt64, until deadline: ContinuousClock.Instant) async throws {
        var random = SeededGenerator(seed: seed)
        try await withThrowingTaskGroup(of: Void.self) { restarts in
            while ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(Int.random(in: 150...700, using: &random)))
                guard let victim = fleet.upSlots.randomElement(using: &random) else { continue }
                fleet.kill(victim)
                restarts.addTask { try await fleet.start(victim) }
            }
            try await restarts.waitForAll()
        }
    }

    /// One client: saves one key at a time (random key, random size, to a random live process)
    /// until `deadline`.
    static func saves(_ start: SaveLedger, fleet: DemoFleet, seed: UInt64, until deadline: ContinuousClock.Instant) async
        -> SaveLedger
    {
        var ledger = start
        var random = SeededGenerator(seed: seed &+ UInt64(ledger.client + 1) &* 0x9E37_79B9_7F4A_7C15)
        var n = 0
        while ContinuousClock.now < deadline {
            guard let slot = fleet.upSlots.randomElement(using: &random), let port = fleet.port(slot) else {
                try? await Task.sleep(for: .milliseconds(20))
                continue
            }
            n += 1
            let key = "k\(Int.random(in: 0..<4, using: &random))"
            // Up to 3 KB: a record outgrowing its file's slots is rewritten as a new file.
            let value = "c\(ledger.client)n\(n)-" + String(repeating: "x", count: Int.random(in: 0...3_000, using: &random))
            ledger.sent(key, value)
            do {
                let response = try await request(
                    port: port, "/api/session/\(key)", method: .put,
                    headers: Playground.headers(token: ledger.token, cookie: ledger.cookie), body: "\"\(value)\"")
                if response.status == .noContent {
                    ledger.acknowledge(key, value)
                } else {
                    ledger.problems.append("client \(ledger.client) \(key): \(response.status.code)")
                }
                // The id never changes: a Set-Cookie, if any, carries the same cookie.
                if let set = response.headers[.setCookie], cookiePair(set) != ledger.cookie {
                    ledger.problems.append("client \(ledger.client) \(key): Set-Cookie \(set.prefix(30))")
                }
            } catch is DeadlineExceeded {
                ledger.problems.append("client \(ledger.client) \(key): no answer within 60 s from a live server")
            } catch TestClient.Error.readTimeout {
                ledger.problems.append("client \(ledger.client) \(key): no answer within 60 s from a live server")
            } catch {
                ledger.lostAnswers += 1  // the server died with the save in flight
            }
        }
        return ledger
    }

    /// One request on a fresh connection, waiting up to `timeout` for the answer
    /// (`DeadlineExceeded` after that).
    static func request(
        port: Int, _ uri: String, method: HTTPRequest.Method = .get, headers: HTTPFields = [:], body: String? = nil,
        timeout: Duration = .seconds(60)
    ) async throws -> TestClient.Response {
        try await withDeadline(timeout, "\(method) \(uri) on port \(port)") {
            try await TestClient.withClient(host: "127.0.0.1", port: port, configuration: .init(timeout: timeout)) { client in
                try await client.execute(
                    TestClient.Request(
                        uri, method: method, authority: "127.0.0.1:\(port)", headers: headers,
                        body: body.map { ByteBuffer(string: $0) }))
            }
        }
    }

    // MARK: The checks

    /// Through a fresh demo on the store: each session holds its acknowledged saves, and a new
    /// save to it answers (within 30 s: a lock left held by a killed process would hang it).
    static func expectEverySave(store: [String], key: String, ledgers: [SaveLedger]) async throws {
        let (demo, port) = try await DemoProcessTests.launchDemo(key: key, arguments: store + ["--playground"])
        defer { demo.stop() }
        var slowest: Duration = .zero
        for ledger in ledgers {
            let read = try await request(port: port, "/api/session", headers: [.cookie: ledger.cookie])
            #expect(read.status == .ok, "client \(ledger.client): \(read.status.code)")
            guard case .object(let data) = try TaggedJSON.decode(Array((read.body ?? ByteBuffer()).readableBytesView)) else {
                Issue.record("client \(ledger.client): the session is not an object")
                continue
            }
            #expect(data["owner"] == .string("c\(ledger.client)"), "client \(ledger.client): the session is gone or not its own")
            let wrong = ledger.mismatches(in: data)
            let lost = wrong.count
            #expect(lost == 0, "acknowledged saves lost: \(wrong.prefix(3))")

            let before = ContinuousClock.now
            let save = try await request(
                port: port, "/api/session/after", method: .put,
                headers: Playground.headers(token: ledger.token, cookie: ledger.cookie), body: "\"done\"", timeout: .seconds(30))
            slowest = max(slowest, ContinuousClock.now - before)
            #expect(save.status == .noContent, "client \(ledger.client): a save after the crashes: \(save.status.code)")
        }
        print("after the crashes: every session read back; slowest new save \(slowest)")
    }

    /// The folder the killed processes left: exactly one session file per session (temporary
    /// files may be left, never read), each of which the `sessionkit store` CLI lists and shows.
    static func expectDirectoryIntact(_ folder: String, key: String, sessions: Int) async throws {
        var files: [String] = []
        var temporary = 0
        let walker = FileManager.default.enumerator(atPath: folder)
        while let path = walker?.nextObject() as? String {
            let name = (path as NSString).lastPathComponent
            if name.hasSuffix(".tmp") { temporary += 1 }
            if name.utf8.count == 64, name.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }) {
                files.append(name)
            }
        }
        print("session folder after the crashes: \(files.count) session files, \(temporary) temporary files")
        #expect(files.count == sessions, "\(files.count) session files for \(sessions) sessions")

        let cli = try cliBinary()
        let list = try await ToolRun.run([cli, "store", "list", "--session-dir", folder, "--key", key, "--limit", "100000"])
        let listed = list.output.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(list.status == 0 && Set(listed) == Set(files), "sessionkit store list: \(list.output.prefix(500))")
        for file in files {
            let show = try await ToolRun.run([cli, "store", "show", file, "--session-dir", folder, "--key", key])
            #expect(show.status == 0 && show.output.contains("\"owner\""), "sessionkit store show \(file.prefix(8)): \(show.output.prefix(300))")
        }
    }

    /// SQLite's own check of the file the killed processes left (its WAL replayed), through
    /// Python's sqlite3, and one row per session.
    static func expectSQLiteIntact(_ database: String, sessions: Int) async throws {
        guard let python = ProcessTestCapabilities.python else {
            if ProcessTestCapabilities.isCI { try ProcessTestCapabilities.require(ProcessTestCapabilities.pythonMissing) }
            print("◇ SQLite integrity check skipped: \(ProcessTestCapabilities.pythonMissing ?? "")")
            return
        }
        let check = try await ToolRun.run([
            python, "-c",
            "import sqlite3, sys; db = sqlite3.connect(sys.argv[1]); "
                + "print(db.execute('PRAGMA integrity_check').fetchone()[0], db.execute('SELECT count(*) FROM sessions').fetchone()[0])",
            database,
        ])
        #expect(check.status == 0 && check.output == "ok \(sessions)\n", "integrity check, sessions: \(check.output)")
    }

    /// The built `sessionkit`, beside `session-demo`.
    static func cliBinary() throws -> String {
        let path = URL(fileURLWithPath: try DemoProcessTests.binary()).deletingLastPathComponent().appendingPathComponent("sessionkit").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            Issue.record("sessionkit not built beside session-demo (swift build --product sessionkit)")
            throw FlaskTutorialApp.Unavailable.didNotStart("no sessionkit binary")
        }
        return path
    }
}

/// SplitMix64: a small deterministic generator, so that a seed replays the kills and saves.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
