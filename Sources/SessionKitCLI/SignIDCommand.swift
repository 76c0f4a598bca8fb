import ArgumentParser
import SessionKit

/// `sessionkit sign-id ID --key K`: the signed session-id cookie value Flask-Session 0.8 sets with
/// `SESSION_USE_SIGNER=True` (spec §11.3).
package struct SignIDCommand: OutputCommand {
    package static let configuration = CommandConfiguration(
        commandName: "sign-id",
        abstract: "Print the signed session-id cookie Flask-Session would set (SESSION_USE_SIGNER).",
        discussion: """
            Prints ID.SIGNATURE: itsdangerous' Signer with salt "flask-session", "hmac" key \
            derivation and HMAC-SHA1 (27-character signature), no timestamp — the cookie value of \
            Flask-Session 0.8 with SESSION_USE_SIGNER=True and of SessionKit's server-side \
            sessions. Only the current key signs; fallback keys are accepted but never sign. \
            Any id is signed; a warning goes to stderr when it is not a 43-character base64url \
            id (Flask-Session's secrets.token_urlsafe(32)), which SessionKit would not accept, \
            and when the key is weak. An id starting with "-" must follow "--", after the options \
            (sessionkit sign-id --key K -- -abc...).
            """
    )

    @Argument(
        help: ArgumentHelp(
            "The session id (43 base64url characters), or - to read it from standard input.",
            valueName: "id"
        )
    )
    package var id: String

    @OptionGroup(title: "Keys and signing")
    package var keys: IDKeyOptions

    package init() {}

    package func output() throws -> CommandOutput {
        Self.sign(
            id: try CookieArgument.resolve(id, what: "session id"),
            keys: try keys.secretKeys(),
            digest: keys.digest.signingDigest,
            salt: keys.salt
        )
    }

    package func run() throws {
        try output().emit()
    }

    /// `id.signature` and a newline, plus warnings for an id SessionKit would not accept or a weak key.
    package static func sign(
        id: String,
        keys: SecretKeys,
        digest: SigningDigest = .sha1,
        salt: String = IDKeyOptions.defaultSalt
    ) -> CommandOutput {
        let signed = Signer(keys: keys, salt: salt, digest: digest).sign(id)
        var warnings = ""
        if SessionID(validating: id) == nil {
            warnings += "warning: the id is not \(SessionID.length) base64url characters "
                + "(Flask-Session ids are secrets.token_urlsafe(32)); SessionKit treats such a cookie as no session\n"
        }
        if let weakness = keys.current.weakness {
            warnings += "warning: signing with a weak key: \(weakness); anyone who guesses it can forge session ids "
                + "(`sessionkit keygen` prints a strong one)\n"
        }
        return CommandOutput(stdout: signed + "\n", stderr: warnings)
    }
}
