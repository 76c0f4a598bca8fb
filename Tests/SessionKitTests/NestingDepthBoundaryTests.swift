import Foundation
import Testing

@testable import SessionKit

/// Tagged JSON nesting: `maxDepth` (128 by default) open containers decode, one more is a
/// `TaggedJSONError` at the offending opener; a million levels, bare or inside a validly signed
/// cookie, are refused at once on a thread with a small stack (the parser keeps its stack on the
/// heap). The encoder recurses, once per level of the value: it re-encodes the deepest value a
/// cookie can carry on that small stack too.
@Suite struct NestingDepthBoundaryTests {
    /// The default limit, pinned.
    static let defaultDepth = 128
    /// For the parser alone: a parser recursing per level would overflow it within a few hundred
    /// levels.
    static let parserStack = 64 * 1024
    /// For decoding and encoding back the deepest values: the encoder recurses, about 0.8 KB
    /// (arrays) to 1.1 KB (objects) of stack a level in a debug build, 150 KB at the limit.
    static let smallStack = 512 * 1024

    /// Levels of nesting, each an opener and its closer, cycled from the outside in.
    struct Shape: CustomTestStringConvertible, Sendable {
        let label: String
        let levels: [(open: String, close: String)]
        var testDescription: String { label }

        /// The openers of the first `depth` levels, outermost first (whole cycles repeated).
        func openers(_ depth: Int) -> String {
            String(repeating: levels.map(\.open).joined(), count: depth / levels.count)
                + levels.prefix(depth % levels.count).map(\.open).joined()
        }

        /// `depth` containers, with a scalar innermost where a member value is due.
        func text(depth: Int) -> String {
            let closers = levels.prefix(depth % levels.count).reversed().map(\.close).joined()
                + String(repeating: levels.reversed().map(\.close).joined(), count: depth / levels.count)
            let open = openers(depth)
            return open + (open.hasSuffix(":") ? "1" : "") + closers
        }

        /// Byte offset of the opener of container number `depth + 1`.
        func offset(ofOpener depth: Int) -> Int { openers(depth).utf8.count }
    }

    static let shapes = [
        Shape(label: "arrays", levels: [("[", "]")]),
        Shape(label: "objects", levels: [(#"{"a":"#, "}")]),
        Shape(label: "objects and arrays", levels: [(#"{"k":"#, "}"), ("[", "]")]),
        // Each tuple is two containers (`{" t":` and `[`): 64 tuples at the limit.
        Shape(label: "tuples", levels: [(#"{" t":"#, "}"), ("[", "]")]),
    ]

    static func depthError(_ limit: Int) -> String { "Maximum nesting depth (\(limit)) exceeded" }

    @Test(arguments: shapes, [nil, 10] as [Int?])
    func depthLimitIsInclusive(_ shape: Shape, configured: Int?) {
        let limit = configured ?? Self.defaultDepth
        let atLimit = Array(shape.text(depth: limit).utf8)
        let overLimit = Array(shape.text(depth: limit + 1).utf8)
        let results = onSmallStack(Self.smallStack) {
            func decode(_ bytes: [UInt8]) throws(TaggedJSONError) -> SessionValue {
                if let configured { return try TaggedJSON.decode(bytes, maxDepth: configured) }
                return try TaggedJSON.decode(bytes)
            }
            let accepted = Result(catching: { () throws(TaggedJSONError) in TaggedJSON.encode(try decode(atLimit)) })
            let refused = Result(catching: { () throws(TaggedJSONError) in try decode(overLimit) })
            return (accepted, refused)
        }
        // At the limit: decoded, and encoded back to the same text.
        #expect((try? results.0.get()) == atLimit)
        // One deeper: refused at the opener past the limit.
        guard case .failure(let error) = results.1 else {
            Issue.record("\(limit + 1) levels of \(shape.label) were accepted")
            return
        }
        #expect(error.message == Self.depthError(limit))
        #expect(error.offset == shape.offset(ofOpener: limit))
    }

    @Test(arguments: shapes)
    func millionLevelsAreRefusedAtOnceOnASmallStack(_ shape: Shape) throws {
        let depth = 1_000_000
        let closed = Array(shape.text(depth: depth).utf8)
        let unclosed = Array(closed.prefix(shape.offset(ofOpener: depth)))
        let (elapsed, errors) = onSmallStack(Self.parserStack) {
            let start = ContinuousClock.now
            var errors: [TaggedJSONError] = []
            for input in [closed, unclosed] {
                do throws(TaggedJSONError) { _ = try TaggedJSON.decode(input) } catch { errors.append(error) }
            }
            return (ContinuousClock.now - start, errors)
        }
        #expect(elapsed < .seconds(1))
        #expect(errors.count == 2)
        for error in errors {
            #expect(error.message == Self.depthError(Self.defaultDepth))
            #expect(error.offset == shape.offset(ofOpener: Self.defaultDepth))
        }
    }

    /// With no effective limit, 200,000 open containers reach the end of the input and fail
    /// there, on the small stack: the parser's depth costs heap, not stack.
    @Test func parserDoesNotRecurse() {
        let input = [UInt8](repeating: UInt8(ascii: "["), count: 200_000)
        let error = onSmallStack(Self.parserStack) { () -> TaggedJSONError? in
            do throws(TaggedJSONError) {
                _ = try TaggedJSON.decode(input, maxDepth: .max)
                return nil
            } catch {
                return error
            }
        }
        #expect(error?.message == "Expecting value")
        #expect(error?.offset == 200_000)
    }

    /// Flask's own cookies at the limit (a session object holding 127 nested lists) and one past
    /// it; and a million nested lists behind a valid signature, refused by the decompression cap
    /// and, with the cap raised, by the depth limit, quickly and on the small stack.
    @Test func signedCookies() throws {
        guard let oracle = BoundaryOracle.make() else { return }
        let limit = Self.defaultDepth
        func lists(_ depth: Int) -> [(String, Int)] { [(#"{"a":"#, 1), ("[", depth), ("]", depth), ("}", 1)] }
        let replies = try oracle.run([
            BoundaryOracle.flaskCookie(lists(limit - 1)), BoundaryOracle.flaskCookie(lists(limit)),
            BoundaryOracle.compressed(lists(1_000_000)),
        ])
        let cookies = try replies.map { try #require($0["cookie"] as? String) }
        #expect(cookies[2].utf8.count <= 4093)
        let overError = SessionCookieError.badPayload(
            "\(Self.depthError(limit)) (at byte \(5 + limit - 1))")

        let codec = SessionCookieCodec(keys: BoundaryOracle.keys, cachesDecodedPayloads: false)
        let uncapped = SessionCookieCodec(
            keys: BoundaryOracle.keys, maxDecompressedSize: 4 << 20, cachesDecodedPayloads: false)
        let now = Int64(Date().timeIntervalSince1970)
        typealias Outcome = Result<String, SessionCookieError>
        let outcomes = onSmallStack(Self.smallStack) { () -> [(Outcome, Duration)] in
            let attempts: [(SessionCookieCodec, String)] = [
                (codec, cookies[0]), (codec, cookies[1]), (codec, cookies[2]), (uncapped, cookies[2]),
            ]
            return attempts.map { codec, cookie in
                let start = ContinuousClock.now
                let outcome = Outcome(catching: { () throws(SessionCookieError) in
                    SessionValue.object(try codec.decode(cookie, maxAge: nil, now: now).session).taggedJSONString
                })
                return (outcome, ContinuousClock.now - start)
            }
        }
        let flaskJSON = #"{"a":"# + String(repeating: "[", count: limit - 1) + String(repeating: "]", count: limit - 1) + "}"
        #expect((try? outcomes[0].0.get()) == flaskJSON)
        #expect(throws: overError) { try outcomes[1].0.get() }
        #expect(throws: DecompressionCapBoundaryTests.capError(64 * 1024)) { try outcomes[2].0.get() }
        #expect(throws: overError) { try outcomes[3].0.get() }
        for (_, elapsed) in outcomes { #expect(elapsed < .seconds(1)) }
    }
}
