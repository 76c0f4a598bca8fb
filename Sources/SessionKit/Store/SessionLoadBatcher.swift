import Synchronization

/// Coalesces concurrent `load`s of a networked store into batched lookups: one round trip
/// (`SELECT … WHERE id = ANY($1)`, a pipeline…) answers every load that arrived while earlier
/// lookups were in flight.
///
/// - A load that finds a free lookup slot (fewer than `maxConcurrentLookups` running) and nobody
///   waiting runs its own single-key lookup at once, in its own task: no added latency when the
///   store is idle.
/// - Otherwise it waits; whenever a lookup finishes, the waiters (up to `maxBatchSize`, oldest
///   first) go out together as the next lookup. Under load, one round trip, one statement parse
///   and one pair of context switches serve many requests.
/// - Freshness: a load only ever joins a lookup that is sent after it arrived, so it sees every
///   write that finished before it started (read-your-writes holds as without batching).
/// - Keys are deduplicated; `lookup` gets the smallest `now` of the batch and each load then
///   drops a record that is expired at its own `now`.
/// - A failed lookup fails every load of its batch with the same error. Each lookup is bounded by
///   the store's own operation timeout, so a load waits at most one timeout for a slot plus one
///   for its own batch.
package final class SessionLoadBatcher: Sendable {
    /// Looks up `keys` (distinct) at `now`: for each key found, its record, or the error that
    /// only that key's load should throw (a corrupt record); a missing key means no record. A
    /// thrown error fails every load of the batch.
    package typealias Lookup = @Sendable (_ keys: [SessionStorageKey], _ now: Int64) async throws
        -> [SessionStorageKey: Result<SessionRecord, any Error>]

    package let maxConcurrentLookups: Int
    package let maxBatchSize: Int
    private let state = Mutex(State())

    private struct Waiter {
        let key: SessionStorageKey
        let now: Int64
        let continuation: UnsafeContinuation<SessionRecord?, any Error>
    }

    private struct State {
        var running = 0
        var waiting: [Waiter] = []
        var head = 0

        var waitingCount: Int { waiting.count - head }

        mutating func takeBatch(max: Int) -> ArraySlice<Waiter> {
            let end = min(waiting.count, head + max)
            let batch = waiting[head..<end]
            head = end
            if head == waiting.count {
                waiting.removeAll(keepingCapacity: true)
                head = 0
            }
            return batch
        }
    }

    package init(maxConcurrentLookups: Int = 2, maxBatchSize: Int = 64) {
        self.maxConcurrentLookups = max(1, maxConcurrentLookups)
        self.maxBatchSize = max(1, maxBatchSize)
    }

    /// Loads waiting for a lookup slot (tests).
    var waitingLoads: Int { state.withLock { $0.waitingCount } }

    /// The record under `key` live at `now`, or nil. Every caller passes the same `lookup` (the
    /// store's); it runs this load's batch, and the batches that follow it while loads wait.
    package func load(
        _ key: SessionStorageKey, now: Int64, lookup: @escaping Lookup
    ) async throws -> SessionRecord? {
        let leads = state.withLock { s -> Bool in
            guard s.running < maxConcurrentLookups, s.waitingCount == 0 else { return false }
            s.running += 1
            return true
        }
        guard leads else {
            return try await withUnsafeThrowingContinuation { continuation in
                let batch = state.withLock { s -> ArraySlice<Waiter>? in
                    s.waiting.append(Waiter(key: key, now: now, continuation: continuation))
                    // A slot may have freed between the check above and here.
                    guard s.running < maxConcurrentLookups else { return nil }
                    s.running += 1
                    return s.takeBatch(max: maxBatchSize)
                }
                if let batch { startLookups(batch, lookup) }
            }
        }
        let outcome: Result<SessionRecord?, any Error>
        do {
            outcome = Self.outcome(try await lookup([key], now)[key], now: now)
        } catch {
            outcome = .failure(error)
        }
        if let next = nextBatchOrRelease() { startLookups(next, lookup) }
        return try outcome.get()
    }

    /// Keeps a slot busy in a task of its own until nobody waits.
    private func startLookups(_ first: ArraySlice<Waiter>, _ lookup: @escaping Lookup) {
        Task {
            var batch = first
            while true {
                await run(batch, lookup)
                guard let next = nextBatchOrRelease() else { return }
                batch = next
            }
        }
    }

    /// The next batch for the slot that just finished, or nil after freeing that slot.
    private func nextBatchOrRelease() -> ArraySlice<Waiter>? {
        state.withLock { s in
            if s.waitingCount == 0 {
                s.running -= 1
                return nil
            }
            return s.takeBatch(max: maxBatchSize)
        }
    }

    private func run(_ batch: ArraySlice<Waiter>, _ lookup: Lookup) async {
        var keys: [SessionStorageKey] = []
        keys.reserveCapacity(batch.count)
        var seen = Set<SessionStorageKey>(minimumCapacity: batch.count)
        var now = Int64.max
        for waiter in batch {
            if seen.insert(waiter.key).inserted { keys.append(waiter.key) }
            now = min(now, waiter.now)
        }
        do {
            let found = try await lookup(keys, now)
            for waiter in batch {
                waiter.continuation.resume(with: Self.outcome(found[waiter.key], now: waiter.now))
            }
        } catch {
            for waiter in batch { waiter.continuation.resume(throwing: error) }
        }
    }

    private static func outcome(_ found: Result<SessionRecord, any Error>?, now: Int64) -> Result<SessionRecord?, any Error> {
        switch found {
        case .none: return .success(nil)
        case .success(let record): return .success(record.expiresAt > now ? record : nil)
        case .failure(let error): return .failure(error)
        }
    }
}
