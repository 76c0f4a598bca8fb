import ArgumentParser
@testable import SessionKit
import SessionKitCLI
import Testing

@Suite struct DecodeTests {
    @Test func compressedVector() throws {
        let vector = try FlaskVectors.named("unicode_non_ascii")
        #expect(vector.compressed == true)
        let output = try SessionKitCommand.output(for: ["decode", vector.cookie])
        #expect(output.exitCode == 0)
        #expect(output.stderr.isEmpty)
        #expect(
            output.stdout == """
                payload:    \(vector.sessionTaggedJson!)
                timestamp:  1700000002 (2023-11-14T22:13:22Z)
                compressed: yes

                """)
    }

    @Test func uncompressedVector() throws {
        let vector = try FlaskVectors.named("simple_username")
        let output = DecodeCommand.decode(cookie: vector.cookie)
        #expect(output.stdout.contains("payload:    \(vector.sessionTaggedJson!)\n"))
        #expect(output.stdout.contains("compressed: no\n"))
        let payloadOnly = try SessionKitCommand.output(for: ["decode", "--payload-only", vector.cookie])
        #expect(payloadOnly == CommandOutput(stdout: vector.sessionTaggedJson! + "\n"))
    }

    /// decode needs no key: a cookie with a wrong signature still decodes.
    @Test func ignoresTheSignature() throws {
        let vector = try FlaskVectors.named("wrong_key")
        let output = DecodeCommand.decode(cookie: vector.cookie, payloadOnly: true)
        #expect(output == CommandOutput(stdout: vector.sessionTaggedJson! + "\n"))
    }

    @Test func timestamps() {
        let small = DecodeCommand.decode(cookie: "eyJhIjoxfQ.AVGA.sig")
        #expect(small.stdout.contains("timestamp:  86400 (1970-01-02T00:00:00Z)\n"))
        let zero = DecodeCommand.decode(cookie: "eyJhIjoxfQ..sig")
        #expect(zero.stdout.contains("timestamp:  0 (1970-01-01T00:00:00Z)\n"))
        let unreadable = DecodeCommand.decode(cookie: "eyJhIjoxfQ.!!!.sig")
        #expect(unreadable.stdout.contains("timestamp:  unreadable\n"))
        #expect(unreadable.exitCode == 0)
        let cases: [(String, String)] = [
            ("OLxdgA", "951868800 (2000-03-01T00:00:00Z)"),
            ("Ov_0QX8", "253402300799 (9999-12-31T23:59:59Z)"),
            ("Ov_0QYA", "253402300800 (+10000-01-01T00:00:00Z)"),
            ("f_________8", "9223372036854775807 (+292277026596-12-04T15:30:07Z)"),
        ]
        for (encoded, shown) in cases {
            let output = DecodeCommand.decode(cookie: "eyJhIjoxfQ.\(encoded).sig")
            #expect(output.stdout.contains("timestamp:  \(shown)\n"), "\(output)")
        }
    }

    @Test(arguments: [
        "", "garbage", "no.dots", "a.b.c", "!!!.ZVPxAA.sig", ".eyJhIjoxfQ.ZVPxPQ.x",  // not zlib
        "eyJhIjo.ZVPxPA.x",  // {"a": — not JSON
        "WzEsMl0.ZVPxAA.x",  // [1,2] — not an object
    ])
    func garbage(_ cookie: String) throws {
        let output = try SessionKitCommand.output(for: ["decode", "--", cookie])
        #expect(output.exitCode == 1, "\(cookie)")
        #expect(output.stdout.isEmpty)
        #expect(!output.stderr.isEmpty && output.stderr.split(separator: "\n").count == 1, "\(output)")
    }

    @Test func garbageReasons() {
        #expect(
            DecodeCommand.decode(cookie: "garbage")
                == .rejected("not a session cookie: expected PAYLOAD.TIMESTAMP.SIGNATURE"))
        #expect(DecodeCommand.decode(cookie: "WzEsMl0.ZVPxAA.x").stderr.hasPrefix("bad payload: "))
        #expect(DecodeCommand.decode(cookie: "_w.ZVPxAA.x") == .rejected("bad payload: the JSON is not valid UTF-8"))
    }
}

@Suite struct KeygenTests {
    @Test func strongHexKey() throws {
        let first = try SessionKitCommand.output(for: ["keygen"])
        let second = try SessionKitCommand.output(for: ["keygen"])
        for output in [first, second] {
            #expect(output.exitCode == 0 && output.stderr.isEmpty)
            let hex = output.stdout.dropLast()
            #expect(output.stdout.hasSuffix("\n"))
            #expect(hex.count == 64)
            #expect(hex.allSatisfy { "0123456789abcdef".contains($0) })
            #expect(SecretKey(String(hex)).weakness == nil)
        }
        #expect(first != second)
    }

    @Test func byteCount() throws {
        #expect(try SessionKitCommand.output(for: ["keygen", "--bytes", "16"]).stdout.count == 33)
        #expect(KeygenCommand.keygen(byteCount: 48).stdout.count == 97)
        #expect(throws: (any Error).self) { try SessionKitCommand.output(for: ["keygen", "--bytes", "8"]) }
    }

    /// The printed hex is a text key: signing with `--key <hex>` and verifying with it works.
    @Test func generatedKeySignsAndVerifies() throws {
        let key = String(KeygenCommand.keygen().stdout.dropLast())
        let signed = try SessionKitCommand.output(for: [
            "sign", "--key", key, "--json", #"{"username":"admin"}"#, "--timestamp", "1700000000",
        ])
        #expect(signed.stderr.isEmpty, "a generated key is not weak")
        let cookie = String(signed.stdout.dropLast())
        let verified = try SessionKitCommand.output(for: ["verify", cookie, "--key", key, "--now", "1700000001"])
        #expect(verified == CommandOutput(stdout: #"{"username":"admin"}"# + "\n"))
    }
}

@Suite struct OptionTests {
    func usageError(_ arguments: [String]) -> Int32? {
        do {
            let output = try SessionKitCommand.output(for: arguments)
            Issue.record("expected a usage error, got \(output)")
            return nil
        } catch {
            return SessionKitCommand.exitCode(for: error).rawValue
        }
    }

    @Test(arguments: [
        ["verify", "c"],  // no key
        ["verify", "c", "--key", "k", "--key-hex", "6b"],  // both
        ["verify", "c", "--key-hex", "6"],  // odd length
        ["verify", "c", "--key-hex", "zz"],  // not hex
        ["verify", "c", "--key", ""],  // empty
        ["verify", "c", "--key", "k", "--fallback-hex", "xyz"],
        ["verify", "c", "--key", "k", "--fallback", ""],
        ["verify", "c", "--key", "k", "--max-age", "-1"],
        ["verify", "c", "--key", "k", "--max-age", "5", "--no-max-age"],
        ["verify", "c", "--key", "k", "--digest", "md5"],
        ["verify", "c", "--key", "k", "--now", "soon"],
        ["sign", "--key", "k"],  // no --json
        ["sign", "--key", "k", "--json", "[1,2]"],  // not an object
        ["sign", "--key", "k", "--json", "{nope"],  // not JSON
        ["sign", "--key", "k", "--json", "{}", "--timestamp", "-5"],
        ["sign", "--json", "{}"],  // no key
        ["keygen", "--bytes", "0"],
    ])
    func usageErrorsExit64(_ arguments: [String]) {
        #expect(usageError(arguments) == ExitCode.validationFailure.rawValue, "\(arguments)")
    }

    @Test func verifyWiring() throws {
        let command = try #require(
            try SessionKitCommand.parseAsRoot([
                "verify", "--key", "k", "--digest", "sha256", "--salt", "s", "--now", "5", "--max-age", "7", "c",
            ]) as? VerifyCommand)
        #expect(command.cookie == "c")
        #expect(command.keys.digest == .sha256)
        #expect(command.keys.salt == "s")
        #expect(command.now == 5)
        #expect(command.effectiveMaxAge == 7)
        #expect(try command.keys.secretKeys() == SecretKeys(current: SecretKey("k")))

        let defaults = try #require(try SessionKitCommand.parseAsRoot(["verify", "c", "--key-hex", "6B"]) as? VerifyCommand)
        #expect(defaults.keys.digest == .sha1)
        #expect(defaults.keys.salt == "cookie-session")
        #expect(defaults.effectiveMaxAge == 2_678_400)
        #expect(defaults.now == nil)
        #expect(try defaults.keys.secretKeys().current == SecretKey("k"))

        let unlimited = try #require(try SessionKitCommand.parseAsRoot(["verify", "c", "--key", "k", "--no-max-age"]) as? VerifyCommand)
        #expect(unlimited.effectiveMaxAge == nil)
    }

    /// `--fallback` and `--fallback-hex` keep their command-line order when interleaved.
    @Test func fallbackOrder() throws {
        let command = try #require(
            try SessionKitCommand.parseAsRoot([
                "verify", "c", "--fallback-hex", "61", "--key", "k", "--fallback", "b", "--fallback-hex=63",
                "--fallback", "d",
            ]) as? VerifyCommand)
        let keys = try command.keys.secretKeys()
        #expect(keys.fallbacks == ["a", "b", "c", "d"].map(SecretKey.init))
        #expect(keys.verificationOrder == ["k", "d", "c", "b", "a"].map(SecretKey.init))
    }

    @Test func signWiringAndDigest() throws {
        let command = try #require(
            try SessionKitCommand.parseAsRoot([
                "sign", "--json", #"{"b":1,"a":{" t":[1]}}"#, "--key", "k", "--timestamp", "1700000000",
                "--digest", "sha256", "--salt", "other",
            ]) as? SignCommand)
        #expect(command.timestamp == 1_700_000_000)
        let output = try command.output()
        // Flask's serialization: sorted keys, tags kept.
        let cookie = String(output.stdout.dropLast())
        #expect(DecodeCommand.decode(cookie: cookie, payloadOnly: true).stdout == #"{"a":{" t":[1]},"b":1}"# + "\n")
        // A SHA-256 signature is 43 base64 characters.
        #expect(cookie.split(separator: ".").last?.count == 43)
        let verified = try SessionKitCommand.output(for: [
            "verify", cookie, "--key", "k", "--digest", "sha256", "--salt", "other", "--now", "1700000000",
        ])
        #expect(verified.stdout == #"{"a":{" t":[1]},"b":1}"# + "\n")
        let wrongDigest = try SessionKitCommand.output(for: [
            "verify", cookie, "--key", "k", "--salt", "other", "--now", "1700000000",
        ])
        #expect(wrongDigest == CommandOutput(stderr: "bad signature\n", exitCode: 1))
        let wrongSalt = try SessionKitCommand.output(for: [
            "verify", cookie, "--key", "k", "--digest", "sha256", "--now", "1700000000",
        ])
        #expect(wrongSalt.exitCode == 1)
    }

    @Test func signWarnsOnWeakKeyOnly() throws {
        let weak = try SessionKitCommand.output(for: ["sign", "--key", "secret", "--json", "{}", "--timestamp", "0"])
        #expect(weak.exitCode == 0)
        #expect(weak.stderr.hasPrefix("warning: signing with a weak key: "))
        #expect(weak.stderr.split(separator: "\n").count == 1)
        let strong = try SessionKitCommand.output(for: [
            "sign", "--key", "k3y-that-is-long-enough-to-pass", "--json", "{}", "--timestamp", "0",
        ])
        #expect(strong.stderr.isEmpty)
        // Verification never warns, whatever the key.
        let verified = try SessionKitCommand.output(for: [
            "verify", String(weak.stdout.dropLast()), "--key", "secret", "--now", "0",
        ])
        #expect(verified == CommandOutput(stdout: "{}\n"))
    }

    /// The worked example of the spec (§1), with the key `secret`.
    @Test func specWorkedExample() throws {
        let output = try SessionKitCommand.output(for: [
            "sign", "--key", "secret", "--json", #"{"username": "admin"}"#, "--timestamp", "1700000000",
        ])
        #expect(output.stdout == "eyJ1c2VybmFtZSI6ImFkbWluIn0.ZVPxAA.o6zCAtkLwlAtn7QZCM0_-xuvK1o\n")
    }

    @Test func noSubcommandIsAHelpRequest() {
        #expect(throws: (any Error).self) { try SessionKitCommand.output(for: []) }
        #expect(SessionKitCommand.exitCode(for: CleanExit.helpRequest()).rawValue == 0)
    }

    @Test func helpMentionsKeygenUsage() {
        let help = SessionKitCommand.helpMessage(for: KeygenCommand.self)
        #expect(help.contains("SECRET_KEY="))
        #expect(help.contains("--key"))
    }
}
