import Logging

/// Turns a request's `Cookie` header into a `Session`, and a `Session` back into a `Set-Cookie`.
///
/// Framework adapters call `begin` when a request arrives and `finish` when the handler is done;
/// everything between is the handler's. The session is opened lazily: a handler that never
/// touches it costs no decoding, no signature check, no store I/O, no `Set-Cookie` and no `Vary`.
///
/// Create one engine per application: it validates the configuration (a missing or weak key is
/// an error here, at startup) and precomputes the HMAC key schedules.
public final class SessionEngine: Sendable {
    public let configuration: SessionConfiguration
    /// The `Set-Cookie` attributes, formatted once.
    let cookieTemplate: SetCookie.Template
    public let storage: SessionStorageMode
    /// The signed-cookie codec (cookie mode).
    let codec: SessionCookieCodec
    /// Signs session ids (server-side storage); fallback keys verify, as in cookie mode.
    let idSigner: Signer
    public let clock: SessionClock
    let logger: Logger

    public init(
        configuration: SessionConfiguration,
        storage: SessionStorageMode = .cookie,
        clock: SessionClock = .system,
        logger: Logger = Logger(label: "SessionKit")
    ) throws(SessionConfigurationError) {
        let keys = try configuration.validatedKeys()
        if case .server(let store) = storage, let keyed = store as? any AuthenticatedRecordStore { keyed.useRecordKeys(keys) }
        self.configuration = configuration
        self.storage = storage
        self.codec = SessionCookieCodec(
            keys: keys,
            salt: configuration.salt,
            digest: configuration.digest,
            maxCookieSize: configuration.maxCookieSize,
            maxDecompressedSize: configuration.maxDecompressedSize
        )
        self.idSigner = Signer(keys: keys, salt: configuration.idSalt, digest: configuration.digest)
        self.cookieTemplate = SetCookie.Template(configuration.effectiveCookie)
        self.clock = clock
        self.logger = logger
    }

    /// Starts a request: remembers its session cookie. No work is done until the handler asks
    /// for the session.
    public func begin<S: Sequence>(cookieHeaders: S) -> PendingSession where S.Element: StringProtocol {
        PendingSession(engine: self, cookie: CookieHeader.lookup(configuration.cookie.name, in: cookieHeaders))
    }

    /// `begin` for the common case, header lines as `[String]` (what `HTTPFields[values:]` gives):
    /// the lookup is specialized here instead of running generic code from another module.
    public func begin(cookieHeaders: [String]) -> PendingSession {
        PendingSession(engine: self, cookie: CookieHeader.lookup(configuration.cookie.name, in: cookieHeaders))
    }

    /// Ends a request: what to add to the response (Flask's `save_session`, spec §9.2; for
    /// server-side storage, Flask-Session's, with merged saves).
    public func finish(_ pending: PendingSession) async throws(SessionSaveError) -> SessionResponseHeaders {
        guard let session = pending.openedSession else { return SessionResponseHeaders() }
        var headers: SessionResponseHeaders
        switch storage {
        case .cookie: headers = try responseHeaders(for: session)
        case .server(let store): headers = try await save(session, in: store)
        }
        if session.inspect(\.clearsDuplicateCookies) {
            headers.clearCookies = cookieTemplate.duplicateDeletions
            headers.varyCookie = true
        }
        return headers
    }

    /// Throws `.cookieTooLarge` when `session`, saved now, would need a cookie over
    /// `maxCookieSize` (cookie mode; server-side storage sends only an id). For a handler that
    /// stored user input: such a session is the user's error (a 4xx), not the server's.
    public func checkCookieSize(of session: Session) throws(SessionSaveError) {
        guard case .cookie = storage else { return }
        let data = session.inspect(\.data)
        guard !data.isEmpty else { return }
        let now = clock.unixSeconds
        let value = codec.encode(json: TaggedJSON.encode(.object(data)), timestamp: now)
        _ = try setCookie(value: value, expires: Self.isPermanent(data) ? now + configuration.permanentLifetimeSeconds : nil)
    }

    // MARK: Cookie mode

    /// Opens the session a cookie lookup found. A bad cookie of any kind gives an empty new
    /// session and a debug log line.
    func openCookieSession(_ cookie: CookieHeader.Lookup) -> Session {
        switch cookie {
        case .absent:
            return Session()
        case .value(let value):
            return decodedCookieSession(value, maxAge: configuration.permanentLifetimeSeconds) ?? Session()
        case .duplicated(let values):
            let usable = Self.distinct(values).compactMap {
                decodedCookieSession($0, maxAge: configuration.permanentLifetimeSeconds)
            }
            return chooseAmongDuplicates(usable, count: values.count)
        }
    }

    /// The session a signed cookie holds, or nil (logged) when it does not verify or decode.
    private func decodedCookieSession(_ value: Substring, maxAge: Int64) -> Session? {
        guard !value.isEmpty else { return nil }
        do {
            let decoded = try codec.decode(value, maxAge: maxAge, now: clock.unixSeconds)
            return Session(data: decoded.session, presentedCookie: value, presentedJSON: decoded.json)
        } catch {
            logger.debug("session cookie rejected", metadata: ["reason": "\(error)"])
            return nil
        }
    }

    /// What to send for a cookie-mode `session` at the end of a request.
    func responseHeaders(for session: Session) throws(SessionSaveError) -> SessionResponseHeaders {
        let (accessed, modified, data, presented, presentedJSON) = session.inspect {
            ($0.accessed, $0.modified, $0.data, $0.presentedCookie, $0.presentedJSON)
        }
        guard accessed else { return SessionResponseHeaders() }
        if data.isEmpty {
            return SessionResponseHeaders(setCookie: modified ? cookieTemplate.deletion : nil, varyCookie: true)
        }
        let permanent = Self.isPermanent(data)
        guard modified || (permanent && configuration.refreshEachRequest) else {
            return SessionResponseHeaders(varyCookie: true)
        }
        let now = clock.unixSeconds
        // The data is what the presented cookie's payload holds when the session was not modified
        // (a refresh), or when its JSON text is that payload's byte for byte (a handler that sets
        // the values it read, as Flask's `session.permanent = True` in every `before_request`
        // does): then that payload is signed again with the new time (and the current key),
        // without compressing and encoding it anew. Flask's bytes for any payload it or SessionKit
        // wrote, which are the canonical ones.
        let payload = presented.flatMap(SessionCookieCodec.payload(ofSignedCookie:))
        let value: String
        if let payload, !modified {
            value = codec.sign(payload: payload, timestamp: now)
        } else {
            let json = TaggedJSON.encode(.object(data))
            if let payload, json == presentedJSON {
                value = codec.sign(payload: payload, timestamp: now)
            } else {
                value = codec.encode(json: json, timestamp: now)
            }
        }
        return SessionResponseHeaders(
            setCookie: try setCookie(
                value: value, expires: permanent ? now + configuration.permanentLifetimeSeconds : nil),
            varyCookie: true)
    }

    // MARK: Server-side storage

    /// Verifies the signed id and loads its record. Unknown, expired, malformed or badly signed
    /// ids give a new empty session, which gets a NEW id when first saved: a client-chosen id is
    /// never adopted. A store failure throws (the client is not logged out by an outage).
    func openServerSession(_ cookie: CookieHeader.Lookup) async throws -> Session {
        guard case .server(let store) = storage else { return openCookieSession(cookie) }
        switch cookie {
        case .absent:
            return Session()
        case .value(let value):
            return try await openServerCandidate(value, in: store) ?? Session()
        case .duplicated(let values):
            var usable: [Session] = []
            for value in Self.distinct(values) {
                if let session = try await openServerCandidate(value, in: store) { usable.append(session) }
            }
            return chooseAmongDuplicates(usable, count: values.count)
        }
    }

    /// The session one cookie value opens: a signed id with a live record, or an anonymous
    /// session carried in the cookie (`SessionConfiguration.anonymousCookieKeys`); nil for
    /// anything else (logged at debug level).
    private func openServerCandidate(_ value: Substring, in store: any SessionStore) async throws -> Session? {
        guard !value.isEmpty else { return nil }
        guard let (raw, canonical) = idSigner.unsignNotingCanonical(value), let id = SessionID(validating: raw) else {
            if !configuration.anonymousCookieKeys.isEmpty,
                let session = decodedCookieSession(value, maxAge: configuration.anonymousLifetimeSeconds),
                isAnonymous(session.inspect(\.data))
            {
                return session
            }
            logger.debug("session id cookie rejected: bad signature or not an id")
            return nil
        }
        let now = clock.unixSeconds
        let loaded: SessionRecord?
        do {
            loaded = try await store.load(id.storageKey, now: now)
        } catch {
            throw SessionLoadError(underlying: error)
        }
        guard let record = loaded else {
            logger.debug("session id unknown or expired", metadata: ["id": "\(id)"])
            return nil
        }
        guard !isExpired(record, now: now) else {
            logger.debug("session timed out", metadata: ["id": "\(id)"])
            try? await store.delete(id.storageKey)
            return nil
        }
        return Session(id: id, record: record, presentedCookie: canonical ? value : nil)
    }

    /// Data that travels in the cookie while the session has no record: non-empty, and only
    /// `anonymousCookieKeys`.
    func isAnonymous(_ data: SessionObject) -> Bool {
        data.holdsOnlyKeys(in: configuration.anonymousCookieKeys)
    }

    func save(_ session: Session, in store: any SessionStore) async throws(SessionSaveError) -> SessionResponseHeaders {
        let s = session.inspect { $0 }
        guard s.accessed else { return SessionResponseHeaders() }
        let now = clock.unixSeconds
        do {
            var id = s.id
            var record = s.record
            if s.destroyRequested, let old = id {
                try await store.delete(old.storageKey)
                id = nil
                record = nil
            }
            guard let current = id, let loaded = record else {
                return try await createIfNeeded(session, state: s, in: store, now: now)
            }
            let idle = loaded.idleTimeoutOverride ?? configuration.idleTimeoutSeconds
            let touchDue = now - loaded.lastAccessAt >= configuration.effectiveTouchInterval(idleSeconds: idle)
            guard s.modified || touchDue else { return SessionResponseHeaders(varyCookie: true) }
            let changes = changeSet(for: s, record: loaded, now: now)
            // Regenerate: the store merges, re-keys and removes the old id in one atomic step, so
            // that every change other requests made to the old id before it is carried over and
            // none made after it can land on (and resurrect) the old id.
            let newID = s.regenerateRequested ? SessionID.generate() : nil
            let saved: SessionRecord?
            if let newID {
                saved = try await store.move(changes, from: current.storageKey, to: newID.storageKey)
            } else {
                saved = try await store.apply(changes, to: current.storageKey)
            }
            guard let merged = saved else {
                // Destroyed or regenerated by another request meanwhile: never resurrect it.
                logger.debug("session gone before save; change dropped", metadata: ["id": "\(current)"])
                session.didSave(id: nil, record: nil)
                return SessionResponseHeaders(setCookie: cookieTemplate.deletion, varyCookie: true)
            }
            let finalID = newID ?? current
            let finalRecord = merged
            if merged.data.isEmpty {
                try await store.delete(finalID.storageKey)
                session.didSave(id: nil, record: nil)
                return SessionResponseHeaders(setCookie: cookieTemplate.deletion, varyCookie: true)
            }
            session.didSave(id: finalID, record: finalRecord)
            let permanent = Self.isPermanent(finalRecord.data)
            guard s.modified || permanent else { return SessionResponseHeaders(varyCookie: true) }
            // The id is kept: the cookie that carried it is sent back unchanged when it is what
            // signing would give (no HMAC, no encoding).
            let presented = newID == nil ? s.presentedCookie : nil
            return SessionResponseHeaders(
                setCookie: try idCookie(finalID, record: finalRecord, presented: presented), varyCookie: true)
        } catch let error as SessionSaveError {
            throw error
        } catch {
            throw .store(error)
        }
    }

    /// A session without a record: create one when it holds data.
    private func createIfNeeded(
        _ session: Session, state s: Session.State, in store: any SessionStore, now: Int64
    ) async throws -> SessionResponseHeaders {
        guard !s.data.isEmpty else {
            session.didSave(id: nil, record: nil)
            let deletion = s.modified ? cookieTemplate.deletion : nil
            return SessionResponseHeaders(setCookie: deletion, varyCookie: true)
        }
        // Only a CSRF secret or flashes: the signed cookie carries them, the store gets nothing
        // (unless they are too large for a cookie).
        if isAnonymous(s.data), let headers = try? responseHeaders(for: session) {
            return headers
        }
        let absolute = s.absoluteTimeoutOverride ?? configuration.absoluteTimeout?.components.seconds
        let idleOverride = s.idleTimeoutOverride ?? nil
        let deadline = absolute.map { now + $0 }
        let record = SessionRecord(
            data: s.data, createdAt: now, lastAccessAt: now, absoluteDeadline: deadline,
            idleTimeoutOverride: idleOverride,
            expiresAt: expiry(now: now, idle: idleOverride ?? configuration.idleTimeoutSeconds, deadline: deadline))
        let id = SessionID.generate()
        guard try await store.create(id.storageKey, record: record) else {
            throw SessionStoreError(.conflict, "a new session id collided with an existing one")
        }
        session.didSave(id: id, record: record)
        return SessionResponseHeaders(setCookie: try idCookie(id, record: record), varyCookie: true)
    }

    /// Only the keys this request changed, and the new timing.
    private func changeSet(for s: Session.State, record: SessionRecord, now: Int64) -> SessionChangeSet {
        let idle = (s.idleTimeoutOverride ?? record.idleTimeoutOverride) ?? configuration.idleTimeoutSeconds
        var deadline = record.absoluteDeadline
        var deadlineChange: Int64?? = nil
        if let absolute = s.absoluteTimeoutOverride {
            deadline = (absolute ?? configuration.absoluteTimeout?.components.seconds).map { record.createdAt + $0 }
            deadlineChange = .some(deadline)
        }
        return SessionChangeSet(
            changes: s.changedKeys.sorted.map { SessionChange(key: $0, value: s.data[$0]) },
            now: now,
            expiresAt: expiry(now: now, idle: idle, deadline: deadline),
            idleTimeoutOverride: s.idleTimeoutOverride,
            absoluteDeadline: deadlineChange,
            base: record,
            anonymousKeys: configuration.anonymousCookieKeys,
            anonymousExpiresAt: now + configuration.anonymousLifetimeSeconds)
    }

    /// Whichever comes first: idle expiry or the absolute deadline.
    func expiry(now: Int64, idle: Int64, deadline: Int64?) -> Int64 {
        min(now + idle, deadline ?? .max)
    }

    /// Timeouts are checked by the engine too, so that shortening them takes effect at once.
    func isExpired(_ record: SessionRecord, now: Int64) -> Bool {
        let idle = record.idleTimeoutOverride ?? configuration.idleTimeoutSeconds
        if record.expiresAt <= now || now - record.lastAccessAt >= idle { return true }
        if let deadline = record.absoluteDeadline, deadline <= now { return true }
        return false
    }

    /// `presented`: the request's cookie value for `id` when it is exactly `idSigner.sign(id)`.
    private func idCookie(
        _ id: SessionID, record: SessionRecord, presented: Substring? = nil
    ) throws(SessionSaveError) -> String {
        let value = presented.map(String.init) ?? idSigner.sign(id.rawValue)
        return try setCookie(value: value, expires: Self.isPermanent(record.data) ? record.expiresAt : nil)
    }

    // MARK: Shared

    private func setCookie(value: String, expires: Int64?) throws(SessionSaveError) -> String {
        let header = cookieTemplate.header(value: value, expires: expires)
        guard header.utf8.count <= configuration.maxCookieSize else {
            throw .cookieTooLarge(size: header.utf8.count, limit: configuration.maxCookieSize)
        }
        return header
    }

    static func isPermanent(_ data: SessionObject) -> Bool {
        data[Session.permanentKey]?.boolValue ?? false
    }
}
