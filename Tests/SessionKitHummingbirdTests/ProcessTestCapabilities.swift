import Foundation
import Testing

/// What the outage and crash tests need from the machine (a tmpfs mount, PostgreSQL's binaries,
/// `setpriv`…), each as nil when available or a sentence saying what is missing. A test gated on
/// one runs when it is available or under CI (`CI` set), where `require` then fails it with that
/// sentence; elsewhere it is skipped with it.
enum ProcessTestCapabilities {
    static let environment = ProcessInfo.processInfo.environment
    static let isCI = !(environment["CI"] ?? "").isEmpty
    static let isRoot = geteuid() == 0

    /// For `.enabled(if:)`.
    static func runs(_ missing: String?) -> Bool { missing == nil || isCI }

    /// For `.enabled(if:_:)`'s comment.
    static func skipNote(_ missing: String?) -> Comment { Comment(rawValue: (missing ?? "") + " (skipped; under CI this fails)") }

    /// Fails the test with `missing`, if set (reached only under CI: elsewhere the test is skipped).
    static func require(_ missing: String?, sourceLocation: SourceLocation = #_sourceLocation) throws {
        guard let missing else { return }
        Issue.record(Comment(rawValue: "CI is set and \(missing)"), sourceLocation: sourceLocation)
        throw FlaskTutorialApp.Unavailable.didNotStart(missing)
    }

    /// The full path of `name` on PATH, or nil.
    static func onPath(_ name: String) -> String? {
        (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// A tmpfs can be mounted here (as root): tried once with a 64 KiB one.
    static let tmpfsMissing: String? = {
        let point = FileManager.default.temporaryDirectory.appendingPathComponent("sessionkit-tmpfs-probe-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: point, withIntermediateDirectories: true)
        defer { rmdir(point) }
        let mounted = (try? ToolRun.runBlocking(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", point]))
            ?? (status: 1, output: "mount did not run")
        guard mounted.status == 0 else {
            return "mounting a tmpfs failed (the disk-full tests need root, or CAP_SYS_ADMIN): \(mounted.output.prefix(200))"
        }
        _ = try? ToolRun.runBlocking(["umount", point])
        return nil
    }()

    /// Root ignores a folder's mode; the demo is then run without the capabilities that let it
    /// (`setpriv`, from util-linux). Not needed by other users.
    static let setprivMissing: String? =
        !isRoot || onPath("setpriv") != nil ? nil : "setpriv (util-linux) is not on PATH: install util-linux"

    /// The folder of PostgreSQL's `initdb`, `pg_ctl` and `postgres`: the newest under
    /// /usr/lib/postgresql, else PATH's.
    static let postgresBin: String? = {
        let base = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: base)) ?? [])
            .compactMap { Int($0) }.sorted()
        for version in versions.reversed() {
            let bin = "\(base)/\(version)/bin"
            if ["initdb", "pg_ctl", "postgres"].allSatisfy({ FileManager.default.isExecutableFile(atPath: "\(bin)/\($0)") }) {
                return bin
            }
        }
        guard let initdb = onPath("initdb"), onPath("pg_ctl") != nil else { return nil }
        // A symbolic link into the real folder, where `postgres` lives too.
        let resolved = URL(fileURLWithPath: initdb).resolvingSymlinksInPath().deletingLastPathComponent().path
        return FileManager.default.isExecutableFile(atPath: "\(resolved)/postgres") ? resolved : nil
    }()

    static let postgresMissing: String? = {
        if postgresBin == nil { return "PostgreSQL's initdb/pg_ctl/postgres are not installed (apt-get install postgresql)" }
        if isRoot && onPath("runuser") == nil { return "runuser is not on PATH (PostgreSQL refuses to run as root)" }
        return nil
    }()

    /// A Python with its sqlite3 module (to hold a lock, to check a file): `SESSIONKIT_PYTHON`,
    /// else python3 on PATH.
    static let python: String? = environment["SESSIONKIT_PYTHON"].flatMap { $0.isEmpty ? nil : $0 } ?? onPath("python3")
    static let pythonMissing: String? = python == nil ? "neither SESSIONKIT_PYTHON nor python3 on PATH" : nil
}
