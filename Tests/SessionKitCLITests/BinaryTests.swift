import Foundation
import Testing

/// Runs the built `sessionkit` executable as a subprocess: exit codes and streams as a shell sees them.
@Suite struct BinaryTests {
    struct Result {
        var exitCode: Int32
        var stdout: String
        var stderr: String
    }

    /// The executable next to the test bundle (`swift test` builds it into the same directory),
    /// else `<package root>/.build/debug/sessionkit`; `$SESSIONKIT_BINARY` overrides both.
    static func binaryURL() throws -> URL {
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["SESSIONKIT_BINARY"], !path.isEmpty {
            candidates.append(URL(fileURLWithPath: path))
        }
        for bundle in [Bundle.main] + Bundle.allBundles {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("sessionkit"))
            if let executable = bundle.executableURL {
                candidates.append(executable.deletingLastPathComponent().appendingPathComponent("sessionkit"))
            }
        }
        candidates.append(PackagePaths.root.appendingPathComponent(".build/debug/sessionkit"))
        let fileManager = FileManager.default
        for candidate in candidates {
            var isDirectory: ObjCBool = false
            if fileManager.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                fileManager.isExecutableFile(atPath: candidate.path)
            {
                return candidate
            }
        }
        throw VectorError(
            """
            the sessionkit executable was not found; build it with `swift build --product sessionkit` \
            (or set SESSIONKIT_BINARY). Looked in: \(candidates.map(\.path).joined(separator: ", "))
            """)
    }

    func run(_ arguments: [String], stdin: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = try Self.binaryURL()
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            exitCode: process.terminationStatus,
            stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self))
    }

    @Test func verifyExitCodes() throws {
        let valid = try FlaskVectors.named("simple_username")
        let key = ["--key", valid.secretKey!, "--now", String(valid.verifyAt)]

        let ok = try run(["verify", valid.cookie] + key)
        #expect(ok.exitCode == 0)
        #expect(ok.stdout == valid.sessionTaggedJson! + "\n")
        #expect(ok.stderr.isEmpty)

        let tampered = try FlaskVectors.named("tampered_signature")
        let bad = try run(["verify", tampered.cookie] + key)
        #expect(bad.exitCode == 1)
        #expect(bad.stdout.isEmpty)
        #expect(bad.stderr == "bad signature\n")

        let expired = try FlaskVectors.named("expired_default_max_age")
        let old = try run(["verify", expired.cookie, "--key", expired.secretKey!, "--now", String(expired.verifyAt)])
        #expect(old.exitCode == 1)
        #expect(old.stderr.hasPrefix("expired: "))

        let usage = try run(["verify", valid.cookie, "--key", "k", "--key-hex", "6b"])
        #expect(usage.exitCode == 64)
        #expect(usage.stderr.contains("--key"))

        let fromStdin = try run(["verify", "-"] + key, stdin: valid.cookie + "\n")
        #expect(fromStdin.exitCode == 0)
        #expect(fromStdin.stdout == valid.sessionTaggedJson! + "\n")
    }

    @Test func signAndKeygen() throws {
        let vector = try FlaskVectors.named("simple_username")
        let signed = try run([
            "sign", "--key", vector.signingKey!, "--json", vector.sessionTaggedJson!, "--timestamp",
            String(vector.timestamp!),
        ])
        #expect(signed.exitCode == 0)
        #expect(signed.stdout == vector.cookie + "\n")
        #expect(signed.stderr.hasPrefix("warning: "), "the vectors' key is a known placeholder")

        let key = try run(["keygen"])
        #expect(key.exitCode == 0)
        #expect(key.stdout.count == 65)
    }

    /// sign-id / verify-id exit codes, and the asynchronous `store` commands through the async
    /// entry point.
    @Test func sessionIDsAndStore() throws {
        let id = "oZVxoyA_0OPWpYHDxmoimGbUQIwxCwYM8PQ8jnx1u0E"
        let cookie = id + ".irSDNx5gBNef3HQM7dydHAhdrno"
        let signed = try run(["sign-id", id, "--key", "secret"])
        #expect(signed.exitCode == 0)
        #expect(signed.stdout == cookie + "\n")

        let verified = try run(["verify-id", "-", "--key", "secret"], stdin: cookie + "\n")
        #expect(verified.exitCode == 0)
        #expect(verified.stdout == id + "\n")
        #expect(verified.stderr.isEmpty)

        let rejected = try run(["verify-id", cookie, "--key", "other"])
        #expect(rejected.exitCode == 1)
        #expect(rejected.stdout.isEmpty)
        #expect(rejected.stderr == "bad signature\n")

        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("sessionkit-cli-binary-\(UUID().uuidString.lowercased())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let count = try run(["store", "count", "--session-dir", directory.path, "--key", "secret"])
        #expect(count.exitCode == 0)
        #expect(count.stdout == "0\n")
        let show = try run(["store", "show", id, "--session-dir", directory.path, "--key", "secret"])
        #expect(show.exitCode == 1)
        #expect(show.stderr == "no such session\n")
        let notAFolder = directory.appendingPathComponent("file")
        try Data("x".utf8).write(to: notAFolder)
        let bad = try run(["store", "list", "--session-dir", notAFolder.path, "--key", "secret"])
        #expect(bad.exitCode == 1)
        #expect(bad.stderr.contains("Not a directory"))
        let usage = try run(["store", "show", "abc", "--session-dir", directory.path, "--key", "secret"])
        #expect(usage.exitCode == 64)
    }
}
