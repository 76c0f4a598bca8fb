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

    /// Consumes `literal` (`null`, `true`, `NaN`, …) at `position`.
    mutating func expectLiteral(_ literal: StaticString) throws(TaggedJSONError) {
        let matched = literal.withUTF8Buffer { text -> Bool in
            guard input.count - position >= text.count else { return false }
            for k in 0..<text.count where input[position + k] != text[k] { return false }
            return true
        }
        guard matched else { throw error("Expecting value", position) }
        position += literal.utf8CodeUnitCount
    }
}
