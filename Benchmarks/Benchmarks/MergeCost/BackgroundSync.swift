import SessionKitDirectory

/// A directory store's `syncService` run in a task, as a server's `ServiceGroup` runs it: with
/// the default durability (`.syncEvery`) writes then return without waiting for a sync (the
/// service syncs at most a second later); without it every write would sync before returning.
/// Setup, closure and teardown run one after the other, so the unsynchronized task is safe.
final class BackgroundSync: @unchecked Sendable {
    private var task: Task<Void, any Error>?

    func start(_ store: DirectorySessionStore) {
        let service = store.syncService
        task = Task { try await service.run() }
    }

    /// Cancels the service (it syncs once more) and waits for it.
    func stop() async {
        task?.cancel()
        _ = await task?.result
        task = nil
    }
}
