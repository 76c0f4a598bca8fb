/// Where and how to reach Redis. `description` never shows the password.
public struct RedisConfiguration: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int
    /// ACL user (Redis 6+); nil: `AUTH password` (the `default` user).
    public var username: String?
    /// nil: no `AUTH`.
    public var password: String?
    /// `SELECT`ed on every connection.
    public var database: Int
    /// Most connections open at once. Commands are pipelined, so one connection carries many
    /// requests in flight; more connections only spread the load.
    public var maxConnections: Int
    public var connectTimeout: Duration
    /// A command without a reply after this long fails, and its connection is closed (the
    /// replies still to come could no longer be trusted to be in step).
    public var commandTimeout: Duration
    /// After a failed connect, the next one waits `reconnectBackoff.lowerBound`, doubling per
    /// failure up to `upperBound`; meanwhile commands fail at once (no pile-up while Redis is down).
    public var reconnectBackoff: ClosedRange<Duration>
    public var limits: RESPLimits

    public init(
        host: String = "127.0.0.1", port: Int = 6379, username: String? = nil, password: String? = nil,
        database: Int = 0, maxConnections: Int = 4, connectTimeout: Duration = .seconds(2),
        commandTimeout: Duration = .seconds(2),
        reconnectBackoff: ClosedRange<Duration> = .milliseconds(50) ... .seconds(2),
        limits: RESPLimits = RESPLimits()
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.maxConnections = max(1, maxConnections)
        self.connectTimeout = connectTimeout
        self.commandTimeout = commandTimeout
        self.reconnectBackoff = reconnectBackoff
        self.limits = limits
    }

    /// Parses `redis://[[user]:password@]host[:port][/db]` (percent-escapes allowed in the user
    /// and password; `[::1]` for IPv6 hosts). `rediss://` (TLS) is refused: this client has no TLS.
    public init(url: String) throws(RedisURLError) {
        self.init()
        var rest = Substring(url)
        guard let schemeEnd = rest.firstRange(of: "://") else {
            throw RedisURLError("expected redis://host:port/db, got no scheme")
        }
        let scheme = rest[..<schemeEnd.lowerBound].lowercased()
        rest = rest[schemeEnd.upperBound...]
        switch scheme {
        case "redis": break
        case "rediss":
            throw RedisURLError("rediss:// (TLS) is not supported: SessionKitRedis has no TLS; use redis:// on a trusted network or a TLS tunnel")
        case "unix", "redis+unix":
            throw RedisURLError("Unix socket URLs are not supported; use redis://host:port/db")
        default:
            throw RedisURLError("unsupported scheme \"\(scheme)\"; expected redis://")
        }
        if rest.contains("?") || rest.contains("#") {
            throw RedisURLError("query parameters and fragments are not supported")
        }
        // Userinfo: up to the last '@' (a password may contain '@' only percent-escaped, but be kind).
        if let at = rest.lastIndex(of: "@") {
            let userinfo = rest[..<at]
            rest = rest[rest.index(after: at)...]
            let user: Substring
            let pass: Substring?
            if let colon = userinfo.firstIndex(of: ":") {
                user = userinfo[..<colon]
                pass = userinfo[userinfo.index(after: colon)...]
            } else {
                user = userinfo
                pass = nil
            }
            guard let pass else {
                throw RedisURLError("a user name needs a password: redis://user:password@host")
            }
            let decodedUser = try Self.percentDecode(user, what: "user name")
            self.username = decodedUser.isEmpty ? nil : decodedUser
            self.password = try Self.percentDecode(pass, what: "password")
        }
        // Host and port, then the database.
        let hostPort: Substring
        if let slash = rest.firstIndex(of: "/") {
            hostPort = rest[..<slash]
            let db = rest[rest.index(after: slash)...]
            if !db.isEmpty {
                guard db.allSatisfy(\.isASCII), db.allSatisfy(\.isNumber), db.count <= 9, let n = Int(db) else {
                    throw RedisURLError("database must be a number (redis://host:port/0), not \"\(db)\"")
                }
                self.database = n
            }
        } else {
            hostPort = rest
        }
        var portText: Substring?
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.firstIndex(of: "]") else { throw RedisURLError("unterminated [IPv6] host") }
            self.host = String(hostPort[hostPort.index(after: hostPort.startIndex)..<close])
            let after = hostPort[hostPort.index(after: close)...]
            if !after.isEmpty {
                guard after.first == ":" else { throw RedisURLError("unexpected text after ]") }
                portText = after.dropFirst()
            }
        } else if let colon = hostPort.firstIndex(of: ":") {
            self.host = String(hostPort[..<colon])
            portText = hostPort[hostPort.index(after: colon)...]
        } else {
            self.host = String(hostPort)
        }
        guard !host.isEmpty else { throw RedisURLError("missing host") }
        guard !host.contains(where: { $0 == " " || $0 == "/" || $0 == "@" }) else {
            throw RedisURLError("bad host")
        }
        if let portText {
            guard !portText.isEmpty, portText.count <= 5, portText.allSatisfy({ $0.isASCII && $0.isNumber }),
                let p = Int(portText), (1...65535).contains(p)
            else { throw RedisURLError("port must be 1…65535, not \"\(portText)\"") }
            self.port = p
        }
    }

    private static func percentDecode(_ s: Substring, what: String) throws(RedisURLError) -> String {
        var out: [UInt8] = []
        var bytes = Array(s.utf8)[...]
        while let b = bytes.popFirst() {
            if b == UInt8(ascii: "%") {
                guard bytes.count >= 2, let hi = hex(bytes[bytes.startIndex]), let lo = hex(bytes[bytes.startIndex + 1]) else {
                    throw RedisURLError("bad percent-escape in the \(what)")
                }
                out.append(hi << 4 | lo)
                bytes = bytes.dropFirst(2)
            } else {
                out.append(b)
            }
        }
        guard let text = String(validating: out, as: UTF8.self) else {
            throw RedisURLError("the \(what) is not UTF-8")
        }
        return text
    }

    private static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }

    /// `redis://user:***@host:port/db`, the password masked.
    public var description: String {
        var s = "redis://"
        if password != nil { s += "\(username ?? ""):***@" }
        s += host.contains(":") ? "[\(host)]" : host
        return s + ":\(port)/\(database)"
    }

    /// `host:port`, for messages.
    var endpoint: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

/// A Redis URL that cannot be used; the message says what is wrong (never the password).
public struct RedisURLError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    init(_ message: String) { self.message = message }
    public var description: String { "bad Redis URL: \(message)" }
}
