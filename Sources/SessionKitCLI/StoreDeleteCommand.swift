import ArgumentParser
import SessionKit

/// `sessionkit store delete ID`.
package struct StoreDeleteCommand: AsyncOutputCommand {
    package static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a session (log it out everywhere).",
        discussion: """
            Prints "deleted" when a record (live or expired) was there, "absent" when there was \
            none; both exit 0, so deleting twice is fine.
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
        return await store.withStore { try await Self.delete(store: $0, key: key) }
    }

    package func run() async throws {
        try await output().emit()
    }

    /// Deletes the record under `key`: "deleted" or "absent", exit 0.
    package static func delete(store: any SessionStore, key: SessionStorageKey) async throws -> CommandOutput {
        let existed = try await StoreCommand.peek(store, key) != nil
        try await store.delete(key)
        return CommandOutput(stdout: existed ? "deleted\n" : "absent\n")
    }
}
