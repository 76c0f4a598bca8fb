import struct Foundation.UUID

/// Python's UUID text forms: `str(uuid)` for the `" m"` tag, `uuid.UUID(text)` for `" u"`.
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
