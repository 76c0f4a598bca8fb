/// Session-bound CSRF tokens, kept where Flask-WTF keeps its own: the session key `csrf_token`
/// (so a Flask app sharing the session sees the same secret).
///
/// The secret is 32 random bytes (stored as 64 hex digits). Pages never show it: each render gets
/// `masked(for:)`, the secret XORed with a fresh one-time pad, pad and result in URL-safe base64,
/// so the token's bytes differ in every response and compression side channels (BREACH) learn
/// nothing. `isValid` unmasks and compares in constant time. `Session.regenerate()` (login)
/// replaces the secret, so tokens from before the login stop working.
public enum CSRFToken {
    /// Flask-WTF's session key (and the default form field name).
    public static let sessionKey = "csrf_token"
    /// The longest secret accepted from a session (one set by another app); longer ones are
    /// replaced.
    static let maxSecretLength = 256

    /// A token for one form or page, creating the session's secret if it has none.
    public static func masked(for session: Session) -> String {
        let secret = session.update(sessionKey) { value -> [UInt8] in
            if let existing = usableSecret(value) { return existing }
            let fresh = newSecret()
            value = .string(fresh)
            return Array(fresh.utf8)
        }
        var token = SecureRandom.bytes(secret.count * 2)  // the pad, then the masked secret
        for i in secret.indices { token[secret.count + i] = secret[i] ^ token[i] }
        return Base64URL.encode(token)
    }

    /// Whether `submitted` is a token of this session's secret. False without a secret (nothing
    /// is created), for anything that is not a masked token of the right length, and for tokens
    /// of an earlier secret. Constant time in the token's content.
    public static func isValid(_ submitted: some StringProtocol, for session: Session) -> Bool {
        guard let secret = usableSecret(session[sessionKey]) else { return false }
        guard submitted.utf8.count <= 4 * maxSecretLength, let token = Base64URL.decode(submitted),
            token.count == secret.count * 2
        else { return false }
        var difference: UInt8 = 0
        for i in secret.indices { difference |= (token[i] ^ token[secret.count + i]) ^ secret[i] }
        return difference == 0
    }

    /// Replaces the session's secret (if it has one) with a new one: earlier tokens stop working.
    /// `Session.regenerate()` calls it.
    public static func rotate(in session: Session) {
        session.update(sessionKey) { value in
            if value != nil { value = .string(newSecret()) }
        }
    }

    static func usableSecret(_ value: SessionValue?) -> [UInt8]? {
        guard case .string(let s)? = value, !s.isEmpty, s.utf8.count <= maxSecretLength else { return nil }
        return Array(s.utf8)
    }

    static func newSecret() -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in SecureRandom.bytes(32) {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
