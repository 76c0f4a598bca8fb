import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SessionDemo
@testable import SessionKit
import SessionKitDirectory
import SessionKitHummingbird
import SessionKitSQLite
import Synchronization
import Testing

/// The real `session-demo` executable, run as separate processes on the directory store.
@Suite(.serialized) struct DemoProcessTests {
    let key = SecretKey.generate().hex
    let directory: String

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("sessionkit-demo-\(UUID().uuidString)").path
    }

    static func binary() throws -> String {
        var candidates: [URL] = []
        for bundle in [Bundle.main] + Bundle.allBundles {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("session-demo"))
        }
        candidates.append(FlaskTutorialApp.packageRoot().appendingPathComponent(".build/debug/session-demo"))
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            Issue.record("session-demo not built (swift build --product session-demo); looked in \(candidates.map(\.path))")
            throw FlaskTutorialApp.Unavailable.didNotStart("no session-demo binary")
        }
        return found.path
    }

    /// Starts a demo process (on the directory store unless `store` says otherwise); returns it
    /// and its port.
    func startDemo(_ extra: [String] = [], store: [String]? = nil) async throws -> (FlaskChild, Int) {
        try await Self.launchDemo(
            key: key, arguments: (store ?? ["--store", "directory", "--session-dir", directory]) + extra)
    }

    /// Starts the built `session-demo` on a free port with `key` (in `SECRET_KEY`, out of the
    /// process list) and `arguments`; returns the process and its port (read from its
    /// "listening on" line).
    static func launchDemo(key: String, arguments: [String]) async throws -> (FlaskChild, Int) {
        let child = try FlaskChild(arguments: ["SECRET_KEY=\(key)", try binary(), "--port", "0"] + arguments)
        let url = try await child.waitForLine(prefix: "session-demo listening on ", timeout: .seconds(30))
        guard let port = url.split(separator: ":").last.flatMap({ Int($0) }) else {
            child.stop()
            throw FlaskTutorialApp.Unavailable.didNotStart("unexpected address \(url)")
        }
        return (child, port)
    }

    /// `--durability` is the directory store's and takes three values: with another store, or
    /// an unknown value, the demo refuses to start, with a message that says why (argument
    /// errors exit with 64, as ArgumentParser's do).
    @Test(arguments: [
        (["--store", "memory", "--durability", "none"], "--durability applies to --store directory only."),
        (["--store", "directory", "--durability", "sometimes"],
         "--durability must be each-save, every-second or none, not sometimes."),
    ])
    func badDurabilityIsRefused(arguments: [String], expected: String) throws {
        let (status, message) = try DemoOptionsProcessTests.runToExit(["--secret-key", key] + arguments)
        #expect(status == 64)
        #expect(message.contains(expected), "stderr: \(message)")
    }

    func login(port: Int, name: String) async throws -> String {
        try await DemoProcessBrowser.login(port: port, name: name)
    }

    func index(port: Int, cookie: String) async throws -> String {
        String(buffer: try await FlaskTutorialApp.request(port: port, "/", headers: [.cookie: cookie]).body ?? ByteBuffer())
    }

    @Test func loginSurvivesARestart() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (first, port1) = try await startDemo()
        let cookie = try await login(port: port1, name: "admin")
        #expect(try await index(port: port1, cookie: cookie).contains("Logged in as admin"))
        first.stop()
        #expect(first.exitStatus == 0)  // SIGTERM: graceful shutdown
        let (second, port2) = try await startDemo()
        defer { second.stop() }
        #expect(try await index(port: port2, cookie: cookie).contains("Logged in as admin"))
    }

    @Test func twoProcessesShareOneFolder() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (a, portA) = try await startDemo()
        defer { a.stop() }
        let (b, portB) = try await startDemo()
        defer { b.stop() }
        let cookie = try await login(port: portA, name: "Zoë")
        #expect(try await index(port: portB, cookie: cookie).contains("Logged in as Zoë"))
        let logout = try await DemoProcessBrowser.logout(port: portB, cookie: cookie)
        #expect(logout.status == .found)
        #expect(try await index(port: portA, cookie: cookie).contains("You are not logged in"))
    }

    @Test func killedMidWriteLeavesOnlyWholeLoadableFiles() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (demo, port) = try await startDemo(["--playground"])
        // Twenty clients, each with a growing session, writing as fast as they can.
        let stop = WriterFlag()
        let writers = Task {
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        // The playground's CSRF token first; the server is up, so this answers.
                        guard let (token, first) = try? await Playground.token(port: port) else { return }
                        var cookie = first
                        var n = 0
                        while !stop.value.withLock({ $0 }) {
                            n += 1
                            let body = "\"" + String(repeating: "x", count: 100 * (n % 40)) + "\""
                            let headers = Playground.headers(token: token, cookie: cookie)
                            guard let response = try? await FlaskTutorialApp.request(
                                port: port, "/api/session/k\(n % 7)", method: .put, headers: headers, body: body)
                            else { return }  // the server is gone
                            if let set = response.headers[.setCookie] { cookie = String(set.prefix(while: { $0 != ";" })) }
                            if response.status == .noContent { stop.acknowledged.add(1, ordering: .relaxed) }
                        }
                    }
                }
            }
        }
        try await stop.waitForWrites()
        demo.kill9()
        stop.value.withLock { $0 = true }
        await writers.value

        let store = try DirectorySessionStore(directory: directory, keys: SecretKeys(current: SecretKey(key)))
        let keys = try await store.keys(limit: 100_000)
        #expect(keys.count >= 1)
        for key in keys {
            // Every file is a whole record: none is corrupt (the store would drop a corrupt one).
            let record = try await store.load(key, now: Int64(Date().timeIntervalSince1970))
            #expect(record != nil, "\(key) did not load")
        }
        #expect(try await store.count() == keys.count)
    }

    /// SIGKILL of a demo on the sqlite store while twenty clients write: every write the server
    /// acknowledged (200) is in the database afterwards, readable, with its value.
    @Test func sqliteKilledMidWriteLosesNoAcknowledgedWrite() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let database = directory + "/sessions.sqlite"
        let sqlite = ["--store", "sqlite", "--sqlite-path", database]
        let (demo, port) = try await startDemo(["--playground"], store: sqlite)
        /// One client's cookie, the last acknowledged value of each key it wrote, and the write it
        /// had in flight when the server died (committed or not: either is correct).
        struct Acknowledged: Sendable {
            var cookie: String?
            var values: [String: String] = [:]
            var inFlight: (key: String, value: String)?
        }
        let stop = WriterFlag()
        let writers = Task {
            await withTaskGroup(of: Acknowledged.self) { group in
                for client in 0..<20 {
                    group.addTask {
                        var acked = Acknowledged()
                        guard let (token, first) = try? await Playground.token(port: port) else { return acked }
                        acked.cookie = first
                        var n = 0
                        while !stop.value.withLock({ $0 }) {
                            n += 1
                            let value = "c\(client)n\(n)" + String(repeating: "x", count: 100 * (n % 40))
                            let headers = Playground.headers(token: token, cookie: acked.cookie)
                            acked.inFlight = ("k\(n % 7)", value)
                            guard let response = try? await FlaskTutorialApp.request(
                                port: port, "/api/session/k\(n % 7)", method: .put, headers: headers,
                                body: "\"\(value)\"")
                            else { break }  // the server is gone: this write was not acknowledged
                            guard response.status == .noContent else { continue }
                            if let set = response.headers[.setCookie] {
                                acked.cookie = String(set.prefix(while: { $0 != ";" }))
                            }
                            acked.values["k\(n % 7)"] = value
                            acked.inFlight = nil
                            stop.acknowledged.add(1, ordering: .relaxed)
                        }
                        return acked
                    }
                }
                return await group.reduce(into: [Acknowledged]()) { $0.append($1) }
            }
        }
        try await stop.waitForWrites()
        demo.kill9()
        stop.value.withLock { $0 = true }
        let clients = await writers.value
        let acknowledged = clients.reduce(0) { $0 + $1.values.count }
        #expect(acknowledged >= 20, "too few writes acknowledged before the kill to prove anything")

        // The file opens (WAL recovery) and every row reads back as a whole record.
        let store = try SQLiteSessionStore(path: database)
        let keys = try await store.keys(limit: 100_000)
        #expect(keys.count >= 1)
        for key in keys {
            #expect(try await store.load(key, now: Int64(Date().timeIntervalSince1970)) != nil, "\(key) did not load")
        }

        // Every acknowledged value is there, through a new demo process on the same file.
        let (second, port2) = try await startDemo(["--playground"], store: sqlite)
        defer { second.stop() }
        for client in clients {
            guard let cookie = client.cookie else { continue }
            let response = try await FlaskTutorialApp.request(port: port2, "/api/session", headers: [.cookie: cookie])
            let body = String(buffer: response.body ?? ByteBuffer())
            guard case .object(let data) = try TaggedJSON.decode(Array(body.utf8)) else {
                Issue.record("not an object: \(body.prefix(80))")
                continue
            }
            for (key, value) in client.values {
                // The write in flight at the kill may have committed after its key's last ack.
                if let pending = client.inFlight, pending.key == key, data[key] == .string(pending.value) { continue }
                #expect(data[key] == .string(value), "\(key): acknowledged value lost")
            }
        }
    }
}

/// A store that is down: every request touching the session gets a 503 and a log line.
@Suite struct StoreDownTests {

    struct FailingStore: SessionStore {
        func load(_ key: SessionStorageKey, now: Int64) async throws -> SessionRecord? {
            throw SessionStoreError(.unavailable, "load: connection refused")
        }
        func create(_ key: SessionStorageKey, record: SessionRecord) async throws -> Bool {
            throw SessionStoreError(.unavailable, "create: disk full")
        }
        func apply(_ changes: SessionChangeSet, to key: SessionStorageKey) async throws -> SessionRecord? {
            throw SessionStoreError(.unavailable, "apply: disk full")
        }
        func move(_ changes: SessionChangeSet, from old: SessionStorageKey, to new: SessionStorageKey) async throws -> SessionRecord? {
            throw SessionStoreError(.unavailable, "move: disk full")
        }
        func delete(_ key: SessionStorageKey) async throws {
            throw SessionStoreError(.unavailable, "delete: disk full")
        }
    }

    @Test func storeDownAnswers503WithALogLine() async throws {
        let recorder = RecordingLogHandler()
        let engine = try SessionEngine(
            configuration: SessionConfiguration(secretKey: .generate()), storage: .server(FailingStore()))
        let signedID = engine.idSigner.sign(SessionID.generate().rawValue)
        let router = buildDemoRouter(engine: engine, configuration: DemoConfiguration(playground: true))
        let app = Application(router: router, logger: Logger(label: "test") { _ in recorder })
        try await app.test(.router) { client in
            // The login form keeps its anonymous CSRF secret in the cookie: no store, no failure.
            let form = try await client.execute(uri: "/login", method: .get)
            #expect(form.status == .ok)
            let token = try #require(csrfToken(in: String(buffer: form.body)))
            var headers = formHeaders
            headers[.cookie] = try #require(form.headers[.setCookie].map(cookiePair))
            // The login stores the session; that fails: 503, not 500, and no cookie.
            let login = try await client.execute(
                uri: "/login", method: .post, headers: headers,
                body: ByteBuffer(string: "username=admin&csrf_token=\(formEncode(token))"))
            #expect(login.status == .serviceUnavailable)
            #expect(String(buffer: login.body).contains("session store is unavailable"))
            #expect(login.headers[.setCookie] == nil)
            // Loading an existing session fails: 503, and the cookie is not deleted (no logout).
            let index = try await client.execute(uri: "/", method: .get, headers: [.cookie: "session=\(signedID)"])
            #expect(index.status == .serviceUnavailable)
            #expect(index.headers[.setCookie] == nil)
            // A route that never touches the session is unaffected.
            #expect(try await client.execute(uri: "/plain", method: .get).status == .ok)
        }
        let lines = recorder.records.map { "\($0.level) \($0.text)" }
        #expect(lines.contains { $0.hasPrefix("error") && $0.contains("connection refused") })
        #expect(lines.contains { $0.hasPrefix("error") && $0.contains("disk full") })
        // No stack trace, no session id in the logs.
        #expect(!lines.contains { $0.contains(signedID) })
    }
}

/// Stops the writer tasks of the SIGKILL tests, and counts their acknowledged writes so that the
/// kill comes after real writes even when a busy machine starves the test's tasks for a while
/// (a fixed sleep once saw no write at all under the full suite).
final class WriterFlag: Sendable {
    let value = Mutex(false)
    let acknowledged = Atomic<Int>(0)

    /// Waits (up to 60 s) for 200 acknowledged writes, then a little longer, so that writes are
    /// in flight when the caller kills the server.
    func waitForWrites() async throws {
        for _ in 0..<1_200 where acknowledged.load(ordering: .relaxed) < 200 {
            try await Task.sleep(for: .milliseconds(50))
        }
        try await Task.sleep(for: .milliseconds(300))
    }
}
