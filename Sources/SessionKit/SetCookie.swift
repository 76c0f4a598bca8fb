/// Writes `Set-Cookie` values exactly as Werkzeug's `dump_cookie` does for Flask's session:
/// `name=value; Domain=…; Expires=…; Max-Age=…; Secure; HttpOnly; Path=…; SameSite=…; Partitioned`.
public enum SetCookie {
    /// The cookie carrying `value`; `expires` (Unix seconds) only for permanent sessions.
    public static func header(value: String, expires: Int64?, options: SessionCookieOptions) -> String {
        format(value: value, expires: expires, maxAgeZero: false, options: options)
    }

    /// The cookie that makes the browser drop the session: empty value, expired, same attributes.
    public static func deletion(options: SessionCookieOptions) -> String {
        format(value: "", expires: 0, maxAgeZero: true, options: options)
    }

    static func format(value: String, expires: Int64?, maxAgeZero: Bool, options: SessionCookieOptions) -> String {
        var out = options.name
        out.reserveCapacity(options.name.utf8.count + value.utf8.count + 96)
        out += "="
        out += value
        if let domain = options.domain.map(cookieDomain), !domain.isEmpty {
            out += "; Domain="
            out += domain
        }
        if let expires {
            out += "; Expires="
            out += HTTPDate.format(unixSeconds: expires)
        }
        if maxAgeZero { out += "; Max-Age=0" }
        if options.secure || options.partitioned { out += "; Secure" }
        if options.httpOnly { out += "; HttpOnly" }
        out += "; Path="
        out += quotePath(options.path)
        if let sameSite = options.sameSite {
            out += "; SameSite="
            out += sameSite.rawValue
        }
        if options.partitioned { out += "; Partitioned" }
        return out
    }

    /// Werkzeug drops a port and leading dots from the domain.
    static func cookieDomain(_ domain: String) -> String {
        var d = Substring(domain)
        if let colon = d.lastIndex(of: ":"), d[d.index(after: colon)...].allSatisfy(\.isNumber) {
            d = d[..<colon]
        }
        return String(d.drop(while: { $0 == "." }))
    }

    /// Percent-encodes the path like Python's `quote(path, safe="%!$&'()*+,/:=@")`.
    static func quotePath(_ path: String) -> String {
        let safe = Set("%!$&'()*+,/:=@_.-~".utf8)
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for b in path.utf8 {
            let alnum = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
            if alnum || safe.contains(b) {
                out.append(b)
            } else {
                out += [UInt8(ascii: "%"), hex[Int(b >> 4)], hex[Int(b & 0xF)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
