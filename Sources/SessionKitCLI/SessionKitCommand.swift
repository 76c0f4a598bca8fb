import ArgumentParser

/// `sessionkit`: forensics and tooling for Flask / SessionKit session cookies.
///
/// Every subcommand keeps its logic in a static function that takes plain inputs and returns a
/// `CommandOutput` (stdout text, stderr text, exit code), so tests run commands in-process; the
/// `ParsableCommand` types only parse options and print that output.
///
/// The root is an `AsyncParsableCommand` because the `store` subcommands are asynchronous (store
/// methods are `async`); the executable calls `await SessionKitCommand.main()`.
package struct SessionKitCommand: AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "sessionkit",
        abstract: "Decode, verify and sign Flask-compatible session cookies; inspect session stores.",
        discussion: """
            Cookies are Flask's default session cookies (SecureCookieSessionInterface): \
            PAYLOAD.TIMESTAMP.SIGNATURE, HMAC-SHA1 with salt "cookie-session", tagged JSON, \
            zlib when it pays. Sessions are printed and read in Flask's tagged-JSON form \
            ({" t": [...]} for tuples, {" b": "..."} for bytes, {" u": ...}, {" d": ...}, \
            {" m": ...}, {" di": ...}).

            Server-side sessions (Flask-Session 0.8 style): the cookie holds only a session id, \
            signed as ID.SIGNATURE when SESSION_USE_SIGNER is on (sign-id, verify-id); the data \
            lives in a store, filed under the SHA-256 of the id (store).

            Exit status: 0 success; 1 the cookie was rejected or cannot be decoded, no such \
            session, or the store failed (the reason is one line on stderr); 64 bad usage.

            A cookie starting with "-" must follow "--" (sessionkit verify --key K -- -abc...); \
            "-" alone reads the cookie from standard input.
            """,
        subcommands: [
            DecodeCommand.self,
            VerifyCommand.self,
            SignCommand.self,
            SignIDCommand.self,
            VerifyIDCommand.self,
            StoreCommand.self,
            KeygenCommand.self,
        ]
    )

    package init() {}

    /// Parses `arguments` (without the program name) and runs the selected command without
    /// printing. Usage errors are thrown as ArgumentParser errors (see `exitCode(for:)`, 64 for a
    /// validation failure); `--help` and a missing subcommand throw a help request.
    ///
    /// Synchronous commands only; `asyncOutput(for:)` runs every command, `store` included.
    package static func output(for arguments: [String]) throws -> CommandOutput {
        let command = try parseAsRoot(arguments)
        if command is any AsyncOutputCommand {
            throw ValidationError("\(type(of: command)) is asynchronous: use asyncOutput(for:)")
        }
        guard let command = command as? any OutputCommand else {
            throw CleanExit.helpRequest(command)
        }
        return try command.output()
    }

    /// `output(for:)` for every command, the asynchronous `store` subcommands included.
    package static func asyncOutput(for arguments: [String]) async throws -> CommandOutput {
        let command = try parseAsRoot(arguments)
        if let command = command as? any AsyncOutputCommand {
            return try await command.output()
        }
        guard let command = command as? any OutputCommand else {
            throw CleanExit.helpRequest(command)
        }
        return try command.output()
    }
}

/// A subcommand whose work is a pure function of its options.
package protocol OutputCommand: ParsableCommand {
    /// What the command prints and its exit code; usage errors are thrown.
    func output() throws -> CommandOutput
}

/// A subcommand whose work is an asynchronous function of its options (the store commands).
package protocol AsyncOutputCommand: AsyncParsableCommand {
    /// What the command prints and its exit code; usage errors are thrown.
    func output() async throws -> CommandOutput
}

/// What a command prints and how it exits.
package struct CommandOutput: Sendable, Equatable, CustomStringConvertible {
    package var stdout: String
    package var stderr: String
    package var exitCode: Int32

    package init(stdout: String = "", stderr: String = "", exitCode: Int32 = 0) {
        self.stdout = stdout
        self.stderr = stderr
        self.exitCode = exitCode
    }

    /// Exit status for a cookie that was rejected or could not be decoded.
    package static let rejectedExitCode: Int32 = 1

    /// A cookie rejected: the one-line reason on stderr, exit 1.
    package static func rejected(_ reason: String) -> CommandOutput {
        CommandOutput(stderr: reason + "\n", exitCode: rejectedExitCode)
    }

    package var description: String {
        "exit \(exitCode), stdout: \(String(reflecting: stdout)), stderr: \(String(reflecting: stderr))"
    }

    /// Writes the output and ends the command with its exit code.
    func emit() throws {
        if !stdout.isEmpty { StandardStreams.write(stdout, toStandardError: false) }
        if !stderr.isEmpty { StandardStreams.write(stderr, toStandardError: true) }
        if exitCode != 0 { throw ExitCode(exitCode) }
    }
}
