/// Strings: a word-at-a-time scan for the common unescaped case, escapes and surrogate pairs,
/// and strict UTF-8 validation as Python's decoder does it.
extension TaggedJSONParser {
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
}
