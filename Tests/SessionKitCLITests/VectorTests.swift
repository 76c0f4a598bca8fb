import SessionKit
import SessionKitCLI
import Testing

/// Every `flask-cookie-session` vector through `verify` and `sign`, parsed by ArgumentParser.
@Suite struct VectorTests {
    @Test(arguments: try FlaskVectors.cookieCases())
    func verify(_ vector: FlaskVector) throws {
        let arguments =
            ["verify"] + vector.verifyKeyArguments + vector.commonArguments
            + ["--now", String(vector.verifyAt), "--max-age", String(vector.maxAge), "--", vector.cookie]
        let output = try SessionKitCommand.output(for: arguments)
        switch vector.expect {
        case "valid":
            let expected = try #require(vector.sessionTaggedJson)
            #expect(output == CommandOutput(stdout: expected + "\n"), "\(vector.name)")
        case "bad_signature":
            #expect(output == CommandOutput(stderr: "bad signature\n", exitCode: 1), "\(vector.name)")
        case "expired":
            #expect(output.exitCode == 1)
            #expect(output.stdout.isEmpty)
            #expect(output.stderr.hasPrefix("expired: "), "\(output)")
            #expect(output.stderr.hasSuffix("\n") && output.stderr.split(separator: "\n").count == 1)
        case "bad_payload":
            #expect(output.exitCode == 1)
            #expect(output.stdout.isEmpty)
            #expect(output.stderr.hasPrefix("bad payload: "), "\(output)")
            #expect(output.stderr.hasSuffix("\n") && output.stderr.split(separator: "\n").count == 1)
        default:
            Issue.record("unknown expectation \(vector.expect) in \(vector.name)")
        }
    }

    @Test(arguments: try FlaskVectors.cookieCases().filter(\.encodeCheck))
    func sign(_ vector: FlaskVector) throws {
        let json = try #require(vector.sessionTaggedJson)
        let key = try #require(vector.signKeyArguments)
        let timestamp = try #require(vector.timestamp)
        let output = try SessionKitCommand.output(
            for: ["sign", "--json", json, "--timestamp", String(timestamp)] + key + vector.commonArguments)
        #expect(output.exitCode == 0)
        #expect(output.stdout == vector.cookie + "\n", "\(vector.name)")
        #expect(vector.compressed == nil || vector.cookie.hasPrefix(".") == vector.compressed)
    }

    /// The same checks through the functions, without ArgumentParser.
    @Test(arguments: try FlaskVectors.cookieCases().filter { $0.expect == "valid" && $0.encodeCheck })
    func functions(_ vector: FlaskVector) throws {
        let current = vector.secretKey.map(SecretKey.init) ?? SecretKey(hex: vector.secretKeyHex)!
        let fallbacks = vector.fallbackKeysHex.map { SecretKey(hex: $0)! }
        let digest = try #require(vector.signingDigest)
        let verified = VerifyCommand.verify(
            cookie: vector.cookie, keys: SecretKeys(current: current, fallbacks: fallbacks),
            digest: digest, salt: vector.salt, maxAge: vector.maxAge, now: vector.verifyAt)
        #expect(verified == CommandOutput(stdout: vector.sessionTaggedJson! + "\n"))

        let signingKey = SecretKey(hex: try #require(vector.signingKeyHex))!
        let session = try SignCommand.parseSession(vector.sessionTaggedJson!)
        let signed = SignCommand.sign(
            session: session, keys: SecretKeys(current: signingKey), digest: digest, salt: vector.salt,
            timestamp: vector.timestamp!)
        #expect(signed.stdout == vector.cookie + "\n")
    }

    @Test func rawBytesKey() throws {
        let vector = try FlaskVectors.named("bytes_secret_key")
        #expect(vector.secretKey == nil)
        let verified = try SessionKitCommand.output(for: [
            "verify", vector.cookie, "--key-hex", vector.secretKeyHex, "--now", String(vector.verifyAt),
        ])
        #expect(verified == CommandOutput(stdout: vector.sessionTaggedJson! + "\n"))
        let signed = try SessionKitCommand.output(for: [
            "sign", "--key-hex", vector.secretKeyHex.uppercased(), "--json", vector.sessionTaggedJson!,
            "--timestamp", String(vector.timestamp!),
        ])
        #expect(signed.stdout == vector.cookie + "\n")
        // The same bytes as text are a different key.
        let asText = try SessionKitCommand.output(for: [
            "verify", vector.cookie, "--key", vector.secretKeyHex, "--now", String(vector.verifyAt),
        ])
        #expect(asText == CommandOutput(stderr: "bad signature\n", exitCode: 1))
    }

    @Test func fallbackGivenAsHex() throws {
        let vector = try FlaskVectors.named("signed_by_fallback_key")
        var arguments = ["verify", vector.cookie, "--key", vector.secretKey!, "--now", String(vector.verifyAt)]
        for hex in vector.fallbackKeysHex { arguments += ["--fallback-hex", hex] }
        #expect(try SessionKitCommand.output(for: arguments).stdout == vector.sessionTaggedJson! + "\n")
        // Without the fallbacks the cookie is rejected.
        let rejected = try SessionKitCommand.output(for: Array(arguments.prefix(6)))
        #expect(rejected == CommandOutput(stderr: "bad signature\n", exitCode: 1))
    }

    @Test func maxAgeOptions() throws {
        let vector = try FlaskVectors.named("expired_default_max_age")
        let base = ["verify", vector.cookie, "--key", vector.secretKey!, "--now", String(vector.verifyAt)]
        // The default max age is Flask's 31 days.
        let expired = try SessionKitCommand.output(for: base)
        #expect(expired.exitCode == 1)
        #expect(expired.stderr == "expired: \(vector.verifyAt - vector.timestamp!) s old, max age 2678400 s\n")
        let unlimited = try SessionKitCommand.output(for: base + ["--no-max-age"])
        #expect(unlimited == CommandOutput(stdout: vector.sessionTaggedJson! + "\n"))
        let longer = try SessionKitCommand.output(for: base + ["--max-age", "99999999"])
        #expect(longer.exitCode == 0)
        // --max-age 0 accepts only a cookie signed at --now.
        let zeroAtSigning = try SessionKitCommand.output(for: [
            "verify", vector.cookie, "--key", vector.secretKey!, "--now", String(vector.timestamp!), "--max-age", "0",
        ])
        #expect(zeroAtSigning.exitCode == 0)
    }

    @Test func futureTimestampIsExpired() throws {
        let vector = try FlaskVectors.named("future_timestamp")
        let output = try SessionKitCommand.output(for: [
            "verify", vector.cookie, "--key", vector.secretKey!, "--now", String(vector.verifyAt),
        ])
        #expect(output == CommandOutput(stderr: "expired: signed 1 s in the future\n", exitCode: 1))
    }

    @Test func emptyCookieWithoutSeparator() throws {
        let output = try SessionKitCommand.output(for: ["verify", "", "--key", "k"])
        #expect(output == CommandOutput(stderr: "bad signature\n", exitCode: 1))
    }
}
