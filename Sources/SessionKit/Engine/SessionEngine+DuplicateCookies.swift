import Logging

/// Several same-named session cookies in one request (`CookieHeader.Lookup.duplicated`).
extension SessionEngine {
    /// Several session cookies: the one usable session if there is exactly one (a stale cookie
    /// left for another path or domain is ignored), else a new session whose response deletes
    /// the copies at the app's other known scopes (`SetCookie.Template.duplicateDeletions`).
    /// Two usable sessions cannot be told apart: trusting either could adopt a session a
    /// sibling subdomain planted (cookie tossing), so neither is used (fail closed).
    func chooseAmongDuplicates(_ usable: [Session], count: Int) -> Session {
        if usable.count == 1 {
            logger.debug("duplicate session cookies: using the one usable", metadata: ["cookies": "\(count)"])
            return usable[0]
        }
        logger.warning(
            "duplicate session cookies that cannot be told apart: neither used (a __Host- cookie name prevents this)",
            metadata: ["cookies": "\(count)", "usable": "\(usable.count)"])
        return Session.replacingDuplicateCookies()
    }

    /// `values` without repeats, in order (a browser may send one cookie twice under two
    /// scopes), at most `maxDuplicateCandidates` of them: each costs a verification and, server
    /// side, a store load.
    static func distinct(_ values: [Substring]) -> [Substring] {
        var out: [Substring] = []
        for value in values where !out.contains(value) {
            out.append(value)
            if out.count == maxDuplicateCandidates { break }
        }
        return out
    }

    /// The most same-named session cookies one request gets looked at (browsers keep a handful
    /// per name at most; a request with more is judged on its first ones).
    static let maxDuplicateCandidates = 4
}
