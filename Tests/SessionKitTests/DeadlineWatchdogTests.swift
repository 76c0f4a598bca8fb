import Synchronization
import SessionKit
import Testing

@testable import SessionKitPostgres

/// `DeadlineWatchdog`: the PostgreSQL store's operation timeout must return on time even when the
/// operation ignores cancellation (a task group would wait for it), with one watch task for all
/// operations that ends when none runs.
@Suite struct DeadlineWatchdogTests {
    @Test func aFinishedBodyGivesItsValue() async throws {
        let watchdog = DeadlineWatchdog(timeout: .seconds(30))
        #expect(try await watchdog.run { 42 } == 42)
        let error = await #expect(throws: SessionStoreError.self) {
            _ = try await watchdog.run { () async throws -> Int in
                throw SessionStoreError(.conflict, "from the body")
            }
        }
        #expect(error?.kind == .conflict)
        #expect(watchdog.runningCount == 0)
    }

    @Test func aBodyThatIgnoresCancellationDoesNotHoldTheCaller() async throws {
        let watchdog = DeadlineWatchdog(timeout: .milliseconds(200))
        let gate = TestGate()
        gate.close()
        let start = ContinuousClock.now
        let result = try await watchdog.run { () async -> Int in
            await gate.pass()  // deaf to cancellation, like a query on a connection that never answers
            return 1
        }
        let elapsed = ContinuousClock.now - start
        #expect(result == nil)
        #expect(elapsed >= .milliseconds(200))  // not before its deadline
        #expect(elapsed < .seconds(20))
        gate.open()  // let the abandoned body end
    }

    @Test func cancellingTheCallerCancelsTheWait() async throws {
        let watchdog = DeadlineWatchdog(timeout: .seconds(60))
        let gate = TestGate()
        gate.close()
        let waiter = Task {
            try await watchdog.run { () async -> Int in
                await gate.pass()
                return 1
            }
        }
        while gate.waiting == 0 { await Task.yield() }
        waiter.cancel()
        await #expect(throws: CancellationError.self) { _ = try await waiter.value }
        #expect(watchdog.runningCount == 0)
        gate.open()
    }

    /// Many operations on one watchdog: each stuck one gets nil at its own deadline, each quick
    /// one its value; afterwards nothing is watched and the watch task has ended (and starts
    /// again for the next operation).
    @Test func oneWatchTaskServesManyOperationsAndEndsWhenNoneRuns() async throws {
        let watchdog = DeadlineWatchdog(timeout: .milliseconds(300))
        let gate = TestGate()
        gate.close()
        let results = try await withThrowingTaskGroup(of: (Int, Int?).self) { group in
            for i in 0..<40 {
                group.addTask {
                    let value = try await watchdog.run { () async -> Int in
                        if i % 2 == 0 { await gate.pass() }  // the even ones hang
                        return i
                    }
                    return (i, value)
                }
            }
            var results: [Int: Int?] = [:]
            for try await (i, value) in group { results[i] = value }
            return results
        }
        for i in 0..<40 {
            #expect(results[i] == (i % 2 == 0 ? nil : i), "operation \(i)")
        }
        gate.open()
        #expect(watchdog.runningCount == 0)
        let deadline = ContinuousClock.now + .seconds(10)
        while watchdog.isWatching, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(!watchdog.isWatching)
        #expect(try await watchdog.run { 7 } == 7)  // a new operation still works
    }
}
