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

    /// Looks `name` up in every header line (HTTP/2 may split cookies over several).
    public static func lookup<S: Sequence>(_ name: String, in headers: S) -> Lookup where S.Element: StringProtocol {
        var found: Substring?
        for header in headers {
            var rest = Substring(header)
            while !rest.isEmpty {
                let end = rest.firstIndex(of: ";") ?? rest.endIndex
                let pair = rest[..<end]
                rest = end == rest.endIndex ? rest[end...] : rest[rest.index(after: end)...]
                guard let eq = pair.firstIndex(of: "=") else { continue }
                if trim(pair[..<eq]) == name {
                    if found != nil { return .duplicated }
                    found = unquote(trim(pair[pair.index(after: eq)...]))
                }
            }
        }
        return found.map(Lookup.value) ?? .absent
    }

    static func trim(_ s: Substring) -> Substring {
        var s = s
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return s
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
