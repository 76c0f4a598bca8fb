#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds one cookie in a request's `Cookie` header lines.
enum CookieHeader {
    enum Lookup: Sendable, Equatable {
        case absent
        case value(Substring)
        /// The name occurs more than once (every value, in header order). Browsers send several
        /// same-named cookies when they were set for different paths or domains: a stale cookie a
        /// configuration change left behind, or cookie tossing, where a sibling subdomain plants
        /// a session for the victim. The engine uses the one value that is usable, if exactly one
        /// is; otherwise none (`SessionEngine`).
        case duplicated([Substring])
    }

    /// Looks `name` up in every header line (HTTP/2 may split cookies over several). Works on
    /// the UTF-8 bytes: `;` and `=` split, spaces and tabs around names and values are trimmed.
    static func lookup<S: Sequence>(_ name: String, in headers: S) -> Lookup where S.Element: StringProtocol {
        var found: Substring?
        var more: [Substring] = []
        var name = name
        return name.withUTF8 { name in
            for header in headers {
                scan(Substring(header), for: name, found: &found, more: &more)
            }
            guard let found else { return .absent }
            return more.isEmpty ? .value(found) : .duplicated([found] + more)
        }
    }

    /// Scans one header line for `name`, setting `found` to its value (a slice of `line`), and
    /// appending any further occurrence (counting an earlier line's `found`) to `more`.
    private static func scan(
        _ line: Substring, for name: UnsafeBufferPointer<UInt8>, found: inout Substring?, more: inout [Substring]
    ) {
        let utf8 = line.utf8
        let scanned: Void? = utf8.withContiguousStorageIfAvailable { bytes in
            let end = bytes.count
            var start = 0
            while start < end {
                // One `name=value` pair: [start, semicolon).
                var semicolon = start
                var equals = -1
                while semicolon < end {
                    let byte = bytes[semicolon]
                    if byte == UInt8(ascii: ";") { break }
                    if byte == UInt8(ascii: "="), equals < 0 { equals = semicolon }
                    semicolon += 1
                }
                if equals >= 0 {
                    let (nameStart, nameEnd) = trimmed(bytes, start, equals)
                    if nameEnd - nameStart == name.count,
                        name.isEmpty || memcmp(bytes.baseAddress! + nameStart, name.baseAddress!, name.count) == 0
                    {
                        let (valueStart, valueEnd) = trimmed(bytes, equals + 1, semicolon)
                        // Offsets next to ASCII bytes: always on Unicode scalar boundaries.
                        let from = utf8.index(utf8.startIndex, offsetBy: valueStart)
                        let to = utf8.index(from, offsetBy: valueEnd - valueStart)
                        let value = unquote(line[from..<to])
                        if found == nil { found = value } else { more.append(value) }
                    }
                }
                start = semicolon + 1
            }
        }
        if scanned != nil { return }
        // Not contiguous UTF-8 (a bridged string): scan a native copy.
        var copy = String(line)
        copy.makeContiguousUTF8()
        scan(Substring(copy), for: name, found: &found, more: &more)
    }

    /// `[start, end)` without the spaces and tabs at either end.
    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (Int, Int) {
        var (start, end) = (start, end)
        while start < end, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") { start += 1 }
        while end > start, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        return (start, end)
    }

    /// Removes RFC 2109 quotes (`"a\"b"` → `a"b`); Flask never writes them, Werkzeug reads them.
    static func unquote(_ s: Substring) -> Substring {
        // Bytes, not Characters: no grapheme breaking for the usual unquoted value.
        guard s.utf8.count >= 2, s.utf8.first == UInt8(ascii: "\""), s.utf8.last == UInt8(ascii: "\"") else { return s }
        let inner = s[s.utf8.index(after: s.startIndex)..<s.utf8.index(before: s.endIndex)]
        guard inner.contains("\\") else { return inner }
        var out = ""
        var iterator = inner.makeIterator()
        while let c = iterator.next() {
            if c == "\\", let next = iterator.next() { out.append(next) } else { out.append(c) }
        }
        return Substring(out)
    }
}
