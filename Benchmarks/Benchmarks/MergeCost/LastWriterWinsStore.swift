import SessionKit

/// The save of most session libraries (Flask-Session, express-session, connect-redis), built
/// on any SessionKit store so that `MergeCost` can measure what SessionKit's atomic merge costs
/// against it: the last writer wins. Benchmark code only; SessionKit never saves this way.
///
/// `apply(changes, to: key)` reads nothing from the store: it computes the whole record the
/// request would write, `changes.applied(to: changes.base)` (`base` is the record the engine
/// loaded when the request opened the session), then replaces whatever is stored under `key`
/// with it blindly, as two calls of the base store's public API: `delete(key)`, then
/// `create(key, record:)` (again, after another `delete`, if a parallel save created the key in
/// between: this writer's record wins). No lock is held across a read, no version is checked,
/// so two parallel requests of one client erase each other's changes, and a slow save recreates
/// a destroyed session.
///
/// A store's native overwrite (one `SET`, one `UPSERT`, one locked replace in memory) is one
/// operation where this takes two, and on the directory store `create` writes a new file and
/// renames it where an overwrite could write the file in place: this baseline costs at least
/// what a native overwrite does, so a merge-to-baseline ratio measured against it is
/// conservative (it flatters the merge).
///
/// Everything else forwards to the base store, as does `useRecordKeys`, so a `SessionEngine`
/// hands its keys to a wrapped directory store.
struct LastWriterWinsStore<Base: SessionStore>: SessionStore {
    let base: Base

    init(_ base: Base) { self.base = base }

    /// The whole record, written over whatever the store holds. Throws when `changes.base` is
    /// missing: without the loaded record there is nothing whole to write (`SessionEngine`
    /// always sets it).
    nonisolated(nonsending) func apply(
        _ changes: SessionChangeSet, to key: SessionStorageKey
    ) async throws -> SessionRecord? {
        guard let loaded = changes.base else {
            throw SessionStoreError(.corrupt, "last-writer-wins save without the loaded record (changes.base)")
        }
        let record = changes.applied(to: loaded)
        repeat {
            try await base.delete(key)
        } while try await !base.create(key, record: record)
        return record
    }

    nonisolated(nonsending) func load(_ key: SessionStorageKey, now: Int64) async throws -> SessionRecord? {
        try await base.load(key, now: now)
    }

    nonisolated(nonsending) func create(_ key: SessionStorageKey, record: SessionRecord) async throws -> Bool {
        try await base.create(key, record: record)
    }

    nonisolated(nonsending) func move(
        _ changes: SessionChangeSet, from old: SessionStorageKey, to new: SessionStorageKey
    ) async throws -> SessionRecord? {
        try await base.move(changes, from: old, to: new)
    }

    nonisolated(nonsending) func delete(_ key: SessionStorageKey) async throws {
        try await base.delete(key)
    }
}

extension LastWriterWinsStore: AuthenticatedRecordStore where Base: AuthenticatedRecordStore {
    func useRecordKeys(_ keys: SecretKeys) { base.useRecordKeys(keys) }
}
