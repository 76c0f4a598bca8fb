import SessionKit
import Synchronization

/// Serializes work per key inside this process (FIFO), without blocking a thread while waiting:
/// `DirectorySessionStore` uses it so that one process never parks more than one I/O thread on
/// the same session.
final class KeyedAsyncLock: Sendable {
    private struct Waiters {
        var queue: [CheckedContinuation<Void, Never>] = []
    }

    /// A key present here is held; its value lists the tasks waiting for it.
    private let state = Mutex<[String: Waiters]>([:])

    init() {}

    func withLock<T: Sendable>(_ key: String, _ body: () async throws -> T) async throws -> T {
        await acquire(key)
        defer { release(key) }
        return try await body()
    }

    private func acquire(_ key: String) async {
        let acquired = state.withLock { held -> Bool in
            if held[key] == nil {
                held[key] = Waiters()
                return true
            }
            return false
        }
        if acquired { return }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now = state.withLock { held -> Bool in
                if held[key] == nil {
                    held[key] = Waiters()
                    return true
                }
                held[key]!.queue.append(continuation)
                return false
            }
            if now { continuation.resume() }
        }
    }

    private func release(_ key: String) {
        // Hands the lock straight to the first waiter (the entry stays: still held).
        let next = state.withLock { held -> CheckedContinuation<Void, Never>? in
            guard var waiters = held[key] else { return nil }
            if waiters.queue.isEmpty {
                held[key] = nil
                return nil
            }
            let first = waiters.queue.removeFirst()
            held[key] = waiters
            return first
        }
        next?.resume()
    }
}
