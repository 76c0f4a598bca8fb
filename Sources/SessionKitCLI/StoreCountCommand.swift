import ArgumentParser
import SessionKit

/// `sessionkit store count`.
package struct StoreCountCommand: AsyncOutputCommand {
    package static let configuration = CommandConfiguration(
        commandName: "count",
        abstract: "Print how many records the store holds (expired ones not yet swept included)."
    )

    @OptionGroup(title: "Store")
    package var store: StoreOptions

    package init() {}

    package func output() async throws -> CommandOutput {
        await store.withStore { try await Self.count(store: $0) }
    }

    package func run() async throws {
        try await output().emit()
    }

    package static func count(store: any SessionStore) async throws -> CommandOutput {
        guard let inspectable = store as? any InspectableSessionStore else {
            return .rejected("this store cannot count its sessions")
        }
        return CommandOutput(stdout: "\(try await inspectable.count())\n")
    }
}
