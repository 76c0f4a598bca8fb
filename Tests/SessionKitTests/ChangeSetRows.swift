import Foundation
import Testing

@testable import SessionKit

/// One row of the merge table: a stored record, a change set, and the record the merge must give,
/// written out by hand (never computed by SessionKit).
struct ChangeSetRow: Sendable, CustomTestStringConvertible {
    let name: String
    let stored: SessionRecord
    let changes: SessionChangeSet
    /// What `applied(to:)` and every store's `apply` must give.
    let merged: SessionRecord

    var testDescription: String { name }

    /// What `movedRecord(from:)` and every store's `move` must give: `merged`, at version 1.
    var moved: SessionRecord {
        var record = merged
        record.version = 1
        return record
    }
}

/// The rows, by class: keys set, overwritten, removed and untouched; `now` later, equal and
/// earlier than `lastAccessAt`; expiry later and earlier; the idle override and the absolute
/// deadline untouched, set, replaced and cleared (the `Int64??` cases); the anonymous expiry
/// applying or not; the version incremented and wrapping at `UInt64.max`.
enum ChangeSetRows {
    static let anonymousKeys: Set<String> = ["_flashes", "csrf_token"]

    static func record(
        _ data: SessionObject, created: Int64 = 1_700_000_000, accessed: Int64 = 1_700_000_100,
        deadline: Int64? = nil, idle: Int64? = nil, expires: Int64, version: UInt64
    ) -> SessionRecord {
        SessionRecord(
            data: data, createdAt: created, lastAccessAt: accessed, absoluteDeadline: deadline,
            idleTimeoutOverride: idle, expiresAt: expires, version: version)
    }

    /// `changes` must be written sorted by key, each key once.
    static func changes(
        _ changes: [(String, SessionValue?)], now: Int64, expires: Int64, idle: Int64?? = .none,
        deadline: Int64?? = .none, anonymousKeys: Set<String> = [], anonymousExpiresAt: Int64? = nil
    ) -> SessionChangeSet {
        SessionChangeSet(
            changes: changes.map { SessionChange(key: $0.0, value: $0.1) }, now: now, expiresAt: expires,
            idleTimeoutOverride: idle, absoluteDeadline: deadline, anonymousKeys: anonymousKeys,
            anonymousExpiresAt: anonymousExpiresAt)
    }

    static let plain: SessionObject = ["a": 1, "b": "two", "c": [true, .null]]

    static let all: [ChangeSetRow] = keys + times + overrides + versions + anonymous + [everythingAtOnce]

    // MARK: keys

    static let keys: [ChangeSetRow] = [
        ChangeSetRow(
            name: "touch: no keys, later now and expiry",
            stored: record(plain, expires: 1_700_003_700, version: 1),
            changes: changes([], now: 1_700_000_200, expires: 1_700_003_800),
            merged: record(plain, accessed: 1_700_000_200, expires: 1_700_003_800, version: 2)),
        ChangeSetRow(
            name: "sets a new key",
            stored: record(plain, expires: 1_700_003_700, version: 1),
            changes: changes([("d", "four")], now: 1_700_000_200, expires: 1_700_003_800),
            merged: record(
                ["a": 1, "b": "two", "c": [true, .null], "d": "four"], accessed: 1_700_000_200,
                expires: 1_700_003_800, version: 2)),
        ChangeSetRow(
            name: "overwrites a key with another kind of value",
            stored: record(plain, expires: 1_700_003_700, version: 1),
            changes: changes([("a", 1.5)], now: 1_700_000_200, expires: 1_700_003_800),
            merged: record(
                ["a": 1.5, "b": "two", "c": [true, .null]], accessed: 1_700_000_200, expires: 1_700_003_800,
                version: 2)),
        ChangeSetRow(
            name: "removes a key",
            stored: record(plain, expires: 1_700_003_700, version: 1),
            changes: changes([("b", nil)], now: 1_700_000_200, expires: 1_700_003_800),
            merged: record(["a": 1, "c": [true, .null]], accessed: 1_700_000_200, expires: 1_700_003_800, version: 2)),
        ChangeSetRow(
            name: "removing a missing key leaves the data",
            stored: record(plain, expires: 1_700_003_700, version: 1),
            changes: changes([("zz", nil)], now: 1_700_000_200, expires: 1_700_003_800),
            merged: record(plain, accessed: 1_700_000_200, expires: 1_700_003_800, version: 2)),
        ChangeSetRow(
            name: "setting null is not a removal",
            stored: record(plain, expires: 1_700_003_700, version: 1),
            changes: changes([("b", .null)], now: 1_700_000_200, expires: 1_700_003_800),
            merged: record(
                ["a": 1, "b": .null, "c": [true, .null]], accessed: 1_700_000_200, expires: 1_700_003_800,
                version: 2)),
        ChangeSetRow(
            name: "set, overwritten, removed and untouched keys together",
            stored: record(plain, expires: 1_700_003_700, version: 1),
            changes: changes(
                [("a", 2), ("b", nil), ("d", ["x": "y"]), ("e", .bytes([0, 255]))], now: 1_700_000_200,
                expires: 1_700_003_800),
            merged: record(
                ["a": 2, "c": [true, .null], "d": ["x": "y"], "e": .bytes([0, 255])], accessed: 1_700_000_200,
                expires: 1_700_003_800, version: 2)),
        ChangeSetRow(
            name: "removes every key",
            stored: record(plain, expires: 1_700_003_700, version: 1),
            changes: changes([("a", nil), ("b", nil), ("c", nil)], now: 1_700_000_200, expires: 1_700_003_800),
            merged: record([:], accessed: 1_700_000_200, expires: 1_700_003_800, version: 2)),
    ]

    // MARK: now and expiry

    static let times: [ChangeSetRow] = [
        ChangeSetRow(
            name: "now equal to lastAccessAt",
            stored: record(plain, expires: 1_700_003_700, version: 1),
            changes: changes([("a", 3)], now: 1_700_000_100, expires: 1_700_003_700),
            merged: record(
                ["a": 3, "b": "two", "c": [true, .null]], accessed: 1_700_000_100, expires: 1_700_003_700,
                version: 2)),
        ChangeSetRow(
            name: "now older than lastAccessAt keeps lastAccessAt, takes the expiry",
            stored: record(plain, expires: 1_700_003_700, version: 1),
            changes: changes([("a", 5)], now: 1_700_000_050, expires: 1_700_003_650),
            merged: record(
                ["a": 5, "b": "two", "c": [true, .null]], accessed: 1_700_000_100, expires: 1_700_003_650,
                version: 2)),
        ChangeSetRow(
            name: "expiry moved earlier",
            stored: record(plain, expires: 1_700_003_700, version: 1),
            changes: changes([], now: 1_700_000_200, expires: 1_700_000_900),
            merged: record(plain, accessed: 1_700_000_200, expires: 1_700_000_900, version: 2)),
    ]

    // MARK: idle override and absolute deadline

    static let overrides: [ChangeSetRow] = [
        ChangeSetRow(
            name: "override and deadline untouched keep the stored ones",
            stored: record(plain, deadline: 1_700_086_400, idle: 1_209_600, expires: 1_700_003_700, version: 1),
            changes: changes([("a", 4)], now: 1_700_000_200, expires: 1_700_003_800),
            merged: record(
                ["a": 4, "b": "two", "c": [true, .null]], accessed: 1_700_000_200, deadline: 1_700_086_400,
                idle: 1_209_600, expires: 1_700_003_800, version: 2)),
        ChangeSetRow(
            name: "override set where none was",
            stored: record(plain, expires: 1_700_003_700, version: 1),
            changes: changes([], now: 1_700_000_200, expires: 1_701_209_800, idle: .some(1_209_600)),
            merged: record(plain, accessed: 1_700_000_200, idle: 1_209_600, expires: 1_701_209_800, version: 2)),
        ChangeSetRow(
            name: "override replaced",
            stored: record(plain, idle: 1_209_600, expires: 1_700_003_700, version: 1),
            changes: changes([], now: 1_700_000_200, expires: 1_700_000_800, idle: .some(600)),
            merged: record(plain, accessed: 1_700_000_200, idle: 600, expires: 1_700_000_800, version: 2)),
        ChangeSetRow(
            name: "override cleared",
            stored: record(plain, idle: 1_209_600, expires: 1_700_003_700, version: 1),
            changes: changes([], now: 1_700_000_200, expires: 1_700_003_800, idle: .some(nil)),
            merged: record(plain, accessed: 1_700_000_200, expires: 1_700_003_800, version: 2)),
        ChangeSetRow(
            name: "override cleared where none was",
            stored: record(plain, expires: 1_700_003_700, version: 1),
            changes: changes([], now: 1_700_000_200, expires: 1_700_003_800, idle: .some(nil)),
            merged: record(plain, accessed: 1_700_000_200, expires: 1_700_003_800, version: 2)),
        ChangeSetRow(
            name: "deadline set where none was",
            stored: record(plain, expires: 1_700_003_700, version: 1),
            changes: changes([], now: 1_700_000_200, expires: 1_700_003_800, deadline: .some(1_700_050_000)),
            merged: record(plain, accessed: 1_700_000_200, deadline: 1_700_050_000, expires: 1_700_003_800, version: 2)),
        ChangeSetRow(
            name: "deadline replaced",
            stored: record(plain, deadline: 1_700_086_400, expires: 1_700_003_700, version: 1),
            changes: changes([], now: 1_700_000_200, expires: 1_700_003_800, deadline: .some(1_700_090_000)),
            merged: record(plain, accessed: 1_700_000_200, deadline: 1_700_090_000, expires: 1_700_003_800, version: 2)),
        ChangeSetRow(
            name: "deadline cleared",
            stored: record(plain, deadline: 1_700_086_400, expires: 1_700_003_700, version: 1),
            changes: changes([], now: 1_700_000_200, expires: 1_700_003_800, deadline: .some(nil)),
            merged: record(plain, accessed: 1_700_000_200, expires: 1_700_003_800, version: 2)),
        ChangeSetRow(
            name: "deadline cleared where none was",
            stored: record(plain, expires: 1_700_003_700, version: 1),
            changes: changes([], now: 1_700_000_200, expires: 1_700_003_800, deadline: .some(nil)),
            merged: record(plain, accessed: 1_700_000_200, expires: 1_700_003_800, version: 2)),
        ChangeSetRow(
            name: "override set and deadline cleared, with keys",
            stored: record(plain, deadline: 1_700_086_400, expires: 1_700_003_700, version: 1),
            changes: changes(
                [("b", nil), ("remember", true)], now: 1_700_000_200, expires: 1_701_209_800, idle: .some(1_209_600),
                deadline: .some(nil)),
            merged: record(
                ["a": 1, "c": [true, .null], "remember": true], accessed: 1_700_000_200, idle: 1_209_600,
                expires: 1_701_209_800, version: 2)),
        ChangeSetRow(
            name: "override cleared and deadline set, with keys",
            stored: record(plain, idle: 1_209_600, expires: 1_701_209_700, version: 1),
            changes: changes(
                [("remember", false)], now: 1_700_000_200, expires: 1_700_003_800, idle: .some(nil),
                deadline: .some(1_700_043_200)),
            merged: record(
                ["a": 1, "b": "two", "c": [true, .null], "remember": false], accessed: 1_700_000_200,
                deadline: 1_700_043_200, expires: 1_700_003_800, version: 2)),
    ]

    // MARK: version

    static let versions: [ChangeSetRow] = [
        ChangeSetRow(
            name: "version 0 becomes 1",
            stored: record(plain, expires: 1_700_003_700, version: 0),
            changes: changes([], now: 1_700_000_200, expires: 1_700_003_800),
            merged: record(plain, accessed: 1_700_000_200, expires: 1_700_003_800, version: 1)),
        ChangeSetRow(
            name: "version 41 becomes 42",
            stored: record(plain, expires: 1_700_003_700, version: 41),
            changes: changes([("a", nil)], now: 1_700_000_200, expires: 1_700_003_800),
            merged: record(["b": "two", "c": [true, .null]], accessed: 1_700_000_200, expires: 1_700_003_800, version: 42)),
        ChangeSetRow(
            name: "version Int64.max becomes 2^63",
            stored: record(plain, expires: 1_700_003_700, version: 9_223_372_036_854_775_807),
            changes: changes([], now: 1_700_000_200, expires: 1_700_003_800),
            merged: record(plain, accessed: 1_700_000_200, expires: 1_700_003_800, version: 9_223_372_036_854_775_808)),
        ChangeSetRow(
            name: "version UInt64.max - 1 becomes UInt64.max",
            stored: record(plain, expires: 1_700_003_700, version: 18_446_744_073_709_551_614),
            changes: changes([], now: 1_700_000_200, expires: 1_700_003_800),
            merged: record(plain, accessed: 1_700_000_200, expires: 1_700_003_800, version: 18_446_744_073_709_551_615)),
        ChangeSetRow(
            name: "version UInt64.max wraps to 0",
            stored: record(plain, expires: 1_700_003_700, version: 18_446_744_073_709_551_615),
            changes: changes([("a", 6)], now: 1_700_000_200, expires: 1_700_003_800),
            merged: record(
                ["a": 6, "b": "two", "c": [true, .null]], accessed: 1_700_000_200, expires: 1_700_003_800, version: 0)),
    ]

    // MARK: anonymous expiry

    /// A logged-in session: the CSRF secret and a user.
    static let loggedIn: SessionObject = ["csrf_token": "c5rf", "user": "alice"]
    static let flashes: SessionValue = [.tuple(["message", "Bye"])]

    static let anonymous: [ChangeSetRow] = [
        ChangeSetRow(
            name: "logout leaves only anonymous keys: the sooner anonymous expiry",
            stored: record(loggedIn, expires: 1_700_003_700, version: 3),
            changes: changes(
                [("user", nil)], now: 1_700_000_200, expires: 1_700_003_800, anonymousKeys: anonymousKeys,
                anonymousExpiresAt: 1_700_000_500),
            merged: record(["csrf_token": "c5rf"], accessed: 1_700_000_200, expires: 1_700_000_500, version: 4)),
        ChangeSetRow(
            name: "anonymous expiry later than the ordinary one: the ordinary one",
            stored: record(loggedIn, expires: 1_700_003_700, version: 3),
            changes: changes(
                [("user", nil)], now: 1_700_000_200, expires: 1_700_003_800, anonymousKeys: anonymousKeys,
                anonymousExpiresAt: 1_700_009_000),
            merged: record(["csrf_token": "c5rf"], accessed: 1_700_000_200, expires: 1_700_003_800, version: 4)),
        ChangeSetRow(
            name: "a key outside the anonymous set stays: ordinary expiry",
            stored: record(["cart": ["apple"], "csrf_token": "c5rf", "user": "alice"], expires: 1_700_003_700, version: 3),
            changes: changes(
                [("user", nil)], now: 1_700_000_200, expires: 1_700_003_800, anonymousKeys: anonymousKeys,
                anonymousExpiresAt: 1_700_000_500),
            merged: record(
                ["cart": ["apple"], "csrf_token": "c5rf"], accessed: 1_700_000_200, expires: 1_700_003_800, version: 4)),
        ChangeSetRow(
            name: "anonymous keys without an anonymous expiry: ordinary expiry",
            stored: record(loggedIn, expires: 1_700_003_700, version: 3),
            changes: changes([("user", nil)], now: 1_700_000_200, expires: 1_700_003_800, anonymousKeys: anonymousKeys),
            merged: record(["csrf_token": "c5rf"], accessed: 1_700_000_200, expires: 1_700_003_800, version: 4)),
        ChangeSetRow(
            name: "an anonymous expiry without anonymous keys: ordinary expiry",
            stored: record(loggedIn, expires: 1_700_003_700, version: 3),
            changes: changes([("user", nil)], now: 1_700_000_200, expires: 1_700_003_800, anonymousExpiresAt: 1_700_000_500),
            merged: record(["csrf_token": "c5rf"], accessed: 1_700_000_200, expires: 1_700_003_800, version: 4)),
        // An empty record holds no anonymous key (`holdsOnlyKeys` needs at least one).
        ChangeSetRow(
            name: "merged record empty: ordinary expiry",
            stored: record(loggedIn, expires: 1_700_003_700, version: 3),
            changes: changes(
                [("csrf_token", nil), ("user", nil)], now: 1_700_000_200, expires: 1_700_003_800,
                anonymousKeys: anonymousKeys, anonymousExpiresAt: 1_700_000_500),
            merged: record([:], accessed: 1_700_000_200, expires: 1_700_003_800, version: 4)),
        ChangeSetRow(
            name: "only anonymous keys stored, a touch: anonymous expiry",
            stored: record(["_flashes": flashes, "csrf_token": "c5rf"], expires: 1_700_000_400, version: 3),
            changes: changes(
                [], now: 1_700_000_200, expires: 1_700_003_800, anonymousKeys: anonymousKeys,
                anonymousExpiresAt: 1_700_000_500),
            merged: record(
                ["_flashes": flashes, "csrf_token": "c5rf"], accessed: 1_700_000_200, expires: 1_700_000_500, version: 4)),
        ChangeSetRow(
            name: "only anonymous keys stored, a flash added: anonymous expiry",
            stored: record(["csrf_token": "c5rf"], expires: 1_700_000_400, version: 3),
            changes: changes(
                [("_flashes", flashes)], now: 1_700_000_200, expires: 1_700_003_800, anonymousKeys: anonymousKeys,
                anonymousExpiresAt: 1_700_000_500),
            merged: record(
                ["_flashes": flashes, "csrf_token": "c5rf"], accessed: 1_700_000_200, expires: 1_700_000_500, version: 4)),
        ChangeSetRow(
            name: "only anonymous keys stored, a user added: ordinary expiry",
            stored: record(["csrf_token": "c5rf"], expires: 1_700_000_400, version: 3),
            changes: changes(
                [("user", "bob")], now: 1_700_000_200, expires: 1_700_003_800, anonymousKeys: anonymousKeys,
                anonymousExpiresAt: 1_700_000_500),
            merged: record(["csrf_token": "c5rf", "user": "bob"], accessed: 1_700_000_200, expires: 1_700_003_800, version: 4)),
        ChangeSetRow(
            name: "logout with now older than lastAccessAt: anonymous expiry, lastAccessAt kept",
            stored: record(loggedIn, expires: 1_700_003_700, version: 3),
            changes: changes(
                [("user", nil)], now: 1_700_000_050, expires: 1_700_003_650, anonymousKeys: anonymousKeys,
                anonymousExpiresAt: 1_700_000_400),
            merged: record(["csrf_token": "c5rf"], accessed: 1_700_000_100, expires: 1_700_000_400, version: 4)),
    ]

    /// Keys set, removed and untouched, an older `now`, the override set and the deadline
    /// cleared, an anonymous expiry that does not apply, and the version wrapping.
    static let everythingAtOnce = ChangeSetRow(
        name: "everything at once",
        stored: record(
            ["a": 1, "csrf_token": "t", "keep": "k"], created: 1_699_990_000, deadline: 1_700_086_400,
            expires: 1_700_003_700, version: 18_446_744_073_709_551_615),
        changes: changes(
            [("a", nil), ("n", -7)], now: 1_700_000_090, expires: 1_700_003_690, idle: .some(1_209_600),
            deadline: .some(nil), anonymousKeys: ["csrf_token"], anonymousExpiresAt: 1_700_000_300),
        merged: record(
            ["csrf_token": "t", "keep": "k", "n": -7], created: 1_699_990_000, idle: 1_209_600,
            expires: 1_700_003_690, version: 0))
}
