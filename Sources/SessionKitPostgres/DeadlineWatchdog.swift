import Synchronization

/// Bounds operations by one timeout: `run` starts its body in a task of its own and returns the
/// body's result, or nil once the timeout has passed, without waiting for the body (it is
/// cancelled and left to end by itself). Cancelling the caller cancels the body and throws
/// `CancellationError`.
///
/// A task group would wait for its child: a query that ignores cancellation — postgres-nio waiting
/// on a connection that never answers — would hold the caller as long as it hangs, timeout or not.
///
/// There is no timer per operation: one watch task looks at the running operations every `tick`
/// (a tenth of the timeout, from 10 ms to 250 ms) while any runs, and ends when none does, so a
/// deadline fires up to one tick late. (A `Task.sleep` per operation cost a dispatch timer, a
/// wake-up of dispatch's timer thread and a cancelled sleeping task each time: about 8% of the
/// demo's CPU per PostgreSQL read.)
final class DeadlineWatchdog: Sendable {
    let timeout: Duration
    let tick: Duration
    private let state = Mutex(State())

    private struct State {
        var nextID: UInt64 = 0
        var running: [UInt64: Entry] = [:]
        var watching = false
    }

    private struct Entry {
        let deadline: ContinuousClock.Instant
        let expire: @Sendable () -> Void
    }

    init(timeout: Duration) {
        self.timeout = timeout
        self.tick = min(max(timeout / 10, .milliseconds(10)), .milliseconds(250))
    }

    /// Operations started and not yet finished (tests).
    var runningCount: Int { state.withLock { $0.running.count } }
    /// Whether the watch task runs (tests: it must end when nothing runs).
    var isWatching: Bool { state.withLock { $0.watching } }

    func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T? {
        let race = DeadlineRace<T>()
        return try await withTaskCancellationHandler {
            try await withUnsafeThrowingContinuation { (continuation: UnsafeContinuation<T?, any Error>) in
                race.start(continuation, watchdog: self, body)
            }
        } onCancel: {
            race.finish(.failure(CancellationError()))
        }
    }

    /// Watches `expire` until `unregister`; calls it once `timeout` from now has passed.
    fileprivate func register(_ expire: @escaping @Sendable () -> Void) -> UInt64 {
        let entry = Entry(deadline: .now + timeout, expire: expire)
        let (id, startWatching) = state.withLock { s -> (UInt64, Bool) in
            let id = s.nextID
            s.nextID += 1
            s.running[id] = entry
            defer { s.watching = true }
            return (id, !s.watching)
        }
        if startWatching { Task { await self.watch() } }
        return id
    }

    fileprivate func unregister(_ id: UInt64) {
        _ = state.withLock { $0.running.removeValue(forKey: id) }
    }

    private func watch() async {
        while true {
            try? await Task.sleep(for: tick)
            let now = ContinuousClock.now
            let (due, idle) = state.withLock { s -> ([Entry], Bool) in
                var due: [Entry] = []
                for (id, entry) in s.running where entry.deadline <= now {
                    due.append(entry)
                    s.running[id] = nil
                }
                if s.running.isEmpty { s.watching = false }
                return (due, !s.watching)
            }
            for entry in due { entry.expire() }
            if idle { return }
        }
    }
}

/// The first of the work, the deadline and a cancellation to finish resumes the caller; the work
/// is then cancelled, and the deadline unregistered.
private final class DeadlineRace<T: Sendable>: Sendable {
    private struct State {
        var continuation: UnsafeContinuation<T?, any Error>?
        var finished = false
        /// A finish that came before `start` (a caller cancelled at once).
        var early: Result<T?, any Error>?
        var work: Task<Void, Never>?
        var watchdog: DeadlineWatchdog?
        var id: UInt64 = 0
    }

    private let state = Mutex(State())

    func start(
        _ continuation: UnsafeContinuation<T?, any Error>, watchdog: DeadlineWatchdog,
        _ body: @escaping @Sendable () async throws -> T
    ) {
        let early = state.withLock { s -> Result<T?, any Error>? in
            if s.finished { return s.early ?? .failure(CancellationError()) }
            s.continuation = continuation
            return nil
        }
        if let early {
            continuation.resume(with: early)
            return
        }
        let id = watchdog.register { self.finish(.success(nil)) }
        let finishedMeanwhile = state.withLock { s -> Bool in
            s.watchdog = watchdog
            s.id = id
            return s.finished
        }
        if finishedMeanwhile {
            watchdog.unregister(id)
            return
        }
        let work = Task {
            do {
                self.finish(.success(try await body()))
            } catch {
                self.finish(.failure(error))
            }
        }
        if state.withLock({ s in s.work = work; return s.finished }) { work.cancel() }
    }

    func finish(_ result: Result<T?, any Error>) {
        let won = state.withLock { s -> (UnsafeContinuation<T?, any Error>?, Task<Void, Never>?, DeadlineWatchdog?, UInt64)? in
            guard !s.finished else { return nil }
            s.finished = true
            if s.continuation == nil { s.early = result }  // `start` resumes with it
            defer { s.continuation = nil; s.watchdog = nil }
            return (s.continuation, s.work, s.watchdog, s.id)
        }
        guard let (continuation, work, watchdog, id) = won else { return }
        work?.cancel()
        watchdog?.unregister(id)
        continuation?.resume(with: result)
    }
}
