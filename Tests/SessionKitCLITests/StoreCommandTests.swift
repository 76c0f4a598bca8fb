import ArgumentParser
import Foundation
import SessionKit
import SessionKitCLI
import SessionKitDirectory
import Testing

/// A `DirectorySessionStore` in a fresh temporary folder with three records: two live, one
/// expired. Times are relative to the real clock, since the commands use it.
struct StoreFixture {
    let directory: String
    let store: DirectorySessionStore
    let now: Int64
    let admin = StoreFixture.newID()
    let cart = StoreFixture.newID()
    let expired = StoreFixture.newID()

    let adminRecord: SessionRecord
    let cartRecord: SessionRecord

    init() async throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("sessionkit-cli-tests-\(UUID().uuidString.lowercased())").path
        store = try DirectorySessionStore(directory: directory, durability: .noSync, keys: Self.keys)
        now = SessionClock.system.unixSeconds
        adminRecord = SessionRecord(
            data: ["username": "admin", "_permanent": true], createdAt: now - 100, lastAccessAt: now - 10,
            absoluteDeadline: now + 86_400, idleTimeoutOverride: 7_200, expiresAt: now + 3_600, version: 3)
        cartRecord = SessionRecord(
            data: ["cart": .tuple([1, 2]), "token": .bytes([0, 255])], createdAt: now - 5, lastAccessAt: now - 5,
            absoluteDeadline: nil, expiresAt: now + 600)
        let expiredRecord = SessionRecord(
            data: ["username": "old"], createdAt: now - 7_200, lastAccessAt: now - 3_700, absoluteDeadline: nil,
            expiresAt: now - 100)
        for (id, record) in [(admin, adminRecord), (cart, cartRecord), (expired, expiredRecord)] {
            #expect(try await store.create(id.storageKey, record: record))
        }
    }

    /// A random id that does not start with "-" (which would need "--" on the command line,
    /// and "-h…" would even ask for help): see `idStartingWithDash`.
    static func newID() -> SessionID {
        while true {
            let id = SessionID.generate()
            if !id.rawValue.hasPrefix("-") { return id }
        }
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// The key the records are sealed with, and the options that pass it.
    static let keys = SecretKeys(current: SecretKey("store-command-test-key"))
    static let keyOptions = ["--key", "store-command-test-key"]

    var dir: [String] { ["--session-dir", directory] + Self.keyOptions }

    func run(_ arguments: [String]) async throws -> CommandOutput {
        try await SessionKitCommand.asyncOutput(for: ["store"] + arguments + dir)
    }

    static func iso(_ seconds: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}

@Suite struct StoreCommandTests {
    @Test func countAndList() async throws {
        let f = try await StoreFixture()
        defer { f.remove() }
        #expect(try await f.run(["count"]) == CommandOutput(stdout: "3\n"))

        let expected = [
            (f.admin, "expires \(StoreFixture.iso(f.now + 3_600))"),
            (f.cart, "expires \(StoreFixture.iso(f.now + 600))"),
            (f.expired, "expired \(StoreFixture.iso(f.now - 100))"),
        ].map { "\($0.0.storageKey.hex)  \($0.1)" }.sorted()
        let list = try await f.run(["list"])
        #expect(list == CommandOutput(stdout: expected.joined(separator: "\n") + "\n"))
        // Storage keys only: no raw id appears.
        for id in [f.admin, f.cart, f.expired] { #expect(!list.stdout.contains(id.rawValue)) }

        let limited = try await f.run(["list", "--limit", "2"])
        #expect(limited.exitCode == 0)
        let lines = limited.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.allSatisfy(expected.contains))
        #expect(lines == lines.sorted())
        #expect(limited.stderr == "note: more than 2 records; only 2 listed (raise --limit)\n")
        #expect(try await f.run(["list", "--limit", "3"]).stderr.isEmpty)

        // Listing removes nothing, expired records included.
        #expect(try await f.run(["count"]) == CommandOutput(stdout: "3\n"))
    }

    @Test func showByRawIDAndByKey() async throws {
        let f = try await StoreFixture()
        defer { f.remove() }
        let key = f.admin.storageKey.hex
        let expected = CommandOutput(
            stdout: """
                key:               \(key)
                created:           \(f.now - 100) (\(StoreFixture.iso(f.now - 100)))
                last access:       \(f.now - 10) (\(StoreFixture.iso(f.now - 10)))
                expires:           \(f.now + 3_600) (\(StoreFixture.iso(f.now + 3_600)))
                absolute deadline: \(f.now + 86_400) (\(StoreFixture.iso(f.now + 86_400)))
                idle timeout:      7200 s (this session's override)
                version:           3
                data:              {"_permanent":true,"username":"admin"}

                """)
        #expect(try await f.run(["show", f.admin.rawValue]) == expected)
        #expect(try await f.run(["show", key]) == expected)
        #expect(try await f.run(["show", key.uppercased()]) == expected)

        // Tagged JSON for the data; no deadline, no override.
        let cart = try await f.run(["show", f.cart.rawValue])
        #expect(cart.exitCode == 0)
        #expect(cart.stdout.contains(#"data:              {"cart":{" t":[1,2]},"token":{" b":"AP8="}}"# + "\n"))
        #expect(cart.stdout.contains("absolute deadline: none\n"))
        #expect(cart.stdout.contains("idle timeout:      engine default\n"))
        #expect(cart.stdout.contains("version:           1\n"))

        // The static function, with the store itself.
        #expect(try await StoreShowCommand.show(store: f.store, key: f.admin.storageKey, now: f.now) == expected)
    }

    @Test func showMissingOrExpired() async throws {
        let f = try await StoreFixture()
        defer { f.remove() }
        let missing = StoreFixture.newID()
        #expect(try await f.run(["show", missing.rawValue]) == CommandOutput(stderr: "no such session\n", exitCode: 1))
        #expect(
            try await f.run(["show", missing.storageKey.hex]) == CommandOutput(stderr: "no such session\n", exitCode: 1))

        let expired = try await f.run(["show", f.expired.rawValue])
        #expect(expired.exitCode == 1)
        #expect(expired.stdout.isEmpty, "an expired session's data is not shown")
        #expect(expired.stderr == "no such session (expired \(StoreFixture.iso(f.now - 100)))\n")
        // Showing did not remove it: only sweep and delete do.
        #expect(try await f.run(["count"]) == CommandOutput(stdout: "3\n"))

        // A record live at one time is gone later.
        let later = try await StoreShowCommand.show(store: f.store, key: f.cart.storageKey, now: f.now + 600)
        #expect(later.exitCode == 1 && later.stderr.hasPrefix("no such session"))
    }

    @Test func deleteIsIdempotent() async throws {
        let f = try await StoreFixture()
        defer { f.remove() }
        #expect(try await f.run(["delete", f.admin.rawValue]) == CommandOutput(stdout: "deleted\n"))
        #expect(try await f.run(["delete", f.admin.rawValue]) == CommandOutput(stdout: "absent\n"))
        #expect(try await f.run(["delete", f.admin.storageKey.hex]) == CommandOutput(stdout: "absent\n"))
        #expect(try await f.run(["show", f.admin.rawValue]).stderr == "no such session\n")

        // By storage key; an expired record counts as there.
        #expect(try await f.run(["delete", f.expired.storageKey.hex]) == CommandOutput(stdout: "deleted\n"))
        #expect(try await f.run(["count"]) == CommandOutput(stdout: "1\n"))
        #expect(try await f.store.load(f.cart.storageKey, now: f.now) == f.cartRecord)
        #expect(
            try await StoreDeleteCommand.delete(store: f.store, key: SessionID.generate().storageKey)
                == CommandOutput(stdout: "absent\n"))
    }

    @Test func sweepRemovesExpiredOnly() async throws {
        let f = try await StoreFixture()
        defer { f.remove() }
        #expect(try await f.run(["sweep"]) == CommandOutput(stdout: "1\n"))
        #expect(try await f.run(["sweep"]) == CommandOutput(stdout: "0\n"))
        #expect(try await f.run(["count"]) == CommandOutput(stdout: "2\n"))
        #expect(try await f.store.load(f.admin.storageKey, now: f.now) == f.adminRecord)

        // More expired records than one batch: the loop keeps going.
        for _ in 0..<7 {
            let record = SessionRecord(
                data: [:], createdAt: f.now - 50, lastAccessAt: f.now - 50, absoluteDeadline: nil, expiresAt: f.now - 1)
            _ = try await f.store.create(SessionID.generate().storageKey, record: record)
        }
        #expect(try await StoreSweepCommand.sweep(store: f.store, now: f.now, batch: 2) == CommandOutput(stdout: "7\n"))
        #expect(try await StoreCountCommand.count(store: f.store) == CommandOutput(stdout: "2\n"))
        // At a later time the live ones expire too.
        #expect(try await StoreSweepCommand.sweep(store: f.store, now: f.now + 3_600) == CommandOutput(stdout: "2\n"))
        #expect(try await f.run(["list"]) == CommandOutput())
    }

    /// An id starting with "-" must follow "--", after the options.
    @Test func idStartingWithDash() async throws {
        let f = try await StoreFixture()
        defer { f.remove() }
        let id = try #require(SessionID(validating: "-h" + String(repeating: "A", count: 41)))
        let record = SessionRecord(
            data: ["n": 1], createdAt: f.now, lastAccessAt: f.now, absoluteDeadline: nil, expiresAt: f.now + 60)
        #expect(try await f.store.create(id.storageKey, record: record))
        let show = try await SessionKitCommand.asyncOutput(for: ["store", "show"] + f.dir + ["--", id.rawValue])
        #expect(show.stdout.contains("key:               \(id.storageKey.hex)\n"))
        let deleted = try await SessionKitCommand.asyncOutput(for: ["store", "delete"] + f.dir + ["--", id.rawValue])
        #expect(deleted == CommandOutput(stdout: "deleted\n"))
    }

    @Test func badSessionDirectory() async throws {
        let f = try await StoreFixture()
        defer { f.remove() }
        let file = f.directory + "/not-a-folder"
        #expect(FileManager.default.createFile(atPath: file, contents: Data("x".utf8)))
        for subcommand in [["count"], ["list"], ["show", f.admin.rawValue], ["delete", f.admin.rawValue], ["sweep"]] {
            let output = try await SessionKitCommand.asyncOutput(for: ["store"] + subcommand + ["--session-dir", file] + StoreFixture.keyOptions)
            #expect(output.exitCode == 1, "\(subcommand)")
            #expect(output.stdout.isEmpty)
            #expect(output.stderr.hasPrefix("session store unavailable: "), "\(output)")
            #expect(output.stderr.contains(file) && output.stderr.contains("Not a directory"), "\(output)")
            #expect(output.stderr.split(separator: "\n").count == 1)
        }

        // A missing folder is reported, not created (a typo must not look like an empty store).
        let missing = f.directory + "/missing/store"
        let output = try await SessionKitCommand.asyncOutput(for: ["store", "count", "--session-dir", missing] + StoreFixture.keyOptions)
        #expect(output == CommandOutput(stderr: "session store unavailable: session directory \(missing) does not exist\n", exitCode: 1))
        #expect(!FileManager.default.fileExists(atPath: f.directory + "/missing"))
    }

    @Test func wiringAndDefaults() throws {
        let list = try #require(try SessionKitCommand.parseAsRoot(["store", "list"] + StoreFixture.keyOptions) as? StoreListCommand)
        #expect(list.limit == 100)
        #expect(list.store.kind == .directory)
        #expect(list.store.location == .directory(path: DirectorySessionStore.defaultDirectory))

        let custom = try #require(
            try SessionKitCommand.parseAsRoot(["store", "list", "--store", "directory", "--session-dir", "/x", "--limit", "5"] + StoreFixture.keyOptions)
                as? StoreListCommand)
        #expect(custom.limit == 5)
        #expect(custom.store.location == .directory(path: "/x"))

        let show = try #require(try SessionKitCommand.parseAsRoot(["store", "show", String(repeating: "ab", count: 32)] + StoreFixture.keyOptions) as? StoreShowCommand)
        #expect(show.id.count == 64)
        #expect(try SessionKitCommand.parseAsRoot(["store", "sweep"] + StoreFixture.keyOptions) is StoreSweepCommand)
        #expect(try SessionKitCommand.parseAsRoot(["store", "count"] + StoreFixture.keyOptions) is StoreCountCommand)
        #expect(try SessionKitCommand.parseAsRoot(["store", "delete", IDCommandTests.id] + StoreFixture.keyOptions) is StoreDeleteCommand)
    }

    @Test func sessionKeyArgument() {
        let id = SessionID(validating: IDCommandTests.id)!
        #expect(SessionKeyArgument.storageKey(for: id.rawValue) == id.storageKey)
        #expect(SessionKeyArgument.storageKey(for: id.storageKey.hex) == id.storageKey)
        #expect(SessionKeyArgument.storageKey(for: id.storageKey.hex.uppercased()) == id.storageKey)
        for bad in ["", "abc", id.rawValue + ".sig", String(id.storageKey.hex.dropLast()), String(repeating: "g", count: 64)] {
            #expect(SessionKeyArgument.storageKey(for: bad) == nil, "\(bad)")
        }
    }

    @Test(arguments: [
        ["store", "show"],  // no id
        ["store", "show", "abc"],
        ["store", "show", IDCommandTests.id + ".irSDNx5gBNef3HQM7dydHAhdrno"],  // a signed cookie
        ["store", "delete", String(repeating: "z", count: 64)],
        ["store", "list", "--limit", "0"],
        ["store", "list", "--store", "redis"],  // not yet
        ["store", "count", "--session-dir", ""],
        ["store", "frobnicate"],
    ])
    func usageErrorsExit64(_ arguments: [String]) async {
        do {
            let output = try await SessionKitCommand.asyncOutput(for: arguments + StoreFixture.keyOptions)
            Issue.record("expected a usage error, got \(output)")
        } catch {
            #expect(SessionKitCommand.exitCode(for: error) == .validationFailure, "\(arguments)")
        }
    }

    /// The directory store authenticates its records with the app's key: without one, every
    /// subcommand is a usage error that says so; with another key, no record is shown.
    @Test func theKeyIsRequiredAndMustBeTheApps() async throws {
        let f = try await StoreFixture()
        defer { f.remove() }
        do {
            let output = try await SessionKitCommand.asyncOutput(for: ["store", "count", "--session-dir", f.directory])
            Issue.record("expected a usage error, got \(output)")
        } catch {
            #expect(SessionKitCommand.exitCode(for: error) == .validationFailure)
            #expect(SessionKitCommand.message(for: error).contains("--key"))
        }
        let shown = try await f.run(["show", f.admin.rawValue])
        #expect(shown.exitCode == 0, "\(shown)")
        let other = try await SessionKitCommand.asyncOutput(
            for: ["store", "show", f.admin.rawValue, "--session-dir", f.directory, "--key", "another-key-entirely"])
        #expect(other == .rejected("no such session"))
        let rotated = try await SessionKitCommand.asyncOutput(
            for: ["store", "show", f.admin.rawValue, "--session-dir", f.directory, "--key", "a-newer-key-now-current"]
                + ["--fallback", "store-command-test-key"])
        #expect(rotated.exitCode == 0, "\(rotated)")
    }

    @Test func signedCookieHint() {
        do {
            _ = try SessionKitCommand.parseAsRoot(["store", "show", IDCommandTests.id + ".sig"] + StoreFixture.keyOptions)
            Issue.record("expected a usage error")
        } catch {
            #expect(SessionKitCommand.message(for: error).contains("sessionkit verify-id"))
        }
    }

    /// `store` needs `asyncOutput(for:)`; the synchronous `output(for:)` says so.
    @Test func syncOutputRefusesAsyncCommands() {
        #expect(throws: (any Error).self) { try SessionKitCommand.output(for: ["store", "count"]) }
    }

    /// A store that can neither list nor sweep (as a Redis store with native expiry might be).
    @Test func storeWithoutCapabilities() async throws {
        let store = MinimalStore()
        #expect(try await StoreCountCommand.count(store: store) == .rejected("this store cannot count its sessions"))
        #expect(try await StoreListCommand.list(store: store, now: 0) == .rejected("this store cannot list its sessions"))
        let sweep = try await StoreSweepCommand.sweep(store: store, now: 0)
        #expect(sweep.exitCode == 0 && sweep.stdout == "0\n")
        #expect(sweep.stderr.hasPrefix("note: "))
    }

    /// Errors a store throws become exit 1 with its message.
    @Test func storeErrorsExit1() async throws {
        let store = FailingStore()
        let key = SessionID.generate().storageKey
        let expected = CommandOutput.rejected("session store unavailable: connection refused")
        #expect(await catching { try await StoreShowCommand.show(store: store, key: key, now: 0) } == expected)
        #expect(await catching { try await StoreDeleteCommand.delete(store: store, key: key) } == expected)
        #expect(StoreCommand.reason(for: SessionStoreError(.corrupt, "x")) == "session store corrupt: x")
    }

    private func catching(_ body: () async throws -> CommandOutput) async -> CommandOutput {
        do { return try await body() } catch { return .rejected(StoreCommand.reason(for: error)) }
    }
}

private struct MinimalStore: SessionStore {
    func load(_ key: SessionStorageKey, now: Int64) async throws -> SessionRecord? { nil }
    func create(_ key: SessionStorageKey, record: SessionRecord) async throws -> Bool { true }
    func apply(_ changes: SessionChangeSet, to key: SessionStorageKey) async throws -> SessionRecord? { nil }
    func move(_ changes: SessionChangeSet, from old: SessionStorageKey, to new: SessionStorageKey) async throws -> SessionRecord? { nil }
    func delete(_ key: SessionStorageKey) async throws {}
}

private struct FailingStore: SessionStore {
    var error: SessionStoreError { SessionStoreError(.unavailable, "connection refused") }
    func load(_ key: SessionStorageKey, now: Int64) async throws -> SessionRecord? { throw error }
    func create(_ key: SessionStorageKey, record: SessionRecord) async throws -> Bool { throw error }
    func apply(_ changes: SessionChangeSet, to key: SessionStorageKey) async throws -> SessionRecord? { throw error }
    func move(_ changes: SessionChangeSet, from old: SessionStorageKey, to new: SessionStorageKey) async throws -> SessionRecord? { throw error }
    func delete(_ key: SessionStorageKey) async throws { throw error }
}
