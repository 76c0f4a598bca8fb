import Hummingbird
import HummingbirdTesting
import SessionKit
import SessionKitHummingbird

/// Spec §9.4 was captured with key `secret` and the clock pinned here.
let pinnedTime: Double = 1_700_000_000

/// An engine like the one Flask's captures in spec §9.4 were made with.
func makeEngine(
    key: SecretKey = SecretKey("secret"),
    clock: SessionClock = .fixed(pinnedTime),
    cookie: SessionCookieOptions = SessionCookieOptions(),
    permanentLifetime: Duration = .seconds(31 * 24 * 3600),
    maxCookieSize: Int = 4093
) throws -> SessionEngine {
    try SessionEngine(
        configuration: SessionConfiguration(
            secretKey: key,
            allowWeakKeys: true,
            cookie: cookie,
            permanentLifetime: permanentLifetime,
            maxCookieSize: maxCookieSize),
        clock: clock)
}

/// Spec §9.4: `session["username"] = "admin"`, key `secret`, t = 1700000000.
let flaskAdminCookie = "eyJ1c2VybmFtZSI6ImFkbWluIn0.ZVPxAA.o6zCAtkLwlAtn7QZCM0_-xuvK1o"
/// Spec §9.4: the same, permanent.
let flaskPermanentAdminCookie =
    "eyJfcGVybWFuZW50Ijp0cnVlLCJ1c2VybmFtZSI6ImFkbWluIn0.ZVPxAA.ZHp7BYY2-CGZcRSG8w_2gBg42rc"

extension TestResponse {
    var text: String { String(buffer: body) }
    var setCookies: [String] { headers[values: .setCookie] }
    var varies: [String] { headers[values: .vary] }

    /// `name=value` of the first Set-Cookie, ready for a `Cookie` header.
    var cookiePair: String? {
        setCookies.first.map { String($0.prefix(while: { $0 != ";" })) }
    }
}

/// `application/x-www-form-urlencoded` request headers.
let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

/// Percent-encodes a form value (UTF-8; space as `+`).
func formEncode(_ text: String) -> String {
    var out = ""
    for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            out.unicodeScalars.append(Unicode.Scalar(byte))
        case UInt8(ascii: " "):
            out += "+"
        default:
            let hex = Array("0123456789ABCDEF".unicodeScalars)
            out += "%"
            out.unicodeScalars.append(hex[Int(byte >> 4)])
            out.unicodeScalars.append(hex[Int(byte & 0xF)])
        }
    }
    return out
}
