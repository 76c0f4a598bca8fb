import Foundation
import Testing

@testable import SessionKit

/// Seeded random floats, UUIDs and datetimes against CPython and Flask in one batched Python
/// process per test: Python's output is the expected value, never SessionKit's. A failure names
/// the seed (`.seeded`); under CI a missing `SESSIONKIT_PYTHON` fails (`PythonStrTests.python`).
@Suite struct PythonRandomValueTests {
    /// At most this many mismatches are reported per test.
    static let reportLimit = 5

    // MARK: floats

    static let floatScript = """
        import sys, json, struct
        from flask.json.tag import TaggedJSONSerializer
        s = TaggedJSONSerializer()
        for line in sys.stdin:
            x = struct.unpack(">d", bytes.fromhex(line.strip()))[0]
            tagged = s.dumps(x)
            back = struct.pack(">d", s.loads(tagged)).hex()
            print(repr(x), json.dumps(x), tagged, back)
        """

    /// `PythonFloatFormat.repr`/`json` equal `repr(float)`/`json.dumps`, tagged JSON equals
    /// Flask's, and decoding Flask's text gives the double Flask reads back.
    @Test(.seeded) func floatsMatchPythonRepr() throws {
        guard let python = PythonStrTests.python() else { return }
        var rng = TestSeed.generator()
        let values = (0..<20_000).map { _ in Self.double(using: &rng) }
        let replies = try runPythonLines(python, script: Self.floatScript, lines: values.map { Self.hex($0.bitPattern) })
        try #require(replies.count == values.count, "\(replies.count) replies for \(values.count) floats")
        var failures = 0
        for (value, reply) in zip(values, replies) where failures < Self.reportLimit {
            let fields = reply.split(separator: " ").map(String.init)
            guard fields.count == 4 else {
                failures += 1
                Issue.record("float \(Self.hex(value.bitPattern)): Python printed \(reply)")
                continue
            }
            let ours = String(decoding: TaggedJSON.encode(.double(value)), as: UTF8.self)
            var decodedBits = "undecodable"
            if case .double(let d)? = try? TaggedJSON.decode(Array(fields[2].utf8)) {
                decodedBits = d.isNaN ? "nan" : Self.hex(d.bitPattern)
            }
            let pythonBack = UInt64(fields[3], radix: 16).map { Double(bitPattern: $0).isNaN ? "nan" : fields[3] }
            if PythonFloatFormat.repr(value) != fields[0] || PythonFloatFormat.json(value) != fields[1]
                || SessionValue.double(value).pythonRepr != fields[0] || ours != fields[2] || decodedBits != pythonBack
            {
                failures += 1
                Issue.record("""
                    float with bits \(Self.hex(value.bitPattern)):
                    Python repr: \(fields[0])   ours: \(PythonFloatFormat.repr(value)) (str/repr: \(SessionValue.double(value).pythonRepr))
                    Python json: \(fields[1])   ours: \(PythonFloatFormat.json(value))
                    Flask tagged: \(fields[2])   ours: \(ours)
                    Flask reads back bits \(pythonBack ?? fields[3]), we decode \(decodedBits)
                    """)
            }
        }
    }

    /// Doubles of every shape the formatting branches on: any bit pattern (NaN and infinities
    /// too), subnormals, huge and tiny exponents, integers as floats, negative zero and the other
    /// specials, neighbours of the positional/scientific thresholds, and short decimals.
    static func double(using rng: inout SplitMix64) -> Double {
        let sign: UInt64 = Bool.random(using: &rng) ? 1 << 63 : 0
        let mantissa = rng.next() & 0x000F_FFFF_FFFF_FFFF
        func withExponent(_ e: ClosedRange<UInt64>) -> Double {
            Double(bitPattern: sign | UInt64.random(in: e, using: &rng) << 52 | mantissa)
        }
        switch Int.random(in: 0..<10, using: &rng) {
        case 0: return Double(bitPattern: rng.next())
        case 1: return Double(bitPattern: sign | mantissa >> UInt64.random(in: 0...51, using: &rng))  // subnormal
        case 2: return withExponent(0x7C0...0x7FE)  // around 1e290 to the largest finite
        case 3: return withExponent(0x001...0x040)  // the smallest normals
        case 4: return Double(Int64.random(in: -(1 << 53)...(1 << 53), using: &rng))
        case 5:  // whole numbers past 2^53, where repr may end in zeros or go scientific
            return Double(UInt64.random(in: 1...UInt64.max, using: &rng)) * Double(sign == 0 ? 1 : -1)
                * [1, 2, 1_024, 1e10].randomElement(using: &rng)!
        case 6:
            return [0.0, -0.0, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
                    .leastNormalMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 1, -1, 0.1, 1e23]
                .randomElement(using: &rng)!
        case 7:  // steps either side of where the layout switches
            var x = [1e16, 1e15, 1e17, 1e-4, 1e-5, 1e-3, 1e22, 1e21, 9_007_199_254_740_992.0].randomElement(using: &rng)!
            for _ in 0..<Int.random(in: 0...3, using: &rng) { x = Bool.random(using: &rng) ? x.nextUp : x.nextDown }
            return sign == 0 ? x : -x
        case 8:  // short decimals: a few digits at any decimal exponent
            let digits = Int.random(in: 1...99_999, using: &rng)
            let exponent = Int.random(in: -330...310, using: &rng)
            return (Double("\(sign == 0 ? "" : "-")\(digits)e\(exponent)") ?? 0)
        default: return withExponent(0x3B0...0x450)  // about 1e-20 to 1e20
        }
    }

    static func hex(_ bits: UInt64) -> String {
        let text = String(bits, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }

    // MARK: UUIDs

    static let uuidScript = """
        import sys, uuid
        from flask.json.tag import TaggedJSONSerializer
        s = TaggedJSONSerializer()
        for line in sys.stdin:
            raw, ours = line.rstrip("\\n").split("\\t")
            u = uuid.UUID(bytes=bytes.fromhex(raw))
            print(s.dumps(u), s.loads(ours).bytes.hex(), str(u), repr(u), sep="\\t")
        """

    /// Random 16-byte UUIDs: tagged JSON equals Flask's for `uuid.UUID(bytes=…)`, decodes back to
    /// the same bytes, Flask reads ours as the same UUID, and `str`/`repr` match Python's.
    @Test(.seeded) func uuidsMatchFlask() throws {
        guard let python = PythonStrTests.python() else { return }
        var rng = TestSeed.generator()
        let raws = (0..<2_000).map { _ in (0..<16).map { _ in UInt8.random(in: 0...255, using: &rng) } }
        let uuids = raws.map { raw in raw.withUnsafeBytes { UUID(uuid: $0.loadUnaligned(as: uuid_t.self)) } }
        let ours = uuids.map { String(decoding: TaggedJSON.encode(.uuid($0)), as: UTF8.self) }
        let lines = zip(raws, ours).map { "\(Self.hex($0))\t\($1)" }
        let replies = try runPythonLines(python, script: Self.uuidScript, lines: lines)
        try #require(replies.count == raws.count, "\(replies.count) replies for \(raws.count) UUIDs")
        var failures = 0
        for (i, reply) in replies.enumerated() where failures < Self.reportLimit {
            let fields = reply.split(separator: "\t").map(String.init)
            let decoded = fields.first.flatMap { try? TaggedJSON.decode(Array($0.utf8)) }
            let value = SessionValue.uuid(uuids[i])
            guard fields.count == 4, fields[0] == ours[i], decoded == value, fields[1] == Self.hex(raws[i]),
                fields[2] == value.pythonStr, fields[3] == value.pythonRepr
            else {
                failures += 1
                Issue.record("""
                    UUID bytes \(Self.hex(raws[i])): Python printed \(reply)
                    ours: \(ours[i]), decoding Flask's gives \(String(describing: decoded)), str \(value.pythonStr), repr \(value.pythonRepr)
                    """)
                continue
            }
        }
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0 >> 4, radix: 16) + String($0 & 15, radix: 16) }.joined()
    }

    // MARK: datetimes

    /// Python builds the exact instant of each `Date` (its reference-date interval, as bits) to
    /// the microsecond, Flask tags it (`http_date`, which drops the microseconds), and reads both
    /// its own text and ours back as whole seconds since 1970 (years below 100 come back as
    /// 1969 to 2068, `email.utils`' two-digit rule).
    static let dateScript = """
        import sys, math, struct
        from datetime import datetime, timedelta, timezone
        from fractions import Fraction
        from flask.json.tag import TaggedJSONSerializer
        s = TaggedJSONSerializer()
        reference = datetime(2001, 1, 1, tzinfo=timezone.utc)
        epoch = datetime(1970, 1, 1, tzinfo=timezone.utc)
        def seconds(text):
            d = s.loads(text)
            return "None" if d is None else str((d - epoch) // timedelta(seconds=1))
        for line in sys.stdin:
            bits, ours = line.rstrip("\\n").split("\\t")
            f = Fraction(struct.unpack(">d", bytes.fromhex(bits))[0])
            whole = math.floor(f)
            dt = reference + timedelta(seconds=whole, microseconds=math.floor((f - whole) * 1000000))
            flask = s.dumps(dt)
            print(flask, seconds(flask), seconds(ours), dt.isoformat(), sep="\\t")
        """

    /// Random aware UTC datetimes in years 1 to 9999, half with microseconds: tagged JSON equals
    /// Flask's, and decoding gives the instant Flask reads back.
    @Test(.seeded) func datetimesMatchFlask() throws {
        guard let python = PythonStrTests.python() else { return }
        var rng = TestSeed.generator()
        // 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z, in seconds since 1970.
        let (first, last): (Int64, Int64) = (-62_135_596_800, 253_402_300_799)
        let dates = (0..<5_000).map { _ -> Date in
            var seconds = Int64.random(in: first...last, using: &rng)
            switch Int.random(in: 0..<8, using: &rng) {
            case 0: seconds = [first, last, 0, -1, 951_782_400, 4_107_542_400].randomElement(using: &rng)!  // ends, 1970, 2000-02-29, 2100-03-01
            case 1: seconds = Int64.random(in: first...(-59_011_459_201), using: &rng)  // years 1 to 99
            default: break
            }
            let micro = Bool.random(using: &rng) ? 0 : Int64.random(in: 0...(seconds == last ? 999_000 : 999_999), using: &rng)
            return Date(timeIntervalSinceReferenceDate: Double(seconds - 978_307_200) + Double(micro) / 1e6)
        }
        let ours = dates.map { String(decoding: TaggedJSON.encode(.date($0)), as: UTF8.self) }
        let lines = zip(dates, ours).map { "\(Self.hex($0.timeIntervalSinceReferenceDate.bitPattern))\t\($1)" }
        let replies = try runPythonLines(python, script: Self.dateScript, lines: lines)
        try #require(replies.count == dates.count, "\(replies.count) replies for \(dates.count) dates")
        var failures = 0
        for (i, reply) in replies.enumerated() where failures < Self.reportLimit {
            let fields = reply.split(separator: "\t").map(String.init)
            let decoded = fields.first.flatMap { try? TaggedJSON.decode(Array($0.utf8)) }
            let flaskReads = fields.count == 4 ? Int64(fields[1]) : nil
            guard fields.count == 4, fields[0] == ours[i], fields[1] == fields[2], let flaskReads,
                decoded == .date(Date(timeIntervalSince1970: Double(flaskReads)))
            else {
                failures += 1
                Issue.record("""
                    date \(fields.count == 4 ? fields[3] : "?") (reference interval \(dates[i].timeIntervalSinceReferenceDate)):
                    Flask: \(fields.first ?? reply)   ours: \(ours[i])
                    Flask reads its text as \(fields.count > 1 ? fields[1] : "?") and ours as \(fields.count > 2 ? fields[2] : "?") (seconds since 1970); we decode Flask's as \(String(describing: decoded))
                    """)
                continue
            }
        }
    }
}
