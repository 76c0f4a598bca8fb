/// Numbers with the grammar of CPython's `json` scanner: exact integers up to Python's
/// 4300-digit limit, correctly rounded doubles.
extension TaggedJSONParser {
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
}
