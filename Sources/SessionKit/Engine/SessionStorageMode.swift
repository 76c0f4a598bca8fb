/// Where a session's data lives.
public enum SessionStorageMode: Sendable {
    /// Flask's classic mode: the whole session sits in the signed cookie; the server keeps nothing.
    /// Parallel requests of one client cannot be merged (the client holds the data): the last
    /// response's cookie wins. Use a server-side store when parallel writes matter.
    case cookie
    /// The data lives in `store`; the cookie holds only the session id, signed (Flask-Session's
    /// `SESSION_USE_SIGNER` format, salt `flask-session`).
    case server(any SessionStore)
}
