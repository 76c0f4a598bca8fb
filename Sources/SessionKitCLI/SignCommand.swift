import ArgumentParser
import SessionKit

/// `sessionkit sign --json '{…}' --key K`: the cookie Flask would set for a session.
package struct SignCommand: OutputCommand {
    package static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Print the session cookie Flask would set for a session.",
        discussion: """
            The session is given in Flask's tagged-JSON form and must be an object, e.g. \
            --json '{"_permanent":true,"cart":{" t":[1,2]},"username":"admin"}'. It is \
            serialized as Flask does (sorted keys, ASCII, zlib when it saves 2 bytes or more) \
            and signed with the current key; fallback keys are accepted but never sign. \
            Weak keys sign, with a warning on stderr.
            """
    )

    @Option(
        name: .customLong("json"),
        help: ArgumentHelp("The session as Flask's tagged JSON (an object).", valueName: "tagged-json")
    )
    package var json: String

    @Option(
        name: .customLong("timestamp"),
        help: ArgumentHelp("Sign as of this Unix time in seconds (default: now).", valueName: "unix-seconds")
    )
    package var timestamp: Int64?

    @OptionGroup(title: "Keys and signing")
    package var keys: KeyOptions

    package init() {}

    package mutating func validate() throws {
        _ = try Self.parseSession(json)
        if let timestamp, timestamp < 0 {
            throw ValidationError("--timestamp must be a Unix time of 0 or more.")
        }
    }

    package func output() throws -> CommandOutput {
        Self.sign(
            session: try Self.parseSession(json),
            keys: try keys.secretKeys(),
            digest: keys.digest.signingDigest,
            salt: keys.salt,
            timestamp: timestamp ?? UnixTime.now()
        )
    }

    package func run() throws {
        try output().emit()
    }

    /// Parses `--json`: Flask's tagged JSON whose top level is an object.
    package static func parseSession(_ json: String) throws(ValidationError) -> SessionObject {
        let value: SessionValue
        do {
            value = try TaggedJSON.decode(Array(json.utf8))
        } catch {
            throw ValidationError("--json is not valid tagged JSON: \(error)")
        }
        guard case .object(let session) = value else {
            throw ValidationError("--json must be a JSON object (a session is a dict).")
        }
        return session
    }

    /// The cookie for `session` signed at `timestamp`, plus warnings for a weak key or an
    /// oversized cookie.
    package static func sign(
        session: SessionObject,
        keys: SecretKeys,
        digest: SigningDigest = .sha1,
        salt: String = SessionCookieCodec.defaultSalt,
        timestamp: Int64
    ) -> CommandOutput {
        let codec = SessionCookieCodec(keys: keys, salt: salt, digest: digest)
        let cookie = codec.encode(session, timestamp: timestamp)
        var warnings = ""
        if let weakness = keys.current.weakness {
            warnings += "warning: signing with a weak key: \(weakness); anyone who guesses it can forge sessions "
                + "(`sessionkit keygen` prints a strong one)\n"
        }
        if cookie.utf8.count > codec.maxCookieSize {
            warnings += "warning: the cookie is \(cookie.utf8.count) bytes, over Flask's MAX_COOKIE_SIZE "
                + "(\(codec.maxCookieSize)); browsers may drop it and SessionKit refuses to read it\n"
        }
        return CommandOutput(stdout: cookie + "\n", stderr: warnings)
    }
}
