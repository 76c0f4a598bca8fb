import Foundation
import Testing

@testable import SessionKit

/// `maxDecompressedSize`: a validly signed compressed cookie inflating to exactly the cap is
/// read, one byte more is refused. The cookies are Flask-signed and compressed by Python's zlib.
@Suite struct DecompressionCapBoundaryTests {
    /// The default cap, pinned.
    static let defaultCap = 64 * 1024

    /// `{"p":"aaa…"}`, exactly `size` bytes of JSON.
    static func padded(_ size: Int) -> [(String, Int)] {
        [(#"{"p":""#, 1), ("a", size - 8), (#""}"#, 1)]
    }

    static func capError(_ cap: Int) -> SessionCookieError {
        .badPayload("invalid zlib data or over \(cap) bytes inflated")
    }

    /// Why `cookie` was refused; nil when it decoded (not printing the inflated megabytes).
    static func error(_ codec: SessionCookieCodec, _ cookie: String, now: Int64) -> SessionCookieError? {
        do {
            _ = try codec.decode(cookie, maxAge: nil, now: now)
            return nil
        } catch {
            return error
        }
    }

    /// nil: the defaults of `SessionCookieCodec` and `SessionConfiguration`. 70,000 is past the
    /// inflater's first 64 KB buffer, so its growth path is at the boundary too.
    @Test(arguments: [nil, 1000, 70_000] as [Int?])
    func capIsInclusive(configured: Int?) async throws {
        guard let oracle = BoundaryOracle.make() else { return }
        let cap = configured ?? Self.defaultCap
        let replies = try oracle.run([
            BoundaryOracle.compressed(Self.padded(cap)), BoundaryOracle.compressed(Self.padded(cap + 1)),
        ])
        let atCap = try #require(replies[0]["cookie"] as? String)
        let overCap = try #require(replies[1]["cookie"] as? String)
        #expect(replies[0]["inflated"] as? Int == cap)
        #expect(replies[1]["inflated"] as? Int == cap + 1)
        #expect(atCap.hasPrefix(".") && overCap.hasPrefix("."))
        #expect(overCap.utf8.count <= 4093)  // the cap is what refuses it, not the cookie size

        let codec = configured.map {
            SessionCookieCodec(keys: BoundaryOracle.keys, maxDecompressedSize: $0, cachesDecodedPayloads: false)
        } ?? SessionCookieCodec(keys: BoundaryOracle.keys, cachesDecodedPayloads: false)
        #expect(codec.maxDecompressedSize == cap)
        let now = Int64(Date().timeIntervalSince1970)
        let decoded = try codec.decode(atCap, maxAge: nil, now: now)
        #expect(decoded.compressed)
        #expect(decoded.session["p"]?.stringValue?.utf8.count == cap - 8)
        #expect(Self.error(codec, overCap, now: now) == Self.capError(cap))

        // The engine reads the cap from its configuration.
        var configuration = SessionConfiguration(secretKey: SecretKey(BoundaryOracle.key))
        if let configured { configuration.maxDecompressedSize = configured }
        let engine = try SessionEngine(configuration: configuration)
        #expect(engine.codec.maxDecompressedSize == cap)
        #expect(Self.error(engine.codec, overCap, now: now) == Self.capError(cap))
        let opened = try await engine.begin(cookieHeaders: ["session=" + atCap]).session()
        #expect(!opened.isNew)
        #expect(opened["p"]?.stringValue?.utf8.count == cap - 8)
        let refused = try await engine.begin(cookieHeaders: ["session=" + overCap]).session()
        #expect(refused.isNew && refused.isEmpty)
    }
}
