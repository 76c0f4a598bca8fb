import Foundation
import PostgresNIO

extension PostgresSessionStore {
    /// Where the store's database is and how it uses it. Usually made from a URL:
    /// `try Configuration(url: "postgres://user:pass@host:5432/db?sslmode=require")`.
    public struct Configuration: Sendable {
        /// How the connection uses TLS (the URL's `sslmode`).
        public enum TLSMode: String, Sendable, Equatable, CaseIterable {
            /// No TLS (`sslmode=disable`).
            case disable
            /// TLS when the server offers it, else plain (`sslmode=prefer`, libpq's default).
            case prefer
            /// TLS or no connection (`sslmode=require`), with the certificate verified against the
            /// system's trust roots and the host name — stricter than libpq's `require`.
            case require
        }

        public var host: String
        public var port: Int
        public var username: String
        public var password: String?
        /// Nil: the server's default (the user's name).
        public var database: String?
        public var tls: TLSMode
        /// The schema of the sessions table; nil: the connection's `search_path` (usually `public`).
        /// Created if absent. Letters, digits and `_`, starting with a letter or `_`, at most 48.
        public var schema: String?
        /// The sessions table, created if absent (same rule as `schema`).
        public var table: String
        /// The most connections the store's pool opens.
        public var maximumConnections: Int
        /// Connections the pool keeps open while idle (opened at start, reopened when lost; at
        /// most `maximumConnections`). postgres-nio gives each connection above this count an
        /// idle-timeout timer (tasks it starts on every release and cancels on the next lease);
        /// the default 1 keeps the connection that batched loads mostly use free of it.
        public var minimumConnections: Int = 1
        /// How often postgres-nio runs `SELECT 1` on an idle connection; nil (the default) or not
        /// positive: never.
        /// postgres-nio schedules this timer (tasks and a dispatch timer) on every release of a
        /// connection and cancels it on the next lease, which cost a fifth of the demo's CPU per
        /// session read. Without it a connection the server closes is still noticed (its socket
        /// closes) and one that hangs is bounded by `operationTimeout`; set it when a firewall or
        /// NAT between here and the database silently drops idle connections.
        public var keepAliveFrequency: Duration? = nil
        /// How long an operation may wait for a connection and its answer before it fails with
        /// `SessionStoreError(.unavailable, …)`; while the database is down, requests fail after
        /// this long instead of hanging (the pool keeps reconnecting in the background).
        public var operationTimeout: Duration
        /// Timeout of one connection attempt.
        public var connectTimeout: Duration
        /// How many load queries may run at once. Loads that arrive while they run wait and go
        /// out together as one `SELECT … WHERE id = ANY(…)` when one finishes (see
        /// `SessionLoadBatcher`), so under load one statement serves many requests. 1 makes the
        /// biggest batches (best throughput when the database's CPU is the limit); more lowers
        /// the wait behind a slow query.
        public var concurrentLoadQueries: Int = 1

        public init(
            host: String, port: Int = 5432, username: String, password: String?, database: String?,
            tls: TLSMode = .prefer, schema: String? = nil, table: String = "sessionkit_sessions",
            maximumConnections: Int = 10, operationTimeout: Duration = .seconds(5),
            connectTimeout: Duration = .seconds(3)
        ) {
            self.host = host
            self.port = port
            self.username = username
            self.password = password
            self.database = database
            self.tls = tls
            self.schema = schema
            self.table = table
            self.maximumConnections = maximumConnections
            self.operationTimeout = operationTimeout
            self.connectTimeout = connectTimeout
        }

        /// Parses `postgres://user:password@host:port/database?sslmode=disable|prefer|require`
        /// (`postgresql://` too). User, password and database may be percent-encoded; the port
        /// defaults to 5432, `sslmode` to `prefer`; an IPv6 host is written in brackets. Throws a
        /// `ConfigurationError` naming what is wrong (never repeating the password).
        public init(url: String, schema: String? = nil, table: String = "sessionkit_sessions") throws(ConfigurationError) {
            func fail(_ message: String) -> ConfigurationError { ConfigurationError(message) }
            let trimmed = url.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { throw fail("the database URL is empty") }
            guard let schemeEnd = trimmed.range(of: "://") else {
                throw fail("the database URL must start with postgres:// or postgresql://")
            }
            let scheme = trimmed[..<schemeEnd.lowerBound].lowercased()
            guard scheme == "postgres" || scheme == "postgresql" else {
                throw fail("unsupported URL scheme '\(scheme)': use postgres:// or postgresql://")
            }
            guard let components = URLComponents(string: trimmed) else {
                throw fail("the database URL is not a valid URL (characters like @ : / ? # in the password must be percent-encoded)")
            }
            guard var host = components.percentEncodedHost, !host.isEmpty else {
                throw fail("the database URL has no host (postgres://user:password@host:port/database)")
            }
            if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
            host = host.removingPercentEncoding ?? host
            let port: Int
            if let p = components.port {
                guard (1...65535).contains(p) else { throw fail("port \(p) is out of range (1-65535)") }
                port = p
            } else {
                // URLComponents rejects a non-numeric port at parse time; an explicit empty port
                // ("host:") is accepted and means the default.
                port = 5432
            }
            guard let user = components.percentEncodedUser.flatMap({ $0.removingPercentEncoding }), !user.isEmpty else {
                throw fail("the database URL has no user name (postgres://user:password@host:port/database)")
            }
            let password = components.percentEncodedPassword.map { $0.removingPercentEncoding ?? $0 }
            var path = components.percentEncodedPath
            if path.hasPrefix("/") { path.removeFirst() }
            guard !path.contains("/") else { throw fail("the database name must not contain '/'") }
            let database = path.isEmpty ? nil : (path.removingPercentEncoding ?? path)
            var tls = TLSMode.prefer
            for item in components.queryItems ?? [] {
                switch item.name {
                case "sslmode":
                    let value = item.value ?? ""
                    switch value {
                    case "disable": tls = .disable
                    case "prefer": tls = .prefer
                    case "require", "verify-full": tls = .require
                    default:
                        throw fail("unsupported sslmode '\(value)': use disable, prefer or require")
                    }
                default:
                    throw fail("unsupported URL parameter '\(item.name)' (only sslmode is understood)")
                }
            }
            self.init(host: host, port: port, username: user, password: password, database: database, tls: tls,
                      schema: schema, table: table)
        }

        /// The schema-qualified, quoted table name; throws when `schema` or `table` is not a valid
        /// identifier.
        func qualifiedTable() throws(ConfigurationError) -> QualifiedTable {
            try QualifiedTable(schema: schema, table: table)
        }

        var clientConfiguration: PostgresClient.Configuration {
            let tlsConfiguration: PostgresClient.Configuration.TLS
            switch tls {
            case .disable: tlsConfiguration = .disable
            case .prefer: tlsConfiguration = .prefer(.makeClientConfiguration())
            case .require: tlsConfiguration = .require(.makeClientConfiguration())
            }
            var c = PostgresClient.Configuration(
                host: host, port: port, username: username, password: password, database: database,
                tls: tlsConfiguration)
            c.options.maximumConnections = max(1, maximumConnections)
            c.options.minimumConnections = min(max(0, minimumConnections), c.options.maximumConnections)
            c.options.keepAliveBehavior = keepAliveFrequency.flatMap { $0 > .zero ? .init(frequency: $0) : nil }
            c.options.connectTimeout = connectTimeout
            return c
        }

        /// `postgres://user@host:port/database?sslmode=…`, without the password (for logs).
        public var redactedURL: String {
            let h = host.contains(":") ? "[\(host)]" : host
            return "postgres://\(username)@\(h):\(port)/\(database ?? "")?sslmode=\(tls.rawValue)"
        }
    }

    /// A bad store configuration (URL, schema or table name).
    public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        init(_ message: String) { self.message = message }
        public var description: String { "invalid PostgreSQL session store configuration: \(message)" }
    }

    /// A validated `"schema"."table"`, plus names derived from it.
    struct QualifiedTable: Sendable, Equatable {
        let schema: String?
        let table: String

        /// Letters, digits and `_`, starting with a letter or `_`; at most 48 bytes so that the
        /// derived index name fits PostgreSQL's 63.
        static func validate(_ name: String, what: String) throws(ConfigurationError) {
            let bytes = Array(name.utf8)
            guard !bytes.isEmpty else { throw ConfigurationError("the \(what) name is empty") }
            guard bytes.count <= 48 else { throw ConfigurationError("the \(what) name is longer than 48 characters") }
            func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F }
            func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
            guard isLetter(bytes[0]), bytes.allSatisfy({ isLetter($0) || isDigit($0) }) else {
                throw ConfigurationError(
                    "the \(what) name '\(name)' must be letters, digits and _, starting with a letter or _")
            }
        }

        init(schema: String?, table: String) throws(ConfigurationError) {
            if let schema { try Self.validate(schema, what: "schema") }
            try Self.validate(table, what: "table")
            self.schema = schema
            self.table = table
        }

        /// `"schema"."name"` or `"name"` (validated names need no escaping; quoted to keep case).
        private func qualified(_ name: String) -> String {
            schema.map { "\"\($0)\".\"\(name)\"" } ?? "\"\(name)\""
        }

        /// The table, schema-qualified.
        var sql: String { qualified(table) }
        /// The expiry index (on `expiry_bucket`), quoted; it lives in the table's schema.
        var indexName: String { "\"\(table)_expiry_bucket\"" }
        /// `indexName`, schema-qualified when the table is.
        var qualifiedIndexName: String { qualified("\(table)_expiry_bucket") }
        /// Text that names this table in advisory-lock keys.
        var lockName: String { "\(schema ?? "").\(table)" }
    }
}
