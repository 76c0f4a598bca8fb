import struct Foundation.Date
import struct Foundation.UUID

/// Why a tagged-JSON payload could not be decoded (Flask: `BadPayload`).
public struct TaggedJSONError: Error, Sendable, CustomStringConvertible {
    public let message: String
    /// Byte offset into the input where the problem was found, when there is one.
    public let offset: Int?

    public init(message: String, offset: Int? = nil) {
        self.message = message
        self.offset = offset
    }

    public var description: String {
        if let offset { return "\(message) (at byte \(offset))" }
        return message
    }
}

extension TaggedJSON {
    /// Parses JSON with Python `json.loads`' leniencies (`NaN`, `Infinity`, `-Infinity`;
    /// duplicate keys, last wins; raw UTF-8 in strings), then untags bottom-up as Flask does.
    ///
    /// Throws on anything Flask would fail the payload for: invalid JSON or UTF-8, lone surrogate
    /// escapes (unrepresentable in `String`), bad `" b"` base64 (Python's rules: padding required,
    /// characters outside `A-Za-z0-9+/` skipped), a bad `" u"`, a `" t"`/`" di"` whose content
    /// cannot be converted, integers over Python's 4300-digit limit, or nesting deeper than
    /// `maxDepth` containers (iterative parser: never a stack overflow). An unparsable `" d"`
    /// date gives `.null`, as in Flask.
    public static func decode(
        _ bytes: some Collection<UInt8>, maxDepth: Int = 128
    ) throws(TaggedJSONError) -> SessionValue {
        try parse(bytes, maxDepth: maxDepth, tagged: true)
    }

    /// Plain JSON without tag interpretation (for tools that want to show the raw payload).
    public static func decodeUntagged(
        _ bytes: some Collection<UInt8>, maxDepth: Int = 128
    ) throws(TaggedJSONError) -> SessionValue {
        try parse(bytes, maxDepth: maxDepth, tagged: false)
    }

    static func parse(
        _ bytes: some Collection<UInt8>, maxDepth: Int, tagged: Bool
    ) throws(TaggedJSONError) -> SessionValue {
        let contiguous = bytes.withContiguousStorageIfAvailable { buffer in
            run(buffer, maxDepth: maxDepth, tagged: tagged)
        }
        let result = contiguous ?? Array(bytes).withUnsafeBufferPointer { buffer in
            run(buffer, maxDepth: maxDepth, tagged: tagged)
        }
        return try result.get()
    }

    private static func run(
        _ buffer: UnsafeBufferPointer<UInt8>, maxDepth: Int, tagged: Bool
    ) -> Result<SessionValue, TaggedJSONError> {
        var parser = TaggedJSONParser(input: buffer, maxDepth: maxDepth, tagged: tagged)
        do {
            return .success(try parser.parseDocument())
        } catch {
            return .failure(error)
        }
    }
}

// MARK: - Parser

/// An iterative (explicit-stack) JSON parser with the grammar of CPython's `json` C scanner,
/// building `SessionValue`s and, in tagged mode, untagging each object as it closes.
///
/// Python parses the whole document first and untags afterwards, so a bad tag whose object is
/// then overwritten by a duplicate key is no error there. To match that in one pass, a failed
/// conversion is not thrown right away but kept as a *pending* error on the value; it travels up
/// with its container and is thrown at the end, unless a duplicate key discards the value.
struct TaggedJSONParser {
    typealias Tag = TaggedJSON.Tag

    let input: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    let tagged: Bool
    var position = 0

    /// Values of all open containers, innermost last.
    var values: [SessionValue] = []
    /// Keys of all open objects (parallel to their values), innermost last.
    var keys: [String] = []
    var frames: [Frame] = []
    /// Reused buffer for strings with escapes.
    var scratch: [UInt8] = []
    /// Pending untagging errors of entries of `values`, by index (almost always empty).
    var pending: [Int: TaggedJSONError] = [:]

    struct Frame {
        let isObject: Bool
        let opening: Int
        let valueStart: Int
        let keyStart: Int
        /// The parent will need this object's keys in insertion order (it is `" t"` or `" di"`
        /// content: Python's `tuple(dict)` and `next(iter(dict))` see insertion order).
        let trackKeys: Bool
        /// Tag recognized in the key whose value is being parsed (objects, tagged mode).
        var currentKeyTag: Tag?
        /// Insertion-ordered keys of the last object value stored under a tag key.
        var tagChildKeys: [String]?
    }

    init(input: UnsafeBufferPointer<UInt8>, maxDepth: Int, tagged: Bool) {
        self.input = input
        self.maxDepth = maxDepth
        self.tagged = tagged
    }

    @inline(__always)
    func error(_ message: String, _ offset: Int) -> TaggedJSONError {
        TaggedJSONError(message: message, offset: offset)
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while position < input.count {
            switch input[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    @inline(__always)
    func peek() -> UInt8? {
        position < input.count ? input[position] : nil
    }

    mutating func parseDocument() throws(TaggedJSONError) -> SessionValue {
        if let flat = parseFlatObject() { return flat }
        if frames.isEmpty {
            // The general parser, from the start (also for every error the fast path ran into).
            position = 0
            values.reserveCapacity(16)
            keys.reserveCapacity(16)
            frames.reserveCapacity(8)
            skipWhitespace()
        }  // else the fast path handed over its object at a nested container (see there)
        let (value, pendingError) = try parseValueTree()
        skipWhitespace()
        guard position == input.count else { throw error("Extra data", position) }
        if let pendingError { throw pendingError }
        return value
    }

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

    /// Parses one complete value (with all nested containers) starting at `position`.
    mutating func parseValueTree() throws(TaggedJSONError) -> (SessionValue, TaggedJSONError?) {
        while true {
            guard position < input.count else { throw error("Expecting value", position) }
            var produced: SessionValue
            var producedKeys: [String]? = nil
            var producedError: TaggedJSONError? = nil
            switch input[position] {
            case UInt8(ascii: "{"):
                try open(isObject: true)
                position += 1
                skipWhitespace()
                if peek() == UInt8(ascii: "}") {
                    position += 1
                    (produced, producedKeys, producedError) = closeObject()
                } else {
                    try parseMemberKey()
                    continue
                }
            case UInt8(ascii: "["):
                try open(isObject: false)
                position += 1
                skipWhitespace()
                if peek() == UInt8(ascii: "]") {
                    position += 1
                    (produced, producedError) = closeArray()
                } else {
                    continue
                }
            case UInt8(ascii: "\""):
                produced = .string(try parseString())
            case UInt8(ascii: "n"):
                try expectLiteral("null")
                produced = .null
            case UInt8(ascii: "t"):
                try expectLiteral("true")
                produced = .bool(true)
            case UInt8(ascii: "f"):
                try expectLiteral("false")
                produced = .bool(false)
            case UInt8(ascii: "N"):
                try expectLiteral("NaN")
                produced = .double(.nan)
            case UInt8(ascii: "I"):
                try expectLiteral("Infinity")
                produced = .double(.infinity)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                produced = try parseNumber()
            default:
                throw error("Expecting value", position)
            }

            // Hand the value to its container, closing containers as far as possible.
            deliver: while true {
                guard !frames.isEmpty else { return (produced, producedError) }
                let top = frames.count - 1
                values.append(produced)
                if let producedError { pending[values.count - 1] = producedError }
                skipWhitespace()
                if frames[top].isObject {
                    if frames[top].currentKeyTag != nil { frames[top].tagChildKeys = producedKeys }
                    switch peek() {
                    case UInt8(ascii: ","):
                        position += 1
                        skipWhitespace()
                        try parseMemberKey()
                        break deliver
                    case UInt8(ascii: "}"):
                        position += 1
                        (produced, producedKeys, producedError) = closeObject()
                    default:
                        throw error("Expecting ',' delimiter", position)
                    }
                } else {
                    switch peek() {
                    case UInt8(ascii: ","):
                        position += 1
                        skipWhitespace()
                        break deliver
                    case UInt8(ascii: "]"):
                        position += 1
                        (produced, producedError) = closeArray()
                        producedKeys = nil
                    default:
                        throw error("Expecting ',' delimiter", position)
                    }
                }
            }
        }
    }

    mutating func open(isObject: Bool) throws(TaggedJSONError) {
        guard frames.count < maxDepth else {
            throw error("Maximum nesting depth (\(maxDepth)) exceeded", position)
        }
        var trackKeys = false
        if isObject, let parent = frames.last, let tag = parent.currentKeyTag {
            trackKeys = tag == .tuple || tag == .dict
        }
        frames.append(Frame(
            isObject: isObject, opening: position, valueStart: values.count, keyStart: keys.count,
            trackKeys: trackKeys, currentKeyTag: nil, tagChildKeys: nil))
    }

    /// `"key"` ws `:` ws, pushing the key.
    mutating func parseMemberKey() throws(TaggedJSONError) {
        guard peek() == UInt8(ascii: "\"") else {
            throw error("Expecting property name enclosed in double quotes", position)
        }
        let key = try parseString()
        if tagged { frames[frames.count - 1].currentKeyTag = Tag(key: key) }
        skipWhitespace()
        guard peek() == UInt8(ascii: ":") else { throw error("Expecting ':' delimiter", position) }
        position += 1
        skipWhitespace()
        keys.append(key)
    }

    mutating func closeArray() -> (SessionValue, TaggedJSONError?) {
        let frame = frames.removeLast()
        let items = Array(values[frame.valueStart...])
        let inherited = pending.isEmpty ? nil : takePendingErrors(from: frame.valueStart, surviving: nil)
        values.removeSubrange(frame.valueStart...)
        return (.array(items), inherited)
    }

    /// Removes the pending errors of `values[start...]`, returning the first one among the
    /// indices in `surviving` (all when nil).
    mutating func takePendingErrors(from start: Int, surviving: Set<Int>?) -> TaggedJSONError? {
        var first: (index: Int, error: TaggedJSONError)? = nil
        for (index, error) in pending where index >= start {
            pending[index] = nil
            if surviving?.contains(index) ?? true, first.map({ index < $0.index }) ?? true {
                first = (index, error)
            }
        }
        return first?.error
    }

    mutating func closeObject() -> (SessionValue, [String]?, TaggedJSONError?) {
        let frame = frames.removeLast()
        let keyStart = frame.keyStart
        let valueStart = frame.valueStart
        let count = keys.count - keyStart
        var object = SessionObject()
        var orderedKeys: [String]? = nil

        var survivors: Set<Int>? = nil  // indices into `values` when duplicates were dropped
        var sorted = true
        if count > 1 {
            for i in (keyStart + 1)..<(keyStart + count)
            where SessionObject.compare(keys[i - 1], keys[i]) != .orderedAscending {
                sorted = false
                break
            }
        }
        if sorted {
            // Flask's own output: already sorted and unique.
            var entries: [(key: String, value: SessionValue)] = []
            entries.reserveCapacity(count)
            for i in 0..<count { entries.append((keys[keyStart + i], values[valueStart + i])) }
            object = SessionObject(sortedUniqueEntries: entries)
            if frame.trackKeys { orderedKeys = Array(keys[keyStart...]) }
        } else {
            // Sort by (key, position); of equal keys the last value wins, the first position
            // is the key's place in insertion order.
            let order = (0..<count).sorted { a, b in
                switch SessionObject.compare(keys[keyStart + a], keys[keyStart + b]) {
                case .orderedAscending: return true
                case .orderedDescending: return false
                case .orderedSame: return a < b
                }
            }
            var firstOccurrences: [Int] = []
            if !pending.isEmpty { survivors = [] }
            var runStart = 0
            while runStart < count {
                var runEnd = runStart + 1
                while runEnd < count,
                      SessionObject.compare(keys[keyStart + order[runStart]], keys[keyStart + order[runEnd]])
                      == .orderedSame {
                    runEnd += 1
                }
                object.append(key: keys[keyStart + order[runStart]], value: values[valueStart + order[runEnd - 1]])
                survivors?.insert(valueStart + order[runEnd - 1])
                firstOccurrences.append(order[runStart])
                runStart = runEnd
            }
            if frame.trackKeys {
                orderedKeys = firstOccurrences.sorted().map { keys[keyStart + $0] }
            }
        }
        let inherited = pending.isEmpty ? nil : takePendingErrors(from: valueStart, surviving: survivors)
        keys.removeSubrange(keyStart...)
        values.removeSubrange(valueStart...)
        if let inherited {
            // The content already failed; that error is the one Python would raise first.
            return (.object(object), orderedKeys, inherited)
        }

        if tagged, object.count == 1, let entry = object.entries.first, let tag = Tag(key: entry.key) {
            do {
                let (value, keys) = try untag(tag, entry.value, contentKeys: frame.tagChildKeys, at: frame.opening)
                return (value, keys, nil)
            } catch {
                return (.null, nil, error)
            }
        }
        return (.object(object), orderedKeys, nil)
    }

    // MARK: Scalars

    mutating func expectLiteral(_ literal: StaticString) throws(TaggedJSONError) {
        let matched = literal.withUTF8Buffer { text -> Bool in
            guard input.count - position >= text.count else { return false }
            for k in 0..<text.count where input[position + k] != text[k] { return false }
            return true
        }
        guard matched else { throw error("Expecting value", position) }
        position += literal.utf8CodeUnitCount
    }

    @inline(__always)
    func isDigit(_ p: Int) -> Bool {
        p < input.count && input[p] &- 0x30 < 10
    }

    mutating func parseNumber() throws(TaggedJSONError) -> SessionValue {
        let start = position
        var p = position
        let negative = input[p] == UInt8(ascii: "-")
        if negative {
            p += 1
            if p < input.count && input[p] == UInt8(ascii: "I") {
                position = p
                try expectLiteral("Infinity")
                return .double(-.infinity)
            }
        }
        guard isDigit(p) else { throw error("Expecting value", start) }
        if input[p] == UInt8(ascii: "0") {
            p += 1
        } else {
            while isDigit(p) { p += 1 }
        }
        let integerEnd = p
        var isFloat = false
        if p < input.count, input[p] == UInt8(ascii: "."), isDigit(p + 1) {
            p += 2
            while isDigit(p) { p += 1 }
            isFloat = true
        }
        if p < input.count, input[p] == UInt8(ascii: "e") || input[p] == UInt8(ascii: "E") {
            var q = p + 1
            if q < input.count, input[q] == UInt8(ascii: "+") || input[q] == UInt8(ascii: "-") { q += 1 }
            if isDigit(q) {
                while isDigit(q) { q += 1 }
                p = q
                isFloat = true
            }
        }
        position = p
        let text = UnsafeBufferPointer(rebasing: input[start..<p])
        if isFloat {
            // Correctly rounded (strtod); overflow gives ±inf, underflow ±0, like Python's float().
            guard let value = Double(String(decoding: text, as: UTF8.self)) else {
                throw error("Invalid number", start)
            }
            return .double(value)
        }
        let digitCount = integerEnd - start - (negative ? 1 : 0)
        if digitCount <= 18 {
            var value = 0
            for k in (negative ? start + 1 : start)..<integerEnd { value = value * 10 + Int(input[k] &- 0x30) }
            return .int(SessionInteger(negative ? -value : value))
        }
        guard digitCount <= 4300 else {
            // Python 3.11's int() refuses more than 4300 digits (ValueError -> BadPayload).
            throw error("Integer literal exceeds Python's limit of 4300 digits", start)
        }
        guard let integer = SessionInteger(decimal: String(decoding: text, as: UTF8.self)) else {
            throw error("Invalid number", start)
        }
        return .int(integer)
    }

    /// Parses a string at `position` (which is at the opening quote).
    mutating func parseString() throws(TaggedJSONError) -> String {
        let quote = position
        let start = position + 1
        // Scan (in a local, byte by byte) to the first quote, backslash or control character;
        // the OR of the bytes passed tells whether any was non-ASCII.
        let count = input.count
        var p = start
        var ored: UInt8 = 0
        // Eight bytes at a time while none of them stops the scan (SWAR: a byte equal to 0x22 or
        // 0x5C, or below 0x20, sets its high bit in `stops`; exact as a yes/no test).
        if let base = input.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            var orWords: UInt64 = 0
            while p + 8 <= count {
                let word = UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self)
                let quote = word ^ (ones &* 0x22)
                let backslash = word ^ (ones &* 0x5C)
                let stops = ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash
                    | (word &- ones &* 0x20) & ~word) & highs
                if stops != 0 { break }
                orWords |= word
                p += 8
            }
            if orWords & highs != 0 { ored = 0x80 }
        }
        while p < count {
            let byte = input[p]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            ored |= byte
            p += 1
        }
        let nonASCII = ored >= 0x80
        guard p < count else {
            position = p
            throw error("Unterminated string", quote)
        }
        switch input[p] {
        case UInt8(ascii: "\""):
            let chunk = UnsafeBufferPointer(rebasing: input[start..<p])
            position = p + 1
            if nonASCII, let bad = TaggedJSONParser.firstInvalidUTF8(chunk) {
                throw error("Invalid UTF-8 in string", start + bad)
            }
            return String(decoding: chunk, as: UTF8.self)
        case UInt8(ascii: "\\"):
            position = p
            return try parseEscapedString(quote: quote, start: start, nonASCII: nonASCII)
        default:
            position = p
            throw error("Invalid control character", p)
        }
    }

    /// The slow path, entered at the first backslash; `nonASCII` tells whether the bytes before it
    /// (from `start`) contained non-ASCII bytes.
    private mutating func parseEscapedString(
        quote: Int, start: Int, nonASCII: Bool
    ) throws(TaggedJSONError) -> String {
        scratch.removeAll(keepingCapacity: true)
        var runStart = start
        var nonASCII = nonASCII
        while position < input.count {
            let byte = input[position]
            if byte == UInt8(ascii: "\"") {
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<position]))
                position += 1
                if nonASCII, scratch.withUnsafeBufferPointer({ TaggedJSONParser.firstInvalidUTF8($0) }) != nil {
                    throw error("Invalid UTF-8 in string", start)
                }
                return String(decoding: scratch, as: UTF8.self)
            }
            if byte < 0x20 { throw error("Invalid control character", position) }
            if byte >= 0x80 { nonASCII = true }
            if byte != UInt8(ascii: "\\") {
                position += 1
                continue
            }
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<position]))
            let escape = position
            position += 1
            guard position < input.count else { throw error("Unterminated string", quote) }
            switch input[position] {
            case UInt8(ascii: "\""): scratch.append(0x22)
            case UInt8(ascii: "\\"): scratch.append(0x5C)
            case UInt8(ascii: "/"): scratch.append(0x2F)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4(at: position + 1, escape: escape)
                position += 4
                if scalar >= 0xD800 && scalar <= 0xDBFF {
                    // A high surrogate must be followed by an escaped low one.
                    guard position + 6 < input.count,
                          input[position + 1] == UInt8(ascii: "\\"), input[position + 2] == UInt8(ascii: "u"),
                          let low = try? hex4(at: position + 3, escape: position + 1),
                          low >= 0xDC00 && low <= 0xDFFF
                    else {
                        throw error("Lone surrogate escape (not representable as a Swift String)", escape)
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    position += 6
                } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
                    throw error("Lone surrogate escape (not representable as a Swift String)", escape)
                }
                appendUTF8(scalar)
            default:
                throw error("Invalid \\escape", escape)
            }
            position += 1
            runStart = position
        }
        throw error("Unterminated string", quote)
    }

    /// Offset of the first byte that is not part of well-formed UTF-8 (RFC 3629: no overlong
    /// forms, no surrogates, nothing above U+10FFFF), or nil. Same rules as Python's strict
    /// UTF-8 decoder. (`String(validating:)` would need macOS 15.)
    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            guard i + length <= n else { return i }
            let b1 = bytes[i + 1]
            guard b1 >= low && b1 <= high else { return i }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }

    private func hex4(at p: Int, escape: Int) throws(TaggedJSONError) -> UInt32 {
        guard p + 4 <= input.count else { throw error("Invalid \\uXXXX escape", escape) }
        var value: UInt32 = 0
        for k in p..<(p + 4) {
            let c = input[k]
            let digit: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = c - 0x30
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c - 0x61 + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = c - 0x41 + 10
            default: throw error("Invalid \\uXXXX escape", escape)
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case ..<0x80:
            scratch.append(UInt8(scalar))
        case ..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case ..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    // MARK: Untagging (Flask's TaggedJSONSerializer.untag, per tag's to_python)

    /// Converts the content of a one-member object `{tag: content}` (already untagged itself).
    /// `contentKeys` are the insertion-ordered keys of `content` when it is an object.
    func untag(
        _ tag: Tag, _ content: SessionValue, contentKeys: [String]?, at offset: Int
    ) throws(TaggedJSONError) -> (SessionValue, [String]?) {
        switch tag {
        case .tuple:
            // tuple(value): any iterable.
            switch content {
            case .array(let items), .tuple(let items):
                return (.tuple(items), nil)
            case .string(let s), .markup(let s):
                return (.tuple(s.unicodeScalars.map { .string(String($0)) }), nil)
            case .object(let object):
                return (.tuple((contentKeys ?? object.keys).map { .string($0) }), nil)
            case .bytes(let bytes):
                return (.tuple(bytes.map { .int(Int($0)) }), nil)
            default:
                throw error("{\" t\": …} content is not iterable", offset)
            }

        case .bytes:
            // base64.b64decode(value): str (ASCII only) or bytes.
            let encoded: [UInt8]
            switch content {
            case .string(let s), .markup(let s):
                guard s.utf8.allSatisfy({ $0 < 0x80 }) else {
                    throw error("{\" b\": …} string argument should contain only ASCII characters", offset)
                }
                encoded = Array(s.utf8)
            case .bytes(let bytes):
                encoded = bytes
            default:
                throw error("{\" b\": …} content is not a string", offset)
            }
            do {
                return (.bytes(try PythonBase64.decode(encoded)), nil)
            } catch let failure {
                throw error("{\" b\": …} \(failure.message)", offset)
            }

        case .markup:
            // Markup(value) == str(value) for anything without __html__.
            switch content {
            case .string(let s), .markup(let s): return (.markup(s), nil)
            case .null: return (.markup("None"), nil)
            case .bool(let b): return (.markup(b ? "True" : "False"), nil)
            case .int(let i): return (.markup(i.description), nil)
            case .double(let d): return (.markup(PythonFloatFormat.repr(d)), nil)
            case .uuid(let u): return (.markup(PythonUUID.hyphenated(u)), nil)
            default:
                // str() of containers/bytes/datetimes (Python reprs) is deliberately not mimicked.
                throw error("{\" m\": …} content of this type is not supported", offset)
            }

        case .uuid:
            switch content {
            case .string(let s), .markup(let s):
                guard let uuid = PythonUUID.parse(s) else {
                    throw error("{\" u\": …} badly formed hexadecimal UUID string", offset)
                }
                return (.uuid(uuid), nil)
            default:
                throw error("{\" u\": …} content is not a string", offset)
            }

        case .date:
            // werkzeug.http.parse_date(value): None for anything unparsable.
            switch content {
            case .string(let s), .markup(let s):
                switch HTTPDate.parseResult(s) {
                case .date(let seconds): return (.date(Date(timeIntervalSince1970: Double(seconds))), nil)
                case .invalid: return (.null, nil)
                case .overflow: throw error("{\" d\": …} date field out of range (OverflowError)", offset)
                }
            // Falsy values give None; bytes make the parser raise TypeError, also None.
            case .null, .bool(false), .bytes: return (.null, nil)
            case .int(let i) where i.intValue == 0: return (.null, nil)
            case .double(let d) where d == 0: return (.null, nil)
            case .array(let a) where a.isEmpty: return (.null, nil)
            case .tuple(let a) where a.isEmpty: return (.null, nil)
            case .object(let o) where o.isEmpty: return (.null, nil)
            default:
                // Truthy non-strings: AttributeError (no .split), which Flask does not catch.
                throw error("{\" d\": …} content is not a string", offset)
            }

        case .dict:
            // {" di": {KEY__: v}} -> {KEY: v}, from the first member in insertion order.
            guard case .object(let object) = content else {
                throw error("{\" di\": …} content is not an object", offset)
            }
            guard let first = contentKeys?.first ?? object.entries.first?.key, let value = object[first] else {
                throw error("{\" di\": …} content is an empty object", offset)
            }
            // key[:-2] in Python: drop the last two code points.
            var key = String.UnicodeScalarView()
            key.append(contentsOf: first.unicodeScalars.dropLast(2))
            let unescaped = String(key)
            var result = SessionObject()
            result[unescaped] = value
            return (.object(result), [unescaped])
        }
    }
}

// MARK: - Python's base64 decoding

enum PythonBase64 {
    private static let table: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (i, c) in alphabet.enumerated() { table[Int(c)] = UInt8(i) }
        return table
    }()

    /// `binascii.a2b_base64(s, strict_mode=False)` (CPython 3.11), which `base64.b64decode` uses:
    /// characters outside the alphabet are skipped, a pad sequence that completes a quad ends
    /// the input, and a final partial quad is an error.
    struct Failure: Error {
        let message: String
    }

    static func decode(_ input: [UInt8]) throws(Failure) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count / 4 * 3 + 3)
        var quadPosition = 0
        var pads = 0
        var left: UInt8 = 0
        var dataCharacters = 0
        for c in input {
            if c == UInt8(ascii: "=") {
                if quadPosition >= 2 {
                    pads += 1
                    if quadPosition + pads >= 4 { return output }
                }
                continue
            }
            let v = table[Int(c)]
            if v == 0xFF { continue }
            pads = 0
            dataCharacters += 1
            switch quadPosition {
            case 0:
                quadPosition = 1
                left = v
            case 1:
                quadPosition = 2
                output.append(left << 2 | v >> 4)
                left = v & 0x0F
            case 2:
                quadPosition = 3
                output.append(left << 4 | v >> 2)
                left = v & 0x03
            default:
                quadPosition = 0
                output.append(left << 6 | v)
                left = 0
            }
        }
        switch quadPosition {
        case 0:
            return output
        case 1:
            throw Failure(message: "Invalid base64-encoded string: number of data characters "
                + "(\(dataCharacters)) cannot be 1 more than a multiple of 4")
        default:
            throw Failure(message: "Incorrect padding")
        }
    }
}

// MARK: - Python's UUID(hex)

enum PythonUUID {
    /// `str(uuid)`: lowercase, hyphenated.
    static func hyphenated(_ uuid: UUID) -> String {
        var hex: [UInt8] = []
        hex.reserveCapacity(32)
        TaggedJSON.writeUUIDHex(uuid, to: &hex)
        var out: [UInt8] = []
        out.reserveCapacity(36)
        for (i, c) in hex.enumerated() {
            if i == 8 || i == 12 || i == 16 || i == 20 { out.append(UInt8(ascii: "-")) }
            out.append(c)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `uuid.UUID(text)`: drops every `urn:` then every `uuid:`, strips `{`/`}` from both ends,
    /// removes every `-`, wants exactly 32 characters, then reads them with `int(text, 16)`
    /// (whitespace, a `+`, a `0x` prefix and single underscores are all tolerated).
    static func parse(_ text: String) -> UUID? {
        if let canonical = parseCanonical(text) { return canonical }
        var s = Array(text.unicodeScalars)
        s = replacingAll(s, Array("urn:".unicodeScalars))
        s = replacingAll(s, Array("uuid:".unicodeScalars))
        var start = 0
        var end = s.count
        while start < end && (s[start] == "{" || s[start] == "}") { start += 1 }
        while end > start && (s[end - 1] == "{" || s[end - 1] == "}") { end -= 1 }
        let hex = s[start..<end].filter { $0 != "-" }
        guard hex.count == 32, let (high, low) = pythonHexInt(hex) else { return nil }
        return uuid(high: high, low: low)
    }

    /// Fast path for exactly 32 ASCII hex digits (what Flask writes); nil for anything else.
    private static func parseCanonical(_ text: String) -> UUID? {
        guard text.utf8.count == 32 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for (i, c) in text.utf8.enumerated() {
            let d: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = c &- 0x30
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = c &- 0x61 &+ 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = c &- 0x41 &+ 10
            default: return nil
            }
            if i < 16 { high = high << 4 | UInt64(d) } else { low = low << 4 | UInt64(d) }
        }
        return uuid(high: high, low: low)
    }

    private static func uuid(high: UInt64, low: UInt64) -> UUID {
        var bytes: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                    UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &bytes) { raw in
            for k in 0..<8 {
                raw[k] = UInt8(truncatingIfNeeded: high >> (56 - 8 * k))
                raw[8 + k] = UInt8(truncatingIfNeeded: low >> (56 - 8 * k))
            }
        }
        return UUID(uuid: bytes)
    }

    /// Python `str.replace(old, "")`: left to right, non-overlapping.
    private static func replacingAll(_ s: [Unicode.Scalar], _ old: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            if i + old.count <= s.count && s[i..<(i + old.count)].elementsEqual(old) {
                i += old.count
            } else {
                result.append(s[i])
                i += 1
            }
        }
        return result
    }

    /// `int(text, 16)` for a text of at most 32 characters (so the value fits 128 bits).
    private static func pythonHexInt(_ text: [Unicode.Scalar]) -> (UInt64, UInt64)? {
        var start = 0
        var end = text.count
        while start < end && PythonText.isSpace(text[start]) { start += 1 }
        while end > start && PythonText.isSpace(text[end - 1]) { end -= 1 }
        if start < end && (text[start] == "+" || text[start] == "-") {
            if text[start] == "-" { return nil }  // cannot happen: hyphens are removed first
            start += 1
        }
        if end - start >= 2 && digitValue(text[start]) == 0 && (text[start + 1] == "x" || text[start + 1] == "X") {
            start += 2
            if start < end && text[start] == "_" { start += 1 }  // one underscore allowed after the prefix
        }
        guard start < end, text[start] != "_" else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        var previousWasUnderscore = false
        for k in start..<end {
            if text[k] == "_" {
                if previousWasUnderscore { return nil }
                previousWasUnderscore = true
                continue
            }
            guard let d = digitValue(text[k]) else { return nil }
            previousWasUnderscore = false
            high = high << 4 | low >> 60
            low = low << 4 | d
        }
        if previousWasUnderscore { return nil }
        return (high, low)
    }

    /// A hex digit, or any Unicode decimal digit (which `int()` maps to ASCII first).
    private static func digitValue(_ s: Unicode.Scalar) -> UInt64? {
        switch s {
        case "0"..."9": return UInt64(s.value - 0x30)
        case "a"..."f": return UInt64(s.value - 0x61 + 10)
        case "A"..."F": return UInt64(s.value - 0x41 + 10)
        default:
            guard let v = PythonText.decimalValue(s) else { return nil }
            return UInt64(v)
        }
    }
}
