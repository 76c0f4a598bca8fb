import ArgumentParser
import SessionKit

/// `sessionkit store show ID`.
package struct StoreShowCommand: AsyncOutputCommand {
    package static let configuration = CommandConfiguration(
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
    package var id: String

    @OptionGroup(title: "Store")
    package var store: StoreOptions

    package init() {}

    package mutating func validate() throws {
        _ = try SessionKeyArgument.parse(id)
    }

    package func output() async throws -> CommandOutput {
        let key = try SessionKeyArgument.parse(id)
        return await store.withStore { try await Self.show(store: $0, key: key, now: UnixTime.now()) }
    }

    package func run() async throws {
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
    package static func show(store: any SessionStore, key: SessionStorageKey, now: Int64) async throws
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
