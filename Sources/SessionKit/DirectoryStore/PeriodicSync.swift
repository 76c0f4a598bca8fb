#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CSessionKitFileIO
import Dispatch
import Logging
public import ServiceLifecycle
import Synchronization

/// Group commit by time: writers call `noteWrite()` after each write; the first one after a
/// sync schedules the next, `interval` later, on a background queue, which syncs the whole
/// file system holding the folder once (`sessionkit_sync_file_system`: `syncfs`). Every
/// write noted before a sync starts is covered by it, so each write is on the disk at most
/// `interval` (plus the sync's own time) after it returned.
final class PeriodicSync: Sendable {
    let interval: Duration
    /// `interval` in seconds, at most a day (DispatchTime's arithmetic traps far beyond that).
    private let delay: Double
    /// Its own descriptor of the folder: a sync still pending when the store is released uses it.
    private let fd: Int32
    private let display: String
    private let scheduled = Atomic<Bool>(false)
    private let completed = Atomic<Int>(0)
    private let failed = Atomic<Int>(0)
    /// `sessionkit_sync_file_system`; tests give one that fails.
    private let syncFileSystem: @Sendable (Int32) -> Int32
    private static let queue = DispatchQueue(label: "SessionKit.PeriodicSync", qos: .utility)

    /// nil when the folder cannot be opened again (the store then syncs each write instead).
    init?(
        folder: Int32, interval: Duration, display: String,
        syncFileSystem: @escaping @Sendable (Int32) -> Int32 = { sessionkit_sync_file_system($0) }
    ) {
        let fd = openat(folder, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd < 0 { return nil }
        self.fd = fd
        self.interval = interval
        let (seconds, attoseconds) = interval.components
        self.delay = min(max(Double(seconds) + Double(attoseconds) / 1e18, 0), 86_400)
        self.display = display
        self.syncFileSystem = syncFileSystem
    }

    deinit { close(fd) }

    /// Syncs finished (successfully or not) so far.
    var syncs: Int { completed.load(ordering: .acquiring) }
    /// Syncs that reported an error (logged).
    var failures: Int { failed.load(ordering: .acquiring) }

    /// Call after a write has returned: a sync that starts after this call follows within
    /// `interval`.
    @inline(__always)
    func noteWrite() {
        // A sync already scheduled has not started yet (it clears the flag first), so it covers
        // this write.
        if scheduled.load(ordering: .sequentiallyConsistent) { return }
        guard scheduled.compareExchange(expected: false, desired: true, ordering: .sequentiallyConsistent).exchanged
        else { return }
        Self.queue.asyncAfter(deadline: .now() + delay) { self.syncNow() }
    }

    private func syncNow() {
        scheduled.store(false, ordering: .sequentiallyConsistent)
        let failure: Int32? = syncFileSystem(fd) == 0 ? nil : errno
        if let failure {
            failed.add(1, ordering: .releasing)
            DirectorySessionStore.logger.error(
                "periodic sync failed; writes of the last \(interval) may not be on the disk",
                metadata: ["directory": "\(display)", "error": "\(POSIXIO.message(failure))"])
        }
        completed.add(1, ordering: .releasing)
    }
}

/// A `DirectorySessionStore`'s shutdown sync as a `Service`: `run()` waits until graceful
/// shutdown (or cancellation), then syncs the store's file system (`syncToDisk()`) before it
/// returns, so that the last writes of a `.syncEvery` or `.noSync` store are on the disk when the
/// process exits. Add it to your `ServiceGroup` after the HTTP server (services stop in reverse
/// order, so it syncs once the server has finished its requests).
public struct DirectorySyncService: Service, CustomStringConvertible {
    public let store: DirectorySessionStore
    public var description: String { "DirectorySyncService(\(store.directory))" }

    public func run() async throws {
        defer {
            do { try store.syncToDisk() } catch {
                DirectorySessionStore.logger.error("sync at shutdown failed", metadata: ["error": "\(error)"])
            }
        }
        try? await gracefulShutdown()
    }
}

extension DirectorySessionStore {
    /// Syncs the store's writes to the disk on graceful shutdown (`DirectorySyncService`).
    public var syncService: DirectorySyncService { DirectorySyncService(store: self) }
}
