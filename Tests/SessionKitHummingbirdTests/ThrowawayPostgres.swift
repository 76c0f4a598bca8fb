import Foundation
import Testing

/// A PostgreSQL server of one test's own (initdb in a fresh folder, on a free port), which the
/// test may stop and start again without touching the shared test server. As root the cluster
/// belongs to the `postgres` user (PostgreSQL refuses to run as root), as `scripts/services.sh`
/// does it. `destroy()` stops it and removes its folder.
struct ThrowawayPostgres {
    let bin: String
    let base: String
    let port: Int
    var data: String { base + "/data" }
    /// Trust authentication on 127.0.0.1: the password is there for the URL's form only.
    var url: String { "postgres://sessionkit:unused@127.0.0.1:\(port)/postgres?sslmode=disable" }

    /// The cluster's owner runs PostgreSQL's tools.
    func command(_ tool: String, _ arguments: [String]) -> [String] {
        (ProcessTestCapabilities.isRoot ? ["runuser", "-u", "postgres", "--"] : []) + ["\(bin)/\(tool)"] + arguments
    }

    /// initdb and start, on a free port.
    static func create() async throws -> ThrowawayPostgres {
        let bin = try #require(ProcessTestCapabilities.postgresBin, "no PostgreSQL binaries")
        let base = "/tmp/sessionkit-pg-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: base + "/run", withIntermediateDirectories: true)
        if ProcessTestCapabilities.isRoot {
            let owned = try await ToolRun.run(["chown", "-R", "postgres", base])
            guard owned.status == 0 else { throw FlaskTutorialApp.Unavailable.didNotStart("chown: \(owned.output)") }
        }
        let server = ThrowawayPostgres(bin: bin, base: base, port: try RedisDemoProcessTests.freePort())
        let initdb = try await ToolRun.run(
            server.command("initdb", ["-D", server.data, "-U", "sessionkit", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"]))
        guard initdb.status == 0 else {
            server.destroy()
            throw FlaskTutorialApp.Unavailable.didNotStart("initdb failed: \(initdb.output.suffix(800))")
        }
        try await server.start()
        return server
    }

    func start() async throws {
        let options = "-c listen_addresses=127.0.0.1 -p \(port) -k \(base)/run -c fsync=off -c full_page_writes=off"
        let started = try await ToolRun.run(
            command("pg_ctl", ["-D", data, "-l", base + "/server.log", "-w", "-t", "60", "-o", options, "start"]))
        guard started.status == 0 else {
            let log = (try? String(contentsOfFile: base + "/server.log", encoding: .utf8)) ?? ""
            throw FlaskTutorialApp.Unavailable.didNotStart("pg_ctl start failed: \(started.output) \(log.suffix(800))")
        }
    }

    /// A clean shutdown (`-m fast`: sessions are told and closed), as an operator's restart.
    func stop() async throws {
        let stopped = try await ToolRun.run(command("pg_ctl", ["-D", data, "-m", "fast", "-w", "-t", "60", "stop"]))
        #expect(stopped.status == 0, "pg_ctl stop: \(stopped.output)")
    }

    func destroy() {
        _ = try? ToolRun.runBlocking(command("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]))
        try? FileManager.default.removeItem(atPath: base)
    }
}
