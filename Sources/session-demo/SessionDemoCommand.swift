import ArgumentParser
import Foundation
import Hummingbird
import Logging
import SessionDemo
import SessionKit
import SessionKitDirectory

/// Serves the Flask quickstart "Sessions" app, reading and writing Flask-compatible cookies.
@main
struct SessionDemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session-demo",
        abstract: "Serve Flask's quickstart sessions example (log in, log out) on SessionKit.",
        discussion: """
            Routes: GET / (who is logged in), GET/POST /login, GET/POST /logout (the POSTs need \
            the page's CSRF token), GET /plain; with \
            --playground also GET /api/session, PUT and DELETE /api/session/{key}, \
            POST /api/session/regenerate and POST /api/session/destroy.

            By default sessions are kept in files under the system's temporary folder \
            (--store directory, --session-dir) and the browser holds only a signed session id. \
            --store cookie is Flask's classic mode, byte-compatible with Flask's cookies: a Flask \
            app with the same secret key accepts this demo's cookies and the other way round. \
            --store memory keeps sessions in this process only. --store sqlite keeps them in one \
            SQLite database file (--sqlite-path), which several processes may share. --store redis \
            keeps them in Redis (--redis-url), shared by every demo process pointing at it. \
            --store postgres keeps them in a \
            PostgreSQL table (created if absent) given by --database-url or DATABASE_URL, \
            postgres://user:password@host:port/database?sslmode=disable|prefer|require; several \
            demo processes on one database share logins, and while the database is down requests \
            answer 503 until it is back.

            The secret key comes from --secret-key-file (a file only you can read) or \
            --secret-key (which every local user can read in the process list: a warning says \
            so), else from the SECRET_KEY environment variable; with none, a random key is \
            generated and logins end when the demo stops.
            Stop the server with Ctrl-C (SIGINT) or SIGTERM; it shuts down gracefully.
            """
    )

    @Option(help: "Address to bind.")
    var host: String = "127.0.0.1"

    @Option(help: "Port to bind; 0 picks a free port.")
    var port: Int = 8080

    @Option(
        name: .customLong("secret-key"),
        help: ArgumentHelp(
            "Key that signs session cookies, used as UTF-8 text like Flask's SECRET_KEY (default: $SECRET_KEY). Every local user can read it in the process list: prefer --secret-key-file or SECRET_KEY.",
            valueName: "key"))
    var secretKey: String?

    @Option(
        name: .customLong("secret-key-file"),
        help: ArgumentHelp(
            "File holding the key as text (one trailing newline dropped); keeps it out of the process list. Make it mode 600.",
            valueName: "path"))
    var secretKeyFile: String?

    @Option(
        name: .customLong("cookie-name"),
        help: ArgumentHelp(
            "Name of the session cookie (default: session). __Host-session makes browsers refuse the cookie from other subdomains and plain HTTP (it implies Secure).",
            valueName: "name"))
    var cookieName: String?

    @Flag(
        name: .customLong("cookie-secure"),
        help: "Send the session cookie with Secure (HTTPS only; browsers treat http://localhost as secure).")
    var cookieSecure = false

    @Option(
        name: .customLong("cookie-samesite"),
        help: ArgumentHelp(
            "SameSite attribute of the session cookie (default: lax). none needs Secure (it implies it).",
            valueName: "lax|strict|none"))
    var cookieSameSite: String?

    @Flag(
        name: .customLong("allow-weak-key"),
        help: "Accept a short or well-known secret key (only to share a test key with another app).")
    var allowWeakKey = false

    @Option(help: "Log level: trace, debug, info, notice, warning, error or critical.")
    var logLevel: String = "info"

    @Option(help: ArgumentHelp("Where sessions live: cookie, memory, directory, sqlite, postgres or redis.", valueName: "store"))
    var store: String = "directory"

    @Option(
        name: .customLong("redis-url"),
        help: ArgumentHelp(
            "Redis of the redis store: redis://[[user]:password@]host[:port][/db] (default: \(DemoStore.defaultRedisURL)).",
            valueName: "url"))
    var redisURL: String?

    @Option(
        name: .customLong("database-url"),
        help: ArgumentHelp(
            "PostgreSQL URL of --store postgres, postgres://user:password@host:port/database (default: $DATABASE_URL).",
            valueName: "url"))
    var databaseURL: String?

    @Option(
        name: .customLong("postgres-timeout"),
        help: ArgumentHelp(
            "How long a request waits for PostgreSQL (while it is down: for a connection) before it answers 503, in milliseconds (default: 5000).",
            valueName: "ms"))
    var postgresTimeout: Int?

    @Option(
        name: .customLong("session-dir"),
        help: ArgumentHelp("Folder of the directory store (default: <temp dir>/sessionkit-sessions).", valueName: "path"))
    var sessionDir: String?

    @Option(
        name: .customLong("durability"),
        help: ArgumentHelp(
            "Directory store: when writes reach the disk. every-second (default): saves return once the kernel has them and the store syncs its file system within a second, as Redis's appendfsync everysec (a machine crash or power loss loses at most the last second; logouts and id changes are synced at once). each-save: every save is fdatasynced before it returns (slowest). none: left to the kernel, as PHP's and Flask-Session's file sessions. A process crash loses nothing in any mode; a damaged file is detected and dropped.",
            valueName: "each-save|every-second|none"))
    var durability: String?

    @Option(
        name: .customLong("sqlite-path"),
        help: ArgumentHelp(
            "Database file of the sqlite store (default: <temp dir>/sessionkit-sessions.sqlite).", valueName: "path"))
    var sqlitePath: String?

    @Option(
        name: .customLong("sqlite-busy-timeout"),
        help: ArgumentHelp(
            "How long a save to the sqlite store waits for another process's write before the request answers 503, in milliseconds (default: 5000).",
            valueName: "ms"))
    var sqliteBusyTimeout: Int?

    @Option(
        name: .customLong("idle-timeout"),
        help: ArgumentHelp("Server-side sessions end after this many seconds unused (default: 31 days).", valueName: "seconds"))
    var idleTimeout: Int?

    @Option(
        name: .customLong("absolute-timeout"),
        help: ArgumentHelp("Server-side sessions end this many seconds after login, however active (default: never).", valueName: "seconds"))
    var absoluteTimeout: Int?

    @Flag(help: "Serve the JSON session API under /api/session (for tests and benchmarks).")
    var playground = false

    func validate() throws {
        if secretKey != nil, secretKeyFile != nil {
            throw ValidationError("--secret-key and --secret-key-file are exclusive: give the key once.")
        }
        if let cookieSameSite, Self.sameSites[cookieSameSite.lowercased()] == nil {
            throw ValidationError("--cookie-samesite must be lax, strict or none, not \(cookieSameSite).")
        }
        guard (0...65535).contains(port) else {
            throw ValidationError("--port must be between 0 and 65535, not \(port).")
        }
        guard DemoStore.names.contains(store) else {
            throw ValidationError("--store must be one of \(DemoStore.names.joined(separator: ", ")), not \(store).")
        }
        if sessionDir != nil, store != "directory" {
            throw ValidationError("--session-dir applies to --store directory only.")
        }
        if let durability {
            guard store == "directory" else {
                throw ValidationError("--durability applies to --store directory only.")
            }
            guard Self.durabilities[durability] != nil else {
                throw ValidationError("--durability must be each-save, every-second or none, not \(durability).")
            }
        }
        if sqlitePath != nil, store != "sqlite" {
            throw ValidationError("--sqlite-path applies to --store sqlite only.")
        }
        if let sqlitePath, sqlitePath.isEmpty {
            throw ValidationError("--sqlite-path must not be empty.")
        }
        if let sqliteBusyTimeout {
            guard store == "sqlite" else { throw ValidationError("--sqlite-busy-timeout applies to --store sqlite only.") }
            guard sqliteBusyTimeout > 0 else {
                throw ValidationError("--sqlite-busy-timeout must be a positive number of milliseconds.")
            }
        }
        if redisURL != nil, store != "redis" {
            throw ValidationError("--redis-url applies to --store redis only.")
        }
        if databaseURL != nil, store != "postgres" {
            throw ValidationError("--database-url applies to --store postgres only.")
        }
        if let postgresTimeout {
            guard store == "postgres" else { throw ValidationError("--postgres-timeout applies to --store postgres only.") }
            guard postgresTimeout > 0 else {
                throw ValidationError("--postgres-timeout must be a positive number of milliseconds.")
            }
        }
        if store == "postgres", resolvedDatabaseURL == nil {
            throw ValidationError(
                "--store postgres needs --database-url postgres://user:password@host:port/database or DATABASE_URL.")
        }
        for (name, value) in [("--idle-timeout", idleTimeout), ("--absolute-timeout", absoluteTimeout)] {
            if let value, value <= 0 { throw ValidationError("\(name) must be a positive number of seconds.") }
        }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError(
                "--log-level must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
    }

    func run() async throws {
        var resolved = DemoConfiguration.resolveSecretKey(
            option: secretKey, environment: ProcessInfo.processInfo.environment)
        if let secretKeyFile {
            do {
                let read = try SecretKeyFile.read(secretKeyFile)
                resolved = (read.key, .file)
                if let warning = read.warning { writeStandardError("session-demo: \(warning)\n") }
            } catch {
                writeStandardError("session-demo: error: \(error.description)\n")
                throw ExitCode(1)
            }
        }
        switch resolved.source {
        case .generated: writeStandardError(DemoConfiguration.generatedKeyWarning + "\n")
        case .option: writeStandardError("session-demo: \(DemoConfiguration.commandLineKeyWarning)\n")
        case .environment, .file: break
        }
        let configuration = DemoConfiguration(
            host: host,
            port: port,
            secretKey: resolved.key,
            allowWeakKeys: allowWeakKey,
            logLevel: Logger.Level(rawValue: logLevel) ?? .info,
            store: demoStore,
            idleTimeout: idleTimeout.map { .seconds($0) },
            absoluteTimeout: absoluteTimeout.map { .seconds($0) },
            playground: playground,
            cookie: cookieOptions
        )

        let engine: SessionEngine
        do {
            engine = try makeDemoEngine(configuration: configuration)
        } catch let error as SessionConfigurationError {
            var message = "session-demo: error: \(error.description)\n"
            if case .weakSecretKey = error {
                let origin: String
                switch resolved.source {
                case .environment: origin = "SECRET_KEY"
                case .file: origin = "--secret-key-file"
                default: origin = "--secret-key"
                }
                message += "(The key came from \(origin). Pass --allow-weak-key to use it anyway, for tests only.)\n"
            }
            writeStandardError(message)
            throw ExitCode(1)
        } catch {
            writeStandardError("session-demo: error: cannot open the \(store) session store: \(error)\n")
            throw ExitCode(1)
        }
        if let warning = await checkDemoStorage(engine: engine) {
            writeStandardError("session-demo: \(warning)\n")
        }
        let app = buildDemoApplication(configuration: configuration, engine: engine) { address in
            writeStandardOutput("session-demo listening on \(address.url)\n")
        }
        do {
            // Runs the store's services (`demoServices`) with the server; SIGTERM/SIGINT shut
            // them down gracefully (the directory store syncs).
            try await app.runService()
            await shutdownDemoStorage(engine: engine)
        } catch {
            await shutdownDemoStorage(engine: engine)
            writeStandardError("session-demo: error: cannot serve on \(host):\(port): \(error)\n")
            throw ExitCode(1)
        }
    }
}

extension SessionDemoCommand {
    var demoStore: DemoStore {
        switch store {
        case "cookie": return .cookie
        case "memory": return .memory
        case "sqlite": return .sqlite(path: sqlitePath, busyTimeout: sqliteBusyTimeout.map { .milliseconds($0) })
        case "redis": return .redis(url: redisURL ?? DemoStore.defaultRedisURL)
        case "postgres":
            return .postgres(url: resolvedDatabaseURL ?? "", operationTimeout: postgresTimeout.map { .milliseconds($0) })
        default: return .directory(path: sessionDir, durability: durability.flatMap { Self.durabilities[$0] } ?? .default)
        }
    }

    /// `--cookie-name`, `--cookie-secure`, `--cookie-samesite` over the core's defaults; the
    /// engine checks the combination (a `__Host-` name needs Secure, no Domain, Path=/).
    var cookieOptions: SessionCookieOptions {
        var options = SessionCookieOptions()
        if let cookieName { options.name = cookieName }
        if cookieSecure { options.secure = true }
        if let cookieSameSite, let sameSite = Self.sameSites[cookieSameSite.lowercased()] { options.sameSite = sameSite }
        return options
    }

    /// `--cookie-samesite`'s values.
    static let sameSites: [String: SessionCookieOptions.SameSite] = ["lax": .lax, "strict": .strict, "none": .none]

    /// `--durability`'s values.
    static let durabilities: [String: DirectorySessionStore.Durability] = [
        "each-save": .syncEachSave, "every-second": .syncEvery(.seconds(1)), "none": .noSync,
    ]

    /// `--database-url`, else a non-empty `DATABASE_URL`.
    var resolvedDatabaseURL: String? {
        if let databaseURL { return databaseURL }
        let env = ProcessInfo.processInfo.environment[DemoStore.databaseURLEnvironmentVariable]
        return env?.isEmpty == false ? env : nil
    }
}

/// Unbuffered, so scripts reading a pipe see the line at once.
func writeStandardOutput(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

func writeStandardError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}
