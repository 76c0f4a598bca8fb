public import Hummingbird
public import SessionKit

/// What `SessionMiddleware` leaves in the request context: the request's pending session.
///
/// Holds no session logic; it only carries the engine's `PendingSession` from the middleware to
/// the handler.
public struct SessionContextStorage: Sendable {
    /// The request's session, before or after the handler opened it; nil until `SessionMiddleware`
    /// has run for this request.
    public var pending: PendingSession?

    public init(pending: PendingSession? = nil) {
        self.pending = pending
    }
}

/// A request context that can carry a session.
///
/// Conform your context by adding one stored property:
///
/// ```swift
/// struct AppRequestContext: SessionRequestContext {
///     var coreContext: CoreRequestContextStorage
///     var sessionStorage = SessionContextStorage()
///     init(source: ApplicationRequestContextSource) {
///         self.coreContext = .init(source: source)
///     }
/// }
/// ```
///
/// or use `BasicSessionRequestContext`.
public protocol SessionRequestContext: RequestContext {
    /// Filled in by `SessionMiddleware`; handlers use `context.session` instead.
    var sessionStorage: SessionContextStorage { get set }
}

extension SessionRequestContext {
    /// The request's session, opened (cookie verified and decoded) on first use.
    ///
    /// ```swift
    /// let session = try await context.session
    /// session["username"] = "admin"
    /// ```
    ///
    /// Throws a 500 `HTTPError` when `SessionMiddleware` is not installed in front of the route, and
    /// a 503 `HTTPError` when a session store fails to load the session (logged at error level).
    public var session: Session {
        get async throws {
            guard let pending = sessionStorage.pending else {
                let message = Self.middlewareMissingMessage
                logger.error("\(message)")
                throw HTTPError(.internalServerError, message: message)
            }
            do {
                return try await pending.session()
            } catch let error as SessionLoadError {
                logger.error("session store unavailable", metadata: ["error": "\(error.underlying)"])
                throw HTTPError(.serviceUnavailable, message: SessionMiddleware<Self>.storeUnavailableMessage)
            }
        }
    }

    static var middlewareMissingMessage: String {
        """
        The session is unavailable because SessionMiddleware is not installed for this route. \
        Add `router.add(middleware: SessionMiddleware(engine: engine))` before registering the \
        routes that use `context.session`.
        """
    }
}

/// A ready-made request context with session support, for apps that need nothing else.
///
/// ```swift
/// let router = Router(context: BasicSessionRequestContext.self)
/// ```
public struct BasicSessionRequestContext: SessionRequestContext {
    public var coreContext: CoreRequestContextStorage
    public var sessionStorage: SessionContextStorage

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.sessionStorage = SessionContextStorage()
    }
}
