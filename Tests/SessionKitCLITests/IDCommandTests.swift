import ArgumentParser
import SessionKit
import SessionKitCLI
import Testing

extension FlaskVector {
    /// `--key`/`--key-hex` for the case's SECRET_KEY alone, without its fallbacks.
    var currentKeyArguments: [String] {
        secretKey.map { ["--key", $0] } ?? ["--key-hex", secretKeyHex]
    }

    var currentSecretKeys: SecretKeys {
        SecretKeys(current: secretKey.map(SecretKey.init) ?? SecretKey(hex: secretKeyHex)!)
    }
}

/// `sign-id` and `verify-id` against every `flask-session-sid` vector (Flask-Session 0.8,
/// SESSION_USE_SIGNER=True), parsed by ArgumentParser.
@Suite struct IDVectorTests {
    /// Verified with the case's SECRET_KEY only, as Flask-Session does (it ignores fallbacks):
    /// valid cases print exactly the sid, every bad_signature case is rejected — the
    /// `sid_fallback_ignored` one included, since its fallback is not given here.
    @Test(arguments: try FlaskVectors.sidCases())
    func verifyID(_ vector: FlaskVector) throws {
        let sid = try #require(vector.sid)
        // With the defaults (salt flask-session, sha1) and with the vector's constants spelled out.
        for extra in [[], vector.commonArguments] {
            let output = try SessionKitCommand.output(
                for: ["verify-id"] + vector.currentKeyArguments + extra + ["--", vector.cookie])
            switch vector.expect {
            case "valid":
                #expect(output == CommandOutput(stdout: sid + "\n"), "\(vector.name)")
            case "bad_signature":
                #expect(output == CommandOutput(stderr: "bad signature\n", exitCode: 1), "\(vector.name)")
            default:
                Issue.record("unexpected expectation \(vector.expect) in \(vector.name)")
            }
        }
        // The function gives the same answer.
        let direct = VerifyIDCommand.verify(cookie: vector.cookie, keys: vector.currentSecretKeys)
        #expect(direct.exitCode == (vector.expect == "valid" ? 0 : 1))
    }

    /// `sign-id` with the key that produced the cookie reproduces it byte for byte.
    @Test(arguments: try FlaskVectors.sidCases().filter(\.encodeCheck))
    func signID(_ vector: FlaskVector) throws {
        let sid = try #require(vector.sid)
        let key = try #require(vector.signKeyArguments)
        for extra in [[], vector.commonArguments] {
            let output = try SessionKitCommand.output(for: ["sign-id"] + key + extra + ["--", sid])
            #expect(output.exitCode == 0)
            #expect(output.stdout == vector.cookie + "\n", "\(vector.name)")
            #expect(!output.stderr.contains("base64url"), "a Flask-Session id is a valid id")
        }
        let signingKey = SecretKey(hex: try #require(vector.signingKeyHex))!
        #expect(SignIDCommand.sign(id: sid, keys: SecretKeys(current: signingKey)).stdout == vector.cookie + "\n")
    }

    /// Flask-Session 0.8 verifies the id cookie with SECRET_KEY only and ignores
    /// SECRET_KEY_FALLBACKS, so after a key rotation every signed id cookie is rejected (the
    /// vector's `expect` is bad_signature, checked without fallbacks above). SessionKit
    /// deliberately verifies ids with the fallbacks too, as Flask does for its cookie sessions,
    /// so that rotating the key does not log everyone out: given the fallback, `verify-id`
    /// accepts the cookie.
    @Test func fallbackAcceptedUnlikeFlaskSession() throws {
        let vector = try FlaskVectors.sidCase(named: "sid_fallback_ignored")
        #expect(vector.expect == "bad_signature")
        #expect(!vector.fallbackKeys.isEmpty)
        let sid = try #require(vector.sid)

        let withFallback = try SessionKitCommand.output(
            for: ["verify-id"] + vector.verifyKeyArguments + ["--", vector.cookie])
        #expect(withFallback == CommandOutput(stdout: sid + "\n"))

        var hexArguments = ["verify-id", vector.cookie, "--key-hex", vector.secretKeyHex]
        for hex in vector.fallbackKeysHex { hexArguments += ["--fallback-hex", hex] }
        #expect(try SessionKitCommand.output(for: hexArguments) == CommandOutput(stdout: sid + "\n"))

        let fallbacks = vector.fallbackKeysHex.map { SecretKey(hex: $0)! }
        let keys = SecretKeys(current: vector.currentSecretKeys.current, fallbacks: fallbacks)
        #expect(VerifyIDCommand.verify(cookie: vector.cookie, keys: keys) == CommandOutput(stdout: sid + "\n"))

        // Without the fallback: rejected, as by Flask-Session.
        let withoutFallback = try SessionKitCommand.output(
            for: ["verify-id"] + vector.currentKeyArguments + ["--", vector.cookie])
        #expect(withoutFallback == CommandOutput(stderr: "bad signature\n", exitCode: 1))

        // Fallbacks verify only: signing uses the current key, which gives another cookie.
        let signed = try SessionKitCommand.output(for: ["sign-id", sid] + vector.verifyKeyArguments)
        #expect(signed.stdout != vector.cookie + "\n")
        #expect(
            try SessionKitCommand.output(for: ["verify-id", String(signed.stdout.dropLast())] + vector.currentKeyArguments)
                == CommandOutput(stdout: sid + "\n"))
    }
}

@Suite struct IDCommandTests {
    static let id = "oZVxoyA_0OPWpYHDxmoimGbUQIwxCwYM8PQ8jnx1u0E"

    /// The worked example of the spec (§11.3), with the key `secret` (weak: a warning).
    @Test func specWorkedExample() throws {
        let output = try SessionKitCommand.output(for: ["sign-id", Self.id, "--key", "secret"])
        #expect(output.stdout == "oZVxoyA_0OPWpYHDxmoimGbUQIwxCwYM8PQ8jnx1u0E.irSDNx5gBNef3HQM7dydHAhdrno\n")
        #expect(output.exitCode == 0)
        #expect(output.stderr.hasPrefix("warning: signing with a weak key: "))
        #expect(output.stderr.split(separator: "\n").count == 1)
        let verified = try SessionKitCommand.output(for: ["verify-id", String(output.stdout.dropLast()), "--key", "secret"])
        #expect(verified == CommandOutput(stdout: Self.id + "\n"), "verification never warns about the key")
    }

    @Test func anyIDIsSignedWithAWarning() throws {
        let key = ["--key", "k3y-that-is-long-enough-to-pass"]
        for id in ["short", "a.b", Self.id + "x", String(Self.id.dropLast()) + "+", ""] {
            let signed = try SessionKitCommand.output(for: ["sign-id"] + key + ["--", id])
            #expect(signed.exitCode == 0)
            #expect(signed.stdout.hasPrefix(id + "."))
            #expect(signed.stdout.count == id.count + 1 + 27 + 1, "27-character SHA-1 signature")
            #expect(
                signed.stderr
                    == "warning: the id is not 43 base64url characters (Flask-Session ids are secrets.token_urlsafe(32)); "
                    + "SessionKit treats such a cookie as no session\n", "\(id)")
            // verify-id splits at the last "." and gives the id back, with a warning on stderr only.
            let verified = try SessionKitCommand.output(for: ["verify-id"] + key + ["--", String(signed.stdout.dropLast())])
            #expect(verified.exitCode == 0)
            #expect(verified.stdout == id + "\n")
            #expect(verified.stderr.hasPrefix("warning: the id is not 43 base64url characters"))
        }
        let valid = try SessionKitCommand.output(for: ["sign-id", Self.id] + key)
        #expect(valid.stderr.isEmpty)
    }

    @Test func rejections() throws {
        let key = "k3y-that-is-long-enough-to-pass"
        let cookie = String(SignIDCommand.sign(id: Self.id, keys: SecretKeys(current: SecretKey(key))).stdout.dropLast())
        let bad = CommandOutput(stderr: "bad signature\n", exitCode: 1)
        let cases: [[String]] = [
            ["verify-id", cookie, "--key", "other-key-that-is-long-enough"],
            ["verify-id", cookie, "--key", key, "--digest", "sha256"],
            ["verify-id", cookie, "--key", key, "--salt", "cookie-session"],
            ["verify-id", Self.id, "--key", key],  // no signature
            ["verify-id", "", "--key", key],
            ["verify-id", cookie + "A", "--key", key],
            ["verify-id", "X" + cookie, "--key", key],
            ["verify-id", cookie.replacingOccurrences(of: ".", with: ","), "--key", key],
        ]
        for arguments in cases {
            #expect(try SessionKitCommand.output(for: arguments) == bad, "\(arguments)")
        }
        #expect(try SessionKitCommand.output(for: ["verify-id", cookie, "--key", key]).stdout == Self.id + "\n")
    }

    @Test func digestAndSalt() throws {
        let signed = try SessionKitCommand.output(for: [
            "sign-id", Self.id, "--key", "k", "--digest", "sha256", "--salt", "other",
        ])
        let cookie = String(signed.stdout.dropLast())
        #expect(cookie.split(separator: ".").last?.count == 43, "a SHA-256 signature is 43 base64 characters")
        let verified = try SessionKitCommand.output(for: [
            "verify-id", cookie, "--key", "k", "--digest", "sha256", "--salt", "other",
        ])
        #expect(verified == CommandOutput(stdout: Self.id + "\n"))
        // An id cookie is not a cookie session: `verify` rejects it, and the salts differ.
        let asSessionCookie = try SessionKitCommand.output(for: ["verify", Self.id + ".irSDNx5gBNef3HQM7dydHAhdrno", "--key", "secret"])
        #expect(asSessionCookie.exitCode == 1)
    }

    @Test func wiring() throws {
        let signID = try #require(try SessionKitCommand.parseAsRoot(["sign-id", "x", "--key", "k"]) as? SignIDCommand)
        #expect(signID.id == "x")
        #expect(signID.keys.salt == "flask-session")
        #expect(signID.keys.digest == .sha1)
        #expect(try signID.keys.secretKeys() == SecretKeys(current: SecretKey("k")))

        let verifyID = try #require(
            try SessionKitCommand.parseAsRoot([
                "verify-id", "c", "--key-hex", "6b", "--fallback", "a", "--fallback-hex", "62", "--salt", "s",
                "--digest", "sha256",
            ]) as? VerifyIDCommand)
        #expect(verifyID.cookie == "c")
        #expect(verifyID.keys.salt == "s")
        #expect(verifyID.keys.digest == .sha256)
        #expect(try verifyID.keys.secretKeys() == SecretKeys(current: SecretKey("k"), fallbacks: [SecretKey("a"), SecretKey("b")]))

        // The cookie-session commands keep their salt.
        let verify = try #require(try SessionKitCommand.parseAsRoot(["verify", "c", "--key", "k"]) as? VerifyCommand)
        #expect(verify.keys.salt == "cookie-session")
        #expect(verify.keys.key == "k")
    }

    @Test(arguments: [
        ["sign-id", "x"],  // no key
        ["sign-id", "--key", "k"],  // no id
        ["sign-id", "x", "--key", "k", "--key-hex", "6b"],
        ["sign-id", "x", "--key", ""],
        ["sign-id", "x", "--key", "k", "--digest", "md5"],
        ["verify-id", "c"],
        ["verify-id", "c", "--key-hex", "zz"],
        ["verify-id", "c", "--key", "k", "--fallback", ""],
        ["verify-id", "c", "--key", "k", "--max-age", "5"],  // ids have no age
    ])
    func usageErrorsExit64(_ arguments: [String]) {
        do {
            let output = try SessionKitCommand.output(for: arguments)
            Issue.record("expected a usage error, got \(output)")
        } catch {
            #expect(SessionKitCommand.exitCode(for: error) == .validationFailure, "\(arguments)")
        }
    }

    @Test func helpMentionsFlaskSessionIgnoringFallbacks() {
        let help = SessionKitCommand.helpMessage(for: VerifyIDCommand.self, columns: 1000)
        #expect(help.contains("IGNORES SECRET_KEY_FALLBACKS"))
        #expect(help.contains("flask-session"))
    }
}
