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
        case opening(Task<Session, any Error>)
        case opened(Session)
    }

    private let state = Mutex<State>(.unopened)

    init(engine: SessionEngine, cookie: CookieHeader.Lookup) {
        self.engine = engine
        self.cookie = cookie
    }

    /// The session, opened on first use. Throws `SessionLoadError` when the store fails.
    public func session() async throws -> Session {
        guard case .server = engine.storage else { return openCookieSession() }
        enum Next { case ready(Session), wait(Task<Session, any Error>) }
        let next: Next = state.withLock { state in
            switch state {
            case .opened(let session):
                return .ready(session)
            case .opening(let task):
                return .wait(task)
            case .unopened:
                let engine = self.engine
                let cookie = self.cookie
                let task = Task { try await engine.openServerSession(cookie) }
                state = .opening(task)
                return .wait(task)
            }
        }
        guard case .wait(let task) = next else {
            if case .ready(let session) = next { return session }
            fatalError("unreachable")
        }
        do {
            let session = try await task.value
            state.withLock { $0 = .opened(session) }
            return session
        } catch {
            // A failed open is not remembered: a later call may find the store back.
            state.withLock { if case .opening = $0 { $0 = .unopened } }
            throw error
        }
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

    /// The session if the handler opened it, else nil.
    public var openedSession: Session? {
        state.withLock { if case .opened(let s) = $0 { return s } else { return nil } }
    }
}
