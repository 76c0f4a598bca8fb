import Foundation
import Hummingbird
import HummingbirdTesting
import SessionKit
import Testing

/// `session-demo`'s key and cookie options, through the real executable.
@Suite(.serialized, .timeLimit(.minutes(2))) struct DemoOptionsProcessTests {
    let key = SecretKey.generate().hex
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sessionkit-options-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Writes `contents` to a file of mode `mode` in the scratch folder; returns its path.
    func keyFile(_ contents: String, mode: Int16 = 0o600) throws -> String {
        let path = folder.appendingPathComponent("key-\(UUID().uuidString)").path
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    /// Starts the demo with `arguments` (and `environment` entries, `NAME=value`); returns it,
    /// its port, and its stderr once it listens.
    static func start(_ arguments: [String], environment: [String] = []) async throws -> (FlaskChild, Int, String) {
        let child = try FlaskChild(arguments: ["-u", "SECRET_KEY"] + environment + [try DemoProcessTests.binary(), "--port", "0"] + arguments)
        let url = try await child.waitForLine(prefix: "session-demo listening on ", timeout: .seconds(30))
        let port = try #require(url.split(separator: ":").last.flatMap { Int($0) })
        // Startup warnings come before the "listening" line; let the stderr reader catch up.
        try await Task.sleep(for: .milliseconds(200))
        return (child, port, child.stderr)
    }

    /// Runs the demo, which must exit by itself within 20 s; returns its status and stderr.
    static func runToExit(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["-u", "SECRET_KEY", try DemoProcessTests.binary(), "--port", "0"] + arguments
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        let deadline = ContinuousClock.now + .seconds(20)
        while process.isRunning && ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning {
            process.terminate()
            Issue.record("the demo started instead of refusing \(arguments)")
        }
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }

    static func index(port: Int, cookie: String) async throws -> String {
        String(buffer: try await FlaskTutorialApp.request(port: port, "/", headers: [.cookie: cookie]).body ?? ByteBuffer())
    }

    @Test func keyFileIsTheKeyWithoutItsNewline() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try keyFile(key + "\n")
        let (fromFile, filePort, fileErr) = try await Self.start(["--store", "cookie", "--secret-key-file", path])
        defer { fromFile.stop() }
        #expect(!fileErr.contains("warning"), "\(fileErr)")
        let cookie = try await DemoProcessBrowser.login(port: filePort, name: "admin")

        // The same key from SECRET_KEY accepts the cookie: the newline was not part of the key.
        let (fromEnv, envPort, envErr) = try await Self.start(["--store", "cookie"], environment: ["SECRET_KEY=\(key)"])
        defer { fromEnv.stop() }
        #expect(!envErr.contains("warning"), "\(envErr)")
        #expect(try await Self.index(port: envPort, cookie: cookie).contains("Logged in as admin"))

        // A CRLF file works too; a file with another key does not accept the cookie.
        let (crlf, crlfPort, _) = try await Self.start(["--store", "cookie", "--secret-key-file", try keyFile(key + "\r\n")])
        defer { crlf.stop() }
        #expect(try await Self.index(port: crlfPort, cookie: cookie).contains("Logged in as admin"))
        let (other, otherPort, _) = try await Self.start(["--store", "cookie", "--secret-key-file", try keyFile(key + "\n\n")])
        defer { other.stop() }
        #expect(try await Self.index(port: otherPort, cookie: cookie).contains("You are not logged in"))
    }

    @Test func keyFileReadableByOthersIsAWarning() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try keyFile(key, mode: 0o644)
        let (demo, _, stderr) = try await Self.start(["--store", "memory", "--secret-key-file", path])
        defer { demo.stop() }
        #expect(stderr.contains("can be read or written by other users (mode 644)"), "\(stderr)")
        #expect(stderr.contains("chmod 600 \(path)"), "\(stderr)")
        #expect(!stderr.contains(key))
    }

    @Test func keyOnTheCommandLineIsAWarning() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (demo, _, stderr) = try await Self.start(["--store", "memory", "--secret-key", key])
        defer { demo.stop() }
        #expect(stderr.contains("can be read by every local user in the process list"), "\(stderr)")
        #expect(stderr.contains("--secret-key-file"), "\(stderr)")
    }

    @Test(arguments: [
        ("missing", "cannot read the secret key file", 1),
        ("empty", "is empty", 1),
        ("newline only", "is empty", 1),
        ("directory", "is a directory", 1),
        ("both options", "--secret-key and --secret-key-file are exclusive", 64),
    ] as [(String, String, Int32)])
    func badKeyFileIsRefused(kind: String, message: String, status: Int32) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let path: String
        var extra: [String] = []
        switch kind {
        case "missing": path = folder.appendingPathComponent("absent").path
        case "empty": path = try keyFile("")
        case "newline only": path = try keyFile("\n")
        case "directory": path = folder.path
        default:
            path = try keyFile(key)
            extra = ["--secret-key", key]
        }
        let result = try Self.runToExit(["--store", "memory", "--secret-key-file", path] + extra)
        #expect(result.status == status, "\(kind): \(result.stderr)")
        #expect(result.stderr.contains(message), "\(kind): \(result.stderr)")
    }

    @Test func cookieOptions() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (demo, port, _) = try await Self.start(
            ["--store", "cookie", "--cookie-name", "__Host-session", "--cookie-secure", "--cookie-samesite", "strict"],
            environment: ["SECRET_KEY=\(key)"])
        defer { demo.stop() }
        let page = try await FlaskTutorialApp.request(port: port, "/login")
        let setCookie = try #require(page.headers[.setCookie])
        #expect(setCookie.hasPrefix("__Host-session="), "\(setCookie)")
        #expect(setCookie.contains("; Secure"), "\(setCookie)")
        #expect(setCookie.contains("; SameSite=Strict"), "\(setCookie)")
        #expect(setCookie.contains("; Path=/"), "\(setCookie)")
        // The whole login works under the new name.
        let token = try #require(csrfToken(in: String(buffer: page.body ?? ByteBuffer())))
        var headers = formHeaders
        headers[.cookie] = cookiePair(setCookie)
        let login = try await FlaskTutorialApp.request(
            port: port, "/login", method: .post, headers: headers, body: "username=admin&csrf_token=\(formEncode(token))")
        #expect(login.status == .found)
        let cookie = try #require(login.headers[.setCookie].map(cookiePair))
        #expect(try await Self.index(port: port, cookie: cookie).contains("Logged in as admin"))

        let lax = try Self.runToExit(["--store", "memory", "--cookie-samesite", "sometimes"])
        #expect(lax.status == 64)
        #expect(lax.stderr.contains("--cookie-samesite must be lax, strict or none"), "\(lax.stderr)")
    }

    @Test func sameSiteNoneSetsSecure() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (demo, port, _) = try await Self.start(
            ["--store", "cookie", "--cookie-samesite", "none"], environment: ["SECRET_KEY=\(key)"])
        defer { demo.stop() }
        let setCookie = try #require(try await FlaskTutorialApp.request(port: port, "/login").headers[.setCookie])
        #expect(setCookie.contains("; Secure"), "\(setCookie)")
        #expect(setCookie.contains("; SameSite=None"), "\(setCookie)")
    }
}
