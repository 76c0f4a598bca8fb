import ArgumentParser
import Foundation
import SessionKit

/// `sessionkit store <count|list|show|delete|sweep>`: inspects and maintains a server-side
/// session store.
///
/// Each subcommand's logic is a static `async` function that takes an opened `any SessionStore`
/// (so tests pass a store directly); the wrappers open the store named by `StoreOptions`. Stores
/// file sessions under `SessionStorageKey`s (SHA-256 hex of the id): a store never sees a raw
/// id, so `list` prints storage keys and `show`/`delete` hash a raw id before looking it up.
package struct StoreCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Inspect and maintain a server-side session store.",
        discussion: """
            Sessions are filed under their storage key: the lowercase hex SHA-256 of the session \
            id (64 characters). `show` and `delete` take either a raw session id (43 base64url \
            characters, the cookie value without its signature: see `verify-id`) or a storage key. \
            An id starting with "-" must follow "--", after the options \
            (sessionkit store show --session-dir DIR --key KEY -- -abc...).

            Every subcommand needs the app's secret key (--key or --key-hex, plus the fallbacks): \
            the directory store authenticates each record with a key derived from it, and a \
            record that does not verify is not the session.

            Exit status: 0 success; 1 no such session or the store failed (the store's message on \
            stderr); 64 bad usage.
            """,
        subcommands: [
            StoreCountCommand.self,
            StoreListCommand.self,
            StoreShowCommand.self,
            StoreDeleteCommand.self,
            StoreSweepCommand.self,
        ]
    )

    package init() {}

    /// The one-line reason for a store failure.
    package static func reason(for error: any Error) -> String {
        if let error = error as? SessionStoreError { return error.description }
        return "session store error: \(error)"
    }

    /// `body`'s output, or exit 1 with the store's message when it throws.
    static func catchingStoreErrors(_ body: () async throws -> CommandOutput) async -> CommandOutput {
        do {
            return try await body()
        } catch {
            return .rejected(reason(for: error))
        }
    }

    /// A record's expiry, for `list`: "expires <ISO>" or "expired <ISO>".
    static func expiry(of record: SessionRecord, now: Int64) -> String {
        (record.isExpired(at: now) ? "expired " : "expires ") + UnixTime.iso8601(record.expiresAt)
    }

    /// Reads a record whatever its expiry and without side effects: `load` returns only records
    /// live at `now`, and every record is live at the earliest representable time. (Loading an
    /// expired record at the real time would also make the directory store delete it.)
    static func peek(_ store: any SessionStore, _ key: SessionStorageKey) async throws -> SessionRecord? {
        try await store.load(key, now: .min)
    }
}
