/// Why a session cookie was not accepted. Every case yields an empty session, never an error page.
public enum SessionCookieError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Longer than the configured limit; rejected before any decoding.
    case oversized(length: Int, limit: Int)
    /// No signature, or a MAC that no key produced (tampering, truncation, wrong key or salt).
    case badSignature
    /// A valid MAC over a timestamp that cannot be read.
    case malformedTimestamp
    /// Older than the maximum age, or signed in the future.
    case expired(age: Int64, maxAge: Int64)
    /// A valid MAC over content that cannot be decoded (bad base64, zlib, UTF-8, JSON, tag…).
    case badPayload(String)

    public var description: String {
        switch self {
        case .oversized(let length, let limit):
            return "cookie is \(length) bytes, over the \(limit)-byte limit"
        case .badSignature: return "bad signature"
        case .malformedTimestamp: return "malformed timestamp"
        case .expired(let age, let maxAge):
            return age < 0
                ? "expired: signed \(-age) s in the future" : "expired: \(age) s old, max age \(maxAge) s"
        case .badPayload(let why): return "bad payload: \(why)"
        }
    }

    /// itsdangerous' exception class for the same failure.
    var itsdangerousName: String {
        switch self {
        case .oversized, .badSignature: return "BadSignature"
        case .malformedTimestamp: return "BadTimeSignature"
        case .expired: return "SignatureExpired"
        case .badPayload: return "BadPayload"
        }
    }
}
