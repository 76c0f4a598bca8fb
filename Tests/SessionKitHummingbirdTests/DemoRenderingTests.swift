import Hummingbird
import HummingbirdTesting
import SessionDemo
import SessionKit
import SessionKitHummingbird
import Testing

/// The demo's `Logged in as …` for a `username` of any type, against the real Flask quickstart
/// app (`escape(session["username"])`, which is `str()` escaped) reading the same cookie.
@Suite("The demo renders values as Flask does", .timeLimit(.minutes(1)))
struct DemoRenderingTests {
    /// Tagged JSON, as the playground takes it. Not a top-level Markup: Flask's `escape` leaves
    /// that unescaped (it is "safe" HTML), the demo escapes everything.
    static let values = [
        #"[1,"it's",null,true,false]"#,
        #"{" t":["a"]}"#,
        #"{" t":[]}"#,
        #"{"b":{" b":"AP8nIlw="},"a":-0.0,"c":1e300,"d":[]}"#,
        #"{" d":"Tue, 02 Jan 2024 03:04:00 GMT"}"#,
        #"[{" d":"Sat, 01 Jan 2000 00:00:01 GMT"},{" u":"0e5e0f7c1f8b4c4e9d439f1b2d3c4a5b"},{" m":"<b>"}]"#,
        #"{" u":"0e5e0f7c1f8b4c4e9d439f1b2d3c4a5b"}"#,
        #"["\u0000\u007f\u0085\u00a0\u00ad\u2028\ue000\udb40\udc01\u00e9\t'\"\\"]"#,
        #""tab\there \u00e9 \ud83d\ude00""#,
        "-123456789012345678901234567890",
        "[NaN,Infinity,-Infinity,0.1,100.0,1e-05]",
        #"{" di":{" t__":1}}"#,
        "{}",
    ]

    @Test func sameTextAsFlask() async throws {
        let key = SecretKey.generate()
        let configuration = DemoConfiguration(port: 0, secretKey: key, store: .cookie, playground: true)
        let app = buildDemoApplication(configuration: configuration, engine: try makeDemoEngine(configuration: configuration))
        let pages: [(json: String, cookie: String, shown: String)] = try await app.test(.router) { client in
            var pages: [(json: String, cookie: String, shown: String)] = []
            let (token, first) = try await Playground.token(client)
            for json in Self.values {
                let put = try await client.execute(
                    uri: "/api/session/username", method: .put, headers: Playground.headers(token: token, cookie: first),
                    body: ByteBuffer(string: json))
                #expect(put.status == .noContent, "\(json): \(put.text)")
                let cookie = try #require(put.cookiePair)
                let home = try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie])
                let text = home.text
                guard let start = text.range(of: "Logged in as "), let end = text.range(of: "<p><a href=\"/logout\"")
                else {
                    Issue.record("\(json): \(text)")
                    continue
                }
                pages.append((json, cookie, String(text[start.upperBound..<end.lowerBound])))
            }
            return pages
        }
        try await FlaskTutorialApp.withServer(keyHex: key.hex) { port in
            for page in pages {
                let response = try await FlaskTutorialApp.request(port: port, "/", headers: [.cookie: page.cookie])
                let flask = String(buffer: response.body ?? ByteBuffer())
                #expect(flask == "Logged in as " + page.shown, "\(page.json)")
            }
        }
    }
}
