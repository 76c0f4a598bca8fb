import Foundation
import Synchronization
import Testing

@testable import SessionKit

/// A store under test: a name for the test report and a way to make a fresh, empty store.
/// Adding a store to the conformance suite is one line in `StoreConformanceTests.allStores`, plus a
/// `static var` like `.memory` below (in the store's own test file).
struct StoreFactory: Sendable, CustomTestStringConvertible {
    let name: String
    let make: @Sendable () async throws -> any SessionStore

    var testDescription: String { name }
}

extension StoreFactory {
    static var memory: StoreFactory {
        StoreFactory(name: "memory") { MemorySessionStore() }
    }
}

/// What every `SessionStore` must do (spec: `SessionStore.swift`), run against every store.
@Suite struct StoreConformanceTests {
    // One line per store; each store's test file provides its `StoreFactory` (e.g. `.directory` in
    // DirectorySessionStoreTests.swift). PostgreSQL and Redis join when their test servers are
    // configured (`scripts/test` starts them); outside CI a missing one is skipped with a printed
    // notice, under CI its factory fails instead.
    static let allStores: [StoreFactory] =
        [.memory, .directory, .directoryWithoutSync] + StoreFactory.directoryInMemoryIfAvailable + [.sqlite] + StoreFactory.postgresIfConfigured + (TestRedis.enabled ? [.redis] : [])

    static let t0: Int64 = 1_700_000_000

    static func newKey() -> SessionStorageKey { SessionID.generate().storageKey }

    static func record(
        _ data: SessionObject, at now: Int64 = t0, ttl: Int64 = 3_600, deadline: Int64? = nil,
        idleTimeoutOverride: Int64? = nil, version: UInt64 = 1
    ) -> SessionRecord {
        SessionRecord(
            data: data, createdAt: now, lastAccessAt: now, absoluteDeadline: deadline,
            idleTimeoutOverride: idleTimeoutOverride, expiresAt: now + ttl, version: version)
    }

    static func changes(
        _ pairs: [(String, SessionValue?)], at now: Int64, ttl: Int64 = 3_600,
        idleTimeoutOverride: Int64?? = nil, absoluteDeadline: Int64?? = nil
    ) -> SessionChangeSet {
        let sorted = pairs.sorted { SessionObject.compare($0.0, $1.0) == .orderedAscending }
        return SessionChangeSet(
            changes: sorted.map { SessionChange(key: $0.0, value: $0.1) }, now: now, expiresAt: now + ttl,
            idleTimeoutOverride: idleTimeoutOverride, absoluteDeadline: absoluteDeadline)
    }

    /// One value of every kind, with the edge cases a store's encoding could lose.
    static let everyKind: SessionObject = [
        "null": .null,
        "true": true,
        "false": false,
        "int": 42,
        "negative": -7,
        "zero": 0,
        "intMax": .int(Int.max),
        "intMin": .int(Int.min),
        "big": .int(SessionInteger(decimal: "123456789012345678901234567890123")!),
        "bigNegative": .int(SessionInteger(decimal: "-98765432109876543210987654321")!),
        "double": 1.5,
        "tenth": 0.1,
        "wholeDouble": 100.0,
        "subnormal": .double(.leastNonzeroMagnitude),
        "huge": .double(1.7976931348623157e308),
        "infinity": .double(.infinity),
        "negativeInfinity": .double(-.infinity),
        "negativeZero": .double(-0.0),
        "intVersusDouble": [1, 1.0],
        "string": "hello",
        "emptyString": "",
        "unicode": "日本語 🎉 \u{0} \"quoted\" \\ back\nslash \u{2028}",
        "array": [1, "two", [3.0], ["k": .null]],
        "emptyArray": [],
        "object": ["nested": ["deep": true, "list": [.null]]],
        "emptyObject": .object(SessionObject()),
        "looksTagged": [" t": ["not", "a", "tuple"]],
        "tuple": .tuple([1, "a", .tuple([])]),
        "bytes": .bytes([0, 1, 0x7F, 0x80, 0xFF]),
        "emptyBytes": .bytes([]),
        "uuid": .uuid(UUID(uuidString: "12345678-1234-5678-1234-567812345678")!),
        "date": .date(Date(timeIntervalSince1970: 1_700_000_000)),
        "markup": .markup("<b>bold</b> &amp; more"),
        "e\u{301}": "decomposed",
        "\u{e9}": "precomposed",
        "": "empty key",
    ]

    // MARK: load / create

    @Test(arguments: allStores)
    func loadOfMissingKeyIsNil(_ factory: StoreFactory) async throws {
        let store = try await factory.make()
        #expect(try await store.load(Self.newKey(), now: Self.t0) == nil)
    }

    @Test(arguments: allStores)
    func createThenLoadRoundTripsEveryValueKind(_ factory: StoreFactory) async throws {
        let store = try await factory.make()
        let t0 = Self.t0
        let full = Self.record(
            Self.everyKind, deadline: t0 + 86_400, idleTimeoutOverride: 1_209_600, version: 7)
        let minimal = SessionRecord(
            data: SessionObject(), createdAt: t0 - 5, lastAccessAt: t0, absoluteDeadline: nil,
            expiresAt: t0 + 1)
        for record in [full, minimal] {
            let key = Self.newKey()
            #expect(try await store.create(key, record: record))
            let loaded = try #require(try await store.load(key, now: t0))
            #expect(loaded == record)
        }

        // Equality above is by scalars for keys, but `==` on doubles hides -0.0 vs 0.0; check
        // the canonically equivalent keys and the sign explicitly.
        let key = Self.newKey()
        #expect(try await store.create(key, record: full))
        let data = try #require(try await store.load(key, now: t0)).data
        #expect(data.count == Self.everyKind.count)
        #expect(data["e\u{301}"] == "decomposed")
        #expect(data["\u{e9}"] == "precomposed")
        let scalarKeys = Set(data.keys.map { $0.unicodeScalars.map(\.value) })
        #expect(scalarKeys.contains([0x65, 0x301]) && scalarKeys.contains([0xE9]))
        let negativeZero = try #require(data["negativeZero"]?.doubleValue)
        #expect(negativeZero == 0 && negativeZero.sign == .minus)
        #expect(data["intVersusDouble"] == [1, 1.0])
        #expect(data["intVersusDouble"] != [1, 1])
    }

    @Test(arguments: allStores)
    func createTwiceKeepsTheFirst(_ factory: StoreFactory) async throws {
        let store = try await factory.make()
        let key = Self.newKey()
        let first = Self.record(["n": 1])
        #expect(try await store.create(key, record: first))
        #expect(try await store.create(key, record: Self.record(["n": 2], at: Self.t0 + 1)) == false)
        #expect(try await store.load(key, now: Self.t0 + 1) == first)
    }

    // MARK: apply

    @Test(arguments: allStores)
    func applyMergesOnlyTheChangedKeysIntoTheCurrentRecord(_ factory: StoreFactory) async throws {
        let store = try await factory.make()
        let t0 = Self.t0
        let key = Self.newKey()
        let original = Self.record(["a": 1, "b": 2, "c": 3], deadline: t0 + 86_400)
        #expect(try await store.create(key, record: original))

        // Two requests loaded `original`; the first saves a = 10 …
        let first = Self.changes([("a", 10)], at: t0 + 10)
        let afterFirst = try #require(try await store.apply(first, to: key))
        #expect(afterFirst.data == ["a": 10, "b": 2, "c": 3])
        #expect(afterFirst.version == 2)
        #expect(afterFirst.lastAccessAt == t0 + 10)
        #expect(afterFirst.expiresAt == t0 + 3_610)

        // … the second removes b and sets d (and turns remember-me on, the deadline off): it
        // must not bring back a = 1.
        let second = Self.changes(
            [("b", nil), ("d", "four")], at: t0 + 20, ttl: 7_200,
            idleTimeoutOverride: .some(1_209_600), absoluteDeadline: .some(nil))
        let afterSecond = try #require(try await store.apply(second, to: key))
        #expect(afterSecond.data == ["a": 10, "c": 3, "d": "four"])
        #expect(afterSecond == second.applied(to: first.applied(to: original)))
        #expect(afterSecond.version == 3)
        #expect(afterSecond.createdAt == t0)
        #expect(afterSecond.lastAccessAt == t0 + 20)
        #expect(afterSecond.expiresAt == t0 + 7_220)
        #expect(afterSecond.idleTimeoutOverride == 1_209_600)
        #expect(afterSecond.absoluteDeadline == nil)
        #expect(try await store.load(key, now: t0 + 20) == afterSecond)

        // A touch (no keys) keeps the data and the overrides, and still bumps the version.
        let touch = Self.changes([], at: t0 + 30)
        let afterTouch = try #require(try await store.apply(touch, to: key))
        #expect(afterTouch.data == afterSecond.data)
        #expect(afterTouch.idleTimeoutOverride == 1_209_600)
        #expect(afterTouch.absoluteDeadline == nil)
        #expect(afterTouch.version == 4)
        #expect(afterTouch.lastAccessAt == t0 + 30)
        #expect(try await store.load(key, now: t0 + 30) == afterTouch)
    }

    /// The engine passes the record it loaded as `base`; a store may compare-and-set on its
    /// version, but a base that another write (or a delete, or expiry) made stale never wins.
    @Test(arguments: allStores)
    func applyWithAStaleBaseStillMergesOntoTheCurrentRecord(_ factory: StoreFactory) async throws {
        let store = try await factory.make()
        let t0 = Self.t0
        let key = Self.newKey()
        let original = Self.record(["a": 1, "b": 2])
        #expect(try await store.create(key, record: original))

        // Two requests loaded `original`. The first saves with a fresh base …
        var first = Self.changes([("a", 10)], at: t0 + 10)
        first.base = original
        let afterFirst = try #require(try await store.apply(first, to: key))
        #expect(afterFirst == first.applied(to: original))
        #expect(try await store.load(key, now: t0 + 10) == afterFirst)

        // … so the second's base is stale: its change lands on the current record, a stays 10.
        var second = Self.changes([("b", nil), ("c", 3)], at: t0 + 20)
        second.base = original
        let afterSecond = try #require(try await store.apply(second, to: key))
        #expect(afterSecond.data == ["a": 10, "c": 3])
        #expect(afterSecond.version == 3)
        #expect(afterSecond == second.applied(to: afterFirst))
        #expect(try await store.load(key, now: t0 + 20) == afterSecond)

        // A base whose version is current but whose record was deleted: nothing written.
        try await store.delete(key)
        var third = Self.changes([("d", 4)], at: t0 + 30)
        third.base = afterSecond
        #expect(try await store.apply(third, to: key) == nil)
        #expect(try await store.load(key, now: t0 + 30) == nil)

        // A current base of a record that expired by the save's time: nothing written.
        let short = Self.newKey()
        let brief = Self.record(["e": 5], ttl: 100)
        #expect(try await store.create(short, record: brief))
        var late = Self.changes([("e", 6)], at: t0 + 100)
        late.base = brief
        #expect(try await store.apply(late, to: short) == nil)
        #expect(try await store.load(short, now: t0 + 100) == nil)
    }

    @Test(arguments: allStores)
    func applyToMissingRecordWritesNothing(_ factory: StoreFactory) async throws {
        let store = try await factory.make()
        let key = Self.newKey()
        #expect(try await store.apply(Self.changes([("a", 1)], at: Self.t0), to: key) == nil)
        #expect(try await store.load(key, now: Self.t0) == nil)
        if let inspectable = store as? any InspectableSessionStore {
            #expect(try await inspectable.count() == 0)
        }
    }

    @Test(arguments: allStores)
    func applyToExpiredRecordWritesNothing(_ factory: StoreFactory) async throws {
        let store = try await factory.make()
        let t0 = Self.t0
        let key = Self.newKey()
        let original = Self.record(["a": 1], ttl: 100)
        #expect(try await store.create(key, record: original))
        // Expired at exactly expiresAt.
        #expect(try await store.apply(Self.changes([("a", 2)], at: t0 + 100), to: key) == nil)
        // Not resurrected, not modified: either gone or untouched.
        let after = try await store.load(key, now: t0 + 50)
        #expect(after == nil || after == original)
        #expect(try await store.load(key, now: t0 + 100) == nil)
    }

    @Test(arguments: allStores)
    func applyAfterDeleteWritesNothing(_ factory: StoreFactory) async throws {
        let store = try await factory.make()
        let key = Self.newKey()
        #expect(try await store.create(key, record: Self.record(["a": 1])))
        try await store.delete(key)
        #expect(try await store.apply(Self.changes([("a", 2)], at: Self.t0 + 1), to: key) == nil)
        #expect(try await store.load(key, now: Self.t0 + 1) == nil)
    }

    // MARK: delete / expiry

    @Test(arguments: allStores)
    func deleteRemovesAndToleratesMissing(_ factory: StoreFactory) async throws {
        let store = try await factory.make()
        let key = Self.newKey()
        let other = Self.newKey()
        #expect(try await store.create(key, record: Self.record(["a": 1])))
        #expect(try await store.create(other, record: Self.record(["b": 2])))
        try await store.delete(key)
        #expect(try await store.load(key, now: Self.t0) == nil)
        #expect(try await store.load(other, now: Self.t0)?.data == ["b": 2])
        try await store.delete(key)
        try await store.delete(Self.newKey())
        // The key is free again.
        #expect(try await store.create(key, record: Self.record(["a": 3])))
        #expect(try await store.load(key, now: Self.t0)?.data == ["a": 3])
    }

    @Test(arguments: allStores)
    func recordExpiresAtExactlyExpiresAt(_ factory: StoreFactory) async throws {
        let store = try await factory.make()
        let t0 = Self.t0
        let key = Self.newKey()
        let record = Self.record(["a": 1], ttl: 100)
        #expect(try await store.create(key, record: record))
        #expect(try await store.load(key, now: t0 + 99) == record)
        #expect(try await store.load(key, now: t0 + 100) == nil)
        #expect(try await store.load(key, now: t0 + 101) == nil)
    }

    // MARK: concurrency

    /// Many loads at once — distinct keys, the same key several times, missing keys, records
    /// already expired — each get exactly their own answer (stores that batch concurrent loads
    /// must not mix them up).
    @Test(.seeded, arguments: allStores)
    func concurrentLoadsEachGetTheirOwnRecord(_ factory: StoreFactory) async throws {
        let store = try await factory.make()
        let t0 = Self.t0
        var asks: [(SessionStorageKey, Int64, Int?)] = []
        for i in 0..<60 {
            let key = Self.newKey()
            #expect(try await store.create(key, record: Self.record(["i": .int(i)], ttl: 1_000 + Int64(i))))
            asks.append((key, t0 + Int64(i), i))
        }
        for i in 0..<10 {
            let key = Self.newKey()
            #expect(try await store.create(key, record: Self.record(["i": .int(i)], at: t0 - 100, ttl: 50)))
            asks.append((key, t0, nil))
        }
        for _ in 0..<10 { asks.append((Self.newKey(), t0, nil)) }
        var rng = TestSeed.generator()
        asks = (asks + asks + asks).shuffled(using: &rng)
        let wrong = try await withThrowingTaskGroup(of: Bool.self) { group in
            for (key, now, expected) in asks {
                group.addTask {
                    let found = try await store.load(key, now: now)
                    if let expected { return found?.data != ["i": .int(expected)] }
                    return found != nil
                }
            }
            var wrong = 0
            for try await isWrong in group where isWrong { wrong += 1 }
            return wrong
        }
        #expect(wrong == 0, "\(wrong) of \(asks.count) concurrent loads got another answer than their own")
    }

    struct ParallelOutcome {
        /// Keys that do not hold the value of their task's last apply.
        var lostKeys: Int
        /// Applies that found no record although one existed all along.
        var failedApplies: Int
        var finalVersion: UInt64?
    }

    /// `tasks` tasks each apply `rounds` sets of their own key to one record, all at once. With
    /// `loadingFirst`, each apply is preceded by a load whose record goes along as the change
    /// set's `base`, as the engine does: stores that compare-and-set on it meet stale bases.
    static func parallelApplies(
        on store: any SessionStore, tasks: Int = 32, rounds: Int = 50, loadingFirst: Bool = false
    ) async throws -> ParallelOutcome {
        let key = newKey()
        let t0 = Self.t0
        #expect(try await store.create(key, record: record(["shared": "yes"])))
        let failed = try await withThrowingTaskGroup(of: Int.self) { group in
            for task in 0..<tasks {
                group.addTask {
                    var failed = 0
                    for round in 0..<rounds {
                        let value = SessionValue.int(task * 1_000 + round)
                        var set = changes([("k\(task)", value)], at: t0 + 1)
                        if loadingFirst { set.base = try await store.load(key, now: t0 + 1) }
                        if try await store.apply(set, to: key) == nil { failed += 1 }
                    }
                    return failed
                }
            }
            return try await group.reduce(0, +)
        }
        let final = try await store.load(key, now: t0 + 1)
        var lost = 0
        for task in 0..<tasks where final?.data["k\(task)"] != .int(task * 1_000 + rounds - 1) {
            lost += 1
        }
        if final?.data["shared"] != "yes" { lost += 1 }
        return ParallelOutcome(lostKeys: lost, failedApplies: failed, finalVersion: final?.version)
    }

    @Test(arguments: allStores, [false, true])
    func parallelAppliesLoseNoUpdate(_ factory: StoreFactory, loadingFirst: Bool) async throws {
        let store = try await factory.make()
        let outcome = try await Self.parallelApplies(on: store, loadingFirst: loadingFirst)
        #expect(outcome.lostKeys == 0)
        #expect(outcome.failedApplies == 0)
        #expect(outcome.finalVersion == 1 + 32 * 50)
    }

    /// The negative control: a store whose apply is a read-modify-write without atomicity must
    /// fail the check above, or the check proves nothing.
    @Test func parallelAppliesCheckCatchesANaiveStore() async throws {
        var lost = 0
        for _ in 0..<5 where lost == 0 {
            lost = try await Self.parallelApplies(on: NaiveLastWriterWinsStore()).lostKeys
        }
        #expect(lost > 0)
    }

    @Test(arguments: allStores)
    func removalRacingWithASetKeepsBoth(_ factory: StoreFactory) async throws {
        let store = try await factory.make()
        let t0 = Self.t0
        for _ in 0..<20 {
            let key = Self.newKey()
            #expect(try await store.create(key, record: Self.record(["x": 1, "keep": "k"])))
            async let removal = store.apply(Self.changes([("x", nil)], at: t0 + 1), to: key)
            async let set = store.apply(Self.changes([("y", 2)], at: t0 + 1), to: key)
            let (r1, r2) = try await (removal, set)
            #expect(r1 != nil && r2 != nil)
            let final = try #require(try await store.load(key, now: t0 + 1))
            #expect(final.data == ["keep": "k", "y": 2])
            #expect(final.version == 3)
        }
    }

    /// Many tasks each remove their own key once and keep setting another key of their own: a
    /// key one request removed and no other touched stays removed, and no set is lost.
    @Test(arguments: allStores)
    func parallelRemovalsStayRemoved(_ factory: StoreFactory) async throws {
        let store = try await factory.make()
        let t0 = Self.t0
        let tasks = 16
        let rounds = 10
        let key = Self.newKey()
        var initial: SessionObject = ["keep": "k"]
        for task in 0..<tasks { initial["r\(task)"] = .int(task) }
        #expect(try await store.create(key, record: Self.record(initial)))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<tasks {
                group.addTask {
                    for round in 0..<rounds {
                        var pairs: [(String, SessionValue?)] = [("w\(task)", .int(round))]
                        if round == rounds / 2 { pairs.append(("r\(task)", nil)) }
                        let merged = try await store.apply(Self.changes(pairs, at: t0 + 1), to: key)
                        #expect(merged != nil)
                    }
                }
            }
            try await group.waitForAll()
        }
        var expected: SessionObject = ["keep": "k"]
        for task in 0..<tasks { expected["w\(task)"] = .int(rounds - 1) }
        let final = try #require(try await store.load(key, now: t0 + 1))
        #expect(final.data == expected)
        #expect(final.version == UInt64(1 + tasks * rounds))
    }

    // MARK: move (regenerate)

    @Test(arguments: allStores)
    func moveMergesIntoTheNewKeyAndRemovesTheOld(_ factory: StoreFactory) async throws {
        let store = try await factory.make()
        let t0 = Self.t0
        let (old, new) = (Self.newKey(), Self.newKey())
        let original = Self.record(["cart": ["apple"], "gone": 1], deadline: t0 + 86_400, version: 9)
        #expect(try await store.create(old, record: original))
        let set = Self.changes(
            [("username", "admin"), ("gone", nil)], at: t0 + 10, ttl: 7_200, idleTimeoutOverride: .some(1_209_600))
        let moved = try #require(try await store.move(set, from: old, to: new))
        #expect(moved == set.movedRecord(from: original))
        #expect(moved.data == ["cart": ["apple"], "username": "admin"])
        #expect(moved.version == 1)
        #expect(moved.createdAt == t0)
        #expect(moved.lastAccessAt == t0 + 10)
        #expect(moved.expiresAt == t0 + 7_210)
        #expect(moved.idleTimeoutOverride == 1_209_600)
        #expect(moved.absoluteDeadline == t0 + 86_400)
        #expect(try await store.load(new, now: t0 + 10) == moved)
        #expect(try await store.load(old, now: t0 + 10) == nil)
        // The old key is dead for good: an apply does not bring it back.
        #expect(try await store.apply(Self.changes([("late", 1)], at: t0 + 11), to: old) == nil)
        #expect(try await store.load(old, now: t0 + 11) == nil)
        // The new key is an ordinary record.
        let after = try #require(try await store.apply(Self.changes([("x", 1)], at: t0 + 12), to: new))
        #expect(after.version == 2 && after.data["x"] == 1)
        if let inspectable = store as? any InspectableSessionStore {
            #expect(try await inspectable.count() == 1)
        }
    }

    @Test(arguments: allStores)
    func moveOfAMissingOrExpiredRecordWritesNothing(_ factory: StoreFactory) async throws {
        let store = try await factory.make()
        let t0 = Self.t0
        let (missing, expired, deleted, new) = (Self.newKey(), Self.newKey(), Self.newKey(), Self.newKey())
        #expect(try await store.move(Self.changes([("a", 1)], at: t0), from: missing, to: new) == nil)
        #expect(try await store.create(expired, record: Self.record(["a": 1], ttl: 100)))
        #expect(try await store.move(Self.changes([("a", 2)], at: t0 + 100), from: expired, to: new) == nil)
        #expect(try await store.create(deleted, record: Self.record(["a": 1])))
        try await store.delete(deleted)
        #expect(try await store.move(Self.changes([("a", 3)], at: t0 + 1), from: deleted, to: new) == nil)
        #expect(try await store.load(new, now: t0) == nil)
        #expect(try await store.load(expired, now: t0 + 100) == nil)
        #expect(try await store.load(deleted, now: t0) == nil)
    }

    @Test(arguments: allStores)
    func moveOntoALiveRecordIsAConflictAndWritesNothing(_ factory: StoreFactory) async throws {
        let store = try await factory.make()
        let t0 = Self.t0
        let (old, taken) = (Self.newKey(), Self.newKey())
        let oldRecord = Self.record(["who": "old"])
        let takenRecord = Self.record(["who": "taken"])
        #expect(try await store.create(old, record: oldRecord))
        #expect(try await store.create(taken, record: takenRecord))
        do {
            _ = try await store.move(Self.changes([("x", 1)], at: t0 + 1), from: old, to: taken)
            Issue.record("move onto a live record succeeded")
        } catch let error as SessionStoreError {
            #expect(error.kind == .conflict)
        }
        #expect(try await store.load(old, now: t0 + 1) == oldRecord)
        #expect(try await store.load(taken, now: t0 + 1) == takenRecord)

        // An expired record under the new key is replaced.
        let (old2, stale) = (Self.newKey(), Self.newKey())
        #expect(try await store.create(old2, record: Self.record(["who": "old2"])))
        #expect(try await store.create(stale, record: Self.record(["who": "stale"], ttl: 10)))
        let moved = try #require(try await store.move(Self.changes([], at: t0 + 10), from: old2, to: stale))
        #expect(moved.data == ["who": "old2"])
        #expect(try await store.load(stale, now: t0 + 10) == moved)
        #expect(try await store.load(old2, now: t0 + 10) == nil)
    }

    struct RacedWrites {
        /// Per task: the values of its applies that succeeded, in order.
        var succeeded: [[Int]]
        /// Per task: whether an apply succeeded after one had failed (a resurrected id).
        var succeededAfterFailure: [Bool]
    }

    /// `tasks` tasks each apply `rounds` sets of their own key `k<task>` to `key`; the task whose
    /// apply completes the first half runs `interrupt` (a move or a delete of `key`) while the
    /// others go on, so some applies certainly come after it.
    static func appliesRacing(
        on store: any SessionStore, key: SessionStorageKey, tasks: Int = 16, rounds: Int = 40,
        interrupt: @escaping @Sendable () async throws -> Void
    ) async throws -> RacedWrites {
        let t0 = Self.t0
        let done = LockedValue(0)
        var outcome = RacedWrites(
            succeeded: Array(repeating: [], count: tasks), succeededAfterFailure: Array(repeating: false, count: tasks))
        try await withThrowingTaskGroup(of: (Int, [Int], Bool).self) { group in
            for task in 0..<tasks {
                group.addTask {
                    var succeeded: [Int] = []
                    var failedOnce = false
                    var resurrected = false
                    for round in 0..<rounds {
                        let value = task * 1_000 + round
                        let merged = try await store.apply(Self.changes([("k\(task)", .int(value))], at: t0 + 1), to: key)
                        if merged != nil {
                            succeeded.append(value)
                            if failedOnce { resurrected = true }
                        } else {
                            failedOnce = true
                        }
                        if done.withLock({ n in n += 1; return n }) == tasks * rounds / 2 {
                            try await interrupt()
                        }
                    }
                    return (task, succeeded, resurrected)
                }
            }
            for try await (task, succeeded, resurrected) in group {
                outcome.succeeded[task] = succeeded
                outcome.succeededAfterFailure[task] = resurrected
            }
        }
        return outcome
    }

    struct RegenerateOutcome {
        /// Changes that succeeded on the old id (before the move) but are not in the new record.
        var lostKeys: Int
        /// Applies to the old id that succeeded after one had failed, or after the move.
        var resurrections: Int
        var oldAlive: Bool
        /// The move happened while applies were still failing and succeeding around it.
        var appliesFailed: Int
    }

    /// Regenerate (a move to a new key) while 16 tasks keep applying changes to the old key.
    static func regenerateDuringWrites(on store: any SessionStore) async throws -> RegenerateOutcome {
        let t0 = Self.t0
        let (old, new) = (newKey(), newKey())
        #expect(try await store.create(old, record: record(["cart": ["apple"]])))
        let movedRecord = LockedValue<SessionRecord?>(nil)
        let raced = try await appliesRacing(on: store, key: old) {
            let moved = try await store.move(changes([("username", "admin")], at: t0 + 1), from: old, to: new)
            movedRecord.withLock { $0 = moved }
        }
        let moved = try #require(movedRecord.withLock { $0 })
        let final = try #require(try await store.load(new, now: t0 + 1))
        var lost = 0
        var resurrections = raced.succeededAfterFailure.filter { $0 }.count
        for (task, values) in raced.succeeded.enumerated() {
            let inNew = final.data["k\(task)"]
            // Every apply that succeeded did so before the move: the last one is in the new record.
            if inNew != values.last.map({ SessionValue.int($0) }) { lost += 1 }
            // The move's own result agrees with what is stored (nothing applied to the new key).
            if moved.data["k\(task)"] != inNew { resurrections += 1 }
        }
        if final.data["cart"] != ["apple"] || final.data["username"] != "admin" { lost += 1 }
        let failed = raced.succeeded.reduce(0) { $0 + (40 - $1.count) }
        return RegenerateOutcome(
            lostKeys: lost, resurrections: resurrections,
            oldAlive: try await store.load(old, now: t0 + 1) != nil, appliesFailed: failed)
    }

    @Test(arguments: allStores)
    func regenerateDuringWritesKeepsEveryEarlierChangeAndNeverResurrects(_ factory: StoreFactory) async throws {
        let store = try await factory.make()
        let outcome = try await Self.regenerateDuringWrites(on: store)
        #expect(outcome.lostKeys == 0)
        #expect(outcome.resurrections == 0)
        #expect(!outcome.oldAlive)
        #expect(outcome.appliesFailed > 0)  // the move did land among the writes
    }

    /// The negative control: apply → create → delete (the sequence the engine used before
    /// `move`) loses the applies that land between the create and the delete.
    @Test func regenerateCheckCatchesANaiveMove() async throws {
        var caught = false
        for _ in 0..<20 where !caught {
            let outcome = try await Self.regenerateDuringWrites(on: NaiveLastWriterWinsStore())
            caught = outcome.lostKeys > 0 || outcome.resurrections > 0 || outcome.oldAlive
        }
        #expect(caught)
    }

    @Test(arguments: allStores)
    func destroyDuringWritesNeverResurrects(_ factory: StoreFactory) async throws {
        let store = try await factory.make()
        let t0 = Self.t0
        let key = Self.newKey()
        #expect(try await store.create(key, record: Self.record(["username": "admin"])))
        let raced = try await Self.appliesRacing(on: store, key: key) { try await store.delete(key) }
        #expect(raced.succeededAfterFailure.allSatisfy { !$0 })
        #expect(raced.succeeded.reduce(0) { $0 + $1.count } < 16 * 40)
        #expect(try await store.load(key, now: t0 + 1) == nil)
        #expect(try await store.apply(Self.changes([("late", 1)], at: t0 + 2), to: key) == nil)
        #expect(try await store.load(key, now: t0 + 2) == nil)
        if let inspectable = store as? any InspectableSessionStore {
            #expect(try await inspectable.count() == 0)
        }
    }

    // MARK: optional capabilities

    @Test(arguments: allStores)
    func sweepRemovesOnlyExpiredRecords(_ factory: StoreFactory) async throws {
        // Stores with native expiry are not `SweepableSessionStore`s: nothing to test.
        guard let store = try await factory.make() as? any SweepableSessionStore else { return }
        let t0 = Self.t0
        var expired: [SessionStorageKey] = []
        var live: [SessionStorageKey] = []
        for ttl: Int64 in [10, 20, 50, 30] {  // 50: expired at exactly the sweep's `now`
            let key = Self.newKey()
            #expect(try await store.create(key, record: Self.record(["ttl": .int(Int(ttl))], ttl: ttl)))
            expired.append(key)
        }
        for ttl: Int64 in [51, 1_000, 100_000] {
            let key = Self.newKey()
            #expect(try await store.create(key, record: Self.record(["ttl": .int(Int(ttl))], ttl: ttl)))
            live.append(key)
        }
        #expect(try await store.sweep(now: t0 + 50, limit: 100) == 4)
        #expect(try await store.sweep(now: t0 + 50, limit: 100) == 0)
        for key in live { #expect(try await store.load(key, now: t0 + 50) != nil) }
        for key in expired { #expect(try await store.load(key, now: t0) == nil) }

        // `limit` bounds one sweep.
        for _ in 0..<3 {
            #expect(try await store.create(Self.newKey(), record: Self.record([:], ttl: 5)))
        }
        #expect(try await store.sweep(now: t0 + 50, limit: 2) == 2)
        #expect(try await store.sweep(now: t0 + 50, limit: 2) == 1)
        for key in live { #expect(try await store.load(key, now: t0 + 50) != nil) }
    }

    @Test(arguments: allStores)
    func inspectionCountsAndListsRecords(_ factory: StoreFactory) async throws {
        guard let store = try await factory.make() as? any InspectableSessionStore else { return }
        #expect(try await store.count() == 0)
        #expect(try await store.keys(limit: 10).isEmpty)
        let keys = (0..<3).map { _ in Self.newKey() }
        for key in keys { #expect(try await store.create(key, record: Self.record([:]))) }
        #expect(try await store.count() == 3)
        #expect(Set(try await store.keys(limit: 10)) == Set(keys))
        #expect(try await store.keys(limit: 2).count == 2)
        try await store.delete(keys[0])
        #expect(try await store.count() == 2)
        #expect(Set(try await store.keys(limit: 10)) == Set(keys.dropFirst()))
    }
}

/// A value behind a lock that escaping closures can share.
final class LockedValue<Value: Sendable>: Sendable {
    private let value: Mutex<Value>
    init(_ value: Value) { self.value = Mutex(value) }
    func withLock<R: Sendable>(_ body: (inout Value) -> R) -> R { value.withLock { body(&$0) } }
}

/// Test-only: apply as load → merge → delete → create with a suspension in between, the
/// read-modify-write race a real store must not have. `parallelAppliesCheckCatchesANaiveStore`
/// proves the conformance suite detects it.
final class NaiveLastWriterWinsStore: SessionStore {
    private let records = Mutex<[SessionStorageKey: SessionRecord]>([:])

    func load(_ key: SessionStorageKey, now: Int64) async throws -> SessionRecord? {
        guard let record = records.withLock({ $0[key] }), !record.isExpired(at: now) else { return nil }
        return record
    }

    func create(_ key: SessionStorageKey, record: SessionRecord) async throws -> Bool {
        records.withLock { records in
            guard records[key] == nil else { return false }
            records[key] = record
            return true
        }
    }

    func apply(_ changes: SessionChangeSet, to key: SessionStorageKey) async throws -> SessionRecord? {
        guard let current = try await load(key, now: changes.now) else { return nil }
        await Task.yield()
        let merged = changes.applied(to: current)
        try await delete(key)
        _ = try await create(key, record: merged)
        return merged
    }

    /// The racy regenerate: apply, then create, then delete, with suspensions in between.
    func move(_ changes: SessionChangeSet, from old: SessionStorageKey, to new: SessionStorageKey) async throws -> SessionRecord? {
        guard var merged = try await apply(changes, to: old) else { return nil }
        await Task.yield()
        merged.version = 1
        _ = try await create(new, record: merged)
        await Task.yield()
        try await delete(old)
        return merged
    }

    func delete(_ key: SessionStorageKey) async throws {
        _ = records.withLock { $0.removeValue(forKey: key) }
    }
}

// MARK: - Memory store

/// What only `MemorySessionStore` promises: bounded size with expired-first-then-LRU eviction,
/// heap-driven sweeps, scale, and internal consistency under concurrency.
@Suite struct MemorySessionStoreTests {
    static let t0 = StoreConformanceTests.t0

    static func key(_ n: Int) -> SessionStorageKey {
        // Distinct, and spread over all four words of the key.
        var hex = String(UInt64(bitPattern: Int64(n)) &* 0x9E37_79B9_7F4A_7C15, radix: 16)
        hex = String(repeating: "0", count: 16 - hex.count) + hex
        return SessionStorageKey(hex: String(repeating: hex, count: 4))!
    }

    static func record(at now: Int64 = t0, ttl: Int64 = 3_600, _ data: SessionObject = [:]) -> SessionRecord {
        StoreConformanceTests.record(data, at: now, ttl: ttl)
    }

    /// Keys are held as digest bytes and written as hex: both ways agree, and so do == and hashing.
    @Test func storageKeysRoundTripThroughHex() async throws {
        var seen = Set<SessionStorageKey>()
        for _ in 0..<100 {
            let key = SessionID.generate().storageKey
            let again = try #require(SessionStorageKey(hex: key.hex))
            #expect(again == key && again.hex == key.hex)
            seen.insert(key)
            seen.insert(again)
        }
        #expect(seen.count == 100)
        let edgeHex = String(repeating: "f", count: 32) + String(repeating: "0", count: 31) + "9"
        let edge = try #require(SessionStorageKey(hex: edgeHex))
        #expect(edge.hex == edgeHex)
        #expect(edge != SessionStorageKey(hex: String(repeating: "f", count: 32) + String(repeating: "0", count: 31) + "8"))
    }

    @Test func evictsExpiredRecordsFirstThenTheLeastRecentlyUsed() async throws {
        let store = MemorySessionStore(maxSessions: 3, clock: .fixed(Double(Self.t0)))
        let t0 = Self.t0
        let (a, b, c, d, e, f) = (Self.key(1), Self.key(2), Self.key(3), Self.key(4), Self.key(5), Self.key(6))
        #expect(try await store.create(a, record: Self.record(ttl: 100)))
        #expect(try await store.create(b, record: Self.record(ttl: 5)))
        #expect(try await store.create(c, record: Self.record(ttl: 100)))
        _ = try await store.load(a, now: t0)
        _ = try await store.load(b, now: t0)
        #expect(store.keysByRecency() == [c, a, b])

        // b is the most recently used, but expired by d's creation time: it goes first.
        #expect(try await store.create(d, record: Self.record(at: t0 + 10, ttl: 100)))
        // Eviction order: never used since creation (c, d), then used again (a).
        #expect(store.keysByRecency() == [c, d, a])
        #expect(try await store.load(b, now: t0) == nil)

        // Nothing expired: the least recently used of those never used again (c) goes.
        #expect(try await store.create(e, record: Self.record(at: t0 + 10, ttl: 100)))
        #expect(store.keysByRecency() == [d, e, a])

        // apply counts as use: d is protected now, e is the eviction candidate.
        #expect(try await store.apply(StoreConformanceTests.changes([("x", 1)], at: t0 + 11), to: d) != nil)
        #expect(try await store.create(f, record: Self.record(at: t0 + 12, ttl: 100)))
        #expect(store.keysByRecency() == [f, a, d])
        #expect(try await store.count() == 3)
        #expect(store.invariantViolation() == nil)
    }

    @Test func createReplacesAnExpiredRecordWithoutEvicting() async throws {
        let store = MemorySessionStore(maxSessions: 2)
        let (a, b) = (Self.key(1), Self.key(2))
        #expect(try await store.create(a, record: Self.record(ttl: 10)))
        #expect(try await store.create(b, record: Self.record(ttl: 100)))
        // A live record blocks creation; an expired one (at the new record's time) does not.
        #expect(try await store.create(a, record: Self.record(at: Self.t0 + 9)) == false)
        let fresh = Self.record(at: Self.t0 + 10, ["new": true])
        #expect(try await store.create(a, record: fresh))
        #expect(try await store.load(a, now: Self.t0 + 10) == fresh)
        #expect(try await store.load(b, now: Self.t0 + 10) != nil)
        #expect(store.invariantViolation() == nil)
    }

    @Test func expiredRecordsAreRemovedWhenMet() async throws {
        let store = MemorySessionStore()
        let (a, b) = (Self.key(1), Self.key(2))
        #expect(try await store.create(a, record: Self.record(ttl: 10)))
        #expect(try await store.create(b, record: Self.record(ttl: 10)))
        #expect(try await store.load(a, now: Self.t0 + 10) == nil)
        #expect(try await store.apply(StoreConformanceTests.changes([], at: Self.t0 + 10), to: b) == nil)
        #expect(try await store.count() == 0)
        #expect(store.invariantViolation() == nil)
    }

    @Test(.seeded) func sweepFollowsTheHeapThroughExpiryChanges() async throws {
        let store = MemorySessionStore()
        let t0 = Self.t0
        var rng = TestSeed.generator()
        var expiries: [SessionStorageKey: Int64] = [:]
        for n in 0..<1_000 {
            let ttl = Int64.random(in: 1...1_000, using: &rng)
            #expect(try await store.create(Self.key(n), record: Self.record(ttl: ttl)))
            expiries[Self.key(n)] = t0 + ttl
        }
        // Move some expiries later and some earlier.
        for n in stride(from: 0, to: 1_000, by: 3) {
            let ttl = Int64.random(in: 1...2_000, using: &rng)
            let result = try await store.apply(StoreConformanceTests.changes([], at: t0, ttl: ttl), to: Self.key(n))
            #expect(result != nil)
            expiries[Self.key(n)] = t0 + ttl
        }
        #expect(store.invariantViolation() == nil)
        for cut: Int64 in [0, 250, 500, 1_000, 1_500, 2_000] {
            let now = t0 + cut
            let due = expiries.filter { $0.value <= now }.count
            #expect(try await store.sweep(now: now, limit: .max) == due)
            expiries = expiries.filter { $0.value > now }
            #expect(try await store.count() == expiries.count)
            #expect(store.invariantViolation() == nil)
        }
        #expect(try await store.count() == 0)
    }

    @Test func sweepTakesTheEarliestExpiriesFirst() async throws {
        let store = MemorySessionStore()
        for n in 0..<10 {
            #expect(try await store.create(Self.key(n), record: Self.record(ttl: Int64(10 - n))))
        }
        #expect(try await store.sweep(now: Self.t0 + 100, limit: 3) == 3)
        // The three with the earliest expiry (n = 9, 8, 7) are gone.
        for n in 0..<10 {
            let present = try await store.load(Self.key(n), now: Self.t0) != nil
            #expect(present == (n < 7))
        }
    }

    @Test func largeSweepsCrossLockBatches() async throws {
        let store = MemorySessionStore()
        for n in 0..<5_000 {
            #expect(try await store.create(Self.key(n), record: Self.record(ttl: n < 4_000 ? 10 : 100)))
        }
        #expect(try await store.sweep(now: Self.t0 + 10, limit: 2_500) == 2_500)
        #expect(try await store.sweep(now: Self.t0 + 10, limit: .max) == 1_500)
        #expect(try await store.count() == 1_000)
        #expect(store.invariantViolation() == nil)
    }

    @Test func periodicSweepRunsUntilCancelled() async throws {
        let store = MemorySessionStore(clock: .fixed(Double(Self.t0 + 50)))
        for n in 0..<20 {
            #expect(try await store.create(Self.key(n), record: Self.record(ttl: n < 15 ? 10 : 100)))
        }
        let sweeper = SessionSweeper(store, every: .milliseconds(5), batch: 4, clock: .fixed(Double(Self.t0 + 50)))
        let task = Task { try await sweeper.run() }
        var count = try await store.count()
        for _ in 0..<1_000 where count != 5 {
            try await Task.sleep(for: .milliseconds(5))
            count = try await store.count()
        }
        #expect(count == 5)
        task.cancel()
        try await task.value
    }

    @Test func sweepsReadTheGivenClock() async throws {
        let store = MemorySessionStore(clock: .fixed(Double(Self.t0 + 50)))
        for n in 0..<4 {
            #expect(try await store.create(Self.key(n), record: Self.record(ttl: n < 2 ? 10 : 100)))
        }
        // The store's clock…
        #expect(try await store.sweep() == 2)
        // … or the sweeper's own.
        let sweeper = SessionSweeper(store, every: .milliseconds(5), clock: .fixed(Double(Self.t0 + 100)))
        let task = Task { try await sweeper.run() }
        var count = try await store.count()
        for _ in 0..<1_000 where count != 0 {
            try await Task.sleep(for: .milliseconds(5))
            count = try await store.count()
        }
        #expect(count == 0)
        task.cancel()
        try await task.value
    }

    @Test func periodicSweepEndsWithTheStore() async throws {
        var store: MemorySessionStore? = MemorySessionStore()
        weak let weakStore = store
        let sweeper = SessionSweeper(store!, every: .milliseconds(1))
        let task = Task { try await sweeper.run() }
        store = nil
        try await task.value
        #expect(weakStore == nil)
    }

    /// The store against a straightforward model (dictionaries and an ordered list), over random
    /// operations at a small capacity: eviction order, expiry, sweeps and LRU order must agree.
    @Test(.seeded, arguments: [1, 2, 3, 4])
    func behavesLikeTheReferenceModel(stream: UInt64) async throws {
        var rng = TestSeed.generator(stream: stream)
        let capacity = 8
        let store = MemorySessionStore(maxSessions: capacity)
        var model = ReferenceModel(capacity: capacity)
        var now = Self.t0
        var usedExpiries: Set<Int64> = []
        func uniqueExpiry(_ rng: inout SplitMix64) -> Int64 {
            // Unique expiries make "the earliest expiry" unambiguous for the model.
            while true {
                let e = now + Int64.random(in: 1...60, using: &rng) * 7 + Int64.random(in: 0..<7, using: &rng)
                if usedExpiries.insert(e).inserted { return e }
            }
        }
        for step in 0..<3_000 {
            now += Int64.random(in: 0...2, using: &rng)
            let key = Self.key(Int.random(in: 0..<14, using: &rng))
            switch Int.random(in: 0..<100, using: &rng) {
            case 0..<30:
                var r = Self.record(at: now, ["step": .int(step)])
                r.expiresAt = uniqueExpiry(&rng)
                let got = try await store.create(key, record: r)
                let expected = model.create(key, r)
                #expect(got == expected, "step \(step)")
            case 30..<55:
                let got = try await store.load(key, now: now)
                let expected = model.load(key, now: now)
                #expect(got == expected, "step \(step)")
            case 55..<80:
                var set = StoreConformanceTests.changes(
                    [("k\(step % 3)", Bool.random(using: &rng) ? .int(step) : nil)], at: now)
                set.expiresAt = uniqueExpiry(&rng)
                let got = try await store.apply(set, to: key)
                let expected = model.apply(set, key)
                #expect(got == expected, "step \(step)")
            case 80..<90:
                try await store.delete(key)
                model.delete(key)
            default:
                let limit = Int.random(in: 0...3, using: &rng)
                let got = try await store.sweep(now: now, limit: limit)
                let expected = model.sweep(now: now, limit: limit)
                #expect(got == expected, "step \(step)")
            }
            #expect(store.keysByRecency() == model.recency, "step \(step)")
            if let violation = store.invariantViolation() {
                Issue.record("step \(step): \(violation)")
                return
            }
        }
    }

    @Test(.seeded) func concurrentMixedOperationsKeepTheStoreConsistent() async throws {
        let store = MemorySessionStore(maxSessions: 64)
        let t0 = Self.t0
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    var rng = TestSeed.generator(stream: UInt64(worker))
                    for step in 0..<2_000 {
                        let key = Self.key(Int.random(in: 0..<200, using: &rng))
                        let now = t0 + Int64(step / 10)
                        switch Int.random(in: 0..<10, using: &rng) {
                        case 0..<3:
                            let ttl = Int64.random(in: 1...100, using: &rng)
                            _ = try await store.create(key, record: Self.record(at: now, ttl: ttl))
                        case 3..<6:
                            _ = try await store.load(key, now: now)
                        case 6..<8:
                            let set = StoreConformanceTests.changes([("w\(worker)", .int(step))], at: now)
                            _ = try await store.apply(set, to: key)
                        case 8:
                            try await store.delete(key)
                        default:
                            _ = try await store.sweep(now: now, limit: 5)
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try await store.count() <= 64)
        #expect(store.invariantViolation() == nil)
    }

    @Test func holdsAHundredThousandSessions() async throws {
        let n = 100_000
        let store = MemorySessionStore(maxSessions: n)
        let keys = (0..<n).map { _ in SessionID.generate().storageKey }
        for (i, key) in keys.enumerated() {
            #expect(try await store.create(key, record: Self.record(["i": .int(i)])))
        }
        for (i, key) in keys.enumerated() {
            guard try await store.load(key, now: Self.t0)?.data["i"] == .int(i) else {
                Issue.record("record \(i) lost")
                return
            }
        }
        #expect(try await store.count() == n)
        // Full: one more evicts the least recently used, keys[0].
        #expect(try await store.create(Self.key(-1), record: Self.record()))
        #expect(try await store.count() == n)
        #expect(try await store.load(keys[0], now: Self.t0) == nil)
        #expect(try await store.load(keys[1], now: Self.t0) != nil)
        #expect(try await store.keys(limit: 10).count == 10)
        #expect(store.bookkeepingBytesPerRecord < 300, "\(store.bookkeepingBytesPerRecord) bytes")
    }
}

/// The reference the memory store is checked against: same contract, obvious O(n) code.
struct ReferenceModel {
    let capacity: Int
    var records: [SessionStorageKey: SessionRecord] = [:]
    /// Segmented LRU, each least recently used first: records created and not used since, and
    /// records used again (at most 80% of the capacity, literally `capacity * 4 / 5`).
    var probation: [SessionStorageKey] = []
    var protected: [SessionStorageKey] = []
    /// Eviction order, expiry aside.
    var recency: [SessionStorageKey] { probation + protected }

    init(capacity: Int) { self.capacity = capacity }

    /// A use after creation: to protected's end, its oldest back to probation's end when full.
    mutating func use(_ key: SessionStorageKey) {
        probation.removeAll { $0 == key }
        protected.removeAll { $0 == key }
        protected.append(key)
        if protected.count > max(1, capacity * 4 / 5) { probation.append(protected.removeFirst()) }
    }

    mutating func delete(_ key: SessionStorageKey) {
        records[key] = nil
        probation.removeAll { $0 == key }
        protected.removeAll { $0 == key }
    }

    mutating func create(_ key: SessionStorageKey, _ record: SessionRecord) -> Bool {
        let now = record.lastAccessAt
        if let existing = records[key] {
            guard existing.isExpired(at: now) else { return false }
        } else if records.count >= capacity {
            let earliest = records.min { $0.value.expiresAt < $1.value.expiresAt }!
            delete(earliest.value.isExpired(at: now) ? earliest.key : recency[0])
        }
        delete(key)
        records[key] = record
        probation.append(key)
        return true
    }

    mutating func load(_ key: SessionStorageKey, now: Int64) -> SessionRecord? {
        guard let record = records[key] else { return nil }
        if record.isExpired(at: now) {
            delete(key)
            return nil
        }
        use(key)
        return record
    }

    mutating func apply(_ changes: SessionChangeSet, _ key: SessionStorageKey) -> SessionRecord? {
        guard let record = records[key] else { return nil }
        if record.isExpired(at: changes.now) {
            delete(key)
            return nil
        }
        let merged = changes.applied(to: record)
        records[key] = merged
        use(key)
        return merged
    }

    mutating func sweep(now: Int64, limit: Int) -> Int {
        let due = records.filter { $0.value.isExpired(at: now) }.sorted { $0.value.expiresAt < $1.value.expiresAt }
        for (key, _) in due.prefix(limit) { delete(key) }
        return min(due.count, limit)
    }
}
