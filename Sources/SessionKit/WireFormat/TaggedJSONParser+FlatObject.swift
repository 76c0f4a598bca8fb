/// The fast path for a flat, sorted, untagged object, and its hand-over to the general parser.
extension TaggedJSONParser {
    /// Fast path for what Flask writes for most sessions: one object of scalars, keys sorted and
    /// unique, no tag. Parses it straight into the object's entries, without the general
    /// parser's stacks. On success the result is the one the general parser would give.
    ///
    /// Returns nil as soon as the document is anything else. At the value of a member that is
    /// an object or array, the members read so far are handed over: the general parser's stacks
    /// are left exactly as it would have them there (`frames` holds the top object), and it
    /// resumes at that value. On anything else (unsorted or duplicate keys, a lone tag key, any
    /// error) `frames` stays empty and the general parser starts over, giving the exact result
    /// or error.
    mutating func parseFlatObject() -> SessionValue? {
        guard maxDepth >= 1 else { return nil }
        skipWhitespace()
        guard peek() == UInt8(ascii: "{") else { return nil }
        let opening = position
        position += 1
        skipWhitespace()
        var entries: [(key: String, value: SessionValue)] = []
        if peek() == UInt8(ascii: "}") {
            position += 1
        } else {
            entries.reserveCapacity(8)
            do {
                while true {
                    guard peek() == UInt8(ascii: "\"") else { return nil }
                    let key = try parseString()
                    if let last = entries.last, SessionObject.compare(last.key, key) != .orderedAscending {
                        return nil
                    }
                    skipWhitespace()
                    guard peek() == UInt8(ascii: ":") else { return nil }
                    position += 1
                    skipWhitespace()
                    guard position < input.count else { return nil }
                    let value: SessionValue
                    switch input[position] {
                    case UInt8(ascii: "\""):
                        value = .string(try parseString())
                    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                        value = try parseNumber()
                    case UInt8(ascii: "n"):
                        try expectLiteral("null")
                        value = .null
                    case UInt8(ascii: "t"):
                        try expectLiteral("true")
                        value = .bool(true)
                    case UInt8(ascii: "f"):
                        try expectLiteral("false")
                        value = .bool(false)
                    case UInt8(ascii: "N"):
                        try expectLiteral("NaN")
                        value = .double(.nan)
                    case UInt8(ascii: "I"):
                        try expectLiteral("Infinity")
                        value = .double(.infinity)
                    case UInt8(ascii: "{"), UInt8(ascii: "["):
                        handOver(entries, key: key, opening: opening)
                        return nil
                    default:
                        return nil  // an error: the general parser reports it
                    }
                    entries.append((key, value))
                    skipWhitespace()
                    guard position < input.count else { return nil }
                    if input[position] == UInt8(ascii: ",") {
                        position += 1
                        skipWhitespace()
                    } else if input[position] == UInt8(ascii: "}") {
                        position += 1
                        break
                    } else {
                        return nil
                    }
                }
            } catch {
                return nil
            }
        }
        skipWhitespace()
        guard position == input.count else { return nil }
        // A one-member object under a tag key is a tagged value: the general path untags it.
        if tagged, entries.count == 1, Tag(key: entries[0].key) != nil { return nil }
        return .object(SessionObject(sortedUniqueEntries: entries))
    }

    /// Leaves the general parser's state as after `{`, the members in `entries` and the key of
    /// the member whose value starts at `position`: the top object's frame, its keys and values.
    private mutating func handOver(_ entries: [(key: String, value: SessionValue)], key: String, opening: Int) {
        values.reserveCapacity(Swift.max(16, entries.count + 8))
        keys.reserveCapacity(Swift.max(16, entries.count + 9))
        frames.reserveCapacity(8)
        for entry in entries {
            keys.append(entry.key)
            values.append(entry.value)
        }
        keys.append(key)
        // As `open(isObject:)` and `parseMemberKey()` leave it: no parent, so no key tracking;
        // the values so far are scalars, so no child keys.
        frames.append(Frame(
            isObject: true, opening: opening, valueStart: 0, keyStart: 0, trackKeys: false,
            currentKeyTag: tagged ? Tag(key: key) : nil, tagChildKeys: nil))
    }
}
