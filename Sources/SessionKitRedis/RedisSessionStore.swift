public import Logging
public import SessionKit

/// A server-side session store in Redis, shared by every process that points at the same server
/// and database.
///
/// - Layout: one Redis hash per session at `<keyPrefix><storage key hex>` (the SHA-256 of the id,
///   never the id). Fields `m:…` hold the record's metadata as decimal text (`m:f` format = 1,
///   `m:created`, `m:accessed`, `m:expires`, `m:version`, and `m:deadline` / `m:idle` when set);
///   each session key is a field `d:<key>` holding the value as Flask tagged JSON.
/// - Atomicity: `create`, `apply` and `move` are Lua scripts (`EVALSHA`, falling back to `EVAL`
///   after a `NOSCRIPT`), so each is one round trip that Redis runs without interleaving: `apply`
///   checks that the record is still live at the change set's `now`, sets and deletes only the
///   changed fields, moves `m:accessed` forward only, bumps `m:version`, and returns the merged
///   hash — exactly `SessionChangeSet.applied(to:)` on the current record, with no
///   read-modify-write race and no retries. `create` writes only when no live record is there.
///   `move` (regenerate) is the same merge followed by a `RENAME` to the new key.
/// - Expiry: Redis expires sessions itself: every write sets a `PEXPIRE` of `expiresAt − now`,
///   where `now` is the record's `lastAccessAt` (create) or the change set's `now` (apply) — the
///   engine's clock, not Redis's. `load` and `apply` also enforce `expiresAt` at their own `now`,
///   so a record is never live past its deadline even if the clocks disagree. No sweep.
/// - Failures: a Redis that is down, unreachable, slow or answers badly gives
///   `SessionStoreError(.unavailable)` (503 in the adapter); the client reconnects with backoff
///   and the store works again as soon as Redis is back. A hash that cannot be decoded gives
///   `.corrupt`. Errors carry neither session data nor whole ids.
public final class RedisSessionStore: SessionStore, InspectableSessionStore {
    let client: RedisClient
    public let keyPrefix: String
    private let logger: Logger

    /// A store on a client made by the caller (tests: a client of their own configuration).
    init(
        client: RedisClient, keyPrefix: String = "session:",
        logger: Logger = Logger(label: "SessionKit.RedisSessionStore")
    ) {
        self.client = client
        self.keyPrefix = keyPrefix
        self.logger = logger
    }

    public convenience init(
        configuration: RedisConfiguration, keyPrefix: String = "session:",
        logger: Logger = Logger(label: "SessionKit.RedisSessionStore")
    ) {
        self.init(client: RedisClient(configuration: configuration, logger: logger), keyPrefix: keyPrefix, logger: logger)
    }

    /// `redis://[[user]:password@]host[:port][/db]`; throws `RedisURLError` for a bad URL.
    public convenience init(
        url: String, keyPrefix: String = "session:", logger: Logger = Logger(label: "SessionKit.RedisSessionStore")
    ) throws(RedisURLError) {
        self.init(configuration: try RedisConfiguration(url: url), keyPrefix: keyPrefix, logger: logger)
    }

    /// Closes the connections.
    public func shutdown() async { await client.shutdown() }

    func redisKey(_ key: SessionStorageKey) -> String { keyPrefix + key.hex }

    // MARK: SessionStore

    public func load(_ key: SessionStorageKey, now: Int64) async throws -> SessionRecord? {
        let fields = try await run("load", key) { try await client.hgetall(redisKey(key)) }
        guard !fields.isEmpty else { return nil }
        let record = try decodeLogged(fields, key: key)
        return record.isExpired(at: now) ? nil : record
    }

    public func create(_ key: SessionStorageKey, record: SessionRecord) async throws -> Bool {
        let ttl = Self.ttlMilliseconds(expiresAt: record.expiresAt, now: record.lastAccessAt)
        var arguments: [RESPArgument] = [RESPArgument(record.lastAccessAt), RESPArgument(ttl)]
        arguments += Self.encodeMeta(record)
        for (k, v) in record.data.entries {
            arguments.append(.bytes(Self.dataField(k)))
            arguments.append(.bytes(TaggedJSON.encode(v)))
        }
        let reply = try await run("create", key) {
            try await client.evaluate(Self.createScript, keys: [redisKey(key)], arguments: arguments)
        }
        guard case .integer(let created) = reply else { throw unexpected("create", reply) }
        return created == 1
    }

    public func apply(_ changes: SessionChangeSet, to key: SessionStorageKey) async throws -> SessionRecord? {
        let arguments = Self.changeArguments(changes)
        let reply = try await run("apply", key) {
            try await client.evaluate(Self.applyScript, keys: [redisKey(key)], arguments: arguments)
        }
        switch reply {
        case .bulkString(nil), .array(nil): return nil
        case .array:
            let fields: [(field: [UInt8], value: [UInt8])]
            do { fields = try reply.pairs() } catch { throw unexpected("apply", reply) }
            return try decodeLogged(fields, key: key)
        default: throw unexpected("apply", reply)
        }
    }

    /// One Lua script (`moveScript`), which Redis runs without interleaving: the same merge as
    /// `apply` on `old`, the version restarted at 1, then `RENAME` to `new` (which carries the
    /// data and removes `old` in the same step) and the TTL set. Both keys must be on one Redis
    /// server (no Redis Cluster slot spanning).
    public func move(
        _ changes: SessionChangeSet, from old: SessionStorageKey, to new: SessionStorageKey
    ) async throws -> SessionRecord? {
        let arguments = Self.changeArguments(changes)
        let reply = try await run("move", old) {
            try await client.evaluate(Self.moveScript, keys: [redisKey(old), redisKey(new)], arguments: arguments)
        }
        switch reply {
        case .bulkString(nil), .array(nil): return nil
        case .integer(0): throw SessionStoreError(.conflict, "Redis move \(new): a live record already holds the new key")
        case .array:
            let fields: [(field: [UInt8], value: [UInt8])]
            do { fields = try reply.pairs() } catch { throw unexpected("move", reply) }
            return try decodeLogged(fields, key: new)
        default: throw unexpected("move", reply)
        }
    }

    /// `applyScript`'s and `moveScript`'s ARGV for a change set.
    static func changeArguments(_ changes: SessionChangeSet) -> [RESPArgument] {
        let ttl = Self.ttlMilliseconds(expiresAt: changes.expiresAt, now: changes.now)
        var arguments: [RESPArgument] = [RESPArgument(changes.now), RESPArgument(changes.expiresAt), RESPArgument(ttl)]
        switch changes.absoluteDeadline {
        case .none: arguments += ["keep", ""]
        case .some(.none): arguments += ["clear", ""]
        case .some(.some(let d)): arguments += ["set", RESPArgument(d)]
        }
        switch changes.idleTimeoutOverride {
        case .none: arguments += ["keep", ""]
        case .some(.none): arguments += ["clear", ""]
        case .some(.some(let i)): arguments += ["set", RESPArgument(i)]
        }
        // The anonymous cap, computed here (exact Int64 arithmetic, which Lua numbers lack):
        // the capped expiresAt and its TTL, or empty strings when there is none to judge.
        let anonymousExpiresAt = changes.anonymousKeys.isEmpty ? nil : changes.anonymousExpiresAt
        if let anonymousExpiresAt {
            let capped = min(changes.expiresAt, anonymousExpiresAt)
            arguments += [RESPArgument(capped), RESPArgument(Self.ttlMilliseconds(expiresAt: capped, now: changes.now))]
        } else {
            arguments += ["", ""]
        }
        let sets = changes.changes.filter { $0.value != nil }
        arguments.append(RESPArgument(sets.count))
        arguments.append(RESPArgument(changes.changes.count - sets.count))
        for change in sets {
            arguments.append(.bytes(Self.dataField(change.key)))
            arguments.append(.bytes(TaggedJSON.encode(change.value!)))
        }
        for change in changes.changes where change.value == nil {
            arguments.append(.bytes(Self.dataField(change.key)))
        }
        if anonymousExpiresAt != nil {
            for key in changes.anonymousKeys { arguments.append(.bytes(Self.dataField(key))) }
        }
        return arguments
    }

    public func delete(_ key: SessionStorageKey) async throws {
        _ = try await run("delete", key) { try await client.del(redisKey(key)) }
    }

    // MARK: InspectableSessionStore

    /// Records under this store's prefix (Redis drops expired ones itself), by `SCAN`.
    public func count() async throws -> Int {
        try await scanKeys(limit: .max).count
    }

    public func keys(limit: Int) async throws -> [SessionStorageKey] {
        guard limit > 0 else { return [] }
        return Array(try await scanKeys(limit: limit))
    }

    private func scanKeys(limit: Int) async throws -> Set<SessionStorageKey> {
        let pattern = Self.globEscaped(keyPrefix) + "*"
        let prefix = Array(keyPrefix.utf8)
        var found = Set<SessionStorageKey>()  // SCAN may return a key twice
        var cursor = "0"
        repeat {
            let page = try await run("scan", nil) { try await client.scan(cursor: cursor, match: pattern, count: 1_000) }
            cursor = page.cursor
            for raw in page.keys where raw.starts(with: prefix) {
                if let key = SessionStorageKey(hex: String(decoding: raw.dropFirst(prefix.count), as: UTF8.self)) {
                    found.insert(key)
                    if found.count >= limit { return found }
                }
            }
        } while cursor != "0"
        return found
    }

    // MARK: Errors

    /// Runs a Redis call, turning client errors into `SessionStoreError`s that name the
    /// operation and the first 8 hex digits of the storage key only.
    private func run<T>(
        _ operation: String, _ key: SessionStorageKey?, _ body: () async throws -> T
    ) async throws(SessionStoreError) -> T {
        do {
            return try await body()
        } catch {
            let what = key.map { "\(operation) \($0)" } ?? operation
            if let redisError = error as? RedisError, redisError.serverErrorCode == "WRONGTYPE" {
                throw SessionStoreError(.corrupt, "Redis \(what): the key holds another type: \(redisError)")
            }
            throw SessionStoreError(.unavailable, "Redis at \(client.configuration.endpoint): \(what): \(error)")
        }
    }

    private func unexpected(_ operation: String, _ reply: RESPValue) -> SessionStoreError {
        SessionStoreError(.unavailable, "Redis \(operation): unexpected reply (\(reply.kind))")
    }

    /// `decode`, with a log line for a record that cannot be read (kept for inspection).
    private func decodeLogged(_ fields: [(field: [UInt8], value: [UInt8])], key: SessionStorageKey) throws(SessionStoreError) -> SessionRecord {
        do throws(SessionStoreError) {
            return try Self.decode(fields, key: key)
        } catch {
            logger.warning("\(error)")
            throw error
        }
    }
}
