/// Small pieces of Python's `str` semantics needed to mirror its parsers exactly.
enum PythonText {
    /// `str.isspace()` / the separators of `str.split()`.
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F,
             0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// `str.isdigit()`: Numeric_Type Decimal or Digit.
    static func isDigit(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return s.value >= 0x30 && s.value <= 0x39 }
        let type = s.properties.numericType
        return type == .decimal || type == .digit
    }

    /// The value of a decimal digit (ASCII or any Unicode Nd character), as `int()` reads it.
    static func decimalValue(_ s: Unicode.Scalar) -> Int64? {
        if s.value >= 0x30 && s.value <= 0x39 { return Int64(s.value - 0x30) }
        if s.isASCII { return nil }
        guard s.properties.numericType == .decimal, let v = s.properties.numericValue else { return nil }
        return Int64(v)
    }

    /// Magnitudes at or above this are "huge" (beyond anything the callers distinguish).
    static let saturation: Int64 = 4_000_000_000_000_000_000

    /// Python `int(text)` (base 10): surrounding whitespace, an optional sign, decimal digits (any
    /// script) with single underscores between them, at most 4300 digits. nil where Python
    /// raises ValueError; magnitudes beyond `saturation` are clamped to it.
    static func int(_ token: [Unicode.Scalar]) -> Int64? {
        var start = 0
        var end = token.count
        while start < end && isSpace(token[start]) { start += 1 }
        while end > start && isSpace(token[end - 1]) { end -= 1 }
        var negative = false
        if start < end && (token[start] == "+" || token[start] == "-") {
            negative = token[start] == "-"
            start += 1
        }
        guard start < end else { return nil }
        var value: Int64 = 0
        var digits = 0
        var previousWasUnderscore = true  // no leading underscore
        for k in start..<end {
            let s = token[k]
            if s == "_" {
                if previousWasUnderscore { return nil }
                previousWasUnderscore = true
                continue
            }
            guard let d = decimalValue(s) else { return nil }
            previousWasUnderscore = false
            digits += 1
            value = value >= saturation / 10 ? saturation : min(value * 10 + d, saturation)
        }
        if previousWasUnderscore || digits > 4300 { return nil }
        return negative ? -value : value
    }
}
