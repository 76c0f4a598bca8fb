import Logging
public import ServiceLifecycle
import SessionKit

/// A `DirectorySessionStore`'s syncs as a `Service`. With `.syncEvery(interval)`, `run()` syncs
/// the store's file system at most `interval` after each write (one sync covers every write
/// noted before it); with every durability it syncs once more on graceful shutdown (or
/// cancellation) before it returns, so that the last writes are on the disk when the process
/// exits. Add it to your `ServiceGroup` (Hummingbird: `Application(services:)`) after the HTTP
/// server: services stop in reverse order, so the last sync follows the server's last requests.
/// A `.syncEvery` store whose service is not running syncs each write before it returns.
public struct DirectorySyncService: Service, CustomStringConvertible {
    public let store: DirectorySessionStore
    public var description: String { "DirectorySyncService(\(store.directory))" }

    init(store: DirectorySessionStore) {
        self.store = store
        store.periodicSync?.noteServiceMade()
    }

    public func run() async throws {
        var ranSyncs = false
        if let periodic = store.periodicSync {
            // Cancelled on graceful shutdown; false at once when another service runs the syncs.
            ranSyncs = await cancelWhenGracefulShutdown { await periodic.run() }
        }
        if !ranSyncs { try? await gracefulShutdown() }
        // Writes from here on sync themselves; this covers every one before.
        if let periodic = store.periodicSync {
            await periodic.syncOnIOThread("sync at shutdown")
        } else {
            let store = store
            do { try await BlockingIOPool.shared.run { () throws(SessionStoreError) in try store.syncToDisk() } } catch {
                store.logger.error("sync at shutdown failed", metadata: ["error": "\(error)"])
            }
        }
    }
}

extension DirectorySessionStore {
    /// The store's `DirectorySyncService`: background syncs (`.syncEvery`) and the sync at
    /// graceful shutdown.
    public var syncService: DirectorySyncService { DirectorySyncService(store: self) }
}
