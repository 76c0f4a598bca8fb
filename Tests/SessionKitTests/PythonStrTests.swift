import Foundation
import Testing

@testable import SessionKit

/// `SessionValue.pythonStr`/`pythonRepr` against CPython: a literal table (written from Python's
/// output), and seeded random values encoded with `TaggedJSON`, decoded by Flask's
/// `TaggedJSONSerializer` in a real Python and compared byte for byte.
@Suite struct PythonStrTests {
    static let date = Date(timeIntervalSince1970: 1_704_164_645)  // 2024-01-02 03:04:05 UTC

    @Test(arguments: [
        (SessionValue.string("admin"), "admin", "'admin'"),
        (.string("it's"), "it's", #""it's""#),
        (.string(#"it's "q""#), #"it's "q""#, #"'it\'s "q"'"#),
        (.string("a\\b\t\n\r\u{0}\u{7f}\u{85}\u{a0}\u{ad} \u{2028}\u{e000}\u{e0001}é東😀"), nil,
         #"'a\\b\t\n\r\x00\x7f\x85\xa0\xad \u2028\ue000\U000e0001é東😀'"#),
        (.int(-42), "-42", "-42"),
        (.int(SessionInteger(decimal: "123456789012345678901234567890")!), "123456789012345678901234567890", nil),
        (.double(1e16), "1e+16", "1e+16"),
        (.double(-0.0), "-0.0", nil),
        (.double(.nan), "nan", nil),
        (.bool(true), "True", nil),
        (.null, "None", nil),
        (.array([1, "a", .null]), "[1, 'a', None]", nil),
        (.tuple([1]), "(1,)", nil),
        (.tuple([]), "()", nil),
        (.tuple([1, 2.5]), "(1, 2.5)", nil),
        (.object(["b": [], "a": .tuple(["x"])]), "{'a': ('x',), 'b': []}", nil),
        (.bytes([0, 0x27, 0x22, 0x5C, 0x7F, 0x80, 0x41, 0x0A]), #"b'\x00\'"\\\x7f\x80A\n'"#, nil),
        (.bytes([0x27]), #"b"'""#, nil),
        (.uuid(UUID(uuidString: "0e5e0f7c-1f8b-4c4e-9d43-9f1b2d3c4a5b")!), "0e5e0f7c-1f8b-4c4e-9d43-9f1b2d3c4a5b",
         "UUID('0e5e0f7c-1f8b-4c4e-9d43-9f1b2d3c4a5b')"),
        (.date(date), "2024-01-02 03:04:05+00:00", "datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)"),
        (.date(Date(timeIntervalSince1970: 1_704_164_640.9)), "2024-01-02 03:04:00+00:00",
         "datetime.datetime(2024, 1, 2, 3, 4, tzinfo=datetime.timezone.utc)"),
        (.date(Date(timeIntervalSince1970: -0.5)), "1969-12-31 23:59:59+00:00", nil),
        (.markup("<b>it's</b>"), "<b>it's</b>", #"Markup("<b>it's</b>")"#),
        (.array([.markup("x"), .date(date)]),
         "[Markup('x'), datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)]", nil),
    ] as [(SessionValue, String?, String?)])
    func literal(value: SessionValue, str: String?, repr: String?) {
        if let str { #expect(value.pythonStr == str) }
        if let repr { #expect(value.pythonRepr == repr) }
    }

    /// 3,000 random values through Flask: `str()` and `repr()` equal byte for byte.
    @Test(.seeded) func matchesFlaskDecodedValues() throws {
        guard let python = Self.python() else { return }
        var rng = TestSeed.generator()
        let version = try Self.runPython(python, lines: []).first ?? ""
        let unicode = Self.parseVersion(version)
        var values: [SessionValue] = []
        for _ in 0..<3_000 { values.append(PythonValues.value(using: &rng, depth: 0, unicode: unicode)) }
        let lines = values.map { String(decoding: TaggedJSON.encode($0), as: UTF8.self) }
        let replies = try Self.runPython(python, lines: lines).dropFirst()
        try #require(replies.count == values.count, "\(replies.count) replies")
        var failures = 0
        for (value, reply) in zip(values, replies) where failures < 5 {
            let parts = reply.split(separator: " ", omittingEmptySubsequences: false)
            let str = Self.unhex(parts[0])
            let repr = Self.unhex(parts.count > 1 ? parts[1] : "")
            if Array(value.pythonStr.utf8) != str || Array(value.pythonRepr.utf8) != repr {
                failures += 1
                Issue.record("""
                    \(TaggedJSON.encode(value).count) bytes
                    Python str:  \(String(decoding: str, as: UTF8.self))
                    Swift str:   \(value.pythonStr)
                    Python repr: \(String(decoding: repr, as: UTF8.self))
                    Swift repr:  \(value.pythonRepr)
                    """)
            }
        }
    }

    static let script = """
        import sys, unicodedata
        from flask.json.tag import TaggedJSONSerializer
        s = TaggedJSONSerializer()
        print(unicodedata.unidata_version)
        for line in sys.stdin:
            v = s.loads(line)
            print(str(v).encode("utf-8").hex(), repr(v).encode("utf-8").hex())
        """

    static func parseVersion(_ text: String) -> (Int, Int) {
        let parts = text.split(separator: ".").compactMap { Int($0) }
        return (parts.first ?? 0, parts.count > 1 ? parts[1] : 0)
    }

    static func unhex(_ text: Substring) -> [UInt8] {
        var out: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex, let next = text.index(index, offsetBy: 2, limitedBy: text.endIndex) {
            out.append(UInt8(text[index..<next], radix: 16) ?? 0)
            index = next
        }
        return out
    }

    /// `SESSIONKIT_PYTHON`; without it, a failure under `CI`, else `python3` if it has Flask,
    /// else a skip with a notice.
    static func python() -> String? {
        let env = ProcessInfo.processInfo.environment
        if let python = env["SESSIONKIT_PYTHON"], !python.isEmpty { return python }
        if let ci = env["CI"], !ci.isEmpty {
            Issue.record("SESSIONKIT_PYTHON is not set, and CI is: run the tests with scripts/test.")
            return nil
        }
        if FlaskTool.canImportFlask("/usr/bin/env", ["python3"]) { return "python3" }
        print("PythonStrTests skipped: no Python with Flask (run scripts/test, or set SESSIONKIT_PYTHON).")
        return nil
    }

    /// Runs the script with `lines` on stdin; returns its output lines.
    static func runPython(_ python: String, lines: [String]) throws -> [String] {
        try runPythonLines(python, script: script, lines: lines)
    }
}

/// Random values of every kind Flask's tagged JSON carries, with text that exercises repr's
/// quoting and escaping.
enum PythonValues {
    static let specials: [Unicode.Scalar] = [
        "a", "Z", " ", "'", "\"", "\\", "\t", "\n", "\r", "\u{0}", "\u{1b}", "\u{7f}", "\u{80}", "\u{85}", "\u{a0}",
        "\u{ad}", "é", "\u{301}", "\u{2028}", "\u{2029}", "\u{200b}", "\u{3000}", "\u{feff}", "\u{fffd}", "\u{ffff}",
        "\u{e000}", "東", "😀", "\u{e0001}", "\u{10ffff}", "\u{1f3fb}",
    ]

    /// A scalar assigned no later than `unicode` (or unassigned everywhere): newer ones are
    /// printable here and unassigned to that Python.
    static func scalar<G: RandomNumberGenerator>(using rng: inout G, unicode: (Int, Int)) -> Unicode.Scalar {
        while true {
            let candidate: Unicode.Scalar
            switch Int.random(in: 0..<4, using: &rng) {
            case 0, 1: candidate = specials.randomElement(using: &rng)!
            case 2: candidate = Unicode.Scalar(UInt32.random(in: 0x20...0x7E, using: &rng))!
            default:
                let limit: UInt32 = Bool.random(using: &rng) ? 0x3000 : 0x10FFFF
                guard let s = Unicode.Scalar(UInt32.random(in: 0...limit, using: &rng)) else { continue }
                candidate = s
            }
            if let age = candidate.properties.age, (age.major, age.minor) > unicode { continue }
            return candidate
        }
    }

    static func string<G: RandomNumberGenerator>(using rng: inout G, unicode: (Int, Int)) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...10, using: &rng) { text.unicodeScalars.append(scalar(using: &rng, unicode: unicode)) }
        return text
    }

    static func value<G: RandomNumberGenerator>(using rng: inout G, depth: Int, unicode: (Int, Int)) -> SessionValue {
        switch Int.random(in: 0..<(depth > 2 ? 11 : 14), using: &rng) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &rng))
        case 2: return .int(Int.random(in: Int.min...Int.max, using: &rng))
        case 3:
            let digits = (0..<Int.random(in: 19...60, using: &rng)).map { _ in String(Int.random(in: 0...9, using: &rng)) }
            return .int(SessionInteger(decimal: (Bool.random(using: &rng) ? "-" : "") + "1" + digits.joined())!)
        case 4:
            let choices = [Double(bitPattern: rng.next()), Double(Int.random(in: -1000...1000, using: &rng)) / 8, 1e16, 1e-5, .nan, -.infinity]
            return .double(choices.randomElement(using: &rng)!)
        case 5, 6: return .string(string(using: &rng, unicode: unicode))
        case 7: return .bytes((0..<Int.random(in: 0...12, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) })
        case 8:
            var bytes: [UInt8] = (0..<16).map { _ in UInt8.random(in: 0...255, using: &rng) }
            return .uuid(bytes.withUnsafeMutableBytes { UUID(uuid: $0.load(as: uuid_t.self)) })
        case 9:
            // 1900 to 9999, some on whole minutes, some with a fraction of a second.
            let seconds = Int.random(in: -2_208_988_800...253_402_300_799, using: &rng)
            let whole = Bool.random(using: &rng) ? seconds - seconds % 60 : seconds
            return .date(Date(timeIntervalSince1970: Double(whole) + (Bool.random(using: &rng) ? 0.75 : 0)))
        case 10: return .markup(string(using: &rng, unicode: unicode))
        case 11: return .array(items(using: &rng, depth: depth, unicode: unicode))
        case 12: return .tuple(items(using: &rng, depth: depth, unicode: unicode))
        default:
            var object = SessionObject()
            for _ in 0..<Int.random(in: 0...4, using: &rng) {
                let key = Int.random(in: 0..<8, using: &rng) == 0 ? [" t", " di", " m"].randomElement(using: &rng)! : string(using: &rng, unicode: unicode)
                object[key] = value(using: &rng, depth: depth + 1, unicode: unicode)
            }
            return .object(object)
        }
    }

    static func items<G: RandomNumberGenerator>(using rng: inout G, depth: Int, unicode: (Int, Int)) -> [SessionValue] {
        (0..<Int.random(in: 0...3, using: &rng)).map { _ in value(using: &rng, depth: depth + 1, unicode: unicode) }
    }
}
