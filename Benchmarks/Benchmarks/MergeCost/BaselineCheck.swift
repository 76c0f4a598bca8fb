import Foundation
import SessionKit

/// Checks, on the store a benchmark is about to time, that the baseline is what it claims, and
/// stops the process with a fatal error otherwise (its figures would mean nothing):
///
/// - Two parallel requests of one client, one setting `tab`, the other `xhr`: through the
///   merging store both keys survive; through `LastWriterWinsStore` the second save erases the
///   first's key (the last writer wins), and the logged-in user stays.
/// - `LastWriterWinsStore.apply` replaces the whole record with `changes.applied(to:
///   changes.base)`: a key another save added meanwhile is lost, and a key with no record gets
///   one.
///
/// Every session the check writes is deleted afterwards.
enum BaselineCheck {
    static func verify<Store: SessionStore>(_ store: Store, name: String) async throws {
        let merged = try await parallelSaves(through: store)
        expect(merged == ["one", "two", "admin"], name, "merging save, parallel requests: \(merged)")
        let overwritten = try await parallelSaves(through: LastWriterWinsStore(store))
        expect(overwritten == [nil, "two", "admin"], name, "last-writer-wins save, parallel requests: \(overwritten)")
        try await wholeRecordReplaced(in: store, name: name)
    }

    /// `tab`, `xhr` and `username` after two requests that opened the same session, set one key
    /// each and saved one after the other.
    private static func parallelSaves(through store: some SessionStore) async throws -> [SessionValue?] {
        let engine = try SessionEngine(configuration: mergeCostConfiguration, storage: .server(store))
        let login = engine.begin(cookieHeaders: [String]())
        try await login.session()["username"] = "admin"
        guard let setCookie = try await engine.finish(login).setCookie else {
            throw FixtureError("baseline check: the login sent no cookie")
        }
        let header = [String(setCookie.split(separator: ";")[0])]
        let a = engine.begin(cookieHeaders: header)
        let b = engine.begin(cookieHeaders: header)
        try await a.session()["tab"] = "one"
        try await b.session()["xhr"] = "two"
        _ = try await engine.finish(a)
        _ = try await engine.finish(b)
        let after = engine.begin(cookieHeaders: header)
        let session = try await after.session()
        let values = [session["tab"], session["xhr"], session["username"]]
        session.destroy()
        _ = try await engine.finish(after)
        return values
    }

    private static func wholeRecordReplaced(in store: some SessionStore, name: String) async throws {
        let baseline = LastWriterWinsStore(store)
        let t0 = Int64(Date().timeIntervalSince1970)
        func record(_ data: SessionObject) -> SessionRecord {
            SessionRecord(data: data, createdAt: t0, lastAccessAt: t0, absoluteDeadline: nil, expiresAt: t0 + 3600)
        }
        func changes(_ set: [(String, SessionValue)], at now: Int64, base: SessionRecord?) -> SessionChangeSet {
            SessionChangeSet(
                changes: set.map { SessionChange(key: $0.0, value: $0.1) }, now: now, expiresAt: now + 3600, base: base)
        }

        let key = SessionID.generate().storageKey
        let loaded = record(["a": 1, "b": 2])
        expect(try await store.create(key, record: loaded), name, "create refused a new key")
        // Another request adds `c` through the merging save...
        let other = try await store.apply(changes([("c", 3)], at: t0 + 5, base: loaded), to: key)
        expect(other?.data["c"] == 3, name, "merging apply did not add c: \(String(describing: other))")
        // ...then a request that loaded the record before it saves `a`: its whole record wins.
        let stale = changes([("a", 10)], at: t0 + 10, base: loaded)
        let written = try await baseline.apply(stale, to: key)
        let expected = stale.applied(to: loaded)
        expect(written == expected, name, "last-writer-wins apply returned \(String(describing: written))")
        let stored = try await store.load(key, now: t0 + 10)
        expect(stored == expected, name, "after a last-writer-wins apply the store holds \(String(describing: stored))")

        let fresh = SessionID.generate().storageKey
        let blind = changes([], at: t0, base: record(["z": 26]))
        _ = try await baseline.apply(blind, to: fresh)
        let created = try await store.load(fresh, now: t0)
        expect(
            created == blind.applied(to: record(["z": 26])), name,
            "a last-writer-wins apply to a key with no record stored \(String(describing: created))")

        try await store.delete(key)
        try await store.delete(fresh)
    }

    private static func expect(_ condition: Bool, _ name: String, _ message: @autoclosure () -> String) {
        guard condition else {
            fatalError("MergeCost on \(name): the baseline is not what it claims (\(message())); figures would be meaningless")
        }
    }
}
