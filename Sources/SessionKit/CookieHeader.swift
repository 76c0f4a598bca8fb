/// Finds one cookie in a request's `Cookie` header lines.
public enum CookieHeader {
    public enum Lookup: Sendable, Equatable {
        case absent
        case value(Substring)
        /// The name occurs more than once. Browsers send several same-named cookies when they were
        /// set for different paths or domains — the classic cookie-tossing setup, where a sibling
        /// subdomain plants a session id for the victim. SessionKit trusts neither.
        case duplicated
    }

    /// Looks `name` up in every header line (HTTP/2 may split cookies over several). Works on
    /// the UTF-8 bytes: `;` and `=` split, spaces and tabs around names and values are trimmed.
    public static func lookup<S: Sequence>(_ name: String, in headers: S) -> Lookup where S.Element: StringProtocol {
        var found: Substring?
        let nameBytes = name.utf8
        for header in headers {
            let text = Substring(header)
            let utf8 = text.utf8
            let end = utf8.endIndex
            var start = utf8.startIndex
            while start < end {
                // One `name=value` pair: [start, semicolon).
                var semicolon = start
                var equals: String.Index?
                while semicolon < end {
                    let byte = utf8[semicolon]
                    if byte == UInt8(ascii: ";") { break }
                    if byte == UInt8(ascii: "="), equals == nil { equals = semicolon }
                    utf8.formIndex(after: &semicolon)
                }
                if let equals, trimmed(utf8[start..<equals]).elementsEqual(nameBytes) {
                    if found != nil { return .duplicated }
                    let value = trimmed(utf8[utf8.index(after: equals)..<semicolon])
                    found = unquote(text[value.startIndex..<value.endIndex])
                }
                start = semicolon < end ? utf8.index(after: semicolon) : end
            }
        }
        return found.map(Lookup.value) ?? .absent
    }

    private static func trimmed(_ bytes: Substring.UTF8View.SubSequence) -> Substring.UTF8View.SubSequence {
        var bytes = bytes
        while let f = bytes.first, f == UInt8(ascii: " ") || f == UInt8(ascii: "\t") { bytes = bytes.dropFirst() }
        while let l = bytes.last, l == UInt8(ascii: " ") || l == UInt8(ascii: "\t") { bytes = bytes.dropLast() }
        return bytes
    }

    /// Removes RFC 2109 quotes (`"a\"b"` → `a"b`); Flask never writes them, Werkzeug reads them.
    static func unquote(_ s: Substring) -> Substring {
        guard s.utf8.count >= 2, s.first == "\"", s.last == "\"" else { return s }
        let inner = s.dropFirst().dropLast()
        guard inner.contains("\\") else { return inner }
        var out = ""
        var iterator = inner.makeIterator()
        while let c = iterator.next() {
            if c == "\\", let next = iterator.next() { out.append(next) } else { out.append(c) }
        }
        return Substring(out)
    }
}
