import SessionKit

// The record as a Redis hash: `m:` metadata fields as decimal text, `d:` data fields as tagged
// JSON, and the decoding that trusts none of it.
extension RedisSessionStore {
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
}
