#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CSessionKitFileIO
import Logging
import SessionKit
import Synchronization

/// Group commit by time, for a `.syncEvery` store: writers call `noteWrite()` after each write;
/// while the store's `DirectorySyncService` runs (`run()`), the first note after a sync wakes
/// it, and it syncs the whole file system holding the folder once, `interval` later
/// (`sessionkit_sync_file_system`: `syncfs`). Every write noted before a sync starts is covered
/// by it, so each write is on the disk at most `interval` (plus the sync's own time) after it
/// returned. While no service runs, `noteWrite()` returns false and the writer syncs its write
/// itself, as with `.syncEachSave`.
final class PeriodicSync: Sendable {
    let interval: Duration
    /// `interval`, at most a day (a sleep far beyond that would overflow the clock).
    private let pause: Duration
    /// Its own descriptor of the folder.
    private let fd: Int32
    private let display: String
    private let logger: Logger
    private let state = Mutex(State())
    private let completed = Atomic<Int>(0)
    private let failed = Atomic<Int>(0)
    /// `sessionkit_sync_file_system`; tests give one that fails.
    private let syncFileSystem: @Sendable (Int32) -> Int32

    private struct State {
        /// Wakes the running service; nil while none runs.
        var wake: AsyncStream<Void>.Continuation?
        /// A write was noted that no sync started since covers.
        var pending = false
        /// A `DirectorySyncService` was made for the store: a write that finds none running
        /// (before it starts, after it stopped) syncs itself without a warning.
        var serviceMade = false
        /// The missing service was logged (once per store).
        var warned = false
    }

    /// nil when the folder cannot be opened again (the store then syncs each write instead).
    init?(
        folder: Int32, interval: Duration, display: String, logger: Logger,
        syncFileSystem: @escaping @Sendable (Int32) -> Int32 = { sessionkit_sync_file_system($0) }
    ) {
        let fd = openat(folder, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd < 0 { return nil }
        self.fd = fd
        self.interval = interval
        self.pause = min(interval, .seconds(86_400))
        self.display = display
        self.logger = logger
        self.syncFileSystem = syncFileSystem
    }

    deinit { close(fd) }

    /// Syncs finished (successfully or not) so far.
    var syncs: Int { completed.load(ordering: .acquiring) }
    /// Syncs that reported an error (logged).
    var failures: Int { failed.load(ordering: .acquiring) }
    /// A service is running the syncs (`run()`).
    var isRunning: Bool { state.withLock { $0.wake != nil } }

    /// Records that a `DirectorySyncService` exists for the store (`syncService`).
    func noteServiceMade() {
        state.withLock { $0.serviceMade = true }
    }

    /// Call after a write has returned. True: a sync that starts after this call follows within
    /// `interval`. False: no service runs, so the caller syncs the write itself (logged once
    /// when no service was ever made for the store).
    func noteWrite() -> Bool {
        let (covered, warn) = state.withLock { state -> (Bool, Bool) in
            guard let wake = state.wake else { return (false, Self.warnsNow(&state)) }
            // A sync already woken for has not started yet (it clears `pending` first), so it
            // covers this write.
            if !state.pending {
                state.pending = true
                wake.yield()
            }
            return (true, false)
        }
        if warn { warnNoService() }
        return covered
    }

    /// Whether a write made now will be covered by the service; when false (logged as
    /// `noteWrite` does), the caller syncs it as `.syncEachSave` would.
    func coversWrites() -> Bool {
        let (covered, warn) = state.withLock { state -> (Bool, Bool) in
            state.wake != nil ? (true, false) : (false, Self.warnsNow(&state))
        }
        if warn { warnNoService() }
        return covered
    }

    /// With no service running: whether this write logs the missing service (the first write
    /// of a store whose service was never made).
    private static func warnsNow(_ state: inout State) -> Bool {
        let warn = !state.serviceMade && !state.warned
        if warn { state.warned = true }
        return warn
    }

    private func warnNoService() {
        logger.warning(
            "directory store with syncEvery(\(interval)) but no DirectorySyncService running: each write syncs before it returns. Add store.syncService to your ServiceGroup (Hummingbird: Application(services:)) to sync in the background",
            metadata: ["directory": "\(display)"])
    }

    /// Runs the syncs until the task is cancelled: waits for a noted write, sleeps `interval`,
    /// syncs once, and so on. Returns false at once when another caller runs them already.
    /// Writes noted before it returns are the caller's to sync (the service's final sync).
    func run() async -> Bool {
        let (wakes, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let started = state.withLock { state -> Bool in
            guard state.wake == nil else { return false }
            state.wake = wake
            state.pending = false
            return true
        }
        guard started else { return false }
        defer {
            state.withLock { state in
                state.wake = nil
                state.pending = false
            }
            wake.finish()
        }
        for await _ in wakes {
            do { try await Task.sleep(for: pause) } catch { break }
            await syncOnIOThread()
        }
        return true
    }

    /// `syncNow` on the store's I/O threads: a sync may wait seconds for the disk, which no
    /// thread of Swift's cooperative pool should.
    func syncOnIOThread(_ what: String = "periodic sync") async {
        _ = try? await BlockingIOPool.shared.run { self.syncNow(what) }
    }

    /// One sync, covering every write noted before it; `what` names it in the log.
    func syncNow(_ what: String = "periodic sync") {
        state.withLock { $0.pending = false }
        let failure: Int32? = syncFileSystem(fd) == 0 ? nil : errno
        if let failure {
            failed.add(1, ordering: .releasing)
            logger.error(
                "\(what) failed; writes of the last \(interval) may not be on the disk",
                metadata: ["directory": "\(display)", "error": "\(POSIXIO.message(failure))"])
        }
        completed.add(1, ordering: .releasing)
    }
}
