/// How sessions are signed and how their cookie is written. Defaults are Flask's.
public struct SessionConfiguration: Sendable {
    /// Signs and verifies. Required: without one, `SessionEngine` refuses to start.
    public var secretKey: SecretKey?
    /// Older keys that still verify but never sign (Flask's `SECRET_KEY_FALLBACKS`), oldest first.
    public var fallbackKeys: [SecretKey]
    /// Accept short keys and well-known placeholders. For tests and shared-key interop only.
    public var allowWeakKeys: Bool
    public var cookie: SessionCookieOptions
    /// Lifetime of a permanent session's cookie; also the maximum age of any signed cookie
    /// (Flask's `PERMANENT_SESSION_LIFETIME`, 31 days).
    public var permanentLifetime: Duration
    /// Re-send a permanent session's cookie on each request that opened it, sliding its expiry
    /// (Flask's `SESSION_REFRESH_EACH_REQUEST`).
    public var refreshEachRequest: Bool
    public var digest: SigningDigest
    public var salt: String
    /// Set-Cookie values longer than this are refused (browsers drop them); cookies longer than
    /// this are ignored unread. Flask's `MAX_COOKIE_SIZE`.
    public var maxCookieSize: Int
    /// Inflated payloads larger than this are rejected.
    public var maxDecompressedSize: Int
    /// Server-side sessions: a session unused this long expires. nil: `permanentLifetime`.
    public var idleTimeout: Duration?
    /// Server-side sessions: a session expires this long after its creation, whatever its
    /// activity. nil: no absolute limit.
    public var absoluteTimeout: Duration?
    /// Server-side sessions: an unmodified session is re-saved (to extend its idle expiry) at most
    /// once per this interval, not on every request.
    public var touchInterval: Duration
    /// Salt of the signed session-id cookie (Flask-Session's `flask-session`).
    public var idSalt: String

    public init(
        secretKey: SecretKey?,
        fallbackKeys: [SecretKey] = [],
        allowWeakKeys: Bool = false,
        cookie: SessionCookieOptions = SessionCookieOptions(),
        permanentLifetime: Duration = .seconds(31 * 24 * 3600),
        refreshEachRequest: Bool = true,
        digest: SigningDigest = .sha1,
        salt: String = SessionCookieCodec.defaultSalt,
        maxCookieSize: Int = 4093,
        maxDecompressedSize: Int = 64 * 1024,
        idleTimeout: Duration? = nil,
        absoluteTimeout: Duration? = nil,
        touchInterval: Duration = .seconds(60),
        idSalt: String = "flask-session"
    ) {
        self.secretKey = secretKey
        self.fallbackKeys = fallbackKeys
        self.allowWeakKeys = allowWeakKeys
        self.cookie = cookie
        self.permanentLifetime = permanentLifetime
        self.refreshEachRequest = refreshEachRequest
        self.digest = digest
        self.salt = salt
        self.maxCookieSize = maxCookieSize
        self.maxDecompressedSize = maxDecompressedSize
        self.idleTimeout = idleTimeout
        self.absoluteTimeout = absoluteTimeout
        self.touchInterval = touchInterval
        self.idSalt = idSalt
    }

    /// Checks the configuration and returns the keys, or says what is wrong and how to fix it.
    public func validatedKeys() throws(SessionConfigurationError) -> SecretKeys {
        guard let secretKey, !secretKey.isEmpty else { throw .missingSecretKey }
        if !allowWeakKeys {
            if let why = secretKey.weakness { throw .weakSecretKey(why) }
            for (index, key) in fallbackKeys.enumerated() {
                if let why = key.weakness { throw .weakFallbackKey(index: index, why) }
            }
        }
        if fallbackKeys.contains(where: \.isEmpty) { throw .weakFallbackKey(index: 0, "a fallback key is empty") }
        try cookie.validate()
        guard permanentLifetime > .zero else { throw .invalidOption("permanentLifetime must be positive") }
        if let idleTimeout, idleTimeout <= .zero { throw .invalidOption("idleTimeout must be positive") }
        if let absoluteTimeout, absoluteTimeout <= .zero { throw .invalidOption("absoluteTimeout must be positive") }
        guard touchInterval >= .zero else { throw .invalidOption("touchInterval must not be negative") }
        return SecretKeys(current: secretKey, fallbacks: fallbackKeys)
    }

    /// `permanentLifetime` in whole seconds (Flask's `int(total_seconds())`).
    public var permanentLifetimeSeconds: Int64 { permanentLifetime.components.seconds }

    /// The idle timeout in seconds, `permanentLifetime` when unset.
    public var idleTimeoutSeconds: Int64 { (idleTimeout ?? permanentLifetime).components.seconds }
}

/// The session cookie's name and attributes (Flask's `SESSION_COOKIE_*`).
public struct SessionCookieOptions: Sendable, Hashable {
    public enum SameSite: String, Sendable, Hashable, CaseIterable {
        case lax = "Lax"
        case strict = "Strict"
        case none = "None"
    }

    public var name: String
    /// `Domain=`; nil for a host-only cookie. A port and leading dots are removed, as Werkzeug does.
    public var domain: String?
    public var path: String
    public var httpOnly: Bool
    public var secure: Bool
    public var sameSite: SameSite?
    /// CHIPS `Partitioned`; forces `Secure`.
    public var partitioned: Bool

    public init(
        name: String = "session",
        domain: String? = nil,
        path: String = "/",
        httpOnly: Bool = true,
        secure: Bool = false,
        sameSite: SameSite? = nil,
        partitioned: Bool = false
    ) {
        self.name = name
        self.domain = domain
        self.path = path
        self.httpOnly = httpOnly
        self.secure = secure
        self.sameSite = sameSite
        self.partitioned = partitioned
    }

    func validate() throws(SessionConfigurationError) {
        let tokenSpecials = Set("()<>@,;:\\\"/[]?={} \t".unicodeScalars)
        guard !name.isEmpty,
            name.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value < 0x7F && !tokenSpecials.contains($0) })
        else { throw .invalidOption("cookie name \(String(reflecting: name)) is not a valid cookie token") }
        if let domain {
            guard domain.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0 != ";" && $0 != "," && $0.value < 0x7F })
            else { throw .invalidOption("cookie domain \(String(reflecting: domain)) must be ASCII (IDNA-encode it)") }
        }
        guard path.hasPrefix("/"), !path.unicodeScalars.contains(where: { $0 == ";" || $0.value < 0x20 || $0.value == 0x7F })
        else { throw .invalidOption("cookie path \(String(reflecting: path)) must start with / and hold no ';' or control characters") }
    }
}

/// Why sessions cannot be configured. Thrown at startup, never per request.
public enum SessionConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingSecretKey
    case weakSecretKey(String)
    case weakFallbackKey(index: Int, String)
    case invalidOption(String)

    public var description: String {
        switch self {
        case .missingSecretKey:
            return """
                SessionKit needs a secret key to sign session cookies, and none was set. \
                Set SessionConfiguration.secretKey (the demo reads the SECRET_KEY environment \
                variable or --secret-key); `sessionkit keygen` prints a strong one.
                """
        case .weakSecretKey(let why):
            return """
                The secret key is unsafe: \(why). Anyone who guesses it can forge sessions. \
                Use a random key of at least \(SecretKey.minimumLength) bytes (`sessionkit keygen` \
                prints one), or set allowWeakKeys for tests.
                """
        case .weakFallbackKey(let index, let why):
            return "Fallback key #\(index) is unsafe: \(why). Remove it or set allowWeakKeys for tests."
        case .invalidOption(let why):
            return "Invalid session configuration: \(why)."
        }
    }
}
