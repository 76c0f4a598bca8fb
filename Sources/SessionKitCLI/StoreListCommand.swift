import ArgumentParser
import SessionKit

/// `sessionkit store list`.
package struct StoreListCommand: AsyncOutputCommand {
    package static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List storage keys with their expiry.",
        discussion: """
            One record per line, sorted by key: STORAGE-KEY, two spaces, then "expires" or \
            "expired" and the expiry (ISO 8601 UTC), e.g.
            0f3a…c9  expires 2025-01-31T12:00:00Z
            Storage keys are SHA-256 hashes: a store never knows the raw session ids. At most \
            --limit records are listed; when there are more, a note says so on stderr.
            """
    )

    package static let defaultLimit = 100

    @OptionGroup(title: "Store")
    package var store: StoreOptions

    @Option(name: .customLong("limit"), help: ArgumentHelp("List at most this many records.", valueName: "n"))
    package var limit: Int = StoreListCommand.defaultLimit

    package init() {}

    package mutating func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be 1 or more.") }
    }

    package func output() async throws -> CommandOutput {
        await store.withStore { try await Self.list(store: $0, limit: limit, now: UnixTime.now()) }
    }

    package func run() async throws {
        try await output().emit()
    }

    /// Up to `limit` records as `KEY  expires|expired ISO` lines, sorted by key; expired means
    /// expired at `now`.
    package static func list(store: any SessionStore, limit: Int = defaultLimit, now: Int64) async throws
        -> CommandOutput
    {
        guard let inspectable = store as? any InspectableSessionStore else {
            return .rejected("this store cannot list its sessions")
        }
        let limit = max(limit, 1)
        // One more than asked, to tell whether there are more.
        var keys = try await inspectable.keys(limit: limit == .max ? limit : limit + 1)
        let more = keys.count > limit
        keys = Array(keys.prefix(limit)).sorted { $0.hex < $1.hex }
        var lines = ""
        for key in keys {
            // A record removed since the listing is skipped.
            guard let record = try await StoreCommand.peek(store, key) else { continue }
            lines += "\(key.hex)  \(StoreCommand.expiry(of: record, now: now))\n"
        }
        return CommandOutput(
            stdout: lines,
            stderr: more ? "note: more than \(limit) records; only \(limit) listed (raise --limit)\n" : ""
        )
    }
}
