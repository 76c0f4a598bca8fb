import ArgumentParser
import SessionKit

/// `sessionkit store sweep`.
package struct StoreSweepCommand: AsyncOutputCommand {
    package static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Remove expired records; print how many were removed.",
        discussion: """
            Sweeps in batches until a batch removes nothing, then prints the total. Sessions in \
            use right now are skipped. Safe to run while servers use the store (e.g. from cron).
            """
    )

    package static let batchSize = 1_000

    @OptionGroup(title: "Store")
    package var store: StoreOptions

    package init() {}

    package func output() async throws -> CommandOutput {
        await store.withStore { try await Self.sweep(store: $0, now: UnixTime.now()) }
    }

    package func run() async throws {
        try await output().emit()
    }

    /// Calls `sweep(now:limit:)` until it returns 0; prints the total removed.
    package static func sweep(store: any SessionStore, now: Int64, batch: Int = batchSize) async throws
        -> CommandOutput
    {
        guard let sweepable = store as? any SweepableSessionStore else {
            return CommandOutput(stdout: "0\n", stderr: "note: this store expires sessions itself; nothing to sweep\n")
        }
        var total = 0
        while !Task.isCancelled {
            let removed = try await sweepable.sweep(now: now, limit: max(batch, 1))
            if removed <= 0 { break }
            total += removed
        }
        return CommandOutput(stdout: "\(total)\n")
    }
}
