import Logging
import Synchronization

/// Turns a request's `Cookie` header into a `Session`, and a `Session` back into a `Set-Cookie`.
///
/// Framework adapters call `begin` when a request arrives and `finish` when the handler is done;
/// everything between is the handler's. The session is opened lazily: a handler that never
/// touches it costs no decoding, no signature check, no `Set-Cookie` and no `Vary`.
///
/// Create one engine per application: it validates the configuration (a missing or weak key is
/// an error here, at startup) and precomputes the HMAC key schedules.
public final class SessionEngine: Sendable {
    public let configuration: SessionConfiguration
    public let codec: SessionCookieCodec
    public let clock: SessionClock
    let logger: Logger

    public init(
        configuration: SessionConfiguration,
        clock: SessionClock = .system,
        logger: Logger = Logger(label: "SessionKit")
    ) throws(SessionConfigurationError) {
        let keys = try configuration.validatedKeys()
        self.configuration = configuration
        self.codec = SessionCookieCodec(
            keys: keys,
            salt: configuration.salt,
            digest: configuration.digest,
            maxCookieSize: configuration.maxCookieSize,
            maxDecompressedSize: configuration.maxDecompressedSize
        )
        self.clock = clock
        self.logger = logger
    }

    /// Starts a request: remembers its `Cookie` header lines. No work is done until the handler
    /// asks for the session.
    public func begin<S: Sequence>(cookieHeaders: S) -> PendingSession where S.Element: StringProtocol {
        PendingSession(engine: self, cookie: CookieHeader.lookup(configuration.cookie.name, in: cookieHeaders))
    }

    /// Opens the session a cookie lookup found. A bad cookie of any kind gives an empty new
    /// session and a debug log line.
    func open(_ cookie: CookieHeader.Lookup) -> Session {
        switch cookie {
        case .absent:
            return Session()
        case .duplicated:
            logger.debug("session cookie ignored: the name occurs more than once")
            return Session()
        case .value(let value):
            if value.isEmpty { return Session() }
            do {
                let decoded = try codec.decode(
                    value, maxAge: configuration.permanentLifetimeSeconds, now: clock.unixSeconds)
                return Session(data: decoded.session, isNew: false)
            } catch {
                logger.debug("session cookie rejected", metadata: ["reason": "\(error)"])
                return Session()
            }
        }
    }

    /// Ends a request: what to add to the response (Flask's `save_session`, §9.2 of the spec).
    public func finish(_ pending: PendingSession) throws(SessionSaveError) -> SessionResponseHeaders {
        guard let session = pending.openedSession else { return SessionResponseHeaders() }
        return try responseHeaders(for: session)
    }

    /// What to send for `session` at the end of a request.
    public func responseHeaders(for session: Session) throws(SessionSaveError) -> SessionResponseHeaders {
        let (accessed, modified, data) = session.inspect { ($0.accessed, $0.modified, $0.data) }
        guard accessed else { return SessionResponseHeaders() }
        let options = configuration.cookie
        if data.isEmpty {
            return SessionResponseHeaders(setCookie: modified ? SetCookie.deletion(options: options) : nil, varyCookie: true)
        }
        let permanent = data[Session.permanentKey]?.boolValue ?? false
        guard modified || (permanent && configuration.refreshEachRequest) else {
            return SessionResponseHeaders(varyCookie: true)
        }
        let now = clock.unixSeconds
        let value = codec.encode(data, timestamp: now)
        let header = SetCookie.header(
            value: value,
            expires: permanent ? now + configuration.permanentLifetimeSeconds : nil,
            options: options)
        guard header.utf8.count <= configuration.maxCookieSize else {
            throw .cookieTooLarge(size: header.utf8.count, limit: configuration.maxCookieSize)
        }
        return SessionResponseHeaders(setCookie: header, varyCookie: true)
    }
}

/// A request's session before and after the handler opened it.
public final class PendingSession: Sendable {
    let engine: SessionEngine
    let cookie: CookieHeader.Lookup
    private let opened = Mutex<Session?>(nil)

    init(engine: SessionEngine, cookie: CookieHeader.Lookup) {
        self.engine = engine
        self.cookie = cookie
    }

    /// The session, opened on first use (the cookie is verified and decoded then, once).
    public func session() async throws -> Session {
        openSession()
    }

    /// Synchronous open: signed-cookie sessions need no I/O.
    public func openSession() -> Session {
        opened.withLock { slot in
            if let session = slot { return session }
            let session = engine.open(cookie)
            slot = session
            return session
        }
    }

    /// The session if the handler opened it, else nil.
    public var openedSession: Session? { opened.withLock { $0 } }
}

/// Headers the adapter adds to the response.
public struct SessionResponseHeaders: Sendable, Equatable {
    /// A `Set-Cookie` value, when the cookie must be (re)sent or deleted.
    public var setCookie: String?
    /// Add `Vary: Cookie`: the response depended on the session.
    public var varyCookie: Bool

    public init(setCookie: String? = nil, varyCookie: Bool = false) {
        self.setCookie = setCookie
        self.varyCookie = varyCookie
    }
}

/// Why a session could not be saved at the end of a request.
public enum SessionSaveError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Browsers drop cookies this large, which would silently log the user out.
    case cookieTooLarge(size: Int, limit: Int)

    public var description: String {
        switch self {
        case .cookieTooLarge(let size, let limit):
            return """
                The session cookie would be \(size) bytes, over the \(limit)-byte limit browsers \
                accept: store less in the session, or use a server-side store.
                """
        }
    }
}
