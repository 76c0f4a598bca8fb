/// The checks a CSRF middleware runs on an unsafe request (POST, PUT, PATCH, DELETE), free of any
/// HTTP framework: adapters gather the request's parts into a `CSRFProtection.Request` and answer
/// 403 with the failure's description.
///
/// 1. Origin: a request carrying `Origin` must come from the request's own origin or a trusted
///    one; an HTTPS request without `Origin` must carry a same-origin (or trusted) `Referer`,
///    as Django checks (a man in the middle can forge the token of a plain-HTTP page, not the
///    browser's Referer of an HTTPS one).
/// 2. Token: the session's CSRF token (`CSRFToken`), from the configured header or form field.
public struct CSRFProtection: Sendable {
    public struct Configuration: Sendable {
        /// Form field holding the token (Flask-WTF's name by default).
        public var formField: String
        /// Header holding the token, for scripts (Flask-WTF's name by default).
        public var headerName: String
        /// Other origins allowed to post, e.g. `https://app.example.com`.
        public var trustedOrigins: [String]
        /// The largest form body the middleware reads to find the token; larger ones get 413.
        public var maxFormBodySize: Int

        public init(
            formField: String = CSRFToken.sessionKey, headerName: String = "X-CSRFToken",
            trustedOrigins: [String] = [], maxFormBodySize: Int = 64 * 1024
        ) {
            self.formField = formField
            self.headerName = headerName
            self.trustedOrigins = trustedOrigins
            self.maxFormBodySize = maxFormBodySize
        }
    }

    /// What the check needs from a request.
    public struct Request: Sendable {
        public var method: String
        /// Served over HTTPS (directly or, where the app trusts its proxy, per its header).
        public var isHTTPS: Bool
        /// The `Host` (or `:authority`) the client addressed, with its port if any.
        public var host: String?
        public var origin: String?
        public var referer: String?

        public init(method: String, isHTTPS: Bool, host: String?, origin: String?, referer: String?) {
            self.method = method
            self.isHTTPS = isHTTPS
            self.host = host
            self.origin = origin
            self.referer = referer
        }
    }

    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case missingToken
        case invalidToken
        case untrustedOrigin
        case missingReferer
        case untrustedReferer

        public var description: String {
            switch self {
            case .missingToken:
                return "CSRF check failed: the request carries no CSRF token. Reload the form and submit it again."
            case .invalidToken:
                return "CSRF check failed: the CSRF token is wrong or expired (for example after logging in elsewhere). Reload the form and submit it again."
            case .untrustedOrigin:
                return "CSRF check failed: the request comes from another site (its Origin is not this site's)."
            case .missingReferer:
                return "CSRF check failed: this HTTPS request has neither an Origin nor a Referer header."
            case .untrustedReferer:
                return "CSRF check failed: the request comes from another site (its Referer is not this site's)."
            }
        }
    }

    public let configuration: Configuration

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// POST, PUT, PATCH and DELETE (and any method not known to be safe) need the checks.
    public static func isUnsafe(method: String) -> Bool {
        switch method.uppercased() {
        case "GET", "HEAD", "OPTIONS", "TRACE": return false
        default: return true
        }
    }

    /// The origin check (step 1); nil when it passes.
    public func checkOrigin(_ request: Request) -> Failure? {
        let own = request.host.map { (request.isHTTPS ? "https://" : "http://") + $0.lowercased() }
        func trusted(_ origin: String) -> Bool {
            let origin = origin.lowercased()
            return origin == own || configuration.trustedOrigins.contains { $0.lowercased() == origin }
        }
        if let origin = request.origin {
            return trusted(origin) ? nil : .untrustedOrigin
        }
        guard request.isHTTPS else { return nil }
        guard let referer = request.referer, !referer.isEmpty else { return .missingReferer }
        guard let refererOrigin = Self.origin(ofURL: referer), trusted(refererOrigin) else { return .untrustedReferer }
        return nil
    }

    /// The token check (step 2); nil when it passes.
    public func checkToken(_ token: String?, session: Session) -> Failure? {
        guard let token, !token.isEmpty else { return .missingToken }
        return CSRFToken.isValid(token, for: session) ? nil : .invalidToken
    }

    /// `scheme://host[:port]` of an absolute URL, or nil.
    static func origin(ofURL url: String) -> String? {
        guard let schemeEnd = url.firstRange(of: "://") else { return nil }
        let scheme = url[..<schemeEnd.lowerBound]
        guard !scheme.isEmpty, scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." })
        else { return nil }
        let authority = url[schemeEnd.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !authority.isEmpty, !authority.contains("@") else { return nil }
        return String(scheme) + "://" + String(authority)
    }

    /// The value of field `name` in an `application/x-www-form-urlencoded` body (the first one),
    /// percent-decoded; nil when absent or not UTF-8.
    public static func formValue(named name: String, in body: some Collection<UInt8>) -> String? {
        let wanted = Array(name.utf8)
        for pair in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = percentDecoded(parts[0]), key == wanted else { continue }
            let value: [UInt8]? = parts.count > 1 ? percentDecoded(parts[1]) : []
            return value.flatMap { String(validating: $0, as: UTF8.self) }
        }
        return nil
    }

    static func percentDecoded(_ bytes: some Collection<UInt8>) -> [UInt8]? {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        func hex(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
            default: return nil
            }
        }
        while i != bytes.endIndex {
            let c = bytes[i]
            if c == UInt8(ascii: "+") {
                out.append(UInt8(ascii: " "))
            } else if c == UInt8(ascii: "%") {
                let h = bytes.index(after: i)
                guard h != bytes.endIndex else { return nil }
                let l = bytes.index(after: h)
                guard l != bytes.endIndex, let hi = hex(bytes[h]), let lo = hex(bytes[l]) else { return nil }
                out.append(hi << 4 | lo)
                i = l
            } else {
                out.append(c)
            }
            i = bytes.index(after: i)
        }
        return out
    }
}
