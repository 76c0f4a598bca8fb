import Foundation
import Testing
@testable import SessionKit

// Expected values marked "Python" were produced with CPython 3.11.7 / Flask 3.1.3 / Werkzeug 3.1.9
// (`TaggedJSONSerializer().loads/dumps`, `werkzeug.http.parse_date`, `repr(float)`).

// MARK: - Helpers

private func json(_ value: SessionValue) -> String { value.taggedJSONString }

private func decode(_ text: String, maxDepth: Int = 128) throws(TaggedJSONError) -> SessionValue {
    try TaggedJSON.decode(Array(text.utf8), maxDepth: maxDepth)
}

/// decode + encode.
private func reencode(_ text: String) throws(TaggedJSONError) -> String {
    json(try decode(text))
}

private func decodeError(_ bytes: [UInt8], maxDepth: Int = 128) -> TaggedJSONError? {
    do {
        _ = try TaggedJSON.decode(bytes, maxDepth: maxDepth)
        return nil
    } catch {
        return error
    }
}

private func decodeError(_ text: String, maxDepth: Int = 128) -> TaggedJSONError? {
    decodeError(Array(text.utf8), maxDepth: maxDepth)
}

private func object(_ pairs: [(String, SessionValue)]) -> SessionValue {
    .object(SessionObject(pairs, uniquingKeysWith: { _, last in last }))
}

private func date(_ seconds: Double) -> SessionValue { .date(Date(timeIntervalSince1970: seconds)) }

private func uuid(_ text: String) -> UUID { UUID(uuidString: text)! }

private func bitsEqual(_ a: SessionValue, _ b: Double) -> Bool {
    guard case .double(let d) = a else { return false }
    return d.bitPattern == b.bitPattern || (d.isNaN && b.isNaN)
}

// MARK: - Vectors

@Suite("TaggedJSON: Flask vectors")
struct TaggedJSONVectorTests {
    static let validCases = FlaskVectors.cases(kind: "flask-cookie-session")
        .filter { $0.isValid && $0.sessionTaggedJSON != nil }
    static let otherCases = FlaskVectors.cases(kind: "flask-cookie-session")
        .filter { !$0.isValid && $0.sessionTaggedJSON != nil }

    @Test func vectorsAreAvailable() {
        let cases = FlaskVectors.requireCases(kind: "flask-cookie-session")
        if !cases.isEmpty {
            #expect(Self.validCases.count >= 20, "expected the valid flask-cookie-session cases")
        }
    }

    @Test("decode then encode gives Flask's exact bytes", arguments: validCases)
    func roundTrip(_ vector: FlaskVectorCase) throws {
        let text = try #require(vector.sessionTaggedJSON)
        let bytes = Array(text.utf8)
        let value = try TaggedJSON.decode(bytes)
        let encoded = TaggedJSON.encode(value)
        #expect(String(decoding: encoded, as: UTF8.self) == text)
        #expect(encoded == bytes)
        // Top level is always an object, and decoding is stable.
        #expect(value.objectValue != nil)
        #expect(try TaggedJSON.decode(encoded) == value)
        // Appending into a reused buffer gives the same bytes.
        var buffer: [UInt8] = Array("prefix".utf8)
        TaggedJSON.encode(value, into: &buffer)
        #expect(buffer == Array("prefix".utf8) + bytes)
    }

    @Test("the signed-but-rejected cases' JSON round-trips too", arguments: otherCases)
    func otherRoundTrip(_ vector: FlaskVectorCase) throws {
        let text = try #require(vector.sessionTaggedJSON)
        #expect(try reencode(text) == text)
    }

    @Test("untagged parse agrees with Foundation's JSONDecoder", arguments: validCases)
    func agreesWithFoundation(_ vector: FlaskVectorCase) throws {
        let text = try #require(vector.sessionTaggedJSON)
        let foundation = try #require(vector.session)
        let mine = try TaggedJSON.decodeUntagged(Array(text.utf8))
        #expect(Self.matches(mine, foundation), "\(vector.name)")
    }

    /// Structural comparison; numbers compared as doubles, objects only where Foundation did not
    /// merge canonically equivalent keys.
    static func matches(_ value: SessionValue, _ reference: FlaskVectorJSON) -> Bool {
        switch (value, reference) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let i), .number(let d)): return Double(i.description) == d
        case (.double(let a), .number(let d)): return a == d
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { matches($0, $1) }
        case (.object(let o), .object(let d)):
            if o.count != d.count { return Set(o.keys).count == d.count }  // merged by Foundation
            return o.allSatisfy { entry in d[entry.key].map { matches(entry.value, $0) } ?? false }
        default: return false
        }
    }
}

// MARK: - Floats

@Suite("TaggedJSON: Python float repr")
struct PythonFloatTests {
    static let table: [(Double, String)] = [
        (9.1e15, "9100000000000000.0"),
        (1e15, "1000000000000000.0"),
        (1e16, "1e+16"),
        (0.0001, "0.0001"),
        (0.00001, "1e-05"),
        (123456789012345680.0, "1.2345678901234568e+17"),
        (0x1p53 + 2, "9007199254740994.0"),
        (0x1p53, "9007199254740992.0"),
        (.leastNonzeroMagnitude, "5e-324"),  // 5e-324
        (Double(bitPattern: 0x3739a252b281), "3e-310"),
        (-0.0, "-0.0"),
        (0.0, "0.0"),
        (1.0, "1.0"),
        (100.0, "100.0"),
        (-1.5, "-1.5"),
        (0.1, "0.1"),
        (0.1 + 0.2, "0.30000000000000004"),
        (1.0 / 3.0, "0.3333333333333333"),
        (1.0 / 7.0, "0.14285714285714285"),
        (1.5e-07, "1.5e-07"),
        (-1e-07, "-1e-07"),
        (1e300, "1e+300"),
        (1e100, "1e+100"),
        (1e-100, "1e-100"),
        (1e21, "1e+21"),
        (1e22, "1e+22"),
        (1e23, "1e+23"),
        (1.7976931348623157e308, "1.7976931348623157e+308"),
        (2.2250738585072014e-308, "2.2250738585072014e-308"),
        (9999999999999998.0, "9999999999999998.0"),
        (9.99999e15, "9999990000000000.0"),
        (1234567890123456.8, "1234567890123456.8"),
        (999999999999999.9, "999999999999999.9"),
        (0.00011, "0.00011"),
        (0.000123, "0.000123"),
        (9.999e-05, "9.999e-05"),
        (5e-05, "5e-05"),
        (2.5e-05, "2.5e-05"),
        (123.456, "123.456"),
        (12345678.9, "12345678.9"),
        (4.35, "4.35"),
        (3.141592653589793, "3.141592653589793"),
    ]

    @Test("repr matches Python", arguments: table)
    func repr(_ value: Double, _ expected: String) throws {
        #expect(PythonFloatFormat.json(value) == expected)
        #expect(PythonFloatFormat.repr(value) == expected)
        #expect(json(.double(value)) == expected)
        #expect(bitsEqual(try decode(expected), value))
        #expect(try reencode(expected) == expected)
    }

    @Test func nonFinite() throws {
        #expect(PythonFloatFormat.json(.nan) == "NaN")
        #expect(PythonFloatFormat.json(.infinity) == "Infinity")
        #expect(PythonFloatFormat.json(-.infinity) == "-Infinity")
        #expect(PythonFloatFormat.repr(.nan) == "nan")
        #expect(PythonFloatFormat.repr(-.nan) == "nan")
        #expect(PythonFloatFormat.repr(.infinity) == "inf")
        #expect(PythonFloatFormat.repr(-.infinity) == "-inf")
        #expect(json(.double(-.nan)) == "NaN")

        let text = #"{"a":NaN,"b":Infinity,"c":-Infinity,"d":[NaN,-Infinity]}"#
        #expect(try reencode(text) == text)
        let value = try decode(text)
        #expect(value.objectValue?["a"]?.doubleValue?.isNaN == true)
        #expect(value.objectValue?["b"] == .double(.infinity))
        #expect(value.objectValue?["c"] == .double(-.infinity))
        #expect(try decode("NaN").doubleValue?.isNaN == true)
        #expect(try decode("  -Infinity ") == .double(-.infinity))
        // Out-of-range literals become infinities / zero like Python's float().
        #expect(try reencode("[1e400,-1e400,1e-400,-1e-400]") == "[Infinity,-Infinity,0.0,-0.0]")
    }

    @Test func powersOfTen() throws {
        for exponent in -323...308 {
            let value = try #require(Double("1e\(exponent)"))
            let expected: String
            if exponent >= 0 && exponent < 16 {
                expected = "1" + String(repeating: "0", count: exponent) + ".0"
            } else if exponent < 0 && exponent >= -4 {
                expected = "0." + String(repeating: "0", count: -exponent - 1) + "1"
            } else {
                let magnitude = abs(exponent)
                expected = "1e" + (exponent < 0 ? "-" : "+") + (magnitude < 10 ? "0" : "") + String(magnitude)
            }
            #expect(PythonFloatFormat.json(value) == expected)
        }
    }

    @Test(.seeded) func randomDoublesRoundTripInPythonLayout() throws {
        var generator = TestSeed.generator()
        for _ in 0..<20_000 {
            let value = Double(bitPattern: generator.next())
            guard value.isFinite else { continue }
            let text = PythonFloatFormat.json(value)
            #expect(Double(text)?.bitPattern == value.bitPattern, "\(text)")
            // Layout: positional iff -4 <= exponent < 16 (or zero); scientific has a signed
            // exponent of at least two digits; positional always has a '.'.
            if value != 0 {
                let exponent = Int(log10(value.magnitude).rounded(.down))
                let scientific = text.contains("e")
                if exponent >= -3 && exponent < 15 { #expect(!scientific, "\(text)") }
                if exponent < -5 || exponent > 16 { #expect(scientific, "\(text)") }
                if scientific {
                    let exponentPart = try #require(text.split(separator: "e").last)
                    #expect(exponentPart.first == "+" || exponentPart.first == "-")
                    #expect(exponentPart.count >= 3)
                } else {
                    #expect(text.contains("."))
                }
            }
            // Decoding the text gives the same double (via the JSON parser).
            #expect(bitsEqual(try decode(text), value))
        }
    }
}

// MARK: - Integers

@Suite("TaggedJSON: integers")
struct TaggedJSONIntegerTests {
    @Test func integersAndFloatsStayDistinct() throws {
        #expect(try decode("1") == .int(1))
        #expect(try decode("1.0") == .double(1.0))
        #expect(try decode("1e0") == .double(1.0))
        #expect(try decode("-0") == .int(0))
        #expect(try reencode("[1,1.0,-0,-0.0,0,1E2,1e-2,10]") == "[1,1.0,0,-0.0,0,100.0,0.01,10]")
        #expect(json(.int(1)) == "1")
        #expect(json(.double(1)) == "1.0")
    }

    @Test(arguments: [
        "0", "7", "-7", "10", "123456789012345678", "-123456789012345678", "1234567890123456789",
        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "-9223372036854775809",
        "18446744073709551615", "18446744073709551616", "-1180591620717411303424",
        "100000000000000000000000000000000000000000000000000000000000000000000000000000000001",
    ])
    func integerRoundTrip(_ text: String) throws {
        let value = try decode(text)
        guard case .int(let integer) = value else {
            Issue.record("not an int: \(value)")
            return
        }
        #expect(integer.description == text)
        #expect(json(value) == text)
    }

    @Test func extremes() {
        #expect(json(.int(Int.min)) == "-9223372036854775808")
        #expect(json(.int(Int.max)) == "9223372036854775807")
        #expect(json(.int(SessionInteger(decimal: "-000123")!)) == "-123")
    }

    @Test func pythonDigitLimit() throws {
        let limit = "9" + String(repeating: "0", count: 4299)  // 4300 digits: fine
        #expect(try reencode(limit) == limit)
        #expect(try reencode("-" + limit) == "-" + limit)
        #expect(decodeError(limit + "0") != nil)  // 4301 digits: ValueError in Python
        // Floats have no such limit.
        #expect(try decode(limit + "0.5") == .double(.infinity))
    }
}

// MARK: - Strings

@Suite("TaggedJSON: strings")
struct TaggedJSONStringTests {
    @Test func flaskEscapes() throws {
        let s = "q\" b\\ / <tag> tab\t nl\n cr\r bs\u{8} ff\u{c} nul\u{0} esc\u{1b} del\u{7f} ls\u{2028}"
        let expected = #"{"s":"q\" b\\ / <tag> tab\t nl\n cr\r bs\b ff\f nul\u0000 esc\u001b del\u007f ls\u2028"}"#
        #expect(json(["s": .string(s)]) == expected)
        #expect(try decode(expected) == ["s": .string(s)])
    }

    @Test func everyASCIIScalar() throws {
        for code in 0..<0x80 {
            let scalar = Unicode.Scalar(UInt8(code))
            let expected: String
            switch code {
            case 0x22: expected = #"\""#
            case 0x5C: expected = #"\\"#
            case 0x08: expected = #"\b"#
            case 0x0C: expected = #"\f"#
            case 0x0A: expected = #"\n"#
            case 0x0D: expected = #"\r"#
            case 0x09: expected = #"\t"#
            case 0x20...0x7E: expected = String(scalar)
            default: expected = String(format: "\\u%04x", code)
            }
            #expect(json(.string(String(scalar))) == "\"\(expected)\"", "U+\(code)")
            #expect(try decode("\"\(expected)\"") == .string(String(scalar)))
        }
    }

    @Test(arguments: [
        ("Zoë", #""Zo\u00eb""#),
        ("東京", #""\u6771\u4eac""#),
        ("😀", #""\ud83d\ude00""#),
        ("🇫🇷", #""\ud83c\uddeb\ud83c\uddf7""#),
        ("\u{80}\u{7ff}\u{800}\u{fffd}\u{ffff}", #""\u0080\u07ff\u0800\ufffd\uffff""#),
        ("\u{10000}\u{10ffff}", #""\ud800\udc00\udbff\udfff""#),
        ("e\u{301}", #""e\u0301""#),
        ("a/b<c>&'d", #""a/b<c>&'d""#),
        ("", #""""#),
    ])
    func nonASCII(_ text: String, _ expected: String) throws {
        #expect(json(.string(text)) == expected)
        let decoded = try decode(expected)
        #expect(decoded.stringValue.map { Array($0.unicodeScalars) } == Array(text.unicodeScalars))
        // Raw UTF-8 is accepted too, and re-escaped on output.
        #expect(try reencode("\"\(text)\"") == expected)
    }

    @Test func escapeVariants() throws {
        #expect(try decode(#""\/\u00E9\u00e9\uD83D\uDE00""#) == .string("/éé😀"))
        #expect(try decode(#""a\u0000b""#) == .string("a\u{0}b"))
        #expect(try reencode("\"caf\u{e9} \\n \u{1F600}\"") == #""caf\u00e9 \n \ud83d\ude00""#)
        // Long strings with escapes in the middle (scratch-buffer path).
        let long = String(repeating: "abc\\n", count: 1000) + "é"
        #expect(try decode("\"\(long)\"").stringValue == String(repeating: "abc\n", count: 1000) + "é")
    }

    @Test(arguments: [
        [0x22, 0xFF, 0x22],                    // not UTF-8 at all
        [0x22, 0xC0, 0xAF, 0x22],              // overlong '/'
        [0x22, 0xED, 0xA0, 0x80, 0x22],        // UTF-8-encoded surrogate
        [0x22, 0xE2, 0x82, 0x22],              // truncated sequence
        [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22],  // above U+10FFFF
        [0x22, 0x5C, 0x6E, 0xFF, 0x22],        // invalid after an escape
        [0x22, 0xFF, 0x5C, 0x6E, 0x22],        // invalid before an escape
        [0x22, 0x80, 0x22],                    // lone continuation byte
        [0xFF],                                // outside a string
    ] as [[UInt8]])
    func invalidUTF8(_ bytes: [UInt8]) {
        #expect(decodeError(bytes) != nil)
    }

    @Test(.seeded) func utf8ValidationMatchesTheStandardLibrary() throws {
        // Oracle: bytes are well-formed iff decoding with repair leaves them unchanged.
        var generator = TestSeed.generator()
        let interesting: [UInt8] = [0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
                                    0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        for _ in 0..<50_000 {
            let length = Int.random(in: 1...6, using: &generator)
            let bytes = (0..<length).map { _ in interesting.randomElement(using: &generator)! }
            let wellFormed = Array(String(decoding: bytes, as: UTF8.self).utf8) == bytes
            let mine = bytes.withUnsafeBufferPointer { TaggedJSONParser.firstInvalidUTF8($0) } == nil
            #expect(mine == wellFormed, "\(bytes)")
            // Through the parser, raw and after an escape.
            #expect((decodeError([0x22] + bytes + [0x22]) == nil) == wellFormed, "\(bytes)")
            #expect((decodeError([0x22, 0x5C, 0x6E] + bytes + [0x22]) == nil) == wellFormed, "\(bytes)")
            #expect((decodeError([0x22] + bytes + [0x5C, 0x6E, 0x22]) == nil) == wellFormed, "\(bytes)")
        }
    }

    @Test(arguments: [
        #""\ud800""#, #""\udc00""#, #""\ud800\u0041""#, #""\ud800x""#, #""\ud83d""#, #""\ud800\ud800""#,
        #""\ude00\ud83d""#, #"{"\udfff":1}"#, #""a\ud83d\u""#,
    ])
    func loneSurrogates(_ text: String) {
        #expect(decodeError(text) != nil)
    }

    @Test(arguments: [
        #""\x41""#, #""\u12""#, #""\u12g4""#, #""\U0041""#, #""\'""#, #""\""#, "\"\\", "\"a\nb\"",
        "\"\u{0}\"", "\"\u{1f}\"", "\"\t\"", "\"abc",
    ])
    func badStrings(_ text: String) {
        #expect(decodeError(text) != nil)
    }

    @Test func delAndHighASCIIAreLiteralInInput() throws {
        #expect(try decode("\"\u{7f}\"") == .string("\u{7f}"))
    }
}

// MARK: - Objects and keys

@Suite("TaggedJSON: objects and key order")
struct TaggedJSONObjectTests {
    @Test func keyOrderIsCodePointOrder() throws {
        let value = object([
            ("😀", 1), ("\u{FFFD}", 2), ("\u{e9}", 3), ("f", 4), ("e\u{301}", 5), ("_x", 6), ("B", 7),
        ])
        #expect(value.objectValue?.count == 7)
        let expected = #"{"B":7,"_x":6,"e\u0301":5,"f":4,"\u00e9":3,"\ufffd":2,"\ud83d\ude00":1}"#
        #expect(json(value) == expected)
        let decoded = try decode(expected)
        #expect(decoded == value)
        #expect(decoded.objectValue?["e\u{301}"] == 5)
        #expect(decoded.objectValue?["\u{e9}"] == 3)
        // Unsorted input with both spellings of é: still two keys, sorted on output.
        #expect(try reencode(#"{"\u00e9":1,"😀":2,"e\u0301":3,"f":4,"\ufffd":5}"#)
            == #"{"e\u0301":3,"f":4,"\u00e9":1,"\ufffd":5,"\ud83d\ude00":2}"#)
    }

    @Test func duplicateKeysLastWins() throws {
        #expect(try reencode(#"{"a":1,"b":2,"a":3}"#) == #"{"a":3,"b":2}"#)
        #expect(try reencode(#"{"a":1,"a":2}"#) == #"{"a":2}"#)
        #expect(try reencode(#"{"b":1,"a":2,"b":{"x":1},"a":[3]}"#) == #"{"a":[3],"b":{"x":1}}"#)
        // Canonically equivalent keys are *not* duplicates.
        #expect(try decode(#"{"\u00e9":1,"e\u0301":2}"#).objectValue?.count == 2)
    }

    @Test func unsortedLargeObject() throws {
        let keys = (0..<2000).map { "k\($0)" }
        let text = "{" + keys.reversed().map { "\"\($0)\":1" }.joined(separator: ",") + "}"
        let value = try decode(text)
        #expect(value.objectValue?.keys == keys.sorted { SessionObject.compare($0, $1) == .orderedAscending })
    }

    @Test func whitespaceAndNesting() throws {
        #expect(try reencode(" \t\n\r{ \"a\" : [ 1 , 2 , { } , [ ] ] ,\n\"b\" : { \"c\" : null } } \n")
            == #"{"a":[1,2,{},[]],"b":{"c":null}}"#)
        #expect(try reencode("[]") == "[]")
        #expect(try reencode("\"top\"") == "\"top\"")
        #expect(try reencode("true") == "true")
        #expect(try reencode("null") == "null")
        #expect(try reencode("[true,false,null]") == "[true,false,null]")
    }
}

// MARK: - Tags: encoding

@Suite("TaggedJSON: encoding tags")
struct TaggedJSONEncodeTagTests {
    @Test func tuples() {
        #expect(json(.tuple([1, "a", .tuple([2, 3])])) == #"{" t":[1,"a",{" t":[2,3]}]}"#)
        #expect(json(.tuple([])) == #"{" t":[]}"#)
        #expect(json(["pair": .tuple(["x", .bytes([1])])]) == #"{"pair":{" t":["x",{" b":"AQ=="}]}}"#)
    }

    @Test func bytes() {
        let raw: [UInt8] = [0x00, 0xFF, 0xFE, 0xFB] + Array(" binary?>".utf8)
        #expect(json(.bytes(raw)) == #"{" b":"AP/++yBiaW5hcnk/Pg=="}"#)
        #expect(json(.bytes([])) == #"{" b":""}"#)
        #expect(json(.bytes([0x10, 0x20])) == #"{" b":"ECA="}"#)
        #expect(json(.bytes(Array("abc".utf8))) == #"{" b":"YWJj"}"#)
        for length in 0..<64 {
            let data = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            #expect(json(.bytes(data)) == "{\" b\":\"\(Data(data).base64EncodedString())\"}")
        }
    }

    @Test func uuids() {
        #expect(json(.uuid(uuid("6BA7B810-9DAD-11D1-80B4-00C04FD430C8")))
            == #"{" u":"6ba7b8109dad11d180b400c04fd430c8"}"#)
        #expect(json(.uuid(uuid("00000000-0000-0000-0000-000000000001")))
            == #"{" u":"00000000000000000000000000000001"}"#)
    }

    @Test func dates() {
        #expect(json(date(1_709_251_198)) == #"{" d":"Thu, 29 Feb 2024 23:59:58 GMT"}"#)
        #expect(json(date(0)) == #"{" d":"Thu, 01 Jan 1970 00:00:00 GMT"}"#)
        // Fractions are dropped toward the past, as Python drops microseconds.
        #expect(json(date(1_709_251_198.999_999)) == #"{" d":"Thu, 29 Feb 2024 23:59:58 GMT"}"#)
        #expect(json(date(-0.5)) == #"{" d":"Wed, 31 Dec 1969 23:59:59 GMT"}"#)
        #expect(json(date(-1)) == #"{" d":"Wed, 31 Dec 1969 23:59:59 GMT"}"#)
        #expect(json(.date(Date(timeIntervalSinceReferenceDate: -0.25))) == #"{" d":"Sun, 31 Dec 2000 23:59:59 GMT"}"#)
        #expect(json(.date(Date(timeIntervalSinceReferenceDate: 0))) == #"{" d":"Mon, 01 Jan 2001 00:00:00 GMT"}"#)
    }

    @Test func markup() {
        #expect(json(["msg": .markup("<b>Hello</b> &amp; welcome")])
            == #"{"msg":{" m":"<b>Hello</b> &amp; welcome"}}"#)
        #expect(json(.markup("Zoë")) == #"{" m":"Zo\u00eb"}"#)
    }

    @Test(arguments: [" di", " t", " b", " m", " u", " d"])
    func singleTagKeyIsEscaped(_ key: String) throws {
        let top = object([(key, 1)])
        let escaped = "{\" di\":{\"\(key)__\":1}}"
        #expect(json(top) == escaped)
        #expect(json(["x": top]) == "{\"x\":\(escaped)}")
        #expect(try decode(escaped) == top)
        // With a second key it is a plain dict again.
        let two = object([(key, 1), ("z", 2)])
        #expect(json(two) == "{\"\(key)\":1,\"z\":2}")
        #expect(try decode(json(two)) == two)
    }

    @Test func escapeExamples() throws {
        #expect(json([" t": [1, 2]]) == #"{" di":{" t__":[1,2]}}"#)
        #expect(json([" di": "v"]) == #"{" di":{" di__":"v"}}"#)
        #expect(json([" b": "not bytes"]) == #"{" di":{" b__":"not bytes"}}"#)
        // The escaped value is itself tagged.
        #expect(json([" t": .tuple([1])]) == #"{" di":{" t__":{" t":[1]}}}"#)
        #expect(json([" di": [" di": 1]]) == #"{" di":{" di__":{" di":{" di__":1}}}}"#)
        // Not tag keys.
        #expect(json([" x": 1]) == #"{" x":1}"#)
        #expect(json(["t": 1]) == #"{"t":1}"#)
        #expect(json([" T": 1]) == #"{" T":1}"#)
        #expect(json(["  t": 1]) == #"{"  t":1}"#)
        #expect(json([" t ": 1]) == #"{" t ":1}"#)
        #expect(json([" di_": 1]) == #"{" di_":1}"#)
        #expect(json([" t": 1, "other": 2]) == #"{" t":1,"other":2}"#)
        for text in [
            #"{"w":{" x":1},"x":{" di":{" t__":[1,2]}},"y":{" di":{" di__":"v"}},"z":{" t":1,"other":2}}"#,
            #"{" di":{" di__":{" di":{" di__":1}}}}"#,
        ] {
            #expect(try reencode(text) == text)
        }
    }

    @Test func everyCaseRoundTrips() throws {
        let value: SessionValue = [
            "a": [.null, true, false, 0, -1, 1.5, "s", [], [:]],
            "b": .tuple([.bytes([1, 2, 3]), .uuid(uuid("6BA7B810-9DAD-11D1-80B4-00C04FD430C8"))]),
            "c": [" d": date(86_400 * 365)],
            "d": .markup("<i>x</i>"),
            "e": date(-86_400 * 365 * 100),
            "f": .int(SessionInteger(decimal: "-123456789012345678901234567890")!),
        ]
        let text = json(value)
        #expect(try decode(text) == value)
        #expect(json(try decode(text)) == text)
    }
}

// MARK: - Tags: decoding

@Suite("TaggedJSON: decoding tags")
struct TaggedJSONDecodeTagTests {
    /// `{" b": input}` -> bytes, or nil for an error (Python's `base64.b64decode`).
    static let base64Cases: [(String, [UInt8]?)] = [
        ("", []),
        ("AQ==", [1]),
        ("ECA=", [0x10, 0x20]),
        ("AP/++yBiaW5hcnk/Pg==", [0x00, 0xFF, 0xFE, 0xFB] + Array(" binary?>".utf8)),
        ("AB=C=", [0x00, 0x10]),
        ("AB==C", [0x00]),
        ("ABC=D", [0x00, 0x10]),
        ("ABCD=", [0x00, 0x10, 0x83]),
        ("AB=CD==", [0x00, 0x10, 0x83]),
        ("AB=x=", [0x00, 0x1C]),
        ("AB===", [0x00]),
        ("AB==AAAA", [0x00]),
        ("ABC=AAAA", [0x00, 0x10]),
        ("AB=CDAB==", [0x00, 0x10, 0x83, 0x00]),
        ("AB-_==", [0x00]),
        ("-_-_", []),
        ("A B\\n=\\t=", [0x00]),
        ("AB", nil),
        ("ABC", nil),
        ("A", nil),
        ("A===", nil),
        ("A=B=", nil),
        ("=AB=", nil),
        ("ABCDE", nil),
        ("ABCDA=BC", nil),
        ("AB=CDAB=", nil),
        ("\\u00e9AB=", nil),  // non-ASCII: ValueError
    ]

    @Test("base64 in \" b\" follows Python", arguments: base64Cases)
    func base64(_ input: String, _ expected: [UInt8]?) throws {
        let text = "{\" b\":\"\(input)\"}"
        if let expected {
            #expect(try decode(text) == .bytes(expected))
        } else {
            #expect(decodeError(text) != nil)
        }
    }

    @Test func bytesContentTypes() throws {
        #expect(try reencode(#"{" b":{" b":"QUI9PQ=="}}"#) == #"{" b":"AA=="}"#)  // Python
        #expect(try reencode(#"{" b":{" m":"AB=="}}"#) == #"{" b":"AA=="}"#)
        #expect(decodeError(#"{" b":5}"#) != nil)
        #expect(decodeError(#"{" b":null}"#) != nil)
        #expect(decodeError(#"{" b":["AA=="]}"#) != nil)
    }

    @Test(arguments: [
        "6ba7b8109dad11d180b400c04fd430c8",
        "6BA7B8109DAD11D180B400C04FD430C8",
        "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
        "{6ba7b810-9dad-11d1-80b4-00c04fd430c8}",
        "{{6ba7b810-9dad-11d1-80b4-00c04fd430c8}",
        "urn:uuid:6ba7b810-9dad-11d1-80b4-00c04fd430c8",
        "uuurn:id:6ba7b810-9dad-11d1-80b4-00c04fd430c8",
        "6ba7b810-9dad-11d1-80b4-00c04fd4-30c8-",
    ])
    func uuidForms(_ input: String) throws {
        #expect(try decode("{\" u\":\"\(input)\"}") == .uuid(uuid("6BA7B810-9DAD-11D1-80B4-00C04FD430C8")))
    }

    @Test func uuidIntLeniency() throws {
        // int(text, 16) accepts a 0x prefix, a sign, whitespace, underscores (Python).
        #expect(try reencode(#"{" u":"0x6ba7b8109dad11d180b400c04fd430"}"#)
            == #"{" u":"006ba7b8109dad11d180b400c04fd430"}"#)
        #expect(try reencode(#"{" u":"+fffffffffffffffffffffffffffffff"}"#)
            == #"{" u":"0fffffffffffffffffffffffffffffff"}"#)
        #expect(try reencode(#"{" u":" fffffffffffffffffffffffffffffff"}"#)
            == #"{" u":"0fffffffffffffffffffffffffffffff"}"#)
        #expect(try reencode(#"{" u":"f_ffffffffffffffffffffffffffffff"}"#)
            == #"{" u":"0fffffffffffffffffffffffffffffff"}"#)
    }

    @Test(arguments: [
        #"{" u":"zz"}"#,
        #"{" u":"6ba7b8109dad11d180b400c04fd430c"}"#,
        #"{" u":"6ba7b8109dad11d180b400c04fd430c8a"}"#,
        #"{" u":"6ba7b8109dad11d180b400c04fd430cg"}"#,
        #"{" u":"fffffffffffffffffffffffffffffff_"}"#,
        #"{" u":"f__fffffffffffffffffffffffffffff"}"#,
        #"{" u":"0x"}"#,
        #"{" u":5}"#,
        #"{" u":null}"#,
        #"{" u":["6ba7b8109dad11d180b400c04fd430c8"]}"#,
    ])
    func badUUIDs(_ text: String) {
        #expect(decodeError(text) != nil)
    }

    @Test func dateDecoding() throws {
        #expect(try decode(#"{" d":"Thu, 29 Feb 2024 23:59:58 GMT"}"#) == date(1_709_251_198))
        // A numeric offset is honoured; output is always GMT.
        #expect(try reencode(#"{" d":"Thu, 29 Feb 2024 23:59:58 +0200"}"#)
            == #"{" d":"Thu, 29 Feb 2024 21:59:58 GMT"}"#)
        #expect(try reencode(#"{" d":"Thu, 29 Feb 2024 23:59:58 -0000"}"#)
            == #"{" d":"Thu, 29 Feb 2024 23:59:58 GMT"}"#)
        #expect(try reencode(#"{" d":"Thu, 29 Feb 2024 23:59:58"}"#)
            == #"{" d":"Thu, 29 Feb 2024 23:59:58 GMT"}"#)
        // Unparsable dates are null, not errors.
        #expect(try decode(#"{"at":{" d":"not a date"}}"#) == ["at": .null])
        #expect(try decode(#"{" d":"Thu, 30 Feb 2024 23:59:58 GMT"}"#) == .null)
        // Years below 100 are two-digit years (Python): 0005 -> 2005.
        #expect(try reencode(#"{" d":"Sat, 01 Jan 0005 00:00:00 GMT"}"#)
            == #"{" d":"Sat, 01 Jan 2005 00:00:00 GMT"}"#)
        #expect(try reencode(#"{" d":"Tue, 01 Jan 0999 00:00:00 GMT"}"#)
            == #"{" d":"Tue, 01 Jan 0999 00:00:00 GMT"}"#)
    }

    @Test(arguments: [
        // Content Python's parse_date maps to None.
        #"{" d":null}"#, #"{" d":false}"#, #"{" d":0}"#, #"{" d":0.0}"#, #"{" d":-0.0}"#, #"{" d":""}"#,
        #"{" d":"x"}"#, #"{" d":[]}"#, #"{" d":{}}"#, #"{" d":{" t":[]}}"#, #"{" d":{" b":""}}"#,
        #"{" d":{" b":"YWI="}}"#, #"{" d":{" m":""}}"#, #"{" d":{" d":"x"}}"#,
    ])
    func dateContentGivingNull(_ text: String) throws {
        #expect(try decode(text) == .null)
        #expect(try reencode(text) == "null")
    }

    @Test(arguments: [
        // Python raises (AttributeError / OverflowError), which fails the payload.
        #"{" d":1}"#, #"{" d":true}"#, #"{" d":[1]}"#, #"{" d":{"a":1}}"#, #"{" d":NaN}"#,
        #"{" d":{" u":"6ba7b8109dad11d180b400c04fd430c8"}}"#,
        #"{" d":"Thu, 29 Feb 2024 23:59:58 +99999999999999"}"#,
        #"{" d":"Thu, 29 Feb 9999999999 23:59:58 GMT"}"#,
    ])
    func dateContentFailing(_ text: String) {
        #expect(decodeError(text) != nil)
    }

    @Test func escapedDicts() throws {
        // First member in insertion order (Python dicts), not sorted order.
        #expect(try reencode(#"{" di":{"b__":1,"a__":2}}"#) == #"{"b":1}"#)
        #expect(try reencode(#"{" di":{"a__":1,"b__":2,"a__":3}}"#) == #"{"a":3}"#)
        // key[:-2] cuts code points.
        #expect(try reencode(#"{" di":{"\u00e9":1}}"#) == #"{"":1}"#)
        #expect(try reencode(#"{" di":{"e\u0301x":1}}"#) == #"{"e":1}"#)
        #expect(try reencode(#"{" di":{"x\ud83d\ude00\ud83d\ude00":1}}"#) == #"{"x":1}"#)
        #expect(try reencode(#"{" di":{" di____":1}}"#) == #"{" di__":1}"#)  // Python
        #expect(try reencode(#"{" di":{" di":{" di____":1}}}"#) == #"{" di":{" di__":1}}"#)
        // The result is a plain dict, not untagged again.
        #expect(try decode(#"{" di":{" t__":[1,2]}}"#) == [" t": [1, 2]])
        #expect(try decode(#"{"x":{" di":{" t__":[1,2]}}}"#) == ["x": [" t": [1, 2]]])
    }

    @Test(arguments: [
        #"{" di":{}}"#, #"{" di":"abc"}"#, #"{" di":["x__"]}"#, #"{" di":{" t":[1]}}"#, #"{" di":null}"#,
        #"{" di":5}"#, #"{" di":{" b":"YWI="}}"#,
    ])
    func badEscapedDicts(_ text: String) {
        #expect(decodeError(text) != nil)
    }

    @Test func tupleContentTypes() throws {
        #expect(try reencode(#"{" t":"ab"}"#) == #"{" t":["a","b"]}"#)
        #expect(try reencode(#"{" t":"e\u0301"}"#) == #"{" t":["e","\u0301"]}"#)
        #expect(try reencode(#"{" t":{"b":1,"a":2,"b":3}}"#) == #"{" t":["b","a"]}"#)
        #expect(try reencode(#"{" t":{" b":"YWI="}}"#) == #"{" t":[97,98]}"#)
        #expect(try reencode(#"{" t":{" t":[1]}}"#) == #"{" t":[1]}"#)
        #expect(try reencode(#"{" t":{" m":"ab"}}"#) == #"{" t":["a","b"]}"#)
        #expect(try reencode(#"{" t":[1], " t":{"x":1}}"#) == #"{" t":["x"]}"#)
        #expect(try decode(#"{" t":[1,[2],{" t":[]}]}"#) == .tuple([1, [2], .tuple([])]))
        for bad in [#"{" t":null}"#, #"{" t":5}"#, #"{" t":true}"#, #"{" t":{" u":"6ba7b8109dad11d180b400c04fd430c8"}}"#] {
            #expect(decodeError(bad) != nil, "\(bad)")
        }
    }

    @Test func markupContentTypes() throws {
        #expect(try decode(#"{" m":"<b>x</b>"}"#) == .markup("<b>x</b>"))
        #expect(try reencode(#"{" m":{" m":"<b>"}}"#) == #"{" m":"<b>"}"#)
        #expect(try reencode(#"{" m":5}"#) == #"{" m":"5"}"#)
        #expect(try reencode(#"{" m":1.0}"#) == #"{" m":"1.0"}"#)
        #expect(try reencode(#"{" m":1e+16}"#) == #"{" m":"1e+16"}"#)
        #expect(try reencode(#"{" m":NaN}"#) == #"{" m":"nan"}"#)
        #expect(try reencode(#"{" m":-Infinity}"#) == #"{" m":"-inf"}"#)
        #expect(try reencode(#"{" m":null}"#) == #"{" m":"None"}"#)
        #expect(try reencode(#"{" m":true}"#) == #"{" m":"True"}"#)
        #expect(try reencode(#"{" m":{" u":"6ba7b8109dad11d180b400c04fd430c8"}}"#)
            == #"{" m":"6ba7b810-9dad-11d1-80b4-00c04fd430c8"}"#)
        // Python would use repr() of containers here; not mimicked, rejected instead.
        #expect(decodeError(#"{" m":[1]}"#) != nil)
    }

    @Test func badTagsOverwrittenByDuplicateKeysAreNoError() throws {
        // Python parses the whole document before untagging; duplicates are dropped first.
        #expect(try reencode(#"{"a":{" u":"zz"},"a":1}"#) == #"{"a":1}"#)
        #expect(try reencode(#"{"a":[{" b":"A"}],"b":0,"a":2}"#) == #"{"a":2,"b":0}"#)
        #expect(try reencode(#"{"a":{"x":{" t":5}},"a":null}"#) == #"{"a":null}"#)
        #expect(try reencode(#"{" u":"zz"," u":"6ba7b8109dad11d180b400c04fd430c8"}"#)
            == #"{" u":"6ba7b8109dad11d180b400c04fd430c8"}"#)
        #expect(try reencode(#"{"b":{"a":{" di":{}},"a":1},"c":[]}"#) == #"{"b":{"a":1},"c":[]}"#)
        // ... but a surviving bad tag anywhere fails the payload.
        for text in [
            #"{"a":1,"a":{" u":"zz"}}"#, #"{"a":{" u":"zz"},"b":1}"#, #"[{" u":"zz"}]"#,
            #"{"a":[1,{"b":{" b":"A"}}]}"#, #"{" t":[{" u":"zz"}]}"#, #"{" d":{" u":"zz"}}"#,
            #"{"x":{"a":{" u":"zz"},"a":1},"x":{"b":{" t":null}}}"#,
        ] {
            #expect(decodeError(text) != nil, "\(text)")
        }
    }

    @Test func notTags() throws {
        for text in [
            #"{" x":1}"#, #"{"t":1}"#, #"{" t":[1],"a":1}"#, #"{" T":1}"#, #"{"  t":1}"#, #"{" t ":1}"#,
            #"{" di_":1}"#, #"{" b":"!","c":1}"#,
        ] {
            #expect(try reencode(text) == text)
        }
    }

    @Test func decodeUntaggedKeepsTagsAsObjects() throws {
        let value = try TaggedJSON.decodeUntagged(Array(#"{"a":{" t":[1]},"b":{" b":"!!"},"c":{" di":{}}}"#.utf8))
        #expect(value == ["a": [" t": [1]], "b": [" b": "!!"], "c": [" di": [:]]])
        #expect(throws: TaggedJSONError.self) { try TaggedJSON.decodeUntagged(Array("[1,]".utf8)) }
    }
}

// MARK: - JSON syntax and limits

@Suite("TaggedJSON: syntax errors and limits")
struct TaggedJSONSyntaxTests {
    @Test(arguments: [
        "", " ", "{", "[", "}", "]", "[1,]", #"{"a":1,}"#, #"{"a" 1}"#, #"{"a":}"#, "{1:2}", "{'a':1}",
        #"{"a":1"#, #"{"a""#, "01", "-", "-01", "1.", ".5", "+1", "1e", "1e+", "1.e5", "tru", "nul", "nan",
        "-NaN", "infinity", "-infinity", "NAN", "[1 2]", #"["a""#, #"{"a":1}x"#, "{}{}", "[1]]", "truex",
        "\u{FEFF}{}", "/* */{}", "0x10", "1_0", "[,1]", "[1,,2]", #"{,"a":1}"#, #"{"a":1,,"b":2}"#, "'a'",
        "\u{A0}1", "\u{0B}1", "[1]\u{0}",
    ])
    func invalidJSON(_ text: String) {
        #expect(decodeError(text) != nil, "\(text.debugDescription)")
    }

    @Test func errorsCarryOffsets() {
        #expect(decodeError("[1,]")?.offset == 3)
        #expect(decodeError("{} x")?.offset == 3)
        #expect(decodeError(#"{"a":1,}"#)?.offset == 7)
        #expect(decodeError("")?.description.isEmpty == false)
    }

    @Test("every truncation of every vector is an error", arguments: TaggedJSONVectorTests.validCases)
    func truncatedVectors(_ vector: FlaskVectorCase) throws {
        let bytes = try #require(vector.sessionTaggedJSONBytes)
        for length in 0..<bytes.count {
            #expect(decodeError(Array(bytes[0..<length])) != nil, "\(vector.name) prefix \(length)")
        }
    }

    @Test func deepNestingThrowsInsteadOfCrashing() {
        #expect(decodeError(String(repeating: "[", count: 100_000)) != nil)
        #expect(decodeError(String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)) != nil)
        #expect(decodeError(String(repeating: #"{"a":"#, count: 100_000)) != nil)
        #expect(decodeError(String(repeating: #"{" t":"#, count: 100_000)) != nil)
        #expect(decodeError(String(repeating: "[", count: 100_000), maxDepth: 1_000_000) != nil)
    }

    @Test func depthLimit() throws {
        func nested(_ depth: Int) -> String {
            String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        }
        #expect(decodeError(nested(128)) == nil)
        #expect(decodeError(nested(129)) != nil)
        #expect(decodeError(nested(129), maxDepth: 129) == nil)
        #expect(decodeError("[]", maxDepth: 0) != nil)
        #expect(decodeError("1", maxDepth: 0) == nil)
        #expect(decodeError(nested(1000), maxDepth: 1000) == nil)
        #expect(try reencode(nested(50)) == nested(50))
    }

    @Test func acceptsAnyByteCollection() throws {
        let text = #"{"a":[1,"\u00e9",{" t":[2]}]}"#
        let expected = try decode(text)
        #expect(try TaggedJSON.decode(Data(text.utf8)) == expected)
        #expect(try TaggedJSON.decode(text.utf8) == expected)
        #expect(try TaggedJSON.decode(Array(("xx" + text).utf8).dropFirst(2)) == expected)
        #expect(try TaggedJSON.decode(AnyCollection(Array(text.utf8))) == expected)  // not contiguous
        #expect(try TaggedJSON.decode(Array(text.utf8).lazy.map { $0 }) == expected)
    }
}

// MARK: - HTTP dates

@Suite("TaggedJSON: HTTPDate")
struct HTTPDateTests {
    @Test(arguments: [
        (Int64(0), "Thu, 01 Jan 1970 00:00:00 GMT"),
        (1_709_251_198, "Thu, 29 Feb 2024 23:59:58 GMT"),
        (-1, "Wed, 31 Dec 1969 23:59:59 GMT"),
        (951_782_400, "Tue, 29 Feb 2000 00:00:00 GMT"),
        (1_893_499_200, "Tue, 01 Jan 2030 12:00:00 GMT"),
        (253_402_300_799, "Fri, 31 Dec 9999 23:59:59 GMT"),
        (-30_641_760_000, "Tue, 01 Jan 0999 00:00:00 GMT"),
        (-62_135_596_800, "Mon, 01 Jan 0001 00:00:00 GMT"),
        (-62_167_219_200, "Sat, 01 Jan 0000 00:00:00 GMT"),
        (-62_167_219_201, "Fri, 31 Dec -001 23:59:59 GMT"),
        (253_402_300_800, "Sat, 01 Jan 10000 00:00:00 GMT"),
        (4_107_542_400, "Mon, 01 Mar 2100 00:00:00 GMT"),
    ])
    func format(_ seconds: Int64, _ expected: String) {
        #expect(HTTPDate.format(unixSeconds: seconds) == expected)
        var buffer: [UInt8] = []
        HTTPDate.append(unixSeconds: seconds, to: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == expected)
    }

    @Test func extremesDoNotTrap() {
        #expect(HTTPDate.format(unixSeconds: .max).hasSuffix(" GMT"))
        #expect(HTTPDate.format(unixSeconds: .min).hasSuffix(" GMT"))
        #expect(HTTPDate.unixSeconds(flooring: Date(timeIntervalSince1970: .infinity)) == .max)
        #expect(HTTPDate.unixSeconds(flooring: Date(timeIntervalSince1970: -.infinity)) == .min)
        #expect(HTTPDate.unixSeconds(flooring: Date(timeIntervalSince1970: .nan)) == 0)
        #expect(json(.date(Date.distantFuture)).hasPrefix(#"{" d":"Mon, 01 Jan 4001"#))
    }

    @Test func flooring() {
        #expect(HTTPDate.unixSeconds(flooring: Date(timeIntervalSince1970: 1.999)) == 1)
        #expect(HTTPDate.unixSeconds(flooring: Date(timeIntervalSince1970: -0.001)) == -1)
        #expect(HTTPDate.unixSeconds(flooring: Date(timeIntervalSince1970: -1)) == -1)
        #expect(HTTPDate.format(Date(timeIntervalSince1970: 1_709_251_198.75)) == "Thu, 29 Feb 2024 23:59:58 GMT")
    }

    @Test func calendarMathMatchesADayByDayWalk() {
        // Walk forward and backward from 1970-01-01 one day at a time.
        for direction in [1, -1] {
            var (year, month, day): (Int64, Int, Int) = (1970, 1, 1)
            for n in 0..<200_000 {
                let days = Int64(n * direction)
                let civil = HTTPDate.civil(fromDays: days)
                if civil.year != year || civil.month != month || civil.day != day {
                    Issue.record("day \(days): \(civil) != \((year, month, day))")
                    return
                }
                if HTTPDate.days(fromCivilYear: year, month: month, day: day) != days {
                    Issue.record("days(from: \(year)-\(month)-\(day)) != \(days)")
                    return
                }
                if direction > 0 {
                    day += 1
                    if day > HTTPDate.daysInMonth(year: year, month: month) {
                        day = 1
                        month += 1
                        if month > 12 { month = 1; year += 1 }
                    }
                } else {
                    day -= 1
                    if day < 1 {
                        month -= 1
                        if month < 1 { month = 12; year -= 1 }
                        day = HTTPDate.daysInMonth(year: year, month: month)
                    }
                }
            }
        }
    }

    /// (input, unix seconds or nil) — Python: `werkzeug.http.parse_date(s)`.
    static let parseCases: [(String, Int64?)] = [
        ("Thu, 29 Feb 2024 23:59:58 GMT", 1_709_251_198),
        ("Thu, 01 Jan 1970 00:00:00 GMT", 0),
        ("thu, 29 feb 2024 23:59:58 gmt", 1_709_251_198),
        ("29 Feb 2024 23:59:58 GMT", 1_709_251_198),
        ("Thu,29 Feb 2024 23:59:58 GMT", 1_709_251_198),
        ("Thu, 29 Feb 2024 23:59:58 +0200", 1_709_243_998),
        ("Thu, 29 Feb 2024 23:59:58 -0530", 1_709_270_998),
        ("Thu, 29 Feb 2024 23:59:58 -0000", 1_709_251_198),
        ("Thu, 29 Feb 2024 23:59:58 +0000", 1_709_251_198),
        ("Thu, 29 Feb 2024 23:59:58", 1_709_251_198),
        ("Thu, 29 Feb 2024 23:59", 1_709_251_140),
        ("Thu, 29 Feb 24 23:59:58 GMT", 1_709_251_198),
        ("Thu, 29 Feb 69 23:59:58 GMT", nil),
        ("Thu, 29 Feb 68 23:59:58 GMT", 3_097_785_598),
        ("Thu, 01 Jan 0005 00:00:00 GMT", 1_104_537_600),
        ("Thu, 01 Jan 0999 00:00:00 GMT", -30_641_760_000),
        ("Thursday, 29-Feb-24 23:59:58 GMT", 1_709_251_198),
        ("Thu Feb 29 23:59:58 2024", 1_709_251_198),
        ("Feb 29 2024 23:59:58 EST", 1_709_269_198),
        ("Thu, 29 February 2024 23:59:58 PDT", 1_709_276_398),
        ("Thu, 30 Feb 2024 23:59:58 GMT", nil),
        ("Thu, 29 Feb 2023 23:59:58 GMT", nil),
        ("Thu, 29 Feb 2024 24:00:00 GMT", nil),
        ("Thu, 29 Feb 2024 23:60:00 GMT", nil),
        ("Thu, 29 Feb 2024 23:59:60 GMT", nil),
        ("", nil),
        ("   ", nil),
        ("garbage", nil),
        ("Thu, 29 Feb 2024 23.59.58 GMT", 1_709_251_198),
        ("Thu, 29 Feb 2024 23.59 GMT", 1_709_251_140),
        ("Thu, 29 Feb 2024 23:59:58+0200", 1_709_243_998),
        ("Thu, 29 Feb 2024 23:59:58 +02:00", 1_709_251_198),
        ("Thu, 29 Feb 2024 23:59:58 +2400", nil),
        ("Thu, 29 Feb 2024 23:59:58 +2359", 1_709_164_858),
        ("Thu, 29 Feb 2024 23:59:58 +0090", 1_709_245_798),
        ("Thu, 29 Feb 2024 23:59:58 Z", 1_709_251_198),
        ("Thu, 29 Feb 2024 23:59:58 UT", 1_709_251_198),
        ("Thu, 29 Feb 2024, 23:59:58 GMT", 1_709_251_198),
        ("Thu, 29 Feb 2024 23:59:58, GMT", 1_709_251_198),
        ("Thu, 2024 Feb 29 23:59:58 GMT", nil),
        ("Thu, Feb 29 2024 23:59:58 GMT", 1_709_251_198),
        ("Thu, 29 Feb 2024 23:59:58 XYZ", 1_709_251_198),
        ("Fri, 31 Dec 9999 23:59:59 GMT", 253_402_300_799),
        ("Sat, 01 Jan 10000 00:00:00 GMT", nil),
        ("Mon, 01 Jan 0001 00:00:00 GMT", 978_307_200),
        ("Mon, 01 Jan 0000 00:00:00 GMT", 946_684_800),
        ("Thu, 29 Feb 2024 23:59:58 +1_00", 1_709_247_598),
        ("Thu, 29 Feb 2024 2_3:59:58 GMT", 1_709_251_198),
        ("Thu, 29 Feb 2024 23:59:58 E\u{17f}T", 1_709_269_198),
        ("Thu, 29 Feb 2024 \u{662}\u{663}:59:58 GMT", 1_709_251_198),
        ("Thu,\u{a0}29 Feb 2024 23:59:58 GMT", 1_709_251_198),
        ("Thu, 29 Feb -5 23:59:58 GMT", nil),
        ("Thu, 29 Feb 2024 -1:59:58 GMT", nil),
        ("Thu, 29 MAR 2024 10:00:00 gmt", 1_711_706_400),
        ("Wed, 31 Dec 1969 23:59:59 GMT", -1),
        ("Thu, 29 Feb 2024 23:59:58 -0001", 1_709_251_258),
        ("Thu, 29 Feb 2024 23:59:58 -2359", 1_709_337_538),
        ("Thu, 01 Jan 0001 00:30:00 +0100", 978_305_400),
        ("29-Feb-2024 23:59:58 GMT", 1_709_251_198),
        ("Feb-29-2024 23:59:58", nil),
        ("Thu, 29 Feb 2024 23:59:58 +9999", nil),
        ("Thu, 29 Feb 2024 23:59:58 cdt", 1_709_269_198),
        ("Thu, 29 Feb 2024 :59:58 GMT", nil),
        ("1 Jan 2000 1:2", 946_688_520),
    ]

    @Test("parse matches Werkzeug's parse_date", arguments: parseCases)
    func parse(_ text: String, _ expected: Int64?) {
        #expect(HTTPDate.parse(text) == expected)
        #expect(HTTPDate.parseDate(text) == expected.map { Date(timeIntervalSince1970: Double($0)) })
    }

    @Test(arguments: [
        "Thu, 29 Feb 2024 23:59:58 +99999999999999",
        "Thu, 29 Feb 9999999999 23:59:58 GMT",
        "Thu, 29 Feb 2024 23:59:58 -86399999913601",
        "Thu, 29 Feb 2024 23:59:58 -8639999991360",
        "Thu, 29 Feb 2024 99999999999:59:58 GMT",
    ])
    func overflowLikePython(_ text: String) {
        #expect(HTTPDate.parseResult(text) == .overflow)
        #expect(HTTPDate.parse(text) == nil)
    }

    @Test(.seeded) func formatThenParseRoundTrips() {
        var generator = TestSeed.generator()
        for _ in 0..<5000 {
            // Years 1000...9999 survive the round trip (below 100 they become two-digit years).
            let seconds = Int64.random(in: -30_610_224_000...253_402_300_799, using: &generator)
            let text = HTTPDate.format(unixSeconds: seconds)
            #expect(HTTPDate.parse(text) == seconds, "\(text)")
            // The canonical fast path agrees with the general parser.
            #expect(HTTPDate.parse(text.lowercased()) == seconds, "\(text)")
            #expect(HTTPDate.parse(text.replacingOccurrences(of: "GMT", with: "+0000")) == seconds)
        }
    }
}
