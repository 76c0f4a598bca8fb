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
    /// once per this interval, not on every request. Never more than a quarter of the session's
    /// idle timeout (`effectiveTouchInterval`), so an active user is never timed out between touches.
    public var touchInterval: Duration
    /// The app is served over HTTPS (directly or behind a TLS proxy): the cookie gets `Secure`
    /// unless `cookie.secure` says otherwise.
    public var servesHTTPS: Bool
    /// Server-side sessions: a session without a stored record whose data holds only these keys
    /// (the CSRF secret, flashed messages) travels in the signed cookie, in Flask's cookie format,
    /// instead of the store. A visitor who only loads a form or reads a flash leaves nothing on
    /// the server; the first other key (a login) moves the whole session into the store. Such a
    /// cookie is accepted for at most `anonymousLifetime`, and a stored record left with only
    /// these keys (a logout that popped the last real key) expires within it. Empty: every
    /// session is stored with the ordinary timeouts.
    public var anonymousCookieKeys: Set<String>
    /// How long anonymous data lives (see `anonymousCookieKeys`), at most the idle timeout; one
    /// hour by default, as Flask-WTF's `WTF_CSRF_TIME_LIMIT`.
    public var anonymousLifetime: Duration
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
        idSalt: String = "flask-session",
        servesHTTPS: Bool = false,
        anonymousCookieKeys: Set<String> = [CSRFToken.sessionKey, Session.flashesKey],
        anonymousLifetime: Duration = .seconds(3600)
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
        self.servesHTTPS = servesHTTPS
        self.anonymousCookieKeys = anonymousCookieKeys
        self.anonymousLifetime = anonymousLifetime
    }

    /// Checks the configuration and returns the keys, or says what is wrong and how to fix it.
    package func validatedKeys() throws(SessionConfigurationError) -> SecretKeys {
        guard let secretKey, !secretKey.isEmpty else { throw .missingSecretKey }
        if !allowWeakKeys {
            if let why = secretKey.weakness { throw .weakSecretKey(why) }
            for (index, key) in fallbackKeys.enumerated() {
                if let why = key.weakness { throw .weakFallbackKey(index: index, why) }
            }
        }
        if fallbackKeys.contains(where: \.isEmpty) { throw .weakFallbackKey(index: 0, "a fallback key is empty") }
        try effectiveCookie.validate()
        guard permanentLifetime > .zero else { throw .invalidOption("permanentLifetime must be positive") }
        if let idleTimeout, idleTimeout <= .zero { throw .invalidOption("idleTimeout must be positive") }
        if let absoluteTimeout, absoluteTimeout <= .zero { throw .invalidOption("absoluteTimeout must be positive") }
        guard touchInterval >= .zero else { throw .invalidOption("touchInterval must not be negative") }
        guard anonymousLifetime > .zero else { throw .invalidOption("anonymousLifetime must be positive") }
        return SecretKeys(current: secretKey, fallbacks: fallbackKeys)
    }

    /// `permanentLifetime` in whole seconds (Flask's `int(total_seconds())`).
    var permanentLifetimeSeconds: Int64 { permanentLifetime.components.seconds }

    /// The idle timeout in seconds, `permanentLifetime` when unset.
    var idleTimeoutSeconds: Int64 { (idleTimeout ?? permanentLifetime).components.seconds }

    /// `anonymousLifetime` in seconds, at most the idle timeout.
    var anonymousLifetimeSeconds: Int64 { min(anonymousLifetime.components.seconds, idleTimeoutSeconds) }

    /// The touch interval for a session whose idle timeout is `idleSeconds`: `touchInterval`, but
    /// at most a quarter of the idle timeout (a 10 s idle timeout is touched every 2.5 s at most,
    /// so a user active every 2 s stays logged in).
    func effectiveTouchInterval(idleSeconds: Int64) -> Int64 {
        min(touchInterval.components.seconds, max(idleSeconds / 4, 0))
    }

    /// `cookie` with `Secure` resolved: as set, else on when `servesHTTPS`, and always for the
    /// `__Secure-`/`__Host-` prefixes, `SameSite=None` and `Partitioned` (browsers drop such
    /// cookies without it).
    var effectiveCookie: SessionCookieOptions {
        var cookie = self.cookie
        cookie.secure = cookie.secure ?? (servesHTTPS || cookie.requiresSecure)
        return cookie
    }
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
    /// `Secure`; nil: on when the app serves HTTPS (`SessionConfiguration.servesHTTPS`), or when
    /// the name prefix, `SameSite=None` or `Partitioned` need it. Flask's default is off.
    public var secure: Bool?
    /// `SameSite`; `Lax` by default (Flask's default is none: the attribute is left out, and
    /// browsers then apply their own default, Lax in Chromium). `Lax` keeps the cookie off
    /// cross-site subrequests and POSTs (a CSRF defence in depth) and on top-level links, so a
    /// user following a link from another site arrives logged in. `Strict` drops even that;
    /// `None` (cross-site embeds) requires `Secure`; nil leaves the attribute out, as Flask.
    public var sameSite: SameSite?
    /// CHIPS `Partitioned`; forces `Secure`.
    public var partitioned: Bool

    public init(
        name: String = "session",
        domain: String? = nil,
        path: String = "/",
        httpOnly: Bool = true,
        secure: Bool? = nil,
        sameSite: SameSite? = .lax,
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

    /// The `__Host-` prefix (RFC 6265bis): the browser accepts the cookie only from this host,
    /// with `Secure`, `Path=/` and no `Domain`, so no sibling subdomain or plain-HTTP page can
    /// set or overwrite it (cookie tossing). The defence that works against duplicate cookies.
    /// Matched without regard to case, as browsers now do.
    var hasHostPrefix: Bool { name.lowercased().hasPrefix("__host-") }
    /// The `__Secure-` prefix: the browser accepts the cookie only with `Secure`, from HTTPS.
    var hasSecurePrefix: Bool { name.lowercased().hasPrefix("__secure-") }

    /// The name prefix, `SameSite=None` or `Partitioned` make browsers drop the cookie without
    /// `Secure`.
    var requiresSecure: Bool { hasHostPrefix || hasSecurePrefix || sameSite == SameSite.none || partitioned }

    /// Checks the options as resolved by `SessionConfiguration.effectiveCookie`.
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
        if requiresSecure && secure == false {
            let why = hasHostPrefix || hasSecurePrefix ? "the cookie name's prefix" : sameSite == SameSite.none ? "SameSite=None" : "Partitioned"
            throw .invalidOption("\(why) needs the Secure attribute (browsers drop the cookie without it): leave cookie.secure unset or true")
        }
        if hasHostPrefix && (domain != nil || path != "/") {
            throw .invalidOption("a __Host- cookie must have Path=/ and no Domain (browsers drop it otherwise)")
        }
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
                prints one, as does python3 -c 'import secrets; print(secrets.token_hex(32))'), \
                or set allowWeakKeys for tests.
                """
        case .weakFallbackKey(let index, let why):
            return "Fallback key #\(index) is unsafe: \(why). Remove it or set allowWeakKeys for tests."
        case .invalidOption(let why):
            return "Invalid session configuration: \(why)."
        }
    }
}
