/// Writes `Set-Cookie` values exactly as Werkzeug's `dump_cookie` does for Flask's session:
/// `name=value; Domain=…; Expires=…; Max-Age=…; Secure; HttpOnly; Path=…; SameSite=…; Partitioned`.
enum SetCookie {
    /// The cookie carrying `value`; `expires` (Unix seconds) only for permanent sessions.
    static func header(value: String, expires: Int64?, options: SessionCookieOptions) -> String {
        Template(options).header(value: value, expires: expires)
    }

    /// The cookie that makes the browser drop the session: empty value, expired, same attributes.
    static func deletion(options: SessionCookieOptions) -> String {
        Template(options).deletion
    }

    /// The attributes, formatted once per configuration: a header is then the value and, for a
    /// permanent session, its date, between two fixed strings.
    struct Template: Sendable {
        /// `name=`
        let head: String
        /// `; Domain=…` or empty.
        let domain: String
        /// `; Secure; HttpOnly; Path=…; SameSite=…; Partitioned`, as configured.
        let tail: String
        /// The deletion cookie, whole.
        let deletion: String
        /// Deletions of the session cookie at the other paths and domains the app knows (host-only
        /// or the configured domain, the configured path or `Path=/`, whichever differ from the
        /// configured scope), for a request carrying several session cookies that cannot be told
        /// apart: a cookie a configuration change left at another scope goes. The cookie at the
        /// configured scope is never deleted: when the other one was tossed for a parent domain
        /// by a sibling subdomain, deleting ours would leave the browser sending only theirs,
        /// logging the user into the attacker's session. The `__Host-` prefix keeps such a
        /// cookie from being set at all.
        var duplicateDeletions: [String] {
            var out: [String] = []
            for path in options.path == "/" ? ["/"] : [options.path, "/"] {
                for domain in [options.domain, nil] {
                    var variant = options
                    variant.path = path
                    variant.domain = domain
                    let d = Template(variant).deletion
                    if d != deletion && !out.contains(d) { out.append(d) }
                }
            }
            return out
        }
        private let options: SessionCookieOptions

        init(_ options: SessionCookieOptions) {
            self.options = options
            head = options.name + "="
            let d = options.domain.map(SetCookie.cookieDomain) ?? ""
            domain = d.isEmpty ? "" : "; Domain=" + d
            var tail = ""
            if options.secure == true || options.partitioned { tail += "; Secure" }
            if options.httpOnly { tail += "; HttpOnly" }
            tail += "; Path=" + SetCookie.quotePath(options.path)
            if let sameSite = options.sameSite { tail += "; SameSite=" + sameSite.rawValue }
            if options.partitioned { tail += "; Partitioned" }
            self.tail = tail
            deletion = head + domain + "; Expires=" + HTTPDate.format(unixSeconds: 0) + "; Max-Age=0" + tail
        }

        func header(value: String, expires: Int64?) -> String {
            var out = ""
            out.reserveCapacity(head.utf8.count + value.utf8.count + domain.utf8.count + tail.utf8.count + 40)
            out += head
            out += value
            out += domain
            if let expires {
                out += "; Expires="
                out += HTTPDate.format(unixSeconds: expires)
            }
            out += tail
            return out
        }
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
        let safe = Set("%!$&'()*+,/:=@_.-~".utf8)  // once per configuration (Template)
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
