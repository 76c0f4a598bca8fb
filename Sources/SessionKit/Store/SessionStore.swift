/// Where server-side sessions live. One small protocol, like scs's Find/Commit/Delete; what only
/// some stores can do is in separate protocols (`SweepableSessionStore`, `InspectableSessionStore`).
///
/// Keys are `SessionStorageKey`s (SHA-256 of the id), never raw ids. Every method reports failure
/// (disk full, permission, connection refused…) as a thrown error — `SessionStoreError` or the
/// store's own — which the engine surfaces as a typed error (503 in the adapters); a store never
/// answers "no session" because it failed.
public protocol SessionStore: Sendable {
    /// The record, or nil when there is none or it expired at `now`.
    func load(_ key: SessionStorageKey, now: Int64) async throws -> SessionRecord?

    /// Creates a record; false when one already exists under `key` (then nothing is written).
    func create(_ key: SessionStorageKey, record: SessionRecord) async throws -> Bool

    /// Atomically applies `changes` to the record currently stored under `key` and returns the
    /// merged record. Returns nil — and writes nothing — when there is no live record (it was
    /// destroyed, regenerated away or expired meanwhile): a slow request cannot resurrect a
    /// session. Parallel applies to one key must behave as if run one after the other.
    func apply(_ changes: SessionChangeSet, to key: SessionStorageKey) async throws -> SessionRecord?

    /// Regenerates a session's id in ONE atomic step: applies `changes` to the record currently
    /// stored under `old`, stores the merged record under `new` with its version restarted at 1
    /// (`SessionChangeSet.movedRecord(from:)`), and removes `old`; returns the record now under
    /// `new`. Returns nil — and writes nothing — when `old` has no live record at `changes.now`
    /// (destroyed, regenerated away or expired meanwhile).
    ///
    /// Nothing may fall between the merge and the removal: a parallel `apply` to `old` runs
    /// either before the move (its change is in the moved record) or after it (it gets nil, so
    /// `old` is never resurrected); a parallel `delete` of `old` either wins (the move returns
    /// nil) or finds nothing to delete. A sequence of `apply`, `create` and `delete` is NOT a
    /// valid implementation: an apply to `old` between the first two steps would be lost.
    ///
    /// `new` is a freshly generated key. When a live record already holds it, the store throws
    /// `SessionStoreError(.conflict)` and writes nothing (an expired one is replaced).
    func move(
        _ changes: SessionChangeSet, from old: SessionStorageKey, to new: SessionStorageKey
    ) async throws -> SessionRecord?

    /// Removes the record; removing a missing record is not an error.
    func delete(_ key: SessionStorageKey) async throws
}

/// A store without native expiry, which must remove expired records itself.
public protocol SweepableSessionStore: SessionStore {
    /// Removes at most `limit` records expired at `now`; returns how many it removed. Returns 0
    /// only when no expired record is left (a store that walks its records in slices keeps going
    /// until it removed something or finished a pass), so callers loop until 0.
    func sweep(now: Int64, limit: Int) async throws -> Int
    /// One pass of `SessionSweeper`: removes every record expired at `now`, at most `batch` per
    /// call; returns how many. The default loops `sweep(now:limit:)` until 0.
    func sweepPass(now: Int64, batch: Int) async throws -> Int
}

/// A store that can enumerate its records (for `sessionkit store` and tests).
public protocol InspectableSessionStore: SessionStore {
    /// Records, live or expired.
    func count() async throws -> Int
    /// Up to `limit` storage keys, in no particular order.
    func keys(limit: Int) async throws -> [SessionStorageKey]
}

/// A store failure, with what failed and why. Never contains session data or whole ids.
public struct SessionStoreError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The store cannot be reached or refused the operation (down, permission, disk full).
        case unavailable
        /// A record exists but cannot be read back as a session.
        case corrupt
        /// Optimistic concurrency gave up after its bounded retries.
        case conflict
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { "session store \(kind): \(message)" }
}
