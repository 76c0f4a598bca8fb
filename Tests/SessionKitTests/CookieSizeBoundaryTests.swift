import Foundation
import Testing

@testable import SessionKit

/// `maxCookieSize`, both ways. Outgoing: the whole `Set-Cookie` value (name, value and
/// attributes, what Werkzeug's `dump_cookie` measures against its `max_size`) may be exactly the
/// limit, not one byte more; Werkzeug, given the same cookie and attributes, writes the same
/// header, reports the same size and warns exactly when SessionKit refuses. Incoming: a cookie
/// value (Flask-signed) of exactly the limit is read, one byte longer is ignored unread.
@Suite struct CookieSizeBoundaryTests {
    /// The default limit, pinned: Flask's `MAX_COOKIE_SIZE` and `dump_cookie`'s `max_size`.
    static let defaultLimit = 4093
    static let now: Int64 = 1_700_000_000

    struct Variant: CustomTestStringConvertible, Sendable {
        let label: String
        let options: SessionCookieOptions
        let permanent: Bool
        /// nil: the configuration's default, and Werkzeug's default `max_size`.
        let limit: Int?
        var testDescription: String { label }
    }

    static let variants = [
        Variant(label: "defaults", options: SessionCookieOptions(), permanent: false, limit: nil),
        Variant(label: "Flask's attributes, permanent", options: SessionCookieOptions(sameSite: nil),
                permanent: true, limit: nil),
        Variant(label: "every attribute, limit 1500",
                options: SessionCookieOptions(domain: ".example.org:8443", path: "/app path", secure: true,
                                              sameSite: .strict, partitioned: true),
                permanent: true, limit: 1500),
    ]

    /// Incompressible enough text (letters and digits from a fixed seed): the cookie grows with
    /// every few characters, so some prefix of it lands within a few bytes of any size.
    static let padding: String = {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var state: UInt64 = 0x5EED_1234_ABCD_0001
        return String((0..<6000).map { _ in
            state &+= 0x9E37_79B9_7F4A_7C15  // SplitMix64
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return alphabet[Int((z ^ (z >> 31)) % UInt64(alphabet.count))]
        })
    }()

    func engine(_ variant: Variant, nameExtra: Int, limit: Int?) throws -> SessionEngine {
        var options = variant.options
        options.name += String(repeating: "x", count: nameExtra)
        var configuration = SessionConfiguration(secretKey: SecretKey(BoundaryOracle.key), cookie: options)
        if let limit { configuration.maxCookieSize = limit }
        return try SessionEngine(configuration: configuration, clock: .fixed(Double(Self.now)))
    }

    func session(_ variant: Variant, padding count: Int) -> Session {
        let session = Session()
        if variant.permanent { session.isPermanent = true }
        session["p"] = .string(String(Self.padding.prefix(count)))
        return session
    }

    /// The `Set-Cookie` value the engine sends (measured without a limit).
    func header(_ engine: SessionEngine, _ session: Session) throws -> String {
        try #require(try engine.responseHeaders(for: session).setCookie)
    }

    /// Padding and cookie-name extension giving a header of exactly `target` bytes.
    func exactHeader(_ variant: Variant, target: Int) throws -> (padding: Int, nameExtra: Int) {
        let measuring = try engine(variant, nameExtra: 0, limit: .max)
        func size(_ n: Int) throws -> Int { try header(measuring, session(variant, padding: n)).utf8.count }
        var (low, high) = (0, Self.padding.count)
        while low < high {
            let mid = (low + high) / 2
            if try size(mid) < target - 8 { low = mid + 1 } else { high = mid }
        }
        for n in low..<min(low + 64, Self.padding.count) {
            let s = try size(n)
            if s <= target && s >= target - 8 { return (n, target - s) }
        }
        throw BoundaryOracle.OracleError.badReply("no padding lands near \(target) bytes")
    }

    /// `dump_cookie` with the engine's attributes for `value`.
    func dumpCookie(_ engine: SessionEngine, value: String, permanent: Bool, maxSize: Int?) -> [String: Any] {
        let options = engine.configuration.effectiveCookie
        var args: [String: Any] = [
            "key": options.name, "value": value, "path": options.path, "secure": options.secure ?? false,
            "httponly": options.httpOnly, "partitioned": options.partitioned,
        ]
        if let domain = options.domain { args["domain"] = domain }
        if let sameSite = options.sameSite { args["samesite"] = sameSite.rawValue }
        if permanent { args["expires"] = Self.now + engine.configuration.permanentLifetimeSeconds }
        if let maxSize { args["max_size"] = maxSize }
        return ["cmd": "dump_cookie", "args": args]
    }

    @Test(arguments: variants)
    func setCookieLimitIsInclusiveAndWerkzeugAgrees(_ variant: Variant) throws {
        guard let oracle = BoundaryOracle.make() else { return }
        let limit = variant.limit ?? Self.defaultLimit
        let (padding, nameExtra) = try exactHeader(variant, target: limit)
        let atLimit = try engine(variant, nameExtra: nameExtra, limit: variant.limit)
        let overLimit = try engine(variant, nameExtra: nameExtra + 1, limit: variant.limit)
        #expect(atLimit.configuration.maxCookieSize == limit)

        // Exactly the limit: sent.
        let data = session(variant, padding: padding)
        try atLimit.checkCookieSize(of: data)
        let sent = try header(atLimit, data)
        #expect(sent.utf8.count == limit)

        // One byte more (the same value under a one-letter longer name): refused by both checks.
        let checks: [() throws -> Void] = [
            { try overLimit.checkCookieSize(of: data) }, { _ = try overLimit.responseHeaders(for: data) },
        ]
        for check in checks {
            do {
                try check()
                Issue.record("a \(limit + 1)-byte cookie was accepted")
            } catch {
                guard case .cookieTooLarge(let size, let reported) = error as? SessionSaveError else {
                    Issue.record("unexpected \(error)")
                    continue
                }
                #expect(size == limit + 1 && reported == limit)
            }
        }

        // Werkzeug: the same header byte for byte, its size, and a warning only past the limit.
        let value = String(sent.dropFirst(atLimit.configuration.cookie.name.utf8.count + 1).prefix { $0 != ";" })
        let replies = try oracle.run([
            dumpCookie(atLimit, value: value, permanent: variant.permanent, maxSize: variant.limit),
            dumpCookie(overLimit, value: value, permanent: variant.permanent, maxSize: variant.limit),
        ])
        #expect(replies[0]["header"] as? String == sent)
        #expect(replies[0]["size"] as? Int == limit)
        #expect((replies[0]["warnings"] as? [String])?.isEmpty == true)
        #expect(replies[1]["size"] as? Int == limit + 1)
        let warnings = replies[1]["warnings"] as? [String] ?? []
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("The final size was \(limit + 1) bytes but the limit is \(limit) bytes") == true)
    }

    /// Incoming cookies: the value alone is measured (the header's name and attributes never
    /// reach the server), so a cookie SessionKit sent (header within the limit) is always read.
    @Test(arguments: [nil, 1000] as [Int?])
    func incomingValueLimitIsInclusive(configured: Int?) async throws {
        guard let oracle = BoundaryOracle.make() else { return }
        let limit = configured ?? Self.defaultLimit
        let replies = try oracle.run([BoundaryOracle.exact(length: limit), BoundaryOracle.exact(length: limit + 1)])
        let atLimit = try #require(replies[0]["cookie"] as? String)
        let overLimit = try #require(replies[1]["cookie"] as? String)
        #expect(atLimit.utf8.count == limit && overLimit.utf8.count == limit + 1)

        var configuration = SessionConfiguration(secretKey: SecretKey(BoundaryOracle.key))
        if let configured { configuration.maxCookieSize = configured }
        let engine = try SessionEngine(configuration: configuration)
        let now = Int64(Date().timeIntervalSince1970)
        #expect(try engine.codec.decode(atLimit, maxAge: nil, now: now).session["p"] != nil)
        #expect(throws: SessionCookieError.oversized(length: limit + 1, limit: limit)) {
            try engine.codec.decode(overLimit, maxAge: nil, now: now)
        }
        #expect(try await !engine.begin(cookieHeaders: ["session=" + atLimit]).session().isNew)
        #expect(try await engine.begin(cookieHeaders: ["session=" + overLimit]).session().isNew)
        // The longer cookie is validly signed: only its length was refused.
        let wider = SessionCookieCodec(keys: BoundaryOracle.keys, maxCookieSize: limit + 1)
        #expect(try wider.decode(overLimit, maxAge: nil, now: now).session["p"] != nil)
    }
}
