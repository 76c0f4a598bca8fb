import Crypto

// The Lua scripts that make `create`, `apply` and `move` atomic single round trips.
extension RedisSessionStore {
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
    /// given, then the sets and removals of the changed keys. Last, the anonymous cap of
    /// `SessionChangeSet.applied(to:)`: when a capped expiry is given and the merged hash holds
    /// at least one data field, all of them anonymous, `m:expires` and `ttl` take the capped
    /// pair. Leaves `ttl` (ms, as text) for the caller's `PEXPIRE`.
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
        local i = 12
        for _ = 1, tonumber(ARGV[10]) do
          redis.call('HSET', key, ARGV[i], ARGV[i + 1])
          i = i + 2
        end
        for _ = 1, tonumber(ARGV[11]) do
          redis.call('HDEL', key, ARGV[i])
          i = i + 1
        end
        local ttl = ARGV[3]
        if ARGV[8] ~= '' then
          local anonymous = {}
          while i <= #ARGV do
            anonymous[ARGV[i]] = true
            i = i + 1
          end
          local count = 0
          local only = true
          for _, field in ipairs(redis.call('HKEYS', key)) do
            if string.sub(field, 1, 2) == 'd:' then
              count = count + 1
              if not anonymous[field] then
                only = false
                break
              end
            end
          end
          if only and count > 0 then
            redis.call('HSET', key, 'm:expires', ARGV[8])
            ttl = ARGV[9]
          end
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
    /// value, idle-override mode and value, the anonymous-capped expiresAt and its ttl ms (both
    /// empty: no cap), n, d, then n field/value pairs to set, d fields to delete, and the
    /// anonymous keys' data fields. Returns nil when there is no record live at `now` (an expired one is deleted),
    /// else the merged hash (HGETALL).
    static let applyScript = script(
        """
        local key = KEYS[1]
        local now = tonumber(ARGV[1])
        \(liveRecordLua)
        \(mergeLua(version: "redis.call('HINCRBY', key, 'm:version', 1)"))
        local merged = redis.call('HGETALL', key)
        if tonumber(ttl) > 0 then redis.call('PEXPIRE', key, ttl) else redis.call('DEL', key) end
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
        if tonumber(ttl) > 0 then redis.call('PEXPIRE', dest, ttl) else redis.call('DEL', dest) end
        return merged
        """)
}
