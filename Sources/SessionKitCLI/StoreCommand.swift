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
public struct StoreCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
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

    public init() {}

    /// The one-line reason for a store failure.
    public static func reason(for error: any Error) -> String {
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

// MARK: - Options

/// `--store`: the kind of store. Each kind brings its own location options (`--session-dir`
/// for `directory`); `sqlite`, `postgres`, `redis` can be added as cases with theirs.
public enum StoreKind: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// `DirectorySessionStore`: one file per session under `--session-dir`.
    case directory
}

/// Where the store is: the kind with its location, as the options give it.
public enum StoreLocation: Sendable, Equatable {
    case directory(path: String)

    /// Opens the store. Inspection never creates it: a missing directory is an error, so a
    /// mistyped path is not silently reported as an empty store. `keys`: the app's secret keys,
    /// which the directory store's records are authenticated with (`RecordAuthenticator`).
    public func open(keys: SecretKeys? = nil) throws -> any SessionStore {
        switch self {
        case .directory(let path):
            guard FileManager.default.fileExists(atPath: path) else {
                throw SessionStoreError(.unavailable, "session directory \(path) does not exist")
            }
            // One-shot: sync before exit.
            return try DirectorySessionStore(directory: path, durability: .syncEachSave, keys: keys)
        }
    }
}

/// The store options shared by every `store` subcommand.
public struct StoreOptions: ParsableArguments {
    @Option(
        name: .customLong("store"),
        help: ArgumentHelp("The kind of session store.", valueName: "kind")
    )
    public var kind: StoreKind = .directory

    @Option(
        name: .customLong("session-dir"),
        help: ArgumentHelp(
            "The directory store's folder (default: \(DirectorySessionStore.defaultDirectory), from $TMPDIR).",
            valueName: "path"
        )
    )
    public var sessionDirectory: String?

    /// The app's secret key (and fallbacks): the directory store authenticates its records with
    /// a key derived from it, so it reads nothing without it.
    @OptionGroup(title: "Key")
    public var secrets: SecretKeyOptions

    public init() {}

    public mutating func validate() throws {
        if let sessionDirectory, sessionDirectory.isEmpty {
            throw ValidationError("--session-dir is empty.")
        }
    }

    /// The store the options name.
    public var location: StoreLocation {
        switch kind {
        case .directory: .directory(path: sessionDirectory ?? DirectorySessionStore.defaultDirectory)
        }
    }

    /// Opens the store and runs `body` with it; a failure to open or a store error thrown by
    /// `body` becomes exit 1 with the store's message.
    func withStore(_ body: (any SessionStore) async throws -> CommandOutput) async -> CommandOutput {
        await StoreCommand.catchingStoreErrors {
            try await body(try location.open(keys: try secrets.secretKeys()))
        }
    }
}

/// The ID argument of `show` and `delete`: a raw session id or a storage key.
public enum SessionKeyArgument {
    static let help = ArgumentHelp(
        "A session id (43 base64url characters; hashed to its storage key) or a storage key (64 hex digits).",
        valueName: "id"
    )

    /// The storage key `text` names: a raw id's SHA-256, or the key itself (any hex case).
    public static func storageKey(for text: String) -> SessionStorageKey? {
        if let id = SessionID(validating: text) { return id.storageKey }
        if text.utf8.count == 64 { return SessionStorageKey(hex: text.lowercased()) }
        return nil
    }

    static func parse(_ text: String) throws(ValidationError) -> SessionStorageKey {
        if let key = storageKey(for: text) { return key }
        var message =
            "Expected a session id (\(SessionID.length) base64url characters) or a storage key (64 hex digits); got \(text.utf8.count) characters."
        if text.contains(".") {
            message += " For a signed cookie value (ID.SIGNATURE), run `sessionkit verify-id` first."
        }
        throw ValidationError(message)
    }
}

// MARK: - count

public struct StoreCountCommand: AsyncOutputCommand {
    public static let configuration = CommandConfiguration(
        commandName: "count",
        abstract: "Print how many records the store holds (expired ones not yet swept included)."
    )

    @OptionGroup(title: "Store")
    public var store: StoreOptions

    public init() {}

    public func output() async throws -> CommandOutput {
        await store.withStore { try await Self.count(store: $0) }
    }

    public func run() async throws {
        try await output().emit()
    }

    public static func count(store: any SessionStore) async throws -> CommandOutput {
        guard let inspectable = store as? any InspectableSessionStore else {
            return .rejected("this store cannot count its sessions")
        }
        return CommandOutput(stdout: "\(try await inspectable.count())\n")
    }
}

// MARK: - list

public struct StoreListCommand: AsyncOutputCommand {
    public static let configuration = CommandConfiguration(
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

    public static let defaultLimit = 100

    @OptionGroup(title: "Store")
    public var store: StoreOptions

    @Option(name: .customLong("limit"), help: ArgumentHelp("List at most this many records.", valueName: "n"))
    public var limit: Int = StoreListCommand.defaultLimit

    public init() {}

    public mutating func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be 1 or more.") }
    }

    public func output() async throws -> CommandOutput {
        await store.withStore { try await Self.list(store: $0, limit: limit, now: UnixTime.now()) }
    }

    public func run() async throws {
        try await output().emit()
    }

    /// Up to `limit` records as `KEY  expires|expired ISO` lines, sorted by key; expired means
    /// expired at `now`.
    public static func list(store: any SessionStore, limit: Int = defaultLimit, now: Int64) async throws
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

// MARK: - show

public struct StoreShowCommand: AsyncOutputCommand {
    public static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a live session's record and data.",
        discussion: """
            Prints the record's times (Unix seconds and ISO 8601 UTC), its idle-timeout override, \
            version, and its data as Flask's tagged JSON (compact, sorted keys, ASCII). A missing \
            or expired record exits 1 with "no such session" on stderr. Showing neither extends \
            nor removes the record.
            """
    )

    @Argument(help: SessionKeyArgument.help)
    public var id: String

    @OptionGroup(title: "Store")
    public var store: StoreOptions

    public init() {}

    public mutating func validate() throws {
        _ = try SessionKeyArgument.parse(id)
    }

    public func output() async throws -> CommandOutput {
        let key = try SessionKeyArgument.parse(id)
        return await store.withStore { try await Self.show(store: $0, key: key, now: UnixTime.now()) }
    }

    public func run() async throws {
        try await output().emit()
    }

    /// The record under `key` if live at `now`. Output:
    ///
    ///     key:               3f2a…(64 hex)
    ///     created:           1700000000 (2023-11-14T22:13:20Z)
    ///     last access:       1700000100 (2023-11-14T22:15:00Z)
    ///     expires:           1700003700 (2023-11-14T23:15:00Z)
    ///     absolute deadline: none
    ///     idle timeout:      store default
    ///     version:           2
    ///     data:              {"username":"admin"}
    public static func show(store: any SessionStore, key: SessionStorageKey, now: Int64) async throws
        -> CommandOutput
    {
        guard let record = try await StoreCommand.peek(store, key) else {
            return .rejected("no such session")
        }
        guard !record.isExpired(at: now) else {
            return .rejected("no such session (expired \(UnixTime.iso8601(record.expiresAt)))")
        }
        func time(_ seconds: Int64) -> String { "\(seconds) (\(UnixTime.iso8601(seconds)))" }
        let data = String(decoding: TaggedJSON.encode(.object(record.data)), as: UTF8.self)
        return CommandOutput(
            stdout: """
                key:               \(key.hex)
                created:           \(time(record.createdAt))
                last access:       \(time(record.lastAccessAt))
                expires:           \(time(record.expiresAt))
                absolute deadline: \(record.absoluteDeadline.map(time) ?? "none")
                idle timeout:      \(record.idleTimeoutOverride.map { "\($0) s (this session's override)" } ?? "engine default")
                version:           \(record.version)
                data:              \(data)

                """
        )
    }
}

// MARK: - delete

public struct StoreDeleteCommand: AsyncOutputCommand {
    public static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a session (log it out everywhere).",
        discussion: """
            Prints "deleted" when a record (live or expired) was there, "absent" when there was \
            none; both exit 0, so deleting twice is fine.
            """
    )

    @Argument(help: SessionKeyArgument.help)
    public var id: String

    @OptionGroup(title: "Store")
    public var store: StoreOptions

    public init() {}

    public mutating func validate() throws {
        _ = try SessionKeyArgument.parse(id)
    }

    public func output() async throws -> CommandOutput {
        let key = try SessionKeyArgument.parse(id)
        return await store.withStore { try await Self.delete(store: $0, key: key) }
    }

    public func run() async throws {
        try await output().emit()
    }

    /// Deletes the record under `key`: "deleted" or "absent", exit 0.
    public static func delete(store: any SessionStore, key: SessionStorageKey) async throws -> CommandOutput {
        let existed = try await StoreCommand.peek(store, key) != nil
        try await store.delete(key)
        return CommandOutput(stdout: existed ? "deleted\n" : "absent\n")
    }
}

// MARK: - sweep

public struct StoreSweepCommand: AsyncOutputCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Remove expired records; print how many were removed.",
        discussion: """
            Sweeps in batches until a batch removes nothing, then prints the total. Sessions in \
            use right now are skipped. Safe to run while servers use the store (e.g. from cron).
            """
    )

    public static let batchSize = 1_000

    @OptionGroup(title: "Store")
    public var store: StoreOptions

    public init() {}

    public func output() async throws -> CommandOutput {
        await store.withStore { try await Self.sweep(store: $0, now: UnixTime.now()) }
    }

    public func run() async throws {
        try await output().emit()
    }

    /// Calls `sweep(now:limit:)` until it returns 0; prints the total removed.
    public static func sweep(store: any SessionStore, now: Int64, batch: Int = batchSize) async throws
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
