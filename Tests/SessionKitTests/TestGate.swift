import Synchronization

/// Holds tasks while closed: tests keep store operations in flight with it.
final class TestGate: Sendable {
    private let state = Mutex<(closed: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    init() {}

    func close() { state.withLock { $0.closed = true } }

    /// Opens the gate and lets every waiting task through.
    func open() {
        let waiters = state.withLock { s in
            s.closed = false
            defer { s.waiters = [] }
            return s.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Tasks waiting at the gate now.
    var waiting: Int { state.withLock { $0.waiters.count } }

    /// Returns at once when open; else waits for `open()`.
    func pass() async {
        await withCheckedContinuation { continuation in
            let wait = state.withLock { s in
                if s.closed { s.waiters.append(continuation) }
                return s.closed
            }
            if !wait { continuation.resume() }
        }
    }
}
