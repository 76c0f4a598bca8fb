import Logging
import Synchronization
import Testing

@testable import SessionKit

/// A clock tests move by hand.
final class TestClock: Sendable {
    private let seconds: Mutex<Double>
    init(_ start: Double = 1_700_000_000) { seconds = Mutex(start) }
    func advance(_ by: Double) { seconds.withLock { $0 += by } }
    var now: Int64 { seconds.withLock { Int64($0) } }
    var sessionClock: SessionClock { SessionClock { self.seconds.withLock { $0 } } }
}

/// Wraps a store and counts calls; can be switched to fail like a store that is down.
final class CountingStore: SessionStore, Sendable {
    let inner: any SessionStore
    private let counts = Mutex<[String: Int]>([:])
    private let failing = Mutex(false)
    private let applied = Mutex<[SessionChangeSet]>([])

    init(_ inner: any SessionStore) { self.inner = inner }

    func count(_ op: String) -> Int { counts.withLock { $0[op, default: 0] } }
    var total: Int { counts.withLock { $0.values.reduce(0, +) } }
    var writes: Int { count("create") + count("apply") + count("move") + count("delete") }
    func setFailing(_ value: Bool) { failing.withLock { $0 = value } }
    /// Every change set `apply` received, in order.
    var appliedChanges: [SessionChangeSet] { applied.withLock { $0 } }

    private func record(_ op: String) throws {
        counts.withLock { $0[op, default: 0] += 1 }
        if failing.withLock({ $0 }) { throw SessionStoreError(.unavailable, "\(op): connection refused (test)") }
    }

    func load(_ key: SessionStorageKey, now: Int64) async throws -> SessionRecord? {
        try record("load")
        return try await inner.load(key, now: now)
    }
    func create(_ key: SessionStorageKey, record r: SessionRecord) async throws -> Bool {
        try record("create")
        return try await inner.create(key, record: r)
    }
    func apply(_ changes: SessionChangeSet, to key: SessionStorageKey) async throws -> SessionRecord? {
        try record("apply")
        applied.withLock { $0.append(changes) }
        return try await inner.apply(changes, to: key)
    }
    func move(_ changes: SessionChangeSet, from old: SessionStorageKey, to new: SessionStorageKey) async throws -> SessionRecord? {
        try record("move")
        return try await inner.move(changes, from: old, to: new)
    }
    func delete(_ key: SessionStorageKey) async throws {
        try record("delete")
        try await inner.delete(key)
    }
}

/// A browser: keeps the session cookie between requests.
final class Browser: Sendable {
    let engine: SessionEngine
    private let jar = Mutex<String?>(nil)
    init(_ engine: SessionEngine) { self.engine = engine }

    var cookie: String? {
        get { jar.withLock { $0 } }
        set { jar.withLock { $0 = newValue } }
    }

    @discardableResult
    func request(_ handler: (Session) throws -> Void = { _ in }, touch: Bool = true) async throws -> SessionResponseHeaders {
        let pending = engine.begin(cookieHeaders: cookie.map { ["session=\($0)"] } ?? [])
        if touch { try handler(try await pending.session()) }
        let headers = try await engine.finish(pending)
        if let set = headers.setCookie {
            let value = set.split(separator: ";")[0].dropFirst("session=".count)
            cookie = value.isEmpty ? nil : String(value)
        }
        return headers
    }

    func read(_ key: String) async throws -> SessionValue? {
        var value: SessionValue?
        try await request { value = $0[key] }
        return value
    }
}

@Suite struct ServerSessionTests {
    let clock = TestClock()
    let store: CountingStore
    let engine: SessionEngine

    init() throws {
        store = CountingStore(MemorySessionStore())
        engine = try Self.engine(store: store, clock: clock)
    }

    static func engine(
        store: any SessionStore, clock: TestClock, _ configure: (inout SessionConfiguration) -> Void = { _ in }
    ) throws -> SessionEngine {
        var config = SessionConfiguration(secretKey: SecretKey("Sv8Kq3Lm7Xt2Rn9Wp4Zd-server-tests"))
        configure(&config)
        return try SessionEngine(configuration: config, storage: .server(store), clock: clock.sessionClock)
    }

    @Test func loginIsStoredServerSideAndTheCookieHoldsOnlyASignedID() async throws {
        let browser = Browser(engine)
        let headers = try await browser.request { $0["username"] = "admin" }
        let cookie = try #require(browser.cookie)
        #expect(headers.setCookie == "session=\(cookie); HttpOnly; Path=/; SameSite=Lax")
        let id = try #require(engine.idSigner.unsign(cookie))
        #expect(SessionID(validating: id) != nil)
        #expect(!cookie.contains("admin"))
        #expect(store.count("create") == 1)
        #expect(try await browser.read("username") == "admin")
    }

    /// Stores file sessions under this key: it must never change (sessions would be orphaned).
    @Test func storageKeyIsTheHexSHA256OfTheID() throws {
        let id = try #require(SessionID(validating: "AAAAAAAAAAAAAAAAAAAAAb-_9999999999999999999"))
        // Python: hashlib.sha256(id.encode()).hexdigest()
        #expect(id.storageKey.hex == "b3f03f7ad7dc975fe9125552c00fb216297057a7cda79e5ac0c115b84439c911")
        #expect(SessionStorageKey(hex: id.storageKey.hex) == id.storageKey)
    }

    @Test func lazySessionsCostNoStoreIO() async throws {
        let browser = Browser(engine)
        try await browser.request { $0["username"] = "admin" }
        let before = store.total
        try await browser.request(touch: false)  // handler never touches the session
        #expect(store.total == before)
        try await browser.request { _ = $0["username"] }  // read only, within the touch interval
        #expect(store.count("load") == 1 && store.writes == 1)
    }

    @Test func touchRewritesAnUnmodifiedSessionAtMostOncePerInterval() async throws {
        let browser = Browser(engine)
        try await browser.request { $0["username"] = "admin" }
        clock.advance(30)
        try await browser.request { _ = $0["username"] }
        #expect(store.count("apply") == 0)
        clock.advance(31)
        try await browser.request { _ = $0["username"] }
        #expect(store.count("apply") == 1)
        try await browser.request { _ = $0["username"] }
        #expect(store.count("apply") == 1)
    }

    @Test func unknownOrBadIDsGetANewSessionAndNeverReachTheStore() async throws {
        let forged = engine.idSigner.sign(SessionID.generate().rawValue)  // validly signed, unknown
        for bad in ["../../etc/passwd", "", String(repeating: "A", count: 10_000), "not-base64!!", "abc.def",
                    engine.idSigner.sign("../../etc/passwd"), forged, forged + "x"] {
            let browser = Browser(engine)
            browser.cookie = bad
            let loadsBefore = store.count("load")
            try await browser.request { s in
                #expect(s.isEmpty && s.isNew)
                s["username"] = "mallory"
            }
            // Only the validly signed well-formed id is looked up; nothing else reaches the store.
            #expect(store.count("load") - loadsBefore == (bad == forged ? 1 : 0), "\(bad.prefix(20))")
            let issued = try #require(browser.cookie)
            #expect(issued != bad)  // a client-chosen id is never adopted
            #expect(engine.idSigner.unsign(issued) != engine.idSigner.unsign(forged))
        }
    }

    @Test func regenerateKeepsDataAndKillsTheOldID() async throws {
        let browser = Browser(engine)
        try await browser.request { $0["cart"] = ["apple"] }
        let oldCookie = try #require(browser.cookie)
        try await browser.request { s in
            s["username"] = "admin"
            s.regenerate()
        }
        let newCookie = try #require(browser.cookie)
        #expect(newCookie != oldCookie)
        #expect(try await browser.read("cart") == ["apple"])
        #expect(try await browser.read("username") == "admin")
        let attacker = Browser(engine)
        attacker.cookie = oldCookie
        #expect(try await attacker.read("username") == nil)
    }

    @Test func destroyThenReplayIsLoggedOut() async throws {
        let browser = Browser(engine)
        try await browser.request { $0["username"] = "admin" }
        let stolen = try #require(browser.cookie)
        let headers = try await browser.request { $0.destroy() }
        #expect(headers.setCookie?.hasPrefix("session=; Expires=Thu, 01 Jan 1970") == true)
        #expect(browser.cookie == nil)
        let replay = Browser(engine)
        replay.cookie = stolen
        #expect(try await replay.read("username") == nil)
        #expect(try await store.count(inner: store.inner) == 0)
    }

    @Test func destroyThenSetStartsAFreshSessionWithANewID() async throws {
        let browser = Browser(engine)
        try await browser.request { $0["username"] = "admin" }
        let old = try #require(browser.cookie)
        try await browser.request { s in
            s.destroy()
            s["flash"] = "You were logged out"
        }
        let fresh = try #require(browser.cookie)
        #expect(fresh != old)
        #expect(try await browser.read("username") == nil)
        #expect(try await browser.read("flash") == "You were logged out")
    }

    @Test func idleTimeout() async throws {
        let engine = try Self.engine(store: store, clock: clock) { $0.idleTimeout = .seconds(600) }
        let browser = Browser(engine)
        try await browser.request { $0["username"] = "admin" }
        clock.advance(599)
        #expect(try await browser.read("username") == "admin")  // touched: idle restarts
        clock.advance(599)
        #expect(try await browser.read("username") == "admin")
        clock.advance(601)
        #expect(try await browser.read("username") == nil)
    }

    @Test func absoluteTimeoutCannotBeExtendedByActivity() async throws {
        let engine = try Self.engine(store: store, clock: clock) {
            $0.idleTimeout = .seconds(600)
            $0.absoluteTimeout = .seconds(1000)
        }
        let browser = Browser(engine)
        try await browser.request { $0["username"] = "admin" }
        for _ in 0..<3 {
            clock.advance(300)
            #expect(try await browser.read("username") == "admin")
            try await browser.request { $0["n"] = .int(Int(clock.now)) }
        }
        clock.advance(101)  // 1001 s after creation, though active a moment ago
        #expect(try await browser.read("username") == nil)
    }

    @Test func rememberMeOverridesBothTimeouts() async throws {
        let engine = try Self.engine(store: store, clock: clock) {
            $0.idleTimeout = .seconds(600)
            $0.absoluteTimeout = .seconds(3600)
        }
        let browser = Browser(engine)
        try await browser.request { s in
            s["username"] = "admin"
            s.isPermanent = true
            s.setTimeouts(idle: .seconds(30 * 86400), absolute: .seconds(30 * 86400))
        }
        #expect(try #require(browser.cookie).isEmpty == false)
        clock.advance(7 * 86400)
        #expect(try await browser.read("username") == "admin")
        // The permanent cookie carries the record's expiry.
        let headers = try await browser.request { $0["k"] = 1 }
        #expect(headers.setCookie?.contains("Expires=") == true)
    }

    @Test func aSlowRequestCannotResurrectADestroyedSession() async throws {
        let browser = Browser(engine)
        try await browser.request { $0["username"] = "admin" }
        let cookie = try #require(browser.cookie)
        // A slow request loads the session...
        let slow = engine.begin(cookieHeaders: ["session=\(cookie)"])
        let slowSession = try await slow.session()
        // ...meanwhile the user logs out...
        try await browser.request { $0.destroy() }
        // ...then the slow request saves a change: dropped, and its response clears the cookie.
        slowSession["last_seen"] = "page 2"
        let headers = try await engine.finish(slow)
        #expect(headers.setCookie?.hasPrefix("session=; Expires=Thu, 01 Jan 1970") == true)
        let replay = Browser(engine)
        replay.cookie = cookie
        #expect(try await replay.read("username") == nil)
        #expect(try await replay.read("last_seen") == nil)
    }

    @Test func parallelRequestsChangingDifferentKeysKeepBoth() async throws {
        let browser = Browser(engine)
        try await browser.request { $0["username"] = "admin" }
        let cookie = try #require(browser.cookie)
        let a = engine.begin(cookieHeaders: ["session=\(cookie)"])
        let b = engine.begin(cookieHeaders: ["session=\(cookie)"])
        try await a.session()["tab"] = "one"
        try await b.session()["xhr"] = "two"
        try await b.session().pop("username")
        _ = try await engine.finish(a)
        _ = try await engine.finish(b)
        #expect(try await browser.read("tab") == "one")
        #expect(try await browser.read("xhr") == "two")
        #expect(try await browser.read("username") == nil)
    }

    /// Saves hand the store the record the request loaded, for an optimistic compare-and-set.
    @Test func savesCarryTheLoadedRecordAsTheirBase() async throws {
        let browser = Browser(engine)
        try await browser.request { $0["username"] = "admin" }
        clock.advance(5)
        try await browser.request { $0["theme"] = "dark" }
        let first = try #require(store.appliedChanges.last)
        let base = try #require(first.base)
        #expect(base.data == ["username": "admin"])
        #expect(base.version == 1)
        clock.advance(5)
        try await browser.request { $0["theme"] = "light" }
        let second = try #require(store.appliedChanges.last?.base)
        #expect(second.data == ["username": "admin", "theme": "dark"])
        #expect(second.version == 2)
    }

    @Test func storeFailuresAreTypedErrorsNotLogouts() async throws {
        let browser = Browser(engine)
        try await browser.request { $0["username"] = "admin" }
        let cookie = browser.cookie
        store.setFailing(true)
        await #expect(throws: SessionLoadError.self) { try await browser.read("username") }
        #expect(browser.cookie == cookie)  // not logged out
        store.setFailing(false)
        let pending = engine.begin(cookieHeaders: ["session=\(cookie!)"])
        let session = try await pending.session()
        session["x"] = 1
        store.setFailing(true)
        let error = await #expect(throws: SessionSaveError.self) { try await engine.finish(pending) }
        if case .store? = error {} else { Issue.record("expected .store, got \(String(describing: error))") }
        store.setFailing(false)
        #expect(try await browser.read("username") == "admin")  // recovered, nothing lost
    }

    /// `session()` called from several tasks of one request while the first is loading: one
    /// load, the same `Session` for all; a failed load fails all of them and is not remembered.
    @Test func concurrentOpensShareOneLoadAndItsFailure() async throws {
        let gated = GatedStore(store)
        let engine = try Self.engine(store: gated, clock: clock)
        let browser = Browser(engine)
        try await browser.request { $0["username"] = "admin" }
        let loadsBefore = store.count("load")

        for failing in [true, false] {
            let pending = engine.begin(cookieHeaders: ["session=\(browser.cookie!)"])
            gated.gate.close()
            store.setFailing(failing)
            let results = await withTaskGroup(of: Result<Session, any Error>.self) { group in
                for _ in 0..<3 {
                    group.addTask { do { return .success(try await pending.session()) } catch { return .failure(error) } }
                }
                while pending.waitingCount < 2 || gated.gate.waiting < 1 { await Task.yield() }
                gated.gate.open()
                return await group.reduce(into: []) { $0.append($1) }
            }
            if failing {
                #expect(results.allSatisfy { if case .failure(let e) = $0 { e is SessionLoadError } else { false } })
            } else {
                let sessions = results.compactMap { try? $0.get() }
                #expect(sessions.count == 3)
                #expect(sessions.allSatisfy { $0 === sessions[0] })
                #expect(sessions.first?["username"] == "admin")
            }
        }
        #expect(store.count("load") == loadsBefore + 2)  // one per round, failed or not
        store.setFailing(false)
    }

    @Test func fallbackKeysVerifySignedIDs() async throws {
        let old = try Self.engine(store: store, clock: clock)
        let browser = Browser(old)
        try await browser.request { $0["username"] = "admin" }
        let rotated = try Self.engine(store: store, clock: clock) {
            $0.secretKey = SecretKey("Nw5Rt8Yk2Qm9Xc4Lv7Bp-rotated")
            $0.fallbackKeys = [SecretKey("Sv8Kq3Lm7Xt2Rn9Wp4Zd-server-tests")]
        }
        // Flask-Session ignores SECRET_KEY_FALLBACKS, so rotating its key logs everyone out;
        // SessionKit accepts fallbacks on purpose (vector sid_fallback_ignored shows Flask's way).
        let same = Browser(rotated)
        same.cookie = browser.cookie
        #expect(try await same.read("username") == "admin")
    }

    /// A save that keeps the id sends back the cookie that came, when it is what signing gives
    /// now; a cookie verified by a fallback key, or written in another (accepted) base64 form,
    /// is signed again with the current key.
    @Test func aKeptIDIsSentBackAsPresentedOnlyWhenItIsWhatSigningGives() async throws {
        let browser = Browser(engine)
        try await browser.request { $0["username"] = "admin" }
        let issued = try #require(browser.cookie)
        let id = try #require(engine.idSigner.unsign(issued))
        #expect(issued == engine.idSigner.sign(id))
        let signature = try #require(issued.split(separator: ".").last)
        #expect(signature.count == 27)

        // The same bytes back (nothing to sign).
        try await browser.request { $0["visits"] = 1 }
        #expect(browser.cookie == issued)

        // Accepted but not canonical: padded, standard alphabet, stray low bits in the last
        // character. Each is answered with the canonical cookie.
        // 27 characters carry 162 bits: the last character's 2 low bits are unused (zero).
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        let lastValue = try #require(alphabet.firstIndex(of: signature.last!))
        #expect(lastValue % 4 == 0)
        let strayBits = alphabet[lastValue + 1]
        var variants = [issued + "=", String(issued.dropLast()) + String(strayBits)]
        if signature.contains("-") || signature.contains("_") {
            let prefix = issued[..<issued.lastIndex(of: ".")!]
            let standard = String(signature.map { $0 == "-" ? "+" : $0 == "_" ? "/" : $0 })
            variants.append(prefix + "." + standard)
        }
        for variant in variants {
            let client = Browser(engine)
            client.cookie = variant
            #expect(try await client.read("username") == "admin", "\(variant)")  // accepted
            try await client.request { $0["visits"] = 2 }
            #expect(client.cookie == issued, "\(variant)")
        }

        // Verified by a fallback key: signed again with the current one.
        let rotated = try Self.engine(store: store, clock: clock) {
            $0.secretKey = SecretKey("Nw5Rt8Yk2Qm9Xc4Lv7Bp-rotated")
            $0.fallbackKeys = [SecretKey("Sv8Kq3Lm7Xt2Rn9Wp4Zd-server-tests")]
        }
        let after = Browser(rotated)
        after.cookie = issued
        try await after.request { $0["visits"] = 3 }
        let resigned = try #require(after.cookie)
        #expect(resigned != issued)
        #expect(resigned == rotated.idSigner.sign(id))

        // Regenerated: a new id, never the presented cookie.
        let regenerating = Browser(engine)
        regenerating.cookie = issued
        try await regenerating.request { $0.regenerate() }
        let fresh = try #require(regenerating.cookie)
        #expect(fresh != issued)
        #expect(engine.idSigner.unsign(fresh) != id)
    }

    @Test func sessionIDsHaveExactlyTheIssuedShape() {
        let valid = "AZaz09-_" + String(repeating: "x", count: 35)
        #expect(SessionID(validating: valid)?.rawValue == valid)
        let embedded = "..." + valid + "..."
        #expect(SessionID(validating: embedded.dropFirst(3).dropLast(3))?.rawValue == valid)
        let stem = String(valid.dropLast())
        var bad: [String] = [stem, valid + "x", "", String(repeating: "x", count: 10_000)]
        bad += ["+", "/", "=", ".", " ", "\u{0}"].map { stem + $0 }
        bad.append(String(valid.dropLast(2)) + "\u{e9}")  // 43 bytes, 42 characters
        for bad in bad {
            #expect(SessionID(validating: bad) == nil, "\(bad.debugDescription)")
        }
    }

    @Test func flaskSessionSignedIDCookiesVerify() throws {
        for c in FlaskVectors.cases(kind: "flask-session-sid") where c.expect == "valid" {
            let key = try #require(SecretKey(hex: c.secretKeyHex))
            let engine = try SessionEngine(
                configuration: SessionConfiguration(secretKey: key, allowWeakKeys: true), storage: .server(MemorySessionStore()))
            #expect(engine.idSigner.unsign(c.cookie) == c.sid, "\(c.name)")
        }
    }
}

extension CountingStore {
    /// Records in the wrapped store (memory stores only).
    func count(inner: any SessionStore) async throws -> Int {
        try await (inner as? any InspectableSessionStore)?.count() ?? -1
    }
}

/// A store whose loads wait while its gate is closed.
final class GatedStore: SessionStore, Sendable {
    let inner: any SessionStore
    let gate = TestGate()
    init(_ inner: any SessionStore) { self.inner = inner }

    func load(_ key: SessionStorageKey, now: Int64) async throws -> SessionRecord? {
        await gate.pass()
        return try await inner.load(key, now: now)
    }
    func create(_ key: SessionStorageKey, record: SessionRecord) async throws -> Bool {
        try await inner.create(key, record: record)
    }
    func apply(_ changes: SessionChangeSet, to key: SessionStorageKey) async throws -> SessionRecord? {
        try await inner.apply(changes, to: key)
    }
    func move(_ changes: SessionChangeSet, from old: SessionStorageKey, to new: SessionStorageKey) async throws -> SessionRecord? {
        try await inner.move(changes, from: old, to: new)
    }
    func delete(_ key: SessionStorageKey) async throws { try await inner.delete(key) }
}
