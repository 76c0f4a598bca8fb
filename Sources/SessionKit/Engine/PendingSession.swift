import Synchronization

/// A request's session before and after the handler opened it.
///
/// Opening is lazy and happens once: the first `session()` call verifies the cookie and, for
/// server-side storage, loads the record; later calls (from any task) get the same `Session`.
public final class PendingSession: Sendable {
    let engine: SessionEngine
    let cookie: CookieHeader.Lookup

    private enum State {
        case unopened
        /// The first caller is opening it in its own task; later callers wait here. A waiter
        /// resumed with nil found the open failed before it queued, and tries again.
        case opening(waiters: [UnsafeContinuation<Session?, any Error>])
        case opened(Session)
    }

    private let state = Mutex<State>(.unopened)

    init(engine: SessionEngine, cookie: CookieHeader.Lookup) {
        self.engine = engine
        self.cookie = cookie
    }

    /// The session, opened on first use. Throws `SessionLoadError` when the store fails.
    ///
    /// The first caller loads the record in its own task (no extra task, no thread hop); a
    /// caller that arrives meanwhile waits for that load and gets the same `Session`, or the
    /// same error. A failed open is not remembered: a later call may find the store back.
    public func session() async throws -> Session {
        guard case .server = engine.storage else { return openCookieSession() }
        while true {
            enum Next { case ready(Session), open, wait }
            let next: Next = state.withLock { state in
                switch state {
                case .opened(let session): return .ready(session)
                case .opening: return .wait
                case .unopened:
                    state = .opening(waiters: [])
                    return .open
                }
            }
            switch next {
            case .ready(let session):
                return session
            case .open:
                return try await open()
            case .wait:
                let session: Session? = try await withUnsafeThrowingContinuation { continuation in
                    let now: Session?? = state.withLock { state in
                        switch state {
                        case .opening(var waiters):
                            waiters.append(continuation)
                            state = .opening(waiters: waiters)
                            return .none
                        case .opened(let session):
                            return .some(session)
                        case .unopened:
                            return .some(nil)
                        }
                    }
                    if let now { continuation.resume(returning: now) }
                }
                if let session { return session }
            }
        }
    }

    private func open() async throws -> Session {
        let result: Result<Session, any Error>
        do {
            result = .success(try await engine.openServerSession(cookie))
        } catch {
            result = .failure(error)
        }
        let waiters = state.withLock { state in
            guard case .opening(let waiters) = state else { return [UnsafeContinuation<Session?, any Error>]() }
            switch result {
            case .success(let session): state = .opened(session)
            case .failure: state = .unopened
            }
            return waiters
        }
        for waiter in waiters {
            switch result {
            case .success(let session): waiter.resume(returning: session)
            case .failure(let error): waiter.resume(throwing: error)
            }
        }
        return try result.get()
    }

    /// Signed-cookie sessions need no I/O: opened synchronously.
    func openCookieSession() -> Session {
        state.withLock { state in
            if case .opened(let session) = state { return session }
            let session = engine.openCookieSession(cookie)
            state = .opened(session)
            return session
        }
    }

    /// Callers waiting for another caller's open (for tests).
    var waitingCount: Int {
        state.withLock { if case .opening(let waiters) = $0 { return waiters.count } else { return 0 } }
    }

    /// The session if the handler opened it, else nil.
    public var openedSession: Session? {
        state.withLock { if case .opened(let s) = $0 { return s } else { return nil } }
    }
}
