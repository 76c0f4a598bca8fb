/// A parsed `application/x-www-form-urlencoded` body (HTML form posts).
///
/// Strict where being lenient would hide bugs: a `%` not followed by two hex digits, or a field
/// that does not decode to UTF-8, is an error (the demo answers 400), never a guess.
package struct FormBody: Sendable, Equatable {
    /// The fields in body order; a name may occur more than once.
    package var fields: [(name: String, value: String)]

    package init(fields: [(name: String, value: String)]) {
        self.fields = fields
    }

    /// The first value for `name`, as Werkzeug's `request.form[name]`.
    package subscript(name: String) -> String? {
        fields.first(where: { $0.name == name })?.value
    }

    package static func == (lhs: FormBody, rhs: FormBody) -> Bool {
        lhs.fields.count == rhs.fields.count
            && zip(lhs.fields, rhs.fields).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }

    package enum ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        /// `%` not followed by two hexadecimal digits.
        case invalidPercentEncoding(field: Int)
        /// The decoded bytes are not UTF-8.
        case invalidUTF8(field: Int)

        package var description: String {
            switch self {
            case .invalidPercentEncoding(let field):
                return "form field #\(field + 1) has invalid percent-encoding (a % must be followed by two hex digits)"
            case .invalidUTF8(let field):
                return "form field #\(field + 1) is not valid UTF-8 text"
            }
        }
    }

    /// Parses `name=value&name2=value2`; `+` is a space, `%XX` a byte. Empty pairs are skipped and
    /// a pair without `=` is a name with an empty value (as browsers and Werkzeug do).
    package init(parsing body: some Collection<UInt8>) throws(ParseError) {
        var fields: [(name: String, value: String)] = []
        var index = 0
        for pair in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            defer { index += 1 }
            let name: String
            let value: String
            if let eq = pair.firstIndex(of: UInt8(ascii: "=")) {
                name = try Self.decode(pair[..<eq], field: index)
                value = try Self.decode(pair[pair.index(after: eq)...], field: index)
            } else {
                name = try Self.decode(pair[...], field: index)
                value = ""
            }
            fields.append((name, value))
        }
        self.fields = fields
    }

    static func decode(_ bytes: some Collection<UInt8>, field: Int) throws(ParseError) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var iterator = bytes.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"):
                out.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    throw .invalidPercentEncoding(field: field)
                }
                out.append(high << 4 | low)
            default:
                out.append(byte)
            }
        }
        guard let text = String(validating: out, as: UTF8.self) else { throw .invalidUTF8(field: field) }
        return text
    }

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// Whether a `Content-Type` value names this format (parameters such as `charset` ignored).
    package static func isFormContentType(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let mediaType = contentType.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: " \t") } ?? ""
        return mediaType.lowercased() == "application/x-www-form-urlencoded"
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var s = self
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
