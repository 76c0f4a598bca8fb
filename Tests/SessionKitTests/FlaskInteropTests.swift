import Foundation
import Testing

@testable import SessionKit

/// Live interop with real Flask (the venv that `scripts/test` provisions): SessionKit signs and
/// Flask verifies, Flask signs and SessionKit verifies.
@Suite struct FlaskInteropTests {
    static let key = SecretKey(hex: "9f1c2e3d4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0")!
    static let oldKey = SecretKey("an-older-key-that-was-rotated-out")
    static let timestamp: Int64 = 1_700_000_000

    static let sessions: [(String, String)] = [
        ("simple", #"{"username":"admin"}"#),
        ("unicode", #"{"e\u0301":1,"name":"Zo\u00eb \u6771\u4eac \ud83d\ude00","\u00e9":2,"ctl":"\u0000\u001b\u007f\/<>&'"}"#),
        ("every tag", #"{"b":{" b":"AP/++yBiaW5hcnk/Pg=="},"d":{" d":"Thu, 29 Feb 2024 23:59:58 GMT"},"di":{" di":{" t__":1}},"m":{" m":"<b>x</b>"},"t":{" t":[1,"a",{" t":[]}]},"u":{" u":"6ba7b8109dad11d180b400c04fd430c8"}}"#),
        ("numbers", #"{"big":18446744073709551616,"f":1.5e-07,"g":1e+16,"h":1000000000000000.0,"i":1,"nan":NaN,"neg":-1180591620717411303424,"one":1.0,"z":-0.0}"#),
        ("nested", #"{"a":[[],{},[{"x":[null,true,false]}]],"o":{"k":{"k":{"k":"v"}}}}"#),
        ("zlib", "{\"items\":[" + Array(repeating: "\"abc\"", count: 200).joined(separator: ",") + "]}"),
        ("top-level tag key", #"{" di":{" b__":"not bytes"}}"#),
    ]

    static func object(_ json: String) throws -> SessionObject {
        try #require(try TaggedJSON.decode(Array(json.utf8)).objectValue)
    }

    @Test func sessionKitSignsFlaskVerifies() throws {
        let flask = try FlaskTool()
        let codec = SessionCookieCodec(keys: SecretKeys(current: Self.key))
        var requests: [[String]] = []
        var expected: [String] = []
        for (_, json) in Self.sessions {
            let ours = codec.encode(try Self.object(json), timestamp: Self.timestamp)
            requests.append(["verify", "--key-hex=\(Self.key.hex)", "--cookie=\(ours)", "--now=\(Self.timestamp + 5)"])
            expected.append(String(decoding: TaggedJSON.encode(.object(try Self.object(json))), as: UTF8.self))
        }
        let replies = try flask.batch(requests)
        for ((name, _), (reply, want)) in zip(Self.sessions, zip(replies, expected)) {
            #expect(reply["ok"] as? Bool == true, "\(name): \(reply)")
            #expect(reply["tagged_json"] as? String == want, "\(name)")
        }
    }

    @Test func flaskSignsSessionKitVerifiesByteForByte() throws {
        let flask = try FlaskTool()
        let codec = SessionCookieCodec(keys: SecretKeys(current: Self.key))
        let replies = try flask.batch(Self.sessions.map { _, json in
            ["sign", "--key-hex=\(Self.key.hex)", "--tagged-json=\(json)", "--timestamp=\(Self.timestamp)"]
        })
        for ((name, json), reply) in zip(Self.sessions, replies) {
            let cookie = try #require(reply["cookie"] as? String, "\(name): \(reply)")
            let decoded = try codec.decode(cookie, maxAge: 2_678_400, now: Self.timestamp + 5)
            #expect(String(decoding: TaggedJSON.encode(.object(decoded.session)), as: UTF8.self) == reply["tagged_json"] as? String, "\(name)")
            // Same key, same time: SessionKit writes the very same cookie.
            #expect(codec.encode(try Self.object(json), timestamp: Self.timestamp) == cookie, "\(name)")
            #expect(decoded.compressed == (name == "zlib" || cookie.hasPrefix(".")))
        }
    }

    /// Flashed messages and the CSRF secret, as SessionKit stores them, are what Flask reads:
    /// `_flashes` a list of `(category, message)` tuples (re-encoded by Flask to the same bytes),
    /// `csrf_token` a string (the secret Flask-WTF signs into its own forms).
    @Test func flashesAndTheCSRFSecretReachFlask() throws {
        let flask = try FlaskTool()
        let session = Session()
        session.flash("You were logged in")
        session.flash("Careful", category: "warning")
        _ = CSRFToken.masked(for: session)
        let codec = SessionCookieCodec(keys: SecretKeys(current: Self.key))
        let cookie = codec.encode(session.dictionary, timestamp: Self.timestamp)
        let reply = try #require(
            try flask.batch([["verify", "--key-hex=\(Self.key.hex)", "--cookie=\(cookie)", "--now=\(Self.timestamp + 5)"]]).first)
        #expect(reply["ok"] as? Bool == true, "\(reply)")
        let types = reply["types"] as? [String: String]
        #expect(types?["_flashes"] == "list")
        #expect(types?["csrf_token"] == "str")
        let ours = String(decoding: TaggedJSON.encode(.object(session.dictionary)), as: UTF8.self)
        #expect(ours.contains(#"{" t":["warning","Careful"]}"#))
        #expect(reply["tagged_json"] as? String == ours)
    }

    @Test func fallbackKeysBothWays() throws {
        let flask = try FlaskTool()
        let json = #"{"username":"rotated"}"#
        let rotated = SessionCookieCodec(keys: SecretKeys(current: Self.key, fallbacks: [Self.oldKey]))
        let replies = try flask.batch([
            // Flask still on the old key signs; SessionKit (rotated) must accept it.
            ["sign", "--key-hex=\(Self.oldKey.hex)", "--tagged-json=\(json)", "--timestamp=\(Self.timestamp)"],
            // SessionKit (rotated) signs with the NEW key: Flask with new + fallback verifies...
            ["verify", "--key-hex=\(Self.key.hex)", "--fallback-hex=\(Self.oldKey.hex)",
             "--cookie=\(rotated.encode(try Self.object(json), timestamp: Self.timestamp))", "--now=\(Self.timestamp)"],
            // ...and Flask that only knows the old key rejects it: the fallback never signs.
            ["verify", "--key-hex=\(Self.oldKey.hex)",
             "--cookie=\(rotated.encode(try Self.object(json), timestamp: Self.timestamp))", "--now=\(Self.timestamp)"],
        ])
        let flaskCookie = try #require(replies[0]["cookie"] as? String)
        #expect(try rotated.decode(flaskCookie, maxAge: nil, now: Self.timestamp).session["username"] == "rotated")
        #expect(replies[1]["ok"] as? Bool == true)
        #expect(replies[2]["ok"] as? Bool == false)
        #expect(replies[2]["outcome"] as? String == "bad_signature")
    }

    /// A permanent session Flask wrote, opened a minute later: the cookie SessionKit refreshes
    /// (read only, or the same values set again; both sign the presented payload again) is the
    /// cookie Flask signs for that session at that time, byte for byte.
    @Test func refreshingAFlaskCookieGivesFlasksCookie() async throws {
        let flask = try FlaskTool()
        let later = Self.timestamp + 60
        var requests: [[String]] = []
        for (_, json) in Self.sessions {
            var object = try Self.object(json)
            object[Session.permanentKey] = true
            let text = String(decoding: TaggedJSON.encode(.object(object)), as: UTF8.self)
            for timestamp in [Self.timestamp, later] {
                requests.append(["sign", "--key-hex=\(Self.key.hex)", "--tagged-json=\(text)", "--timestamp=\(timestamp)"])
            }
        }
        let replies = try flask.batch(requests)
        let engine = try SessionEngine(configuration: SessionConfiguration(secretKey: Self.key), clock: .fixed(Double(later)))
        for (i, (name, _)) in Self.sessions.enumerated() {
            let presented = try #require(replies[2 * i]["cookie"] as? String, "\(name): \(replies[2 * i])")
            let flasks = try #require(replies[2 * i + 1]["cookie"] as? String, "\(name)")
            for setAgain in [false, true] {
                let pending = engine.begin(cookieHeaders: ["session=\(presented)"])
                let session = try await pending.session()
                #expect(session.isPermanent, "\(name)")
                if setAgain { session.isPermanent = true }
                let headers = try await engine.finish(pending)
                let value = try #require(headers.setCookie?.split(separator: ";").first).dropFirst("session=".count)
                #expect(String(value) == flasks, "\(name), set again: \(setAgain)")
            }
        }
    }

    @Test(.seeded) func randomSessionsRoundTripThroughFlask() throws {
        let flask = try FlaskTool()
        let codec = SessionCookieCodec(keys: SecretKeys(current: Self.key))
        var rng = TestSeed.generator()
        let sessions = (0..<40).map { _ in RandomSession.object(using: &rng, depth: 0) }
        let cookies = sessions.map { codec.encode($0, timestamp: Self.timestamp) }
        let replies = try flask.batch(cookies.map {
            ["verify", "--key-hex=\(Self.key.hex)", "--cookie=\($0)", "--now=\(Self.timestamp)"]
        })
        for (session, reply) in zip(sessions, replies) {
            let ours = String(decoding: TaggedJSON.encode(.object(session)), as: UTF8.self)
            #expect(reply["tagged_json"] as? String == ours, "\(reply)")
        }
    }
}

/// Sessions holding every kind of value, from a seeded generator.
enum RandomSession {
    static let alphabet: [Character] = ["a", "Z", "0", " ", "\"", "\\", "/", "<", "\u{7f}", "\u{0}", "é", "e\u{301}", "東", "😀", "\u{fffd}", "\n"]

    static func string<G: RandomNumberGenerator>(using rng: inout G) -> String {
        String((0..<Int.random(in: 0...8, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
    }

    static func object<G: RandomNumberGenerator>(using rng: inout G, depth: Int) -> SessionObject {
        var o = SessionObject()
        for _ in 0..<Int.random(in: 1...5, using: &rng) { o[string(using: &rng)] = value(using: &rng, depth: depth + 1) }
        return o
    }

    static func value<G: RandomNumberGenerator>(using rng: inout G, depth: Int) -> SessionValue {
        let kinds = depth > 3 ? 9 : 12
        switch Int.random(in: 0..<kinds, using: &rng) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &rng))
        case 2: return .int(Int.random(in: Int.min...Int.max, using: &rng))
        case 3: return .double(Double(bitPattern: rng.next()).isFinite ? Double(bitPattern: rng.next()) : 0.1)
        case 4: return .string(string(using: &rng))
        case 5: return .bytes((0..<Int.random(in: 0...9, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) })
        case 6:
            let bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &rng) }
            return .uuid(bytes.withUnsafeBytes { UUID(uuid: $0.loadUnaligned(as: uuid_t.self)) })
        case 7: return .date(Date(timeIntervalSince1970: Double(Int.random(in: 0...4_000_000_000, using: &rng))))
        case 8: return .markup(string(using: &rng))
        case 9: return .array((0..<Int.random(in: 0...3, using: &rng)).map { _ in value(using: &rng, depth: depth + 1) })
        case 10: return .tuple((0..<Int.random(in: 0...3, using: &rng)).map { _ in value(using: &rng, depth: depth + 1) })
        default: return .object(object(using: &rng, depth: depth + 1))
        }
    }
}

/// Runs `scripts/flask_tool.py batch` on the venv's Python.
struct FlaskTool {
    let python: String
    let script: String

    init() throws {
        let env = ProcessInfo.processInfo.environment
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        script = env["SESSIONKIT_FLASK_TOOL"] ?? root.appendingPathComponent("scripts/flask_tool.py").path
        if let python = env["SESSIONKIT_PYTHON"], !python.isEmpty {
            self.python = python
        } else if env["CI"] == nil, FlaskTool.canImportFlask("/usr/bin/env", ["python3"]) {
            self.python = "python3"
        } else {
            Issue.record("No Python with Flask: run the tests with scripts/test, which provisions one (SESSIONKIT_PYTHON).")
            throw FlaskToolError.noPython
        }
    }

    enum FlaskToolError: Error { case noPython, badOutput(String) }

    static func canImportFlask(_ exe: String, _ args: [String]) -> Bool {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args + ["-c", "import flask"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }

    /// One reply (a JSON object) per request, in order.
    func batch(_ requests: [[String]]) throws -> [[String: Any]] {
        let p = Process()
        if python.hasPrefix("/") {
            p.executableURL = URL(fileURLWithPath: python)
            p.arguments = [script, "batch"]
        } else {
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = [python, script, "batch"]
        }
        let input = Pipe()
        let output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        try p.run()
        var lines = Data()
        for request in requests {
            lines.append(try JSONSerialization.data(withJSONObject: request))
            lines.append(0x0A)
        }
        // Write from another thread so a full stdout pipe cannot deadlock us.
        let writer = input.fileHandleForWriting
        let data = lines
        Thread.detachNewThread {
            writer.write(data)
            try? writer.close()
        }
        let out = output.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let replies = String(decoding: out, as: UTF8.self).split(separator: "\n").map { line -> [String: Any] in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? ["unparsable": String(line)]
        }
        guard replies.count == requests.count else {
            throw FlaskToolError.badOutput("asked \(requests.count), got \(replies.count): \(String(decoding: out, as: UTF8.self).prefix(500))")
        }
        return replies
    }
}
