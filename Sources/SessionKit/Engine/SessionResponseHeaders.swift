/// Headers the adapter adds to the response.
public struct SessionResponseHeaders: Sendable, Equatable {
    /// `Set-Cookie` values that delete same-named session cookies of other paths and domains the
    /// app knows, sent BEFORE `setCookie` (empty but after an ambiguous duplicate cookie).
    public var clearCookies: [String]
    /// A `Set-Cookie` value, when the cookie must be (re)sent or deleted.
    public var setCookie: String?
    /// Add `Vary: Cookie`: the response depended on the session.
    public var varyCookie: Bool

    init(setCookie: String? = nil, varyCookie: Bool = false, clearCookies: [String] = []) {
        self.clearCookies = clearCookies
        self.setCookie = setCookie
        self.varyCookie = varyCookie
    }

    /// Every `Set-Cookie` value, in the order they must be sent.
    public var setCookies: [String] { setCookie.map { clearCookies + [$0] } ?? clearCookies }
}

/// Why a session could not be saved at the end of a request.
public enum SessionSaveError: Error, Sendable, CustomStringConvertible {
    /// Browsers drop cookies this large, which would silently log the user out.
    case cookieTooLarge(size: Int, limit: Int)
    /// The store failed; the session was not saved (adapters answer 503).
    case store(any Error)

    public var description: String {
        switch self {
        case .cookieTooLarge(let size, let limit):
            return """
                The session cookie would be \(size) bytes, over the \(limit)-byte limit browsers \
                accept: store less in the session, or use a server-side store.
                """
        case .store(let error):
            return "The session could not be saved: \(error)"
        }
    }
}

/// The store failed while opening a session (adapters answer 503; the client is not logged out).
public struct SessionLoadError: Error, Sendable, CustomStringConvertible {
    public let underlying: any Error
    public var description: String { "The session could not be loaded: \(underlying)" }
}
