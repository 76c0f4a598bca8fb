import struct Foundation.Date
import struct Foundation.UUID

/// Flask's tagged JSON (`flask.json.tag.TaggedJSONSerializer`), byte for byte.
///
/// Encoding writes exactly what Flask writes inside a session cookie: compact separators, keys
/// sorted by code point at every depth, ASCII only (`\uXXXX` with lowercase hex, surrogate pairs
/// above U+FFFF), Python's float `repr`, and the tags `" t"` (tuple), `" b"` (bytes), `" m"`
/// (Markup), `" u"` (UUID), `" d"` (datetime) and `" di"` (escape for a one-key dict whose key is
/// a tag key). Decoding mirrors Python's `json.loads` followed by Flask's bottom-up untagging.
public enum TaggedJSON {
    /// Flask's exact bytes: compact, keys sorted by code point, ASCII-only (`\uXXXX` lowercase hex,
    /// surrogate pairs), tags applied per spec §7.2 (including the `" di"` escape for single-key
    /// dicts whose key is a tag key, at top level too).
    public static func encode(_ value: SessionValue) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        encode(value, into: &output)
        return output
    }

    /// Appends Flask's bytes for `value` to `output` (reuse one buffer across calls to avoid
    /// allocations).
    public static func encode(_ value: SessionValue, into output: inout [UInt8]) {
        write(value, to: &output)
    }
}

extension SessionValue {
    /// The value as Flask's tagged JSON text (pure ASCII).
    var taggedJSONString: String {
        String(decoding: TaggedJSON.encode(self), as: UTF8.self)
    }
}

// MARK: - Tag keys

extension TaggedJSON {
    /// The six keys Flask's serializer reserves.
    enum Tag: Sendable {
        case dict, tuple, bytes, markup, uuid, date

        /// Recognizes a tag key by its exact scalars (`" di"`, `" t"`, `" b"`, `" m"`, `" u"`, `" d"`).
        @inline(__always)
        init?(utf8 key: UnsafeBufferPointer<UInt8>) {
            guard key.count >= 2, key.count <= 3, key[0] == 0x20 else { return nil }
            if key.count == 3 {
                guard key[1] == UInt8(ascii: "d"), key[2] == UInt8(ascii: "i") else { return nil }
                self = .dict
                return
            }
            switch key[1] {
            case UInt8(ascii: "t"): self = .tuple
            case UInt8(ascii: "b"): self = .bytes
            case UInt8(ascii: "m"): self = .markup
            case UInt8(ascii: "u"): self = .uuid
            case UInt8(ascii: "d"): self = .date
            default: return nil
            }
        }

        @inline(__always)
        init?(key: String) {
            let utf8 = key.utf8
            // Cheap rejection before touching the bytes.
            guard utf8.count >= 2, utf8.count <= 3, utf8.first == 0x20 else { return nil }
            var copy = key
            guard let tag = copy.withUTF8({ Tag(utf8: $0) }) else { return nil }
            self = tag
        }
    }
}

// MARK: - Writer

extension TaggedJSON {
    @inline(__always)
    static func append(_ text: StaticString, to output: inout [UInt8]) {
        text.withUTF8Buffer { output.append(contentsOf: $0) }
    }

    static func write(_ value: SessionValue, to output: inout [UInt8]) {
        switch value {
        case .null:
            append("null", to: &output)
        case .bool(let b):
            append(b ? "true" : "false", to: &output)
        case .int(let i):
            writeInteger(i, to: &output)
        case .double(let d):
            PythonFloatFormat.appendJSON(d, to: &output)
        case .string(let s):
            writeString(s, to: &output)
        case .array(let items):
            writeArray(items, to: &output)
        case .object(let object):
            writeObject(object, to: &output)
        case .tuple(let items):
            append("{\" t\":", to: &output)
            writeArray(items, to: &output)
            output.append(UInt8(ascii: "}"))
        case .bytes(let bytes):
            append("{\" b\":\"", to: &output)
            writeBase64(bytes, to: &output)
            append("\"}", to: &output)
        case .uuid(let uuid):
            append("{\" u\":\"", to: &output)
            writeUUIDHex(uuid, to: &output)
            append("\"}", to: &output)
        case .date(let date):
            append("{\" d\":\"", to: &output)
            HTTPDate.append(unixSeconds: HTTPDate.unixSeconds(flooring: date), to: &output)
            append("\"}", to: &output)
        case .markup(let html):
            append("{\" m\":", to: &output)
            writeString(html, to: &output)
            output.append(UInt8(ascii: "}"))
        }
    }

    static func writeArray(_ items: [SessionValue], to output: inout [UInt8]) {
        output.append(UInt8(ascii: "["))
        var first = true
        for item in items {
            if !first { output.append(UInt8(ascii: ",")) }
            first = false
            write(item, to: &output)
        }
        output.append(UInt8(ascii: "]"))
    }

    static func writeObject(_ object: SessionObject, to output: inout [UInt8]) {
        let entries = object.entries
        if entries.count == 1, Tag(key: entries[0].key) != nil {
            // Rule 1: {KEY: v} -> {" di": {KEY + "__": tag(v)}}
            append("{\" di\":{", to: &output)
            output.append(UInt8(ascii: "\""))
            writeStringContents(entries[0].key, to: &output)
            append("__\":", to: &output)
            write(entries[0].value, to: &output)
            append("}}", to: &output)
            return
        }
        // Entries are kept sorted by code point, which is exactly sort_keys=True.
        output.append(UInt8(ascii: "{"))
        var first = true
        for entry in entries {
            if !first { output.append(UInt8(ascii: ",")) }
            first = false
            writeString(entry.key, to: &output)
            output.append(UInt8(ascii: ":"))
            write(entry.value, to: &output)
        }
        output.append(UInt8(ascii: "}"))
    }

    static func writeInteger(_ integer: SessionInteger, to output: inout [UInt8]) {
        guard let small = integer.intValue else {
            output.append(contentsOf: integer.description.utf8)
            return
        }
        if small >= 0 && small < 10 {
            output.append(UInt8(truncatingIfNeeded: 0x30 + small))
            return
        }
        if small < 0 { output.append(UInt8(ascii: "-")) }
        var magnitude = small.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var count = 0
            repeat {
                digits[19 - count] = UInt8(truncatingIfNeeded: 0x30 + magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            output.append(contentsOf: UnsafeBufferPointer(rebasing: digits[(20 - count)...]))
        }
    }

    @usableFromInline static let hexDigits: StaticString = "0123456789abcdef"

    static func writeString(_ string: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        writeStringContents(string, to: &output)
        output.append(UInt8(ascii: "\""))
    }

    /// `ensure_ascii=True` escaping of the string's scalars, without the quotes.
    static func writeStringContents(_ string: String, to output: inout [UInt8]) {
        if string.utf8.withContiguousStorageIfAvailable({ escape($0, to: &output) }) != nil {
            return
        }
        var copy = string
        copy.withUTF8 { escape($0, to: &output) }
    }

    /// Escapes valid UTF-8. Runs of printable ASCII are copied in one go; only non-ASCII bytes
    /// are decoded into scalars.
    static func escape(_ utf8: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        let count = utf8.count
        var index = 0
        var runStart = 0
        hexDigits.withUTF8Buffer { hex in
            while index < count {
                let byte = utf8[index]
                if byte >= 0x20 && byte < 0x7F && byte != 0x22 && byte != 0x5C {
                    index += 1
                    continue
                }
                if runStart < index {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                }
                if byte < 0x80 {
                    index += 1
                    switch byte {
                    case 0x22: output.append(0x5C); output.append(0x22)
                    case 0x5C: output.append(0x5C); output.append(0x5C)
                    case 0x08: output.append(0x5C); output.append(UInt8(ascii: "b"))
                    case 0x0C: output.append(0x5C); output.append(UInt8(ascii: "f"))
                    case 0x0A: output.append(0x5C); output.append(UInt8(ascii: "n"))
                    case 0x0D: output.append(0x5C); output.append(UInt8(ascii: "r"))
                    case 0x09: output.append(0x5C); output.append(UInt8(ascii: "t"))
                    default: writeUnicodeEscape(UInt32(byte), hex: hex, to: &output)  // controls, DEL
                    }
                } else {
                    // Decode one scalar from (valid) UTF-8.
                    var scalar: UInt32
                    if byte < 0xE0 {
                        scalar = UInt32(byte & 0x1F) << 6 | UInt32(utf8[index + 1] & 0x3F)
                        index += 2
                    } else if byte < 0xF0 {
                        scalar = UInt32(byte & 0x0F) << 12 | UInt32(utf8[index + 1] & 0x3F) << 6
                            | UInt32(utf8[index + 2] & 0x3F)
                        index += 3
                    } else {
                        scalar = UInt32(byte & 0x07) << 18 | UInt32(utf8[index + 1] & 0x3F) << 12
                            | UInt32(utf8[index + 2] & 0x3F) << 6 | UInt32(utf8[index + 3] & 0x3F)
                        index += 4
                    }
                    if scalar > 0xFFFF {
                        scalar -= 0x10000
                        writeUnicodeEscape(0xD800 | (scalar >> 10), hex: hex, to: &output)
                        writeUnicodeEscape(0xDC00 | (scalar & 0x3FF), hex: hex, to: &output)
                    } else {
                        writeUnicodeEscape(scalar, hex: hex, to: &output)
                    }
                }
                runStart = index
            }
        }
        if runStart < count {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<count]))
        }
    }

    @inline(__always)
    static func writeUnicodeEscape(_ unit: UInt32, hex: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        output.append(0x5C)
        output.append(UInt8(ascii: "u"))
        output.append(hex[Int(unit >> 12 & 0xF)])
        output.append(hex[Int(unit >> 8 & 0xF)])
        output.append(hex[Int(unit >> 4 & 0xF)])
        output.append(hex[Int(unit & 0xF)])
    }

    @usableFromInline static let base64Alphabet: StaticString =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

    /// Standard base64 (`+/`) with `=` padding, as Python's `base64.b64encode`.
    static func writeBase64(_ bytes: [UInt8], to output: inout [UInt8]) {
        base64Alphabet.withUTF8Buffer { alphabet in
            bytes.withUnsafeBufferPointer { input in
                let count = input.count
                var i = 0
                while i + 3 <= count {
                    let chunk = UInt32(input[i]) << 16 | UInt32(input[i + 1]) << 8 | UInt32(input[i + 2])
                    output.append(alphabet[Int(chunk >> 18 & 0x3F)])
                    output.append(alphabet[Int(chunk >> 12 & 0x3F)])
                    output.append(alphabet[Int(chunk >> 6 & 0x3F)])
                    output.append(alphabet[Int(chunk & 0x3F)])
                    i += 3
                }
                switch count - i {
                case 1:
                    let chunk = UInt32(input[i]) << 16
                    output.append(alphabet[Int(chunk >> 18 & 0x3F)])
                    output.append(alphabet[Int(chunk >> 12 & 0x3F)])
                    output.append(UInt8(ascii: "="))
                    output.append(UInt8(ascii: "="))
                case 2:
                    let chunk = UInt32(input[i]) << 16 | UInt32(input[i + 1]) << 8
                    output.append(alphabet[Int(chunk >> 18 & 0x3F)])
                    output.append(alphabet[Int(chunk >> 12 & 0x3F)])
                    output.append(alphabet[Int(chunk >> 6 & 0x3F)])
                    output.append(UInt8(ascii: "="))
                default:
                    break
                }
            }
        }
    }

    /// Python's `UUID.hex`: 32 lowercase hex digits, no hyphens.
    static func writeUUIDHex(_ uuid: UUID, to output: inout [UInt8]) {
        hexDigits.withUTF8Buffer { hex in
            withUnsafeBytes(of: uuid.uuid) { bytes in
                for byte in bytes {
                    output.append(hex[Int(byte >> 4)])
                    output.append(hex[Int(byte & 0xF)])
                }
            }
        }
    }
}
