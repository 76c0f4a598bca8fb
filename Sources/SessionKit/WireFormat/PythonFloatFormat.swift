/// Python's spelling of doubles, byte for byte.
///
/// Python's `repr(float)` (which `json.dumps` uses for finite floats) writes the *shortest* digit
/// string that reads back as the same double, then lays it out as:
/// * positional when the decimal exponent `e` (value = d.ddd × 10^e) satisfies `-4 <= e < 16`,
///   always with a fractional part: `1.0`, `100.0`, `1000000000000000.0`, `0.0001`;
/// * otherwise scientific, `d[.ddd]e±XX` with an explicit sign and at least two exponent digits:
///   `1e+16`, `1.5e-07`, `1e-05`, `5e-324`.
///
/// Swift's `Double.description` produces the same shortest round-trip digits but switches to
/// scientific notation at different thresholds (`9.1e+15` where Python writes
/// `9100000000000000.0`), so only its digits are used and the layout is redone here.
enum PythonFloatFormat {
    /// Python `repr(value)`: non-finite values are `nan`, `inf`, `-inf` (also what `str()` gives).
    static func repr(_ value: Double) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(24)
        append(value, nan: "nan", infinity: "inf", negativeInfinity: "-inf", to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Python `json.dumps(value)`: like `repr`, but non-finite values are the (non-standard)
    /// JSON literals `NaN`, `Infinity`, `-Infinity`.
    static func json(_ value: Double) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(24)
        appendJSON(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the `json.dumps` spelling of `value` to `output`.
    @inlinable
    static func appendJSON(_ value: Double, to output: inout [UInt8]) {
        append(value, nan: "NaN", infinity: "Infinity", negativeInfinity: "-Infinity", to: &output)
    }

    @usableFromInline
    static func append(
        _ value: Double,
        nan: StaticString,
        infinity: StaticString,
        negativeInfinity: StaticString,
        to output: inout [UInt8]
    ) {
        if value.isNaN {
            nan.withUTF8Buffer { output.append(contentsOf: $0) }
            return
        }
        if value.isInfinite {
            (value < 0 ? negativeInfinity : infinity).withUTF8Buffer { output.append(contentsOf: $0) }
            return
        }
        if value.sign == .minus { output.append(UInt8(ascii: "-")) }
        if value == 0 {
            output.append(UInt8(ascii: "0"))
            output.append(UInt8(ascii: "."))
            output.append(UInt8(ascii: "0"))
            return
        }
        // Shortest round-trip digits from Swift, then Python's layout.
        var description = value.magnitude.description
        description.withUTF8 { text in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: text.count) { digits in
                var count = 0
                var integerDigits = -1  // digits before the '.', -1 until a '.' or 'e' is seen
                var exponent = 0
                var index = 0
                while index < text.count {
                    let byte = text[index]
                    if byte >= 0x30 && byte <= 0x39 {
                        digits[count] = byte
                        count += 1
                    } else if byte == UInt8(ascii: ".") {
                        integerDigits = count
                    } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                        if integerDigits < 0 { integerDigits = count }
                        index += 1
                        var negative = false
                        if index < text.count, text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+") {
                            negative = text[index] == UInt8(ascii: "-")
                            index += 1
                        }
                        while index < text.count {
                            exponent = exponent * 10 + Int(text[index] &- 0x30)
                            index += 1
                        }
                        if negative { exponent = -exponent }
                        break
                    }
                    index += 1
                }
                if integerDigits < 0 { integerDigits = count }
                // value = 0.DIGITS × 10^pointPosition
                var pointPosition = integerDigits + exponent
                var first = 0
                while first < count && digits[first] == 0x30 {
                    first += 1
                    pointPosition -= 1
                }
                var last = count
                while last > first && digits[last - 1] == 0x30 { last -= 1 }
                let significant = UnsafeBufferPointer(rebasing: digits[first..<last])
                layOut(digits: significant, pointPosition: pointPosition, to: &output)
            }
        }
    }

    /// Python's `float_repr` layout ('r' format, `Py_DTSF_ADD_DOT_0`) for a nonzero finite value
    /// whose significant digits are `digits` (no leading/trailing zeros), value = 0.digits × 10^point.
    @usableFromInline
    static func layOut(digits: UnsafeBufferPointer<UInt8>, pointPosition decpt: Int, to output: inout [UInt8]) {
        let n = digits.count
        let exponent = decpt - 1
        if exponent >= -4 && exponent < 16 {
            if decpt <= 0 {
                output.append(UInt8(ascii: "0"))
                output.append(UInt8(ascii: "."))
                for _ in 0..<(-decpt) { output.append(UInt8(ascii: "0")) }
                output.append(contentsOf: digits)
            } else if decpt < n {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: digits[0..<decpt]))
                output.append(UInt8(ascii: "."))
                output.append(contentsOf: UnsafeBufferPointer(rebasing: digits[decpt...]))
            } else {
                output.append(contentsOf: digits)
                for _ in 0..<(decpt - n) { output.append(UInt8(ascii: "0")) }
                output.append(UInt8(ascii: "."))
                output.append(UInt8(ascii: "0"))
            }
        } else {
            output.append(digits[0])
            if n > 1 {
                output.append(UInt8(ascii: "."))
                output.append(contentsOf: UnsafeBufferPointer(rebasing: digits[1...]))
            }
            output.append(UInt8(ascii: "e"))
            output.append(exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            let magnitude = exponent.magnitude
            if magnitude >= 100 { output.append(UInt8(truncatingIfNeeded: 0x30 + magnitude / 100)) }
            output.append(UInt8(truncatingIfNeeded: 0x30 + (magnitude / 10) % 10))
            output.append(UInt8(truncatingIfNeeded: 0x30 + magnitude % 10))
        }
    }
}
