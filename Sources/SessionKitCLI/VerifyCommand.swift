import ArgumentParser
import SessionKit

/// `sessionkit verify COOKIE --key K`: checks a cookie as Flask would and prints its session.
package struct VerifyCommand: OutputCommand {
    package static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify a session cookie as Flask would, and print its session.",
        discussion: """
            On success prints the session as Flask serializes it (tagged JSON, compact, sorted \
            keys, ASCII) and exits 0. Otherwise exits 1 with the reason on stderr: \
            "bad signature", "expired: ...", "bad payload: ...", "malformed timestamp" or \
            "cookie is N bytes, over the 4093-byte limit". Weak keys are accepted here.
            """
    )

    /// Flask's default maximum age: PERMANENT_SESSION_LIFETIME, 31 days.
    package static let defaultMaxAge: Int64 = 2_678_400

    @Argument(help: CookieArgument.help)
    package var cookie: String

    @OptionGroup(title: "Keys and signing")
    package var keys: KeyOptions

    @Option(
        name: .customLong("max-age"),
        help: ArgumentHelp(
            "Reject cookies signed more than this many seconds before --now (Flask: PERMANENT_SESSION_LIFETIME, 2678400). 0 accepts only cookies signed at --now.",
            valueName: "seconds"
        )
    )
    package var maxAge: Int64?

    @Flag(name: .customLong("no-max-age"), help: "No age limit: accept cookies of any age, timestamps in the future included.")
    package var noMaxAge: Bool = false

    @Option(
        name: .customLong("now"),
        help: ArgumentHelp("Verify as of this Unix time in seconds (default: now).", valueName: "unix-seconds")
    )
    package var now: Int64?

    package init() {}

    package mutating func validate() throws {
        if noMaxAge, maxAge != nil {
            throw ValidationError("Pass either --max-age or --no-max-age, not both.")
        }
        if let maxAge, maxAge < 0 {
            throw ValidationError("--max-age must be 0 or more seconds.")
        }
        if let now, now < 0 {
            throw ValidationError("--now must be a Unix time of 0 or more.")
        }
    }

    /// The age limit the options select: nil for none.
    package var effectiveMaxAge: Int64? {
        noMaxAge ? nil : (maxAge ?? Self.defaultMaxAge)
    }

    /// Runs the command without printing.
    package func output() throws -> CommandOutput {
        Self.verify(
            cookie: try CookieArgument.resolve(cookie),
            keys: try keys.secretKeys(),
            digest: keys.digest.signingDigest,
            salt: keys.salt,
            maxAge: effectiveMaxAge,
            now: now ?? UnixTime.now()
        )
    }

    package func run() throws {
        try output().emit()
    }

    /// Verifies `cookie`: exit 0 and the session's tagged JSON, or exit 1 and the reason.
    package static func verify(
        cookie: String,
        keys: SecretKeys,
        digest: SigningDigest = .sha1,
        salt: String = SessionCookieCodec.defaultSalt,
        maxAge: Int64? = VerifyCommand.defaultMaxAge,
        now: Int64
    ) -> CommandOutput {
        let codec = SessionCookieCodec(keys: keys, salt: salt, digest: digest)
        do throws(SessionCookieError) {
            let decoded = try codec.decode(cookie, maxAge: maxAge, now: now)
            let json = TaggedJSON.encode(.object(decoded.session))
            return CommandOutput(stdout: String(decoding: json, as: UTF8.self) + "\n")
        } catch {
            return .rejected(reason(for: error))
        }
    }

    /// Why the cookie was rejected (every expiry, future timestamps included, starts with "expired:").
    package static func reason(for error: SessionCookieError) -> String { error.description }
}
