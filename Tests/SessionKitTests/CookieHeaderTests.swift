import Testing

@testable import SessionKit

@Suite struct CookieHeaderTests {
    @Test func findsTheCookieAmongOthers() {
        #expect(CookieHeader.lookup("session", in: ["a=1; session=abc.def; b=2"]) == .value("abc.def"))
        #expect(CookieHeader.lookup("session", in: ["a=1", "session=x"]) == .value("x"))
        #expect(CookieHeader.lookup("session", in: ["sessionx=1; xsession=2"]) == .absent)
        #expect(CookieHeader.lookup("session", in: [String]()) == .absent)
        #expect(CookieHeader.lookup("session", in: ["  session =  v  ;"]) == .value("v"))
        #expect(CookieHeader.lookup("session", in: ["session="]) == .value(""))
        #expect(CookieHeader.lookup("session", in: [";;;=;session"]) == .absent)
    }

    @Test func quotedValuesAreUnquoted() {
        #expect(CookieHeader.lookup("session", in: ["session=\"a.b\""]) == .value("a.b"))
        #expect(CookieHeader.lookup("session", in: ["session=\"a\\\"b\""]) == .value("a\"b"))
        // Quotes are bytes, as in Werkzeug: a combining mark after the opening quote is content.
        #expect(CookieHeader.lookup("session", in: ["session=\"\u{301}x\""]) == .value("\u{301}x"))
        #expect(CookieHeader.lookup("session", in: ["session=\""]) == .value("\""))
        #expect(CookieHeader.lookup("session", in: ["session=\"\""]) == .value(""))
        // The generic entry point (any sequence of StringProtocol) agrees with the [String] one.
        #expect(CookieHeader.lookup("session", in: ["a=1; session=\"v\"" as Substring]) == .value("v"))
    }

    @Test func duplicatesAreReportedWithEveryValue() {
        #expect(CookieHeader.lookup("session", in: ["session=a; session=b"]) == .duplicated(["a", "b"]))
        #expect(CookieHeader.lookup("session", in: ["session=a", "session=a"]) == .duplicated(["a", "a"]))
    }

    @Test func valuesAreSlicesOfTheirLineAndNonASCIIIsKept() {
        let line = "a=1; session=\u{e9}t\u{e9}.x\u{1F600} ;b=2"
        guard case .value(let value) = CookieHeader.lookup("session", in: [line]) else {
            Issue.record("not found")
            return
        }
        #expect(value == "\u{e9}t\u{e9}.x\u{1F600}")
        #expect(value.base == line)
        #expect(CookieHeader.lookup("s\u{e9}ssion", in: ["s\u{e9}ssion=v"]) == .value("v"))
        #expect(CookieHeader.lookup("session", in: ["\tsession\t=\tv\t; x"]) == .value("v"))
        #expect(CookieHeader.lookup("session", in: ["session=a=b"]) == .value("a=b"))
        #expect(CookieHeader.lookup("", in: ["=v"]) == .value("v"))
        // Substrings and other StringProtocol lines (any start offset).
        let wide = "xxsession=sub; y=1xx"
        #expect(CookieHeader.lookup("session", in: [wide.dropFirst(2).dropLast(2)]) == .value("sub"))
    }

    @Test func hugeHeadersAreScannedNotRejected() {
        let many = (0..<1000).map { "c\($0)=\($0)" }.joined(separator: "; ") + "; session=last"
        #expect(CookieHeader.lookup("session", in: [many]) == .value("last"))
        let big = String(repeating: "x", count: 100_000)
        #expect(CookieHeader.lookup("session", in: [big]) == .absent)
    }
}

@Suite struct SetCookieTests {
    @Test func werkzeugAttributeOrderWithEverything() {
        let options = SessionCookieOptions(
            name: "app_session", domain: ".Example.COM", path: "/app", httpOnly: true, secure: true,
            sameSite: .strict, partitioned: true)
        // Spec §9.4 "Everything configured".
        #expect(SetCookie.header(value: "V", expires: 1_700_003_600, options: options)
            == "app_session=V; Domain=Example.COM; Expires=Tue, 14 Nov 2023 23:13:20 GMT; Secure; HttpOnly; Path=/app; SameSite=Strict; Partitioned")
    }

    @Test func partitionedForcesSecure() {
        let options = SessionCookieOptions(httpOnly: false, sameSite: SessionCookieOptions.SameSite.none, partitioned: true)
        #expect(SetCookie.header(value: "V", expires: nil, options: options) == "session=V; Secure; Path=/; SameSite=None; Partitioned")
    }

    @Test func deletion() {
        #expect(SetCookie.deletion(options: SessionCookieOptions(sameSite: nil))
            == "session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/")
        #expect(SetCookie.deletion(options: SessionCookieOptions())
            == "session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/; SameSite=Lax")
    }

    @Test func domainPortIsDroppedAndPathQuoted() {
        #expect(SetCookie.cookieDomain("..example.com:8080") == "example.com")
        #expect(SetCookie.quotePath("/a b/ü;x") == "/a%20b/%C3%BC%3Bx")
        #expect(SetCookie.quotePath("/%!$&'()*+,/:=@_.-~") == "/%!$&'()*+,/:=@_.-~")
    }
}
