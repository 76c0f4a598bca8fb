import Synchronization
import SessionKit
import Testing

@testable import SessionKitPostgres

/// `withDeadline`: the PostgreSQL store's operation timeout must return on time even when the
/// operation ignores cancellation (a task group would wait for it).
@Suite struct OperationDeadlineTests {
    @Test func aFinishedBodyGivesItsValue() async throws {
        #expect(try await withDeadline(.seconds(30)) { 42 } == 42)
        let error = await #expect(throws: SessionStoreError.self) {
            _ = try await withDeadline(.seconds(30)) { () async throws -> Int in
                throw SessionStoreError(.conflict, "from the body")
            }
        }
        #expect(error?.kind == .conflict)
    }

    @Test func aBodyThatIgnoresCancellationDoesNotHoldTheCaller() async throws {
        let gate = TestGate()
        gate.close()
        let start = ContinuousClock.now
        let result = try await withDeadline(.milliseconds(200)) { () async -> Int in
            await gate.pass()  // deaf to cancellation, like a query on a connection that never answers
            return 1
        }
        #expect(result == nil)
        #expect(ContinuousClock.now - start < .seconds(20))
        gate.open()  // let the abandoned body end
    }

    @Test func cancellingTheCallerCancelsTheWait() async throws {
        let gate = TestGate()
        gate.close()
        let waiter = Task {
            try await withDeadline(.seconds(60)) { () async -> Int in
                await gate.pass()
                return 1
            }
        }
        while gate.waiting == 0 { await Task.yield() }
        waiter.cancel()
        await #expect(throws: CancellationError.self) { _ = try await waiter.value }
        gate.open()
    }
}
