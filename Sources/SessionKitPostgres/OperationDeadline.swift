import Synchronization

/// Runs `body` in a task of its own and returns its result, or nil as soon as `timeout` has
/// passed, without waiting for `body` to finish (it is cancelled, and left to end by itself).
///
/// A task group would wait for its child: a query that ignores cancellation — postgres-nio waiting
/// on a connection that never comes — would then hold the caller for as long as it hangs, timeout
/// or not. Cancelling the caller cancels `body` and throws `CancellationError`.
func withDeadline<T: Sendable>(
    _ timeout: Duration, _ body: @escaping @Sendable () async throws -> T
) async throws -> T? {
    let race = DeadlineRace<T>()
    return try await withTaskCancellationHandler {
        try await withUnsafeThrowingContinuation { (continuation: UnsafeContinuation<T?, any Error>) in
            race.start(continuation, timeout: timeout, body)
        }
    } onCancel: {
        race.finish(.failure(CancellationError()))
    }
}

/// The first of the work, the timer and a cancellation to finish resumes the caller; the others
/// are cancelled.
private final class DeadlineRace<T: Sendable>: Sendable {
    private struct State {
        var continuation: UnsafeContinuation<T?, any Error>?
        var finished: Result<T?, any Error>?
        var work: Task<Void, Never>?
        var timer: Task<Void, Never>?
    }

    private let state = Mutex(State())

    func start(
        _ continuation: UnsafeContinuation<T?, any Error>, timeout: Duration,
        _ body: @escaping @Sendable () async throws -> T
    ) {
        // Cancelled before we got here: answer at once, start nothing.
        let early = state.withLock { s -> Result<T?, any Error>? in
            if let finished = s.finished { return finished }
            s.continuation = continuation
            return nil
        }
        if let early {
            continuation.resume(with: early)
            return
        }
        let work = Task {
            do {
                self.finish(.success(try await body()))
            } catch {
                self.finish(.failure(error))
            }
        }
        let timer = Task {
            do {
                try await Task.sleep(for: timeout)
            } catch {
                return  // the work finished first
            }
            self.finish(.success(nil))
        }
        let finishedMeanwhile = state.withLock { s -> Bool in
            s.work = work
            s.timer = timer
            return s.finished != nil
        }
        if finishedMeanwhile {
            work.cancel()
            timer.cancel()
        }
    }

    func finish(_ result: Result<T?, any Error>) {
        let (continuation, work, timer) = state.withLock { s in
            if s.finished == nil { s.finished = result }
            defer { s.continuation = nil }
            return (s.continuation, s.work, s.timer)
        }
        guard let continuation else { return }  // not the first, or not started yet
        work?.cancel()
        timer?.cancel()
        continuation.resume(with: result)
    }
}
