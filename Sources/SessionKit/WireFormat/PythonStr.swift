import struct Foundation.Date
import struct Foundation.UUID

/// Python's `str()` and `repr()` of the value Flask's `TaggedJSONSerializer` decodes a session
/// value to, so that a page renders `session["username"]` as a Flask template or f-string would:
/// `[1, 'a']`, `(1,)`, `b'\x00'`, `UUID('…')`, `2024-01-02 03:04:05+00:00`, `True`, `None`.
///
/// Strings are quoted and escaped as CPython's `unicode_repr` does: `'` unless the text has a
/// `'` and no `"`, `\\`, `\t`, `\n`, `\r`, `\xhh` for other controls, and `\xhh`/`\uhhhh`/
/// `\Uhhhhhhhh` for characters Python does not print (categories Cc, Cf, Cs, Co, Cn, Zl, Zp and
/// Zs other than the space). "Unassigned" follows this platform's Unicode tables, so a character
/// assigned after the Python's own Unicode version is printed here and escaped there.
extension SessionValue {
    /// Python `str(value)`: text as is, numbers and constants as Python spells them, containers
    /// and the other tagged types as their `repr`.
    package var pythonStr: String {
        switch self {
        case .string(let text), .markup(let text): return text
        case .uuid(let uuid): return uuid.uuidString.lowercased()
        case .date(let date): return Self.isoDateTime(date)
        default: return pythonRepr
        }
    }

    /// Python `repr(value)`.
    package var pythonRepr: String {
        var out = ""
        appendRepr(to: &out)
        return out
    }

    private func appendRepr(to out: inout String) {
        switch self {
        case .null: out += "None"
        case .bool(let b): out += b ? "True" : "False"
        case .int(let i): out += i.description
        case .double(let d): out += PythonFloatFormat.repr(d)
        case .string(let text): Self.appendStringRepr(text, to: &out)
        case .markup(let text):
            out += "Markup("
            Self.appendStringRepr(text, to: &out)
            out += ")"
        case .array(let items):
            out += "["
            Self.appendItems(items, to: &out)
            out += "]"
        case .tuple(let items):
            out += "("
            Self.appendItems(items, to: &out)
            out += items.count == 1 ? ",)" : ")"
        case .object(let object):
            out += "{"
            for (index, entry) in object.entries.enumerated() {
                if index > 0 { out += ", " }
                Self.appendStringRepr(entry.key, to: &out)
                out += ": "
                entry.value.appendRepr(to: &out)
            }
            out += "}"
        case .bytes(let bytes): Self.appendBytesRepr(bytes, to: &out)
        case .uuid(let uuid): out += "UUID('\(uuid.uuidString.lowercased())')"
        case .date(let date): out += Self.dateTimeRepr(date)
        }
    }

    private static func appendItems(_ items: [SessionValue], to out: inout String) {
        for (index, item) in items.enumerated() {
            if index > 0 { out += ", " }
            item.appendRepr(to: &out)
        }
    }

    private static let hexDigits = Array("0123456789abcdef".unicodeScalars)

    private static func appendHex(_ value: UInt32, digits: Int, to out: inout String) {
        for shift in stride(from: (digits - 1) * 4, through: 0, by: -4) {
            out.unicodeScalars.append(hexDigits[Int((value >> UInt32(shift)) & 0xF)])
        }
    }

    /// CPython's `unicode_repr`.
    static func appendStringRepr(_ text: String, to out: inout String) {
        let scalars = text.unicodeScalars
        let quote: Unicode.Scalar = scalars.contains("'") && !scalars.contains("\"") ? "\"" : "'"
        out.unicodeScalars.append(quote)
        for scalar in scalars {
            switch scalar {
            case quote, "\\":
                out += "\\"
                out.unicodeScalars.append(scalar)
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default:
                let value = scalar.value
                if value < 0x20 || value == 0x7F {
                    out += "\\x"
                    appendHex(value, digits: 2, to: &out)
                } else if value < 0x7F || isPrintable(scalar) {
                    out.unicodeScalars.append(scalar)
                } else if value <= 0xFF {
                    out += "\\x"
                    appendHex(value, digits: 2, to: &out)
                } else if value <= 0xFFFF {
                    out += "\\u"
                    appendHex(value, digits: 4, to: &out)
                } else {
                    out += "\\U"
                    appendHex(value, digits: 8, to: &out)
                }
            }
        }
        out.unicodeScalars.append(quote)
    }

    /// Python's `str.isprintable()` for one character: everything but the "Other" and
    /// "Separator" categories, except the ASCII space.
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
            .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }

    /// CPython's `bytes.__repr__`: `b'…'`, `\xhh` outside printable ASCII.
    static func appendBytesRepr(_ bytes: [UInt8], to out: inout String) {
        let quote: UInt8 = bytes.contains(0x27) && !bytes.contains(0x22) ? 0x22 : 0x27
        out += "b"
        out.unicodeScalars.append(Unicode.Scalar(quote))
        for byte in bytes {
            switch byte {
            case quote, 0x5C:
                out += "\\"
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x20..<0x7F: out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "\\x"
                appendHex(UInt32(byte), digits: 2, to: &out)
            }
        }
        out.unicodeScalars.append(Unicode.Scalar(quote))
    }

    /// The fields of the UTC datetime Flask decodes (whole seconds, as on the wire).
    private static func dateFields(_ date: Date) -> (year: Int64, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let seconds = HTTPDate.unixSeconds(flooring: date)
        var days = seconds / 86_400
        var secondOfDay = Int(seconds % 86_400)
        if secondOfDay < 0 {
            secondOfDay += 86_400
            days -= 1
        }
        let (year, month, day) = HTTPDate.civil(fromDays: days)
        return (year, month, day, secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60)
    }

    private static func padded(_ value: Int64, _ width: Int) -> String {
        let digits = String(value.magnitude)
        return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// `str(datetime)`: `2024-01-02 03:04:05+00:00`.
    static func isoDateTime(_ date: Date) -> String {
        let f = dateFields(date)
        return "\(padded(f.year, 4))-\(padded(Int64(f.month), 2))-\(padded(Int64(f.day), 2)) "
            + "\(padded(Int64(f.hour), 2)):\(padded(Int64(f.minute), 2)):\(padded(Int64(f.second), 2))+00:00"
    }

    /// `repr(datetime)`: the seconds are left out when zero, as CPython does.
    static func dateTimeRepr(_ date: Date) -> String {
        let f = dateFields(date)
        var fields = "\(f.year), \(f.month), \(f.day), \(f.hour), \(f.minute)"
        if f.second != 0 { fields += ", \(f.second)" }
        return "datetime.datetime(\(fields), tzinfo=datetime.timezone.utc)"
    }
}
