import Foundation
import Testing

@testable import SessionKit

/// Integers in tagged JSON. Python's are unbounded, limited only by `int()`'s 4300-digit cap on
/// decimal text (`sys.get_int_max_str_digits()`, a ValueError in `json.loads`, so Flask's
/// BadPayload). SessionKit keeps values that fit in `Int` as `Int` and larger ones as their
/// canonical decimal text (`SessionInteger`), carried and written back unchanged: so the largest
/// integer accepted is 10^4300 - 1 (4300 nines), the smallest its negative, and 10^4300 (4301
/// digits) is the first refused, either sign (the `-` is not a digit). Python is the oracle.
@Suite struct IntegerBoundaryTests {
    /// The digit limit, pinned.
    static let maxDigits = 4300
    static let digitError = "Integer literal exceeds Python's limit of 4300 digits"

    static let largest = String(repeating: "9", count: maxDigits)
    static let firstRefused = "1" + String(repeating: "0", count: maxDigits)

    /// Literals at the `Int` edges and the digit limit, whether SessionKit keeps them as `Int`,
    /// nil when it refuses them.
    static let cases: [(text: String, fitsInt: Bool?)] = [
        ("9223372036854775807", true), ("9223372036854775808", false),
        ("-9223372036854775808", true), ("-9223372036854775809", false),
        (largest, false), ("-" + largest, false),
        (firstRefused, nil), ("-" + firstRefused, nil),
        // Leading zeros are not JSON: `0` ends the number, the rest is extra data (also in Python).
        ("0" + largest, nil),
    ]

    @Test func limitsAgreeWithPython() throws {
        guard let oracle = BoundaryOracle.make() else { return }
        let replies = try oracle.run(Self.cases.map { BoundaryOracle.loads($0.text) })
        for ((text, fitsInt), python) in zip(Self.cases, replies) {
            let label = "\(text.prefix(24))… (\(text.utf8.count) bytes)"
            let pythonAccepts = try #require(python["ok"] as? Bool)
            do {
                let value = try TaggedJSON.decode(Array(text.utf8))
                guard case .int(let integer) = value else {
                    Issue.record("\(label): decoded as \(value)")
                    continue
                }
                #expect(fitsInt != nil, "\(label) was accepted")
                #expect((integer.intValue != nil) == fitsInt, "\(label)")
                #expect(pythonAccepts, "\(label): Python refuses it")
                // Written back as Python writes it.
                #expect(String(decoding: TaggedJSON.encode(value), as: UTF8.self) == python["dumps"] as? String,
                        "\(label)")
            } catch {
                #expect(fitsInt == nil, "\(label) was refused: \(error)")
                #expect(!pythonAccepts, "\(label): Python accepts it")
                if error.message == Self.digitError {
                    let message = python["message"] as? String ?? ""
                    #expect(message.hasPrefix("Exceeds the limit (\(Self.maxDigits) digits)"), "\(label): \(message)")
                }
            }
        }
    }

    @Test func digitLimitErrors() {
        for (text, offset) in [(Self.firstRefused, 0), ("-" + Self.firstRefused, 0), (#"{"n":"# + Self.firstRefused + "}", 5)] {
            do {
                _ = try TaggedJSON.decode(Array(text.utf8))
                Issue.record("\(text.utf8.count) bytes accepted")
            } catch {
                #expect(error.message == Self.digitError)
                #expect(error.offset == offset)
            }
        }
    }

    /// Through Flask-signed cookies: the largest integer read and re-encoded exactly, the first
    /// refused one a BadPayload naming the limit.
    @Test func signedCookies() throws {
        guard let oracle = BoundaryOracle.make() else { return }
        let replies = try oracle.run([
            BoundaryOracle.flaskCookie([(#"{"n":-"#, 1), (Self.largest, 1), ("}", 1)]),
            BoundaryOracle.compressed([(#"{"n":"#, 1), (Self.firstRefused, 1), ("}", 1)]),
        ])
        let cookies = try replies.map { try #require($0["cookie"] as? String) }
        let codec = SessionCookieCodec(keys: BoundaryOracle.keys, cachesDecodedPayloads: false)
        let now = Int64(Date().timeIntervalSince1970)
        let session = try codec.decode(cookies[0], maxAge: nil, now: now).session
        guard case .int(let smallest)? = session["n"] else {
            Issue.record("n is \(String(describing: session["n"]))")
            return
        }
        #expect(smallest.description == "-" + Self.largest)
        #expect(String(decoding: TaggedJSON.encode(.object(session)), as: UTF8.self) == #"{"n":-"# + Self.largest + "}")
        #expect(throws: SessionCookieError.badPayload("\(Self.digitError) (at byte 5)")) {
            try codec.decode(cookies[1], maxAge: nil, now: now)
        }
    }
}
