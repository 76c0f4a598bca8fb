import ArgumentParser
import SessionKit

/// `sessionkit decode COOKIE`: shows what a cookie holds without any key (like flask-unsign's
/// decode). Nothing read this way is verified.
package struct DecodeCommand: OutputCommand {
    package static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Show a cookie's contents without a key (unverified).",
        discussion: """
            Prints the payload (Flask's tagged JSON, exactly as it is in the cookie), the signing \
            time (Unix seconds and ISO 8601 UTC) and whether the payload was zlib-compressed. \
            The signature is NOT checked: anyone can write such a cookie; use `verify` to trust \
            one. Exits 1 when the cookie is not PAYLOAD.TIMESTAMP.SIGNATURE or its payload does \
            not decode (base64, zlib, UTF-8, tagged JSON).
            """
    )

    @Argument(help: CookieArgument.help)
    package var cookie: String

    @Flag(name: .customLong("payload-only"), help: "Print only the payload JSON (for piping into jq).")
    package var payloadOnly: Bool = false

    package init() {}

    package func output() throws -> CommandOutput {
        Self.decode(cookie: try CookieArgument.resolve(cookie), payloadOnly: payloadOnly)
    }

    package func run() throws {
        try output().emit()
    }

    /// Decodes without verifying. Output:
    ///
    ///     payload:    {"username":"admin"}
    ///     timestamp:  1700000000 (2023-11-14T22:13:20Z)
    ///     compressed: no
    package static func decode(cookie: String, payloadOnly: Bool = false) -> CommandOutput {
        let json: [UInt8]
        let timestamp: Int64?
        let compressed: Bool
        do throws(SessionCookieError) {
            (json, timestamp, compressed) = try SessionCookieCodec.decodeUnverified(Substring(cookie))
        } catch .badSignature {
            // decodeUnverified reports a missing part as .badSignature; no key was involved here.
            return .rejected("not a session cookie: expected PAYLOAD.TIMESTAMP.SIGNATURE")
        } catch {
            return .rejected(error.description)
        }
        guard let text = String(validating: json, as: UTF8.self) else {
            return .rejected("bad payload: the JSON is not valid UTF-8")
        }
        do {
            _ = try SessionCookieCodec.sessionObject(fromJSON: json)
        } catch {
            return .rejected(error.description)
        }
        if payloadOnly {
            return CommandOutput(stdout: text + "\n")
        }
        let time = timestamp.map { "\($0) (\(UnixTime.iso8601($0)))" } ?? "unreadable"
        return CommandOutput(
            stdout: """
                payload:    \(text)
                timestamp:  \(time)
                compressed: \(compressed ? "yes" : "no")

                """
        )
    }
}
