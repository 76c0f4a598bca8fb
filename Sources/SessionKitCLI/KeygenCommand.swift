import ArgumentParser
import SessionKit

/// `sessionkit keygen`: prints a strong secret key.
package struct KeygenCommand: OutputCommand {
    package static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Print a new random secret key, as hex.",
        discussion: """
            Prints 32 random bytes from the system's CSPRNG (--bytes to change) as lowercase hex. \
            Use the hex text itself as the key, the way Flask users put keys in config: \
            SECRET_KEY=<hex> in the environment, app.secret_key = "<hex>" in Flask, \
            SessionConfiguration(secretKey: SecretKey("<hex>")) in SessionKit, and \
            --key <hex> for sessionkit sign/verify. The key is then the hex text (64 characters \
            by default, 2 per byte); --key-hex <hex> would use the raw bytes instead, which is a \
            different key.
            """
    )

    /// Fewer bytes than this are refused.
    package static let minimumBytes = SecretKey.minimumLength
    package static let maximumBytes = 1024

    @Option(name: .customLong("bytes"), help: ArgumentHelp("Number of random bytes, 16 to 1024.", valueName: "n"))
    package var byteCount: Int = 32

    package init() {}

    package mutating func validate() throws {
        guard (Self.minimumBytes...Self.maximumBytes).contains(byteCount) else {
            throw ValidationError("--bytes must be from \(Self.minimumBytes) to \(Self.maximumBytes).")
        }
    }

    package func output() -> CommandOutput {
        Self.keygen(byteCount: byteCount)
    }

    package func run() throws {
        try output().emit()
    }

    /// A new key of `byteCount` random bytes, as hex and a newline.
    package static func keygen(byteCount: Int = 32) -> CommandOutput {
        CommandOutput(stdout: SecretKey.generate(byteCount: byteCount).hex + "\n")
    }
}
