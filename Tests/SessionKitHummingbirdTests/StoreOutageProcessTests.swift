import Foundation
import Hummingbird
import HummingbirdTesting
import SessionKit
import Testing

/// Store outages through the real `session-demo`: a client logs in, the store becomes
/// unavailable, requests answer 503 with the cookie kept (`OutageClient`), and once the store is
/// back the same cookie is logged in again, with no restart of the demo. Redis's outage is in
/// `RedisDemoProcessTests`, and PostgreSQL's network drop in `DemoPostgresProcessTests`; these
/// are the directory store's disk full and folder shut, SQLite's lock held past the busy
/// timeout, and a PostgreSQL server stopped and started.
///
/// Needs root for the tmpfs (disk full), `setpriv` as root (folder shut), a Python with sqlite3
/// (the lock), PostgreSQL's binaries: without one the test is skipped, saying which, except
/// under CI where it fails.
@Suite(.serialized) struct StoreOutageProcessTests {
    let key = SecretKey.generate().hex

    func startDemo(_ arguments: [String], prefix: [String] = []) async throws -> (FlaskChild, Int) {
        guard prefix.isEmpty else {
            let child = try FlaskChild(
                arguments: ["SECRET_KEY=\(key)"] + prefix + [try DemoProcessTests.binary(), "--port", "0"] + arguments)
            let url = try await child.waitForLine(prefix: "session-demo listening on ", timeout: .seconds(30))
            return (child, try #require(url.split(separator: ":").last.flatMap { Int($0) }))
        }
        return try await DemoProcessTests.launchDemo(key: key, arguments: arguments)
    }

    static func scratch() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sessionkit-outage-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The store timeouts these tests shorten are the demo's options, and checked as such.
    @Test(arguments: [
        (["--store", "memory", "--sqlite-busy-timeout", "300"], "--sqlite-busy-timeout applies to --store sqlite only."),
        (["--store", "sqlite", "--sqlite-busy-timeout", "0"], "--sqlite-busy-timeout must be a positive number of milliseconds."),
        (["--store", "redis", "--postgres-timeout", "1000"], "--postgres-timeout applies to --store postgres only."),
    ])
    func storeTimeoutOptionsAreChecked(arguments: [String], expected: String) throws {
        let (status, message) = try DemoOptionsProcessTests.runToExit(["--secret-key", key] + arguments)
        #expect(status == 64)
        #expect(message.contains(expected), "stderr: \(message)")
    }

    /// ENOSPC: the session folder is on a 1 MiB tmpfs that a file fills up. A login (a new id:
    /// a new file) then fails; the session's file is still readable.
    @Test(.enabled(
        if: ProcessTestCapabilities.runs(ProcessTestCapabilities.tmpfsMissing),
        ProcessTestCapabilities.skipNote(ProcessTestCapabilities.tmpfsMissing)))
    func directoryDiskFull() async throws {
        try ProcessTestCapabilities.require(ProcessTestCapabilities.tmpfsMissing)
        let disk = try await ScratchTmpfs.mount()
        defer { disk.unmount() }
        let folder = disk.path + "/sessions"
        let (demo, port) = try await startDemo(["--store", "directory", "--session-dir", folder])
        defer { demo.stop() }
        let client = try await OutageClient.logIn(port: port, name: "Disk Full")

        let filled = try disk.fill()
        print("directory outage: tmpfs filled with \(filled) bytes")
        try await client.expectOutage(port: port, readsMayWork: true, detail: folder)
        disk.drain()
        try await client.expectRecovered(port: port)
        #expect(demo.exitStatus == nil, "the demo exited: \(demo.stderr.suffix(500))")
    }

    /// The folder shut (mode 000), as for any user but root, whom modes do not bind: as root
    /// the demos run without CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH and CAP_FOWNER. Demo A,
    /// where the client logged in, may still read the session through the descriptor it holds
    /// open; demo B never opened it, so its reads fail too. (A read-only remount is refused while
    /// the demo holds files open for writing, and moving the folder away changes nothing: the
    /// store works through a descriptor of the folder.)
    @Test(.enabled(
        if: ProcessTestCapabilities.runs(ProcessTestCapabilities.setprivMissing),
        ProcessTestCapabilities.skipNote(ProcessTestCapabilities.setprivMissing)))
    func directoryFolderShut() async throws {
        try ProcessTestCapabilities.require(ProcessTestCapabilities.setprivMissing)
        let base = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let folder = base + "/sessions"
        let prefix =
            ProcessTestCapabilities.isRoot
            ? ["setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search,-fowner", "--"] : []
        let store = ["--store", "directory", "--session-dir", folder]
        let (a, portA) = try await startDemo(store, prefix: prefix)
        defer { a.stop() }
        let (b, portB) = try await startDemo(store, prefix: prefix)
        defer { b.stop() }
        let client = try await OutageClient.logIn(port: portA, name: "Shut Out")

        #expect(chmod(folder, 0) == 0)
        try await client.expectOutage(port: portA, readsMayWork: true, detail: folder)
        try await client.expectOutage(port: portB, readsMayWork: false, detail: folder)
        #expect(chmod(folder, 0o700) == 0)
        try await client.expectRecovered(port: portA, save: false)
        try await client.expectRecovered(port: portB)
        #expect(a.exitStatus == nil && b.exitStatus == nil, "a demo exited: \(a.stderr.suffix(300)) \(b.stderr.suffix(300))")
    }

    /// SQLite: another connection holds the write lock (`BEGIN EXCLUSIVE`) past the demo's busy
    /// timeout (`--sqlite-busy-timeout 300`); in WAL mode reads go on.
    @Test(.enabled(
        if: ProcessTestCapabilities.runs(ProcessTestCapabilities.pythonMissing),
        ProcessTestCapabilities.skipNote(ProcessTestCapabilities.pythonMissing)))
    func sqliteLockedPastTheBusyTimeout() async throws {
        try ProcessTestCapabilities.require(ProcessTestCapabilities.pythonMissing)
        let base = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let database = base + "/sessions.sqlite"
        let (demo, port) = try await startDemo(
            ["--store", "sqlite", "--sqlite-path", database, "--sqlite-busy-timeout", "300"])
        defer { demo.stop() }
        let client = try await OutageClient.logIn(port: port, name: "Locked Out")

        let python = try #require(ProcessTestCapabilities.python)
        let script = """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1], isolation_level=None)
            db.execute("BEGIN EXCLUSIVE")
            print("locked", flush=True)
            sys.stdin.readline()
            db.execute("ROLLBACK")
            """
        let locker = try FlaskChild(arguments: [python, "-c", script, database])
        defer { locker.stop() }
        _ = try await locker.waitForLine(prefix: "locked", timeout: .seconds(30))
        let down = ContinuousClock.now
        try await client.expectOutage(port: port, readsMayWork: true, detail: database)
        print("sqlite outage: answered within \(ContinuousClock.now - down) with a 300 ms busy timeout")
        locker.stop()  // closes its stdin: it rolls back and exits
        try await client.expectRecovered(port: port)
        #expect(demo.exitStatus == nil, "the demo exited: \(demo.stderr.suffix(500))")
    }

    /// PostgreSQL stopped (`pg_ctl stop -m fast`) and started again: a server of this test's own.
    @Test(.enabled(
        if: ProcessTestCapabilities.runs(ProcessTestCapabilities.postgresMissing),
        ProcessTestCapabilities.skipNote(ProcessTestCapabilities.postgresMissing)))
    func postgresServerStoppedAndStarted() async throws {
        try ProcessTestCapabilities.require(ProcessTestCapabilities.postgresMissing)
        let server = try await ThrowawayPostgres.create()
        defer { server.destroy() }
        // A request waits at most a second for the database that is down (default: 5).
        let (demo, port) = try await startDemo(
            ["--store", "postgres", "--database-url", server.url, "--postgres-timeout", "1000"])
        defer { demo.stop() }
        let client = try await OutageClient.logIn(port: port, name: "Postgres Down")

        try await server.stop()
        try await client.expectOutage(port: port, readsMayWork: false, detail: "127.0.0.1:\(server.port)")
        try await server.start()
        let back = ContinuousClock.now
        try await client.expectRecovered(port: port)
        print("postgres outage: logged in again and saving \(ContinuousClock.now - back) after the server started")
        #expect(demo.exitStatus == nil, "the demo exited: \(demo.stderr.suffix(500))")
    }
}
