public import Hummingbird
public import SessionKit

/// What `SessionKitMiddleware` leaves in the request context: the request's pending session.
///
/// Holds no session logic; it only carries the engine's `PendingSession` from the middleware to
/// the handler.
public struct SessionContextStorage: Sendable {
    /// The request's session, before or after the handler opened it; nil until `SessionKitMiddleware`
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
/// struct AppRequestContext: SessionKitRequestContext {
///     var coreContext: CoreRequestContextStorage
///     var sessionStorage = SessionContextStorage()
///     init(source: ApplicationRequestContextSource) {
///         self.coreContext = .init(source: source)
///     }
/// }
/// ```
///
/// or use `BasicSessionKitRequestContext`.
public protocol SessionKitRequestContext: RequestContext {
    /// Filled in by `SessionKitMiddleware`; handlers use `context.session` instead.
    var sessionStorage: SessionContextStorage { get set }
}

extension SessionKitRequestContext {
    /// The request's session, opened (cookie verified and decoded) on first use.
    ///
    /// ```swift
    /// let session = try await context.session
    /// session["username"] = "admin"
    /// ```
    ///
    /// Throws a 500 `HTTPError` when `SessionKitMiddleware` is not installed in front of the route, and
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
                throw HTTPError(
                    .serviceUnavailable, message: SessionKitMiddleware<Self>.storeUnavailableMessage)
            }
        }
    }

    static var middlewareMissingMessage: String {
        """
        The session is unavailable because SessionKitMiddleware is not installed for this route. \
        Add `router.add(middleware: SessionKitMiddleware(engine: engine))` before registering the \
        routes that use `context.session`.
        """
    }
}

/// A ready-made request context with session support, for apps that need nothing else.
///
/// ```swift
/// let router = Router(context: BasicSessionKitRequestContext.self)
/// ```
public struct BasicSessionKitRequestContext: SessionKitRequestContext {
    public var coreContext: CoreRequestContextStorage
    public var sessionStorage: SessionContextStorage

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.sessionStorage = SessionContextStorage()
    }
}
