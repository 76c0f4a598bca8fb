import GRDB
import SessionKit

// Failures: SQLite errors mapped to `SessionStoreError(.unavailable)` with the result code and
// message, never the SQL or session data.
extension SQLiteSessionStore {
    /// Runs a database access, turning its failures into `SessionStoreError(.unavailable)`.
    func access<T: Sendable>(_ operation: String, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as SessionStoreError {
            throw error
        } catch let error as CancellationError {
            throw error
        } catch {
            throw Self.failure(operation, path, error)
        }
    }

    /// The SQLite result code and message only: GRDB's description would add the SQL.
    static func failure(_ operation: String, _ display: String, _ error: any Error) -> SessionStoreError {
        if let db = error as? DatabaseError {
            let code = db.extendedResultCode
            let text = db.message.map { ": \($0)" } ?? ""
            return SessionStoreError(.unavailable, "\(operation) \(display): SQLite error \(code.rawValue)\(text)")
        }
        return SessionStoreError(.unavailable, "\(operation) \(display): \(type(of: error))")
    }
}
