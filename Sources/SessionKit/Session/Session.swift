import Synchronization

/// One client's session, used as a dictionary by a request handler.
///
/// ```swift
/// session["username"] = "admin"
/// if session.contains("username") { … }
/// session.pop("username")
/// ```
///
/// Tracks what Flask tracks — `isNew`, `isModified`, `wasAccessed`, `isPermanent` — and, beyond
/// Flask, which keys changed: a nested mutation through the subscript (`session["cart"]![0] = …`)
/// is a get-then-set, so it marks the session modified too. The change set lets server-side stores
/// merge parallel requests' changes instead of overwriting them.
///
/// A `Session` is a reference: the framework adapter and the handler share one. It is safe to use
/// from several tasks.
public final class Session: Sendable {
    /// The key in which Flask keeps `session.permanent`.
    public static let permanentKey = "_permanent"

    struct State: Sendable {
        var data: SessionObject
        var isNew: Bool
        var modified = false
        var accessed = false
        /// Keys set or removed since loading.
        var changedKeys = KeySet()
        /// Server-side sessions: the id and the record's timing as loaded.
        var id: SessionID?
        var record: SessionRecord?
        /// Server-side sessions: the cookie value that carried `id`, when it is exactly what
        /// signing `id` gives now (`Signer.unsignNotingCanonical`): a save that keeps the id sends
        /// it back as it came. Cookie mode: the verified cookie the data was decoded from, whose
        /// payload is signed again as it is when the data is unchanged (`responseHeaders`).
        var presentedCookie: Substring?
        /// Cookie mode: the JSON text of `presentedCookie`'s payload, when the codec kept it.
        var presentedJSON: [UInt8]?
        var regenerateRequested = false
        var destroyRequested = false
        /// Per-session timeouts (remember-me): outer nil = unchanged, inner nil = engine default.
        var idleTimeoutOverride: Int64??
        var absoluteTimeoutOverride: Int64??
        /// The request carried several session cookies and none or more than one was usable: the
        /// response asks the browser to drop the ones it can (`SessionEngine.finish`).
        var clearsDuplicateCookies = false
    }

    private let state: Mutex<State>

    /// A session holding `data`; `isNew` when no valid cookie or record was presented.
    public init(data: SessionObject = SessionObject(), isNew: Bool = true) {
        self.state = Mutex(State(data: data, isNew: isNew))
    }

    /// A cookie-mode session decoded from the verified cookie `presentedCookie` (whose payload's
    /// JSON text is `presentedJSON`, when known).
    init(data: SessionObject, presentedCookie: Substring, presentedJSON: [UInt8]?) {
        var s = State(data: data, isNew: false)
        s.presentedCookie = presentedCookie
        s.presentedJSON = presentedJSON
        self.state = Mutex(s)
    }

    /// A server-side session loaded from its record.
    init(id: SessionID, record: SessionRecord, presentedCookie: Substring? = nil) {
        var s = State(data: record.data, isNew: false)
        s.id = id
        s.record = record
        s.presentedCookie = presentedCookie
        self.state = Mutex(s)
    }

    // MARK: Dictionary API

    /// Reads or writes a value; assigning nil removes the key.
    public subscript(key: String) -> SessionValue? {
        get {
            state.withLock {
                $0.accessed = true
                return $0.data[key]
            }
        }
        set {
            state.withLock { s in
                s.accessed = true
                s.modified = true
                s.changedKeys.insert(key)
                s.data[key] = newValue
            }
        }
    }

    /// Reads a value converted to `T`; nil when missing or of another type.
    public subscript<T: SessionValueConvertible>(key: String, as type: T.Type) -> T? {
        self[key].flatMap(T.init(sessionValue:))
    }

    /// Stores a Swift value.
    public func set(_ key: String, _ value: some SessionValueConvertible) {
        self[key] = value.sessionValue
    }

    public func contains(_ key: String) -> Bool {
        state.withLock {
            $0.accessed = true
            return $0.data.contains(key)
        }
    }

    /// Removes and returns the value for `key`, or `default` when absent. Marks the session
    /// modified only when something was removed (Flask's rule).
    @discardableResult
    public func pop(_ key: String, default defaultValue: SessionValue? = nil) -> SessionValue? {
        state.withLock { s in
            s.accessed = true
            guard let old = s.data.removeValue(forKey: key) else { return defaultValue }
            s.modified = true
            s.changedKeys.insert(key)
            return old
        }
    }

    /// Removes every key (including `_permanent`). Always marks the session modified.
    public func removeAll() {
        state.withLock { s in
            s.accessed = true
            s.modified = true
            for key in s.data.keys { s.changedKeys.insert(key) }
            s.data.removeAll()
        }
    }

    /// Mutates one value in place; `body` gets nil when the key is absent and may set it to nil to
    /// remove it. The session is marked modified when the value changes.
    @discardableResult
    public func update<R>(_ key: String, _ body: (inout SessionValue?) throws -> R) rethrows -> R {
        try state.withLock { s in
            s.accessed = true
            var value = s.data[key]
            let before = value
            let result = try body(&value)
            if value != before {
                s.modified = true
                s.changedKeys.insert(key)
                s.data[key] = value
            }
            return result
        }
    }

    public var keys: [String] { state.withLock { $0.accessed = true; return $0.data.keys } }
    public var count: Int { state.withLock { $0.accessed = true; return $0.data.count } }
    public var isEmpty: Bool { state.withLock { $0.accessed = true; return $0.data.isEmpty } }

    /// A copy of the whole dictionary.
    public var dictionary: SessionObject { state.withLock { $0.accessed = true; return $0.data } }

    // MARK: Flags

    /// No valid session was presented: this one starts empty.
    public var isNew: Bool { state.withLock { $0.isNew } }
    /// Something was set or removed, so the session must be saved.
    public var isModified: Bool { state.withLock { $0.modified } }
    /// The handler read or wrote the session (the response then varies by Cookie).
    public var wasAccessed: Bool { state.withLock { $0.accessed } }

    /// Flask's `session.permanent`: stored in the session under `_permanent`. A permanent session's
    /// cookie carries an expiry date; otherwise it ends with the browser session.
    public var isPermanent: Bool {
        get { self[Session.permanentKey]?.boolValue ?? false }
        set { self[Session.permanentKey] = .bool(newValue) }
    }

    /// Marks the session modified without changing a key (forces a save).
    public func markModified() {
        state.withLock { $0.modified = true; $0.accessed = true }
    }

    // MARK: Lifecycle

    /// Gives the session a new id at the end of this request, keeping its data; the old id stops
    /// working. Call it when the user logs in (defence against session fixation). Server-side
    /// stores move the record; in cookie mode the cookie is simply re-signed.
    /// The CSRF secret, if any, is replaced too (`CSRFToken.rotate`): forms rendered before the
    /// login stop working.
    public func regenerate() {
        state.withLock { s in
            s.accessed = true
            s.modified = true
            s.regenerateRequested = true
        }
        CSRFToken.rotate(in: self)
    }

    /// Ends the session: its data is dropped, its record deleted and its cookie removed, so a
    /// replay of the old cookie is logged out. Keys set after `destroy()` start a fresh session
    /// with a new id (e.g. a "you were logged out" message).
    public func destroy() {
        state.withLock { s in
            s.accessed = true
            s.modified = true
            s.destroyRequested = true
            s.regenerateRequested = false
            for key in s.data.keys { s.changedKeys.insert(key) }
            s.data.removeAll()
        }
    }

    /// Overrides the engine's timeouts for this session (e.g. "remember me" for 30 days).
    /// nil restores the engine's default. The absolute timeout counts from the session's creation
    /// and cannot be extended by activity. Applies to server-side stores.
    public func setTimeouts(idle: Duration?, absolute: Duration?) {
        state.withLock { s in
            s.accessed = true
            s.modified = true
            s.idleTimeoutOverride = .some(idle.map { $0.components.seconds })
            s.absoluteTimeoutOverride = .some(absolute.map { $0.components.seconds })
        }
    }

    /// The server-side session id (nil in cookie mode and before a new session is first saved).
    /// Never log it whole.
    public var id: SessionID? { state.withLock { $0.id } }

    // MARK: For the engine and stores

    /// A new session standing in for several session cookies none of which could be told apart.
    static func replacingDuplicateCookies() -> Session {
        let session = Session()
        session.state.withLock { $0.clearsDuplicateCookies = true }
        return session
    }

    /// Keys set or removed since loading, with their current values (nil = removed).
    var changes: [SessionChange] {
        state.withLock { s in s.changedKeys.sorted.map { SessionChange(key: $0, value: s.data[$0]) } }
    }

    /// Reads the data and flags without marking the session accessed.
    func inspect<R>(_ body: (State) throws -> R) rethrows -> R {
        try state.withLock { try body($0) }
    }

    /// For the engine after a save: the session now is what the store holds.
    func didSave(id: SessionID?, record: SessionRecord?) {
        state.withLock { s in
            if id != s.id { s.presentedCookie = nil }
            s.id = id
            s.record = record
            if let record { s.data = record.data }
            s.changedKeys = KeySet()
            s.modified = false
            s.regenerateRequested = false
            s.destroyRequested = false
            s.idleTimeoutOverride = nil
            s.absoluteTimeoutOverride = nil
        }
    }
}

/// A set of keys compared by Unicode scalars, kept sorted.
struct KeySet: Sendable {
    private var keys = SessionObject()
    mutating func insert(_ key: String) { keys[key] = .null }
    func contains(_ key: String) -> Bool { keys.contains(key) }
    var sorted: [String] { keys.keys }
    var isEmpty: Bool { keys.isEmpty }
}
