import Foundation
import HummingbirdTesting
import SessionDemo
import SessionKit
import Testing

/// Duplicate session cookies in a real browser's cookie jar: `scripts/browser_duplicate_cookies.py`
/// drives headless Chromium (Selenium, chromedriver) against the demo served here, planting stale
/// and tossed cookies for a parent domain and another path, and asserts what the user sees and
/// what the browser keeps. Needs `SESSIONKIT_PYTHON` with Selenium and Debian's `chromium` and
/// `chromium-driver` (scripts/test provisions them); fails, never skips, without them under CI.
@Suite("Duplicate cookies in a real browser", .serialized, .timeLimit(.minutes(3)))
struct BrowserCookieJarTests {
    static func runScript(port: Int, _ arguments: [String] = []) throws -> (status: Int32, output: String) {
        let environment = ProcessInfo.processInfo.environment
        guard let python = environment["SESSIONKIT_PYTHON"], !python.isEmpty else {
            throw BrowserUnavailable("SESSIONKIT_PYTHON is not set: run the tests with scripts/test")
        }
        for tool in ["/usr/bin/chromium", "/usr/bin/chromedriver"] where !FileManager.default.isExecutableFile(atPath: tool) {
            throw BrowserUnavailable("\(tool) is missing: scripts/test installs Debian's chromium and chromium-driver")
        }
        let script = FlaskTutorialApp.packageRoot().appendingPathComponent("scripts/browser_duplicate_cookies.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, String(port)] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    struct BrowserUnavailable: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    func serve(_ cookie: SessionCookieOptions, _ body: @escaping @Sendable (Int) throws -> Void) async throws {
        let configuration = DemoConfiguration(port: 0, secretKey: SecretKey.generate(), store: .memory, cookie: cookie)
        let app = buildDemoApplication(configuration: configuration, engine: try makeDemoEngine(configuration: configuration))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            // The browser blocks; keep it off the server's threads.
            try await Task.detached { try body(port) }.value
        }
    }

    @Test func staleAndTossedCookiesForOtherScopes() async throws {
        try await serve(SessionCookieOptions()) { port in
            let (status, output) = try Self.runScript(port: port)
            #expect(status == 0, "\(output)")
            #expect(output.contains("browser checks passed"), "\(output)")
        }
    }

    @Test func theHostPrefixKeepsPlantedCookiesOut() async throws {
        try await serve(SessionCookieOptions(name: "__Host-session")) { port in
            let (status, output) = try Self.runScript(port: port, ["--host-prefix"])
            #expect(status == 0, "\(output)")
            #expect(output.contains("browser checks passed"), "\(output)")
        }
    }
}
