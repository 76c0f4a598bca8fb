import Foundation

/// Runs a command line to its end, collecting its stdout and stderr in a file. Spawned with
/// `posix_spawn` and every descriptor above stderr closed, and waited for with `waitpid`: a
/// daemon the command starts (`pg_ctl start`) inherits nothing of this process's, whereas
/// Foundation's `Process` learns of an exit through a socket such a daemon would keep open.
enum ToolRun {
    /// Waits by polling with `Task.sleep`, so that a slow tool holds no cooperative thread.
    static func run(_ arguments: [String], timeout: Duration = .seconds(120)) async throws -> (status: Int32, output: String) {
        let (pid, outputPath) = try spawn(arguments)
        defer { unlink(outputPath) }
        let deadline = ContinuousClock.now + timeout
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            if ContinuousClock.now > deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                throw FlaskTutorialApp.Unavailable.didNotStart("\(arguments.prefix(3)) did not finish within \(timeout)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return (exitCode(status), (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "")
    }

    /// For quick commands outside async code (a capability probe, a clean-up).
    static func runBlocking(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let (pid, outputPath) = try spawn(arguments)
        defer { unlink(outputPath) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (exitCode(status), (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "")
    }

    /// The exit status, or 128 + the signal that ended it.
    static func exitCode(_ status: Int32) -> Int32 {
        status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    private static func spawn(_ arguments: [String]) throws -> (pid_t, String) {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("sessionkit-tool-\(UUID().uuidString).out").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        closeFrom3(&actions)
        let argv = (["/usr/bin/env"] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, "/usr/bin/env", &actions, nil, argv, environ)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EINVAL) }
        return (pid, outputPath)
    }

    typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// glibc 2.34's `posix_spawn_file_actions_addclosefrom_np` (not in Swift's Glibc module);
    /// without it, a close for each descriptor open now.
    static let addCloseFrom: AddCloseFrom? = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np")
        .map { unsafeBitCast($0, to: AddCloseFrom.self) }

    private static func closeFrom3(_ actions: inout posix_spawn_file_actions_t) {
        if let addCloseFrom, addCloseFrom(&actions, 3) == 0 { return }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? [] {
            if let fd = Int32(name), fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
        }
    }
}
