public import Logging
public import ServiceLifecycle

/// Removes expired records from a `SweepableSessionStore` in the background: a `Service` to add to
/// your `ServiceGroup` (or Hummingbird's `Application(services:)`).
///
/// Every `interval` (±`jitter`, so that processes started together drift apart) it runs one
/// `sweepPass(now:batch:)` at `clock`'s time: expired records are removed in calls of at most
/// `batch`, yielding between calls so requests interleave. A failed pass is logged and retried at
/// the next interval. `run()` returns when its task is cancelled, on graceful shutdown, or when the
/// store has been released (the sweeper does not keep the store alive).
public struct SessionSweeper: Service, CustomStringConvertible {
    public let interval: Duration
    public let batch: Int
    /// Fraction of `interval` each wait varies by, in 0...0.5.
    public let jitter: Double
    public let clock: SessionClock
    let logger: Logger
    /// One pass; nil when the store is gone.
    private let pass: @Sendable (Int64, Int) async throws -> Int?
    public let description: String

    public init<Store: SweepableSessionStore & AnyObject>(
        _ store: Store, every interval: Duration, batch: Int = 1_000, jitter: Double = 0.2,
        clock: SessionClock = .system, logger: Logger = Logger(label: "SessionKit.SessionSweeper")
    ) {
        self.interval = interval
        self.batch = max(batch, 1)
        self.jitter = min(max(jitter, 0), 0.5)
        self.clock = clock
        self.logger = logger
        self.description = "SessionSweeper(\(Store.self))"
        self.pass = { [weak store] now, batch in
            guard let store else { return nil }
            return try await store.sweepPass(now: now, batch: batch)
        }
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown { await self.loop() }
    }

    private func loop() async {
        while !Task.isCancelled {
            let wait = jitter > 0 ? interval * Double.random(in: (1 - jitter)...(1 + jitter)) : interval
            do { try await Task.sleep(for: wait) } catch { return }
            do {
                guard let removed = try await pass(clock.unixSeconds, batch) else { return }
                if removed > 0 {
                    logger.debug("swept expired sessions", metadata: ["removed": "\(removed)"])
                }
            } catch is CancellationError {
                return
            } catch {
                logger.error("session sweep failed; retrying at the next interval", metadata: ["error": "\(error)"])
            }
        }
    }
}

extension SweepableSessionStore {
    /// Calls `sweep(now:limit:)` with `batch` until it returns 0 (nothing expired is left) or the
    /// task is cancelled, yielding between calls; returns how many records it removed.
    public func sweepPass(now: Int64, batch: Int) async throws -> Int {
        var removed = 0
        while !Task.isCancelled {
            let n = try await sweep(now: now, limit: max(batch, 1))
            removed += n
            if n == 0 { break }
            await Task.yield()
        }
        return removed
    }
}
