import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

/// Runs `scripts/flask_tutorial_app.py` — the real Flask quickstart app — as a child process.
///
/// The interpreter is `SESSIONKIT_PYTHON` (set by `scripts/test`, a venv with the pinned Flask).
/// Without it: under CI the test fails; elsewhere `python3` is used if it can `import flask`,
/// otherwise the test fails saying to run `scripts/test`. Never skipped silently.
enum FlaskTutorialApp {
    /// The package root: this file is `<root>/Tests/SessionKitHummingbirdTests/FlaskProcess.swift`.
    static func packageRoot(_ filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath)
            .deletingLastPathComponent()  // SessionKitHummingbirdTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // root
    }

    static var scriptPath: String {
        if let path = ProcessInfo.processInfo.environment["SESSIONKIT_FLASK_TUTORIAL_APP"], !path.isEmpty {
            return path
        }
        return packageRoot().appendingPathComponent("scripts/flask_tutorial_app.py").path
    }

    enum Unavailable: Error, CustomStringConvertible {
        case noPython(String)
        case noScript(String)
        case didNotStart(String)

        var description: String {
            switch self {
            case .noPython(let why), .noScript(let why), .didNotStart(let why): return why
            }
        }
    }

    /// The Python to run Flask with, or why there is none.
    static func python() throws(Unavailable) -> String {
        let environment = ProcessInfo.processInfo.environment
        if let python = environment["SESSIONKIT_PYTHON"], !python.isEmpty {
            return python
        }
        if let ci = environment["CI"], !ci.isEmpty {
            throw .noPython(
                "SESSIONKIT_PYTHON is not set, and CI is: run the tests with scripts/test, which provisions "
                    + "a venv with Flask 3.1.3 and exports SESSIONKIT_PYTHON.")
        }
        if (try? run(["python3", "-c", "import flask"], timeout: .seconds(20))) == 0 {
            return "python3"
        }
        throw .noPython(
            "Cross-login tests need Flask: run them with scripts/test (it provisions a venv and exports "
                + "SESSIONKIT_PYTHON), or set SESSIONKIT_PYTHON to a python that can `import flask`.")
    }

    /// Runs a command through `/usr/bin/env`, returning its exit status (nil on timeout).
    static func run(_ arguments: [String], timeout: Duration) throws -> Int32? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now > deadline {
                process.terminate()
                process.waitUntilExit()
                return nil
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return process.terminationStatus
    }

    /// Starts Flask with `keyHex`, runs `body` with its port, and stops Flask whatever happens.
    /// A missing Python or script records an issue (the test fails) and skips `body`.
    static func withServer(
        keyHex: String,
        sourceLocation: SourceLocation = #_sourceLocation,
        _ body: (_ port: Int) async throws -> Void
    ) async throws {
        let python: String
        do {
            python = try Self.python()
        } catch {
            Issue.record(Comment(rawValue: error.description), sourceLocation: sourceLocation)
            return
        }
        let script = scriptPath
        guard FileManager.default.fileExists(atPath: script) else {
            Issue.record(
                Comment(rawValue: "\(script) is missing; it is the Flask app the cross-login tests run."),
                sourceLocation: sourceLocation)
            return
        }
        let server = try FlaskChild(
            arguments: [python, script, "--host", "127.0.0.1", "--port", "0", "--key-hex", keyHex, "--watch-stdin"])
        defer { server.stop() }
        let port = try await server.waitForReady(timeout: .seconds(20))
        try await body(port)
    }

    /// One request to Flask on a fresh connection.
    static func request(
        port: Int,
        _ uri: String,
        method: HTTPRequest.Method = .get,
        headers: HTTPFields = [:],
        body: String? = nil
    ) async throws -> TestClient.Response {
        try await TestClient.withClient(host: "127.0.0.1", port: port) { client in
            try await client.execute(
                TestClient.Request(
                    uri, method: method, authority: "127.0.0.1:\(port)", headers: headers,
                    body: body.map { ByteBuffer(string: $0) }))
        }
    }
}

/// A child process whose stdout is read line by line and whose stderr is kept for diagnostics.
final class FlaskChild: @unchecked Sendable {
    private let process = Process()
    private let stdinPipe = Pipe()
    private let stdoutPipe = Pipe()
    private let stderrPipe = Pipe()
    private let stderrText = Mutex("")
    /// Signalled when stderr reaches end of file (the process exited).
    private let stderrClosed = DispatchSemaphore(value: 0)
    private let lines: AsyncStream<String>

    init(arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardInput = stdinPipe
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        let (lines, continuation) = AsyncStream.makeStream(of: String.self)
        self.lines = lines
        try process.run()

        let stdout = stdoutPipe.fileHandleForReading
        Thread.detachNewThread { [continuation] in
            var buffer: [UInt8] = []
            while true {
                let chunk = stdout.availableData
                if chunk.isEmpty { break }
                buffer += chunk
                while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                    continuation.yield(String(decoding: buffer[..<newline], as: UTF8.self))
                    buffer.removeSubrange(...newline)
                }
            }
            continuation.finish()
        }
        let stderr = stderrPipe.fileHandleForReading
        Thread.detachNewThread { [self] in
            while true {
                let chunk = stderr.availableData
                if chunk.isEmpty { break }
                stderrText.withLock { $0 += String(decoding: chunk, as: UTF8.self) }
            }
            stderrClosed.signal()
        }
    }

    var stderr: String { stderrText.withLock { $0 } }

    /// Waits for `READY <port>` on stdout.
    func waitForReady(timeout: Duration) async throws -> Int {
        let lines = self.lines
        let port: Int? = try await withThrowingTaskGroup(of: Int?.self) { group in
            group.addTask {
                for await line in lines {
                    if line.hasPrefix("READY "), let port = Int(line.dropFirst("READY ".count)) { return port }
                }
                return nil  // stdout closed: the process ended
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw FlaskTutorialApp.Unavailable.didNotStart("no READY line within \(timeout)")
            }
            defer { group.cancelAll() }
            return try await group.next() ?? nil
        }
        guard let port else {
            // stdout closed: let the stderr reader catch up before quoting it.
            _ = stderrClosed.wait(timeout: .now() + 2)
            throw FlaskTutorialApp.Unavailable.didNotStart(
                "the Flask app exited before printing READY; its stderr:\n\(stderr)")
        }
        return port
    }

    /// Waits for a stdout line starting with `prefix` and returns the rest of it.
    func waitForLine(prefix: String, timeout: Duration) async throws -> String {
        let lines = self.lines
        let rest: String? = try await withThrowingTaskGroup(of: String?.self) { group in
            group.addTask {
                for await line in lines where line.hasPrefix(prefix) { return String(line.dropFirst(prefix.count)) }
                return nil
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw FlaskTutorialApp.Unavailable.didNotStart("no line starting with \(prefix) within \(timeout)")
            }
            defer { group.cancelAll() }
            return try await group.next() ?? nil
        }
        guard let rest else {
            _ = stderrClosed.wait(timeout: .now() + 2)
            throw FlaskTutorialApp.Unavailable.didNotStart("the process exited; its stderr:\n\(stderr)")
        }
        return rest
    }

    /// SIGKILL at once: no chance to clean up (crash tests).
    func kill9() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    var exitStatus: Int32? { process.isRunning ? nil : process.terminationStatus }

    /// The peak resident memory of the running process, in bytes (Linux: VmHWM), or nil.
    var peakResidentBytes: Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kb = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { return nil }
        return kb * 1024
    }

    /// SIGTERM, then SIGKILL if it has not exited within 5 s; waits for it.
    func stop() {
        guard process.isRunning else { return }
        try? stdinPipe.fileHandleForWriting.close()
        process.terminate()
        let deadline = ContinuousClock.now + .seconds(5)
        while process.isRunning, ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
    }
}
