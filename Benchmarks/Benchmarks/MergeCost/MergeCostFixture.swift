import Foundation
import SessionKit

/// The engine configuration of every `MergeCost` benchmark and check: one key, so that a
/// directory store keeps the same record keys in every engine built on it.
let mergeCostConfiguration = SessionConfiguration(secretKey: SecretKey("Qm4Xz8Kv2Rt7Wn3Lp9Hd6Bc1"))

/// One store (merging, or wrapped in `LastWriterWinsStore`) with two sessions on it: one for
/// the "apply" rows, written with `apply` directly, and one logged in through a `SessionEngine`
/// for the "request" rows. Benchmark iterations run one after the other, so the unsynchronized
/// state is safe.
final class MergeCostFixture: @unchecked Sendable {
    /// Long enough that no session expires while a benchmark runs.
    static let ttl: Int64 = 24 * 3600

    let store: any SessionStore
    let engine: SessionEngine
    /// The request rows' `Cookie` header: the session cookie between two others.
    let cookieHeader: [String]
    /// The apply rows' session.
    let key: SessionStorageKey
    /// The apply rows' time: a fixed second near the real clock.
    let now: Int64
    /// The record the last apply returned: what a request would have loaded (`changes.base`).
    private var record: SessionRecord
    private var visits = 0

    init(store: any SessionStore) async throws {
        self.store = store
        // Also hands a directory store its record keys (`AuthenticatedRecordStore`).
        engine = try SessionEngine(configuration: mergeCostConfiguration, storage: .server(store))
        now = Int64(Date().timeIntervalSince1970)
        key = SessionID.generate().storageKey
        record = SessionRecord(
            data: Self.typicalData, createdAt: now, lastAccessAt: now, absoluteDeadline: nil, expiresAt: now + Self.ttl)
        guard try await store.create(key, record: record) else { throw FixtureError("the new session id exists") }

        let login = engine.begin(cookieHeaders: [String]())
        let session = try await login.session()
        for (name, value) in Self.typicalData { session[name] = value }
        guard let setCookie = try await engine.finish(login).setCookie else {
            throw FixtureError("the login sent no cookie")
        }
        let cookie = setCookie.split(separator: ";")[0]
        cookieHeader = ["theme=dark; \(cookie); _ga=GA1.1.123456789.1700000000"]
    }

    /// A logged-in session: a user name, a 64-hex-digit CSRF secret, a counter.
    static let typicalData: SessionObject = [
        "username": "admin", "_csrf_token": .string(String(repeating: "5f3a9c1e", count: 8)), "visits": 0,
    ]

    /// One save of one changed key, given the record the previous save left (as a request that
    /// loaded it would).
    func applyOne() async throws -> SessionRecord {
        visits &+= 1
        let changes = SessionChangeSet(
            changes: [SessionChange(key: "visits", value: .int(visits))],
            now: now, expiresAt: now + Self.ttl, base: record)
        guard let saved = try await store.apply(changes, to: key) else {
            throw FixtureError("the apply rows' session is gone")
        }
        record = saved
        return saved
    }

    /// One request that writes: find the cookie, verify it, load, set one key, save, Set-Cookie.
    func requestOne() async throws -> SessionResponseHeaders {
        let pending = engine.begin(cookieHeaders: cookieHeader)
        let session = try await pending.session()
        // A lost session would time the creation of new ones instead.
        guard !session.isNew else { throw FixtureError("the request rows' session is gone") }
        visits &+= 1
        session["visits"] = .int(visits)
        return try await engine.finish(pending)
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
