import Logging
import SessionKit
import SessionKitDirectory

/// Settings of the tutorial demo server.
package struct DemoConfiguration: Sendable {
    /// Address to bind; `127.0.0.1` keeps the demo off the network.
    package var host: String
    /// Port to bind; 0 picks a free one (the actual port is printed once listening).
    package var port: Int
    /// Signs the session cookie. Nil makes `buildDemoApplication(configuration:)` fail with
    /// `SessionConfigurationError.missingSecretKey`; the command line generates one instead.
    package var secretKey: SecretKey?
    /// Accept short or well-known keys (for sharing a test key with a Flask app).
    package var allowWeakKeys: Bool
    package var logLevel: Logger.Level
    /// Largest `POST /login` body read; larger ones get 413.
    package var maxFormBodySize: Int
    /// Longest user name accepted, in bytes of UTF-8 (what it costs to store; a count of
    /// Characters would let one letter carry any number of combining marks).
    package var maxUsernameLength: Int
    /// Where sessions live. Default: files in `<temp dir>/sessionkit-sessions`, as the tutorial says.
    package var store: DemoStore
    /// Server-side sessions expire after this much inactivity (default: 31 days).
    package var idleTimeout: Duration?
    /// Server-side sessions expire this long after login, whatever the activity (default: none).
    package var absoluteTimeout: Duration?
    /// Serve the JSON API under `/api/session` (tests and benchmarks).
    package var playground: Bool
    /// The session cookie's name and attributes (`--cookie-name`, `--cookie-secure`,
    /// `--cookie-samesite`); the core's defaults otherwise.
    package var cookie: SessionCookieOptions

    package init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        secretKey: SecretKey? = nil,
        allowWeakKeys: Bool = false,
        logLevel: Logger.Level = .info,
        maxFormBodySize: Int = 64 * 1024,
        maxUsernameLength: Int = 256,
        store: DemoStore = .directory(path: nil),
        idleTimeout: Duration? = nil,
        absoluteTimeout: Duration? = nil,
        playground: Bool = false,
        cookie: SessionCookieOptions = SessionCookieOptions()
    ) {
        self.host = host
        self.port = port
        self.secretKey = secretKey
        self.allowWeakKeys = allowWeakKeys
        self.logLevel = logLevel
        self.maxFormBodySize = maxFormBodySize
        self.maxUsernameLength = maxUsernameLength
        self.store = store
        self.idleTimeout = idleTimeout
        self.absoluteTimeout = absoluteTimeout
        self.playground = playground
        self.cookie = cookie
    }

    /// The session configuration the demo runs with: Flask's defaults plus this key and timeouts.
    package var sessionConfiguration: SessionConfiguration {
        SessionConfiguration(
            secretKey: secretKey, allowWeakKeys: allowWeakKeys, cookie: cookie, idleTimeout: idleTimeout,
            absoluteTimeout: absoluteTimeout)
    }

    /// The environment variable the demo reads its key from, as Flask apps conventionally do.
    package static let secretKeyEnvironmentVariable = "SECRET_KEY"

    /// Where the demo's key came from.
    package enum SecretKeySource: Sendable, Equatable {
        /// `--secret-key`.
        case option
        /// `--secret-key-file`.
        case file
        /// The `SECRET_KEY` environment variable.
        case environment
        /// Neither was set: a random key that lives as long as the process.
        case generated
    }

    /// Picks the key: `--secret-key` wins, then a non-empty `SECRET_KEY`, else a fresh random key.
    /// An explicitly given key is used as UTF-8 text, as Flask uses `SECRET_KEY` strings.
    package static func resolveSecretKey(
        option: String?,
        environment: [String: String]
    ) -> (key: SecretKey, source: SecretKeySource) {
        if let option {
            return (SecretKey(option), .option)
        }
        if let value = environment[secretKeyEnvironmentVariable], !value.isEmpty {
            return (SecretKey(value), .environment)
        }
        return (SecretKey.generate(), .generated)
    }

    /// Printed to stderr when the key came from `--secret-key`.
    package static let commandLineKeyWarning = """
        warning: a key given with --secret-key can be read by every local user in the process \
        list (ps). Pass it in a file only you can read (--secret-key-file PATH, mode 600) or in the \
        SECRET_KEY environment variable instead.
        """

    /// Printed to stderr when the key was generated.
    package static let generatedKeyWarning = """
        WARNING: no secret key given (--secret-key-file, SECRET_KEY or --secret-key), so \
        session-demo generated a random one. Sessions (logins) end when the demo stops. To keep \
        them across restarts, start it with a fixed key, e.g.:
            export SECRET_KEY="$(python3 -c 'import secrets; print(secrets.token_hex(32))')"
        """
}

/// The session stores the demo can run on.
package enum DemoStore: Sendable, Equatable {
    /// Flask's classic mode: the whole session in the signed cookie.
    case cookie
    /// In this process's memory: sessions end when it stops.
    case memory
    /// One file per session under `path` (default `DirectorySessionStore.defaultDirectory`);
    /// survives restarts and can be shared by several processes; `durability` says when its
    /// writes reach the disk (`--durability`).
    case directory(path: String?, durability: DirectorySessionStore.Durability = .default)
    /// One SQLite database file at `path` (default `SQLiteSessionStore.defaultPath`); survives
    /// restarts and can be shared by several processes. `busyTimeout`: how long a write waits
    /// for another process's before it fails with a 503 (`--sqlite-busy-timeout`; nil: the
    /// store's default).
    case sqlite(path: String?, busyTimeout: Duration? = nil)

    /// The `--store` names.
    package static let names = ["cookie", "memory", "directory", "sqlite", "postgres", "redis"]
    /// Redis at `url` (`redis://[[user]:password@]host[:port][/db]`); shared by every process
    /// pointing at it, and expired by Redis itself.
    case redis(url: String)

    /// `--redis-url`'s default.
    package static let defaultRedisURL = "redis://127.0.0.1:6379/0"
    /// A PostgreSQL table (`PostgresSessionStore`), from a `postgres://user:pass@host:port/db` URL;
    /// shared by every process on the same database. `operationTimeout`: how long a request
    /// waits for the database (while it is down: for a connection) before it answers 503
    /// (`--postgres-timeout`; nil: the store's default).
    case postgres(url: String, operationTimeout: Duration? = nil)

    /// The environment variable `--store postgres` reads its URL from when `--database-url` is absent.
    package static let databaseURLEnvironmentVariable = "DATABASE_URL"

    package var name: String {
        switch self {
        case .cookie: return "cookie"
        case .memory: return "memory"
        case .directory: return "directory"
        case .sqlite: return "sqlite"
        case .redis: return "redis"
        case .postgres: return "postgres"
        }
    }
}
