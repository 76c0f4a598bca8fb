import Logging
import PostgresNIO
import SessionKit

// Failures: every operation bounded by the timeout, errors mapped to `SessionStoreError`
// without data or ids, one warning per failure and a notice on recovery.
extension PostgresSessionStore {
    /// Runs `body` with the operation timeout; maps failures to `SessionStoreError(.unavailable)`
    /// (a `SessionStoreError` passes through), logs them, and logs the recovery after them.
    func run<T: Sendable>(_ operation: String, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let timeout = operationTimeout
        do {
            guard let value = try await deadlines.run(body) else {
                throw SessionStoreError(
                    .unavailable, "PostgreSQL did not answer the session \(operation) within \(timeout)")
            }
            if state.withLock({ s in defer { s.failing = false }; return s.failing }) {
                logger.notice("PostgreSQL session store is reachable again", metadata: ["table": "\(table.lockName)"])
            }
            return value
        } catch let error as SessionStoreError {
            if error.kind == .unavailable { noteFailure(error, operation) }
            throw error
        } catch {
            let mapped = SessionStoreError(.unavailable, "PostgreSQL session \(operation) failed: \(Self.describe(error))")
            noteFailure(mapped, operation)
            throw mapped
        }
    }

    private func noteFailure(_ error: SessionStoreError, _ operation: String) {
        state.withLock { $0.failing = true }
        logger.warning(
            "PostgreSQL session store unavailable",
            metadata: ["operation": "\(operation)", "table": "\(table.lockName)", "error": "\(error.message)"])
    }

    /// A short description with PostgreSQL's code and message, but not the query or its binds.
    static func describe(_ error: any Error) -> String {
        switch error {
        case let e as PostgresTransactionError:
            if let inner = e.beginError ?? e.closureError ?? e.commitError { return describe(inner) }
            return "transaction failed"
        case let e as PSQLError:
            var text = "\(e.code)"
            if let info = e.serverInfo {
                if let state = info[.sqlState] { text += " \(state)" }
                if let message = info[.message] { text += ": \(message)" }
            } else if let underlying = e.underlying {
                text += " (\(describe(underlying)))"
            }
            return text
        case is CancellationError:
            return "cancelled"
        default:
            // NIO's connection errors ("connection refused"…) and the pool's errors name no data.
            return String(describing: error)
        }
    }
}
