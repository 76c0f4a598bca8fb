import Crypto
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
public final class RedisSessionStore: SessionStore, InspectableSessionStore, LastWriterWinsSessionStore {
    public let client: RedisClient
    public let keyPrefix: String
    private let logger: Logger

    public init(client: RedisClient, keyPrefix: String = "session:", logger: Logger = Logger(label: "SessionKitRedis")) {
        self.client = client
        self.keyPrefix = keyPrefix
        self.logger = logger
    }

    public convenience init(
        configuration: RedisConfiguration, keyPrefix: String = "session:",
        logger: Logger = Logger(label: "SessionKitRedis")
    ) {
        self.init(client: RedisClient(configuration: configuration, logger: logger), keyPrefix: keyPrefix, logger: logger)
    }

    /// `redis://[[user]:password@]host[:port][/db]`; throws `RedisURLError` for a bad URL.
    public convenience init(
        url: String, keyPrefix: String = "session:", logger: Logger = Logger(label: "SessionKitRedis")
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

    /// The merge-cost benchmark's baseline: `MULTI`, `DEL`, `HSET` of every field, `PEXPIRE`,
    /// `EXEC` in one pipelined round trip, no script.
    package func overwrite(_ key: SessionStorageKey, record: SessionRecord) async throws {
        let ttl = Self.ttlMilliseconds(expiresAt: record.expiresAt, now: record.lastAccessAt)
        let name = RESPArgument.string(redisKey(key))
        var hset: [RESPArgument] = ["HSET", name]
        hset += Self.encodeMeta(record)
        for (k, v) in record.data.entries {
            hset.append(.bytes(Self.dataField(k)))
            hset.append(.bytes(TaggedJSON.encode(v)))
        }
        let replies = try await run("overwrite", key) {
            try await client.pipeline([
                ["MULTI"], ["DEL", name], hset, ["PEXPIRE", name, RESPArgument(max(ttl, 1))], ["EXEC"],
            ])
        }
        guard case .array(let results?) = replies.last, results.count == 3 else {
            throw unexpected("overwrite", replies.last ?? .array(nil))
        }
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
        let sets = changes.changes.filter { $0.value != nil }
        arguments.append(RESPArgument(sets.count))
        for change in sets {
            arguments.append(.bytes(Self.dataField(change.key)))
            arguments.append(.bytes(TaggedJSON.encode(change.value!)))
        }
        for change in changes.changes where change.value == nil {
            arguments.append(.bytes(Self.dataField(change.key)))
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

    // MARK: Encoding

    static let dataPrefix: [UInt8] = Array("d:".utf8)
    static let metaPrefix: [UInt8] = Array("m:".utf8)
    static let formatField: [UInt8] = Array("m:f".utf8)

    static func dataField(_ key: String) -> [UInt8] { dataPrefix + Array(key.utf8) }

    /// Milliseconds from `now` to `expiresAt`; 0 or less means "already expired" to the scripts.
    static func ttlMilliseconds(expiresAt: Int64, now: Int64) -> Int64 {
        let (seconds, overflow) = expiresAt.subtractingReportingOverflow(now)
        if overflow { return seconds < 0 ? Int64.max / 2 : 0 }
        let (ms, overflow2) = seconds.multipliedReportingOverflow(by: 1_000)
        return overflow2 ? (seconds > 0 ? Int64.max / 2 : 0) : ms
    }

    static func encodeMeta(_ record: SessionRecord) -> [RESPArgument] {
        var out: [RESPArgument] = [
            "m:f", "1",
            "m:created", RESPArgument(record.createdAt),
            "m:accessed", RESPArgument(record.lastAccessAt),
            "m:expires", RESPArgument(record.expiresAt),
            // Two's complement, so that HINCRBY wraps like `&+= 1` except at Int64.max.
            "m:version", RESPArgument(Int64(bitPattern: record.version)),
        ]
        if let d = record.absoluteDeadline { out += ["m:deadline", RESPArgument(d)] }
        if let i = record.idleTimeoutOverride { out += ["m:idle", RESPArgument(i)] }
        return out
    }

    static func decode(_ fields: [(field: [UInt8], value: [UInt8])], key: SessionStorageKey) throws(SessionStoreError) -> SessionRecord {
        func corrupt(_ why: String) -> SessionStoreError {
            SessionStoreError(.corrupt, "Redis record \(key): \(why)")
        }
        // Named fields, not a dictionary of them, and the names as static byte arrays: a load
        // decodes every field of the hash, and this runs on every request's read path.
        var created: Int64?, accessed: Int64?, expires: Int64?, version: Int64?
        var deadline: Int64?, idle: Int64?
        var format: String?
        var entries: [(String, SessionValue)] = []
        entries.reserveCapacity(fields.count)
        for (field, value) in fields {
            if field.starts(with: dataPrefix) {
                guard let name = String(validating: field.dropFirst(2), as: UTF8.self) else {
                    throw corrupt("a data field name is not UTF-8")
                }
                do throws(TaggedJSONError) {
                    entries.append((name, try TaggedJSON.decode(value)))
                } catch {
                    throw corrupt("undecodable value: \(error.message)")
                }
            } else if field == formatField {
                format = String(decoding: value, as: UTF8.self)
            } else if field.starts(with: metaPrefix) {
                guard let n = Int64(String(decoding: value, as: UTF8.self)) else {
                    throw corrupt("bad metadata")
                }
                switch String(decoding: field, as: UTF8.self) {
                case "m:created": created = n
                case "m:accessed": accessed = n
                case "m:expires": expires = n
                case "m:version": version = n
                case "m:deadline": deadline = n
                case "m:idle": idle = n
                default: break  // a later release's metadata
                }
            } else {
                throw corrupt("unknown field")
            }
        }
        guard let format else { throw corrupt("no format field") }
        guard format == "1" else { throw corrupt("unsupported format \(format.prefix(8))") }
        guard let created, let accessed, let expires, let version else { throw corrupt("missing metadata") }
        return SessionRecord(
            data: SessionObject(entries, uniquingKeysWith: { _, last in last }),
            createdAt: created, lastAccessAt: accessed, absoluteDeadline: deadline,
            idleTimeoutOverride: idle, expiresAt: expires, version: UInt64(bitPattern: version))
    }

    /// `prefix` with Redis glob metacharacters escaped, for `SCAN MATCH`.
    static func globEscaped(_ prefix: String) -> String {
        var out = ""
        for c in prefix {
            if "*?[]\\^-".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    // MARK: Scripts

    static func script(_ source: String) -> RedisScript {
        let digest = Insecure.SHA1.hash(data: Array(source.utf8))
        let hex = digest.map { b in (b < 16 ? "0" : "") + String(b, radix: 16) }.joined()
        return RedisScript(source: source, sha1: hex)
    }

    /// KEYS[1] the session; ARGV: now, ttl ms, then field/value pairs of the whole record.
    /// Returns 1 when written, 0 when a record live at `now` is there.
    static let createScript = script(
        """
        local expires = redis.call('HGET', KEYS[1], 'm:expires')
        if expires and tonumber(expires) > tonumber(ARGV[1]) then return 0 end
        redis.call('DEL', KEYS[1])
        if tonumber(ARGV[2]) <= 0 then return 1 end
        for i = 3, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        return 1
        """)

    /// The change-set merge both scripts run on the live hash at `key` (ARGV as `applyScript`'s):
    /// `m:accessed` forward only, the new expiry, deadline and idle override, the version line
    /// given, then the sets and removals of the changed keys.
    static func mergeLua(version: String) -> String {
        """
        local accessed = redis.call('HGET', key, 'm:accessed')
        if not accessed or tonumber(accessed) < now then
          redis.call('HSET', key, 'm:accessed', ARGV[1])
        end
        redis.call('HSET', key, 'm:expires', ARGV[2])
        if ARGV[4] == 'set' then redis.call('HSET', key, 'm:deadline', ARGV[5])
        elseif ARGV[4] == 'clear' then redis.call('HDEL', key, 'm:deadline') end
        if ARGV[6] == 'set' then redis.call('HSET', key, 'm:idle', ARGV[7])
        elseif ARGV[6] == 'clear' then redis.call('HDEL', key, 'm:idle') end
        \(version)
        local n = tonumber(ARGV[8])
        local i = 9
        for _ = 1, n do
          redis.call('HSET', key, ARGV[i], ARGV[i + 1])
          i = i + 2
        end
        while i <= #ARGV do
          redis.call('HDEL', key, ARGV[i])
          i = i + 1
        end
        """
    }

    /// The start of `applyScript` and `moveScript` (with `key` and `now` set): no record live at
    /// `now` under `key` returns nil, deleting an expired one.
    static let liveRecordLua = """
        local expires = redis.call('HGET', key, 'm:expires')
        if not expires then return false end
        if tonumber(expires) <= now then
          redis.call('DEL', key)
          return false
        end
        """

    /// KEYS[1] the session; ARGV: now, expiresAt, ttl ms, deadline mode (keep/clear/set) and
    /// value, idle-override mode and value, n, then n field/value pairs to set, then fields to
    /// delete. Returns nil when there is no record live at `now` (an expired one is deleted),
    /// else the merged hash (HGETALL).
    static let applyScript = script(
        """
        local key = KEYS[1]
        local now = tonumber(ARGV[1])
        \(liveRecordLua)
        \(mergeLua(version: "redis.call('HINCRBY', key, 'm:version', 1)"))
        local merged = redis.call('HGETALL', key)
        local ttl = tonumber(ARGV[3])
        if ttl > 0 then redis.call('PEXPIRE', key, ARGV[3]) else redis.call('DEL', key) end
        return merged
        """)

    /// KEYS[1] the session, KEYS[2] its new key; ARGV as `applyScript`'s. Returns nil when there is
    /// no record live at `now` under KEYS[1] (an expired one is deleted), 0 when a record live at
    /// `now` holds KEYS[2] (nothing written), else the moved hash (HGETALL of KEYS[2]). The merge
    /// is `applyScript`'s, with `m:version` set to 1 instead of incremented.
    static let moveScript = script(
        """
        local key = KEYS[1]
        local dest = KEYS[2]
        local now = tonumber(ARGV[1])
        \(liveRecordLua)
        local taken = redis.call('HGET', dest, 'm:expires')
        if taken and tonumber(taken) > now then return 0 end
        \(mergeLua(version: "redis.call('HSET', key, 'm:version', '1')"))
        redis.call('RENAME', key, dest)
        local merged = redis.call('HGETALL', dest)
        local ttl = tonumber(ARGV[3])
        if ttl > 0 then redis.call('PEXPIRE', dest, ARGV[3]) else redis.call('DEL', dest) end
        return merged
        """)
}
