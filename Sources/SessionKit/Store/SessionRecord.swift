/// What a server-side store keeps for one session.
public struct SessionRecord: Sendable, Equatable {
    public var data: SessionObject
    /// Unix seconds.
    public var createdAt: Int64
    /// Unix seconds of the last save or touch.
    public var lastAccessAt: Int64
    /// The absolute deadline (Unix seconds) that no activity extends; nil: none.
    public var absoluteDeadline: Int64?
    /// This session's idle timeout in seconds, when it overrides the engine's (remember-me);
    /// nil: the engine's.
    public var idleTimeoutOverride: Int64?
    /// When the record expires (Unix seconds): whichever comes first of idle expiry and the
    /// absolute deadline. Stores enforce it on load and may use it as a native TTL.
    public var expiresAt: Int64
    /// Incremented by every write; lets stores without atomic merges do compare-and-set.
    public var version: UInt64

    public init(
        data: SessionObject, createdAt: Int64, lastAccessAt: Int64, absoluteDeadline: Int64?,
        idleTimeoutOverride: Int64? = nil, expiresAt: Int64, version: UInt64 = 1
    ) {
        self.data = data
        self.createdAt = createdAt
        self.lastAccessAt = lastAccessAt
        self.absoluteDeadline = absoluteDeadline
        self.idleTimeoutOverride = idleTimeoutOverride
        self.expiresAt = expiresAt
        self.version = version
    }

    public func isExpired(at now: Int64) -> Bool { expiresAt <= now }
}

/// A request's save, as a store applies it: only the keys the request changed, plus the new
/// timing. Applying it to the store's *current* record (not the one the request loaded) is what
/// keeps parallel requests of one client from erasing each other's changes.
public struct SessionChangeSet: Sendable, Equatable {
    /// Keys set (non-nil) or removed (nil), sorted by key, each key once.
    public var changes: [SessionChange]
    /// The save's time; becomes `lastAccessAt`.
    public var now: Int64
    /// New `expiresAt`.
    public var expiresAt: Int64
    /// When non-nil, replaces the record's idle timeout override (remember-me was changed).
    public var idleTimeoutOverride: Int64??
    /// When non-nil, replaces the record's absolute deadline.
    public var absoluteDeadline: Int64??
    /// The record the request loaded, when known. A store whose atomic apply costs several round
    /// trips may first try a compare-and-set: write `applied(to: base)` only where the stored
    /// record still has `base.version` (every write changes the version, so an equal version
    /// means an unchanged record) and is live, and fall back to its atomic merge otherwise. The
    /// result must be the same as applying to the current record; a stale `base` must never
    /// win.
    public var base: SessionRecord?
    /// A merged record whose data holds only `anonymousKeys` (a logout left the CSRF secret and
    /// flashes) expires no later than `anonymousExpiresAt`. Judged on the merged record, inside
    /// the store's atomic apply, so a parallel request that added another key keeps the
    /// ordinary expiry.
    public var anonymousKeys: Set<String>
    public var anonymousExpiresAt: Int64?

    public init(
        changes: [SessionChange], now: Int64, expiresAt: Int64,
        idleTimeoutOverride: Int64?? = nil, absoluteDeadline: Int64?? = nil, base: SessionRecord? = nil,
        anonymousKeys: Set<String> = [], anonymousExpiresAt: Int64? = nil
    ) {
        self.changes = changes
        self.now = now
        self.expiresAt = expiresAt
        self.idleTimeoutOverride = idleTimeoutOverride
        self.absoluteDeadline = absoluteDeadline
        self.base = base
        self.anonymousKeys = anonymousKeys
        self.anonymousExpiresAt = anonymousExpiresAt
    }

    /// The record after this change set: what every store's atomic apply must compute. Stores
    /// call it on the record they hold (consumed, so a uniquely held record is not copied); they
    /// return nil instead when the record is not live at `now`.
    public func applied(to record: consuming SessionRecord) -> SessionRecord {
        var r = record
        for change in changes { r.data[change.key] = change.value }
        // A slow request saving with an older clock reading never moves the access time back.
        r.lastAccessAt = max(r.lastAccessAt, now)
        r.expiresAt = expiresAt
        if let anonymousExpiresAt, r.data.holdsOnlyKeys(in: anonymousKeys) {
            r.expiresAt = min(r.expiresAt, anonymousExpiresAt)
        }
        if let o = idleTimeoutOverride { r.idleTimeoutOverride = o }
        if let d = absoluteDeadline { r.absoluteDeadline = d }
        r.version &+= 1
        return r
    }

    /// The record `SessionStore.move` stores under the new key: `applied(to:)`, with the
    /// version restarted at 1 (a new id starts a new record).
    public func movedRecord(from record: consuming SessionRecord) -> SessionRecord {
        var r = applied(to: record)
        r.version = 1
        return r
    }
}

public struct SessionChange: Sendable, Equatable {
    public var key: String
    /// nil: removed.
    public var value: SessionValue?

    public init(key: String, value: SessionValue?) {
        self.key = key
        self.value = value
    }
}
