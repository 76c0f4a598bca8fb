/// What the client reports.
enum RedisError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server answered with an error reply; its text (e.g. `WRONGTYPE …`, `NOSCRIPT …`).
    case server(String)
    /// Could not connect (refused, unreachable, connect timeout, AUTH/SELECT failed).
    case connectFailed(String)
    /// The connection closed before the reply came.
    case connectionClosed
    /// No reply within `commandTimeout`; the connection was closed.
    case timeout
    /// The server broke RESP or our limits; the connection was closed.
    case protocolViolation(String)
    /// A reply of a shape the command never returns.
    case unexpectedReply(String)
    /// The client was shut down.
    case shutDown

    var description: String {
        switch self {
        case .server(let text): return "server error: \(text)"
        case .connectFailed(let why): return "cannot connect: \(why)"
        case .connectionClosed: return "connection closed"
        case .timeout: return "command timed out"
        case .protocolViolation(let why): return "protocol violation: \(why)"
        case .unexpectedReply(let what): return "unexpected reply: \(what)"
        case .shutDown: return "client shut down"
        }
    }

    /// The server error's first word (`NOSCRIPT`, `WRONGTYPE`, `ERR`…), if this is one.
    var serverErrorCode: Substring? {
        guard case .server(let text) = self else { return nil }
        return text.split(separator: " ", maxSplits: 1).first
    }
}
