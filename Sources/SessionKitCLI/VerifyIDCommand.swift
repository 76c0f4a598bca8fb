import ArgumentParser
import SessionKit

/// `sessionkit verify-id COOKIE --key K`: checks a signed session-id cookie (spec §11.3) and
/// prints the id.
package struct VerifyIDCommand: OutputCommand {
    package static let configuration = CommandConfiguration(
        commandName: "verify-id",
        abstract: "Verify a signed session-id cookie (SESSION_USE_SIGNER) and print the id.",
        discussion: """
            The cookie is ID.SIGNATURE (itsdangerous' Signer, salt "flask-session", no \
            timestamp), split at its last ".". On success prints only the id (nothing else on \
            stdout) and exits 0; otherwise exits 1 with "bad signature" on stderr. There is no \
            age check: a session id expires in its store (see `sessionkit store show`).

            Fallback keys: the cookie is checked with --key, then with each --fallback / \
            --fallback-hex, newest first, as SessionKit does so that rotating SECRET_KEY does not \
            log everyone out. Flask-Session 0.8 IGNORES SECRET_KEY_FALLBACKS for session ids: \
            to check a cookie as Flask-Session would, pass no fallbacks.

            A verified id that is not 43 base64url characters is printed, with a warning on \
            stderr: SessionKit treats such a cookie as no session.
            """
    )

    @Argument(help: CookieArgument.help)
    package var cookie: String

    @OptionGroup(title: "Keys and signing")
    package var keys: IDKeyOptions

    package init() {}

    package func output() throws -> CommandOutput {
        Self.verify(
            cookie: try CookieArgument.resolve(cookie),
            keys: try keys.secretKeys(),
            digest: keys.digest.signingDigest,
            salt: keys.salt
        )
    }

    package func run() throws {
        try output().emit()
    }

    /// Verifies `cookie` with the current key and the fallbacks: exit 0 and the id, or exit 1
    /// and "bad signature".
    package static func verify(
        cookie: String,
        keys: SecretKeys,
        digest: SigningDigest = .sha1,
        salt: String = IDKeyOptions.defaultSalt
    ) -> CommandOutput {
        guard let id = Signer(keys: keys, salt: salt, digest: digest).unsign(cookie) else {
            return .rejected(SessionCookieError.badSignature.description)
        }
        var output = CommandOutput(stdout: id + "\n")
        if SessionID(validating: id) == nil {
            output.stderr = "warning: the id is not \(SessionID.length) base64url characters; "
                + "SessionKit treats such a cookie as no session\n"
        }
        return output
    }
}
