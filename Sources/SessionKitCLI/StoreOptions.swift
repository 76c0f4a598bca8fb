import ArgumentParser
import Foundation
import SessionKit
import SessionKitDirectory

/// `--store`: the kind of store. Each kind brings its own location options (`--session-dir`
/// for `directory`); `sqlite`, `postgres`, `redis` can be added as cases with theirs.
package enum StoreKind: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// `DirectorySessionStore`: one file per session under `--session-dir`.
    case directory
}

/// Where the store is: the kind with its location, as the options give it.
package enum StoreLocation: Sendable, Equatable {
    case directory(path: String)

    /// Opens the store. Inspection never creates it: a missing directory is an error, so a
    /// mistyped path is not silently reported as an empty store. `keys`: the app's secret keys,
    /// which the directory store's records are authenticated with (`RecordAuthenticator`).
    package func open(keys: SecretKeys? = nil) throws -> any SessionStore {
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
package struct StoreOptions: ParsableArguments {
    @Option(
        name: .customLong("store"),
        help: ArgumentHelp("The kind of session store.", valueName: "kind")
    )
    package var kind: StoreKind = .directory

    @Option(
        name: .customLong("session-dir"),
        help: ArgumentHelp(
            "The directory store's folder (default: \(DirectorySessionStore.defaultDirectory), from $TMPDIR).",
            valueName: "path"
        )
    )
    package var sessionDirectory: String?

    /// The app's secret key (and fallbacks): the directory store authenticates its records with
    /// a key derived from it, so it reads nothing without it.
    @OptionGroup(title: "Key")
    package var secrets: SecretKeyOptions

    package init() {}

    package mutating func validate() throws {
        if let sessionDirectory, sessionDirectory.isEmpty {
            throw ValidationError("--session-dir is empty.")
        }
    }

    /// The store the options name.
    package var location: StoreLocation {
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
