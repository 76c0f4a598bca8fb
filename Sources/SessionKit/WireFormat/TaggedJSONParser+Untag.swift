import struct Foundation.Date

/// Untagging: Flask's `TaggedJSONSerializer.untag`, per tag's `to_python`.
extension TaggedJSONParser {
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
