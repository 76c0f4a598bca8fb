import Foundation
import Testing

@testable import SessionKit

/// The codec's cache of decoded payloads: it may only ever answer what decoding would have, and
/// never for a cookie whose signature or age does not check out.
@Suite struct CookiePayloadCacheTests {
    static let key = SecretKey("a secret key for the payload cache tests")
    let codec = SessionCookieCodec(keys: SecretKeys(current: Self.key))
    let uncached = SessionCookieCodec(keys: SecretKeys(current: Self.key), payloadCache: nil)

    /// A session that compresses (a hex token, as a CSRF token is) and one that does not.
    static let sessions: [SessionObject] = [
        ["csrf_token": .string(String(repeating: "60ce8549079af585", count: 4)), "username": "bench1"],
        ["username": "admin"],
        ["bytes": .bytes([0, 1, 2, 255]), "tuple": .tuple([1, "two"]), "when": .date(Date(timeIntervalSince1970: 1_700_000_000)),
         "nested": .object([" t": "looks like a tag", "n": .double(0.1)])],
    ]

    /// The payload part of a cookie (before the timestamp).
    static func payload(of cookie: String) -> String {
        let parts = cookie.split(separator: ".", omittingEmptySubsequences: false)
        return parts.dropLast(2).joined(separator: ".")
    }

    func signed(_ payload: String, timestamp: Int64, by codec: SessionCookieCodec) -> String {
        var text = Array(payload.utf8)
        codec.signer.sign(appendingTo: &text, timestamp: timestamp)
        return String(decoding: text, as: UTF8.self)
    }

    @Test func aHitGivesWhatDecodingGivesWithTheCookiesOwnTimestamp() throws {
        for (i, session) in Self.sessions.enumerated() {
            let first = codec.encode(session, timestamp: 1_700_000_000)
            // The same payload re-signed later (Flask's refresh of a permanent session).
            let later = signed(Self.payload(of: first), timestamp: 1_700_000_500, by: codec)
            for cookie in [first, later, first, later] {
                let hit = try codec.decode(cookie, maxAge: nil, now: 1_700_000_600)
                let fresh = try uncached.decode(cookie, maxAge: nil, now: 1_700_000_600)
                #expect(hit.session == session, "session \(i)")
                #expect(hit.session == fresh.session)
                #expect(hit.compressed == fresh.compressed)
                #expect(hit.timestamp == fresh.timestamp)
            }
            #expect(codec.payloadCache?.count == i + 1)
        }
        #expect(try codec.decode(codec.encode(Self.sessions[0], timestamp: 1), maxAge: nil, now: 2).compressed)
        #expect(try !codec.decode(codec.encode(Self.sessions[1], timestamp: 1), maxAge: nil, now: 2).compressed)
    }

    @Test func aCachedPayloadStillNeedsAValidSignatureAndAge() throws {
        let session = Self.sessions[0]
        let cookie = codec.encode(session, timestamp: 1_700_000_000)
        #expect(try codec.decode(cookie, maxAge: 60, now: 1_700_000_010).session == session)
        #expect(codec.payloadCache?.count == 1)

        // Tampered signature on the cached payload.
        var tampered = Array(cookie.utf8)
        tampered[tampered.count - 2] = tampered[tampered.count - 2] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        #expect(throws: SessionCookieError.badSignature) {
            try codec.decode(String(decoding: tampered, as: UTF8.self), maxAge: nil, now: 1_700_000_010)
        }
        // The cached payload signed by another key.
        let stranger = SessionCookieCodec(keys: SecretKeys(current: SecretKey("somebody else's key, long enough")))
        let forged = signed(Self.payload(of: cookie), timestamp: 1_700_000_000, by: stranger)
        #expect(throws: SessionCookieError.badSignature) { try codec.decode(forged, maxAge: nil, now: 1_700_000_010) }
        // The cached payload, validly signed, but too old.
        #expect(throws: SessionCookieError.self) { try codec.decode(cookie, maxAge: 60, now: 1_700_000_061) }
        do {
            _ = try codec.decode(cookie, maxAge: 60, now: 1_700_000_061)
            Issue.record("an expired cookie decoded")
        } catch {
            guard case .expired = error else { Issue.record("expected expired, got \(error)"); return }
        }
        // The payload without its signature at all.
        #expect(throws: SessionCookieError.self) { try codec.decode(Self.payload(of: cookie), maxAge: nil, now: 1_700_000_010) }
        #expect(codec.payloadCache?.count == 1)
    }

    @Test func theCacheIsOnByDefaultAndCanBeTurnedOff() throws {
        #expect(codec.payloadCache != nil)
        let off = SessionCookieCodec(keys: SecretKeys(current: Self.key), cachesDecodedPayloads: false)
        #expect(off.payloadCache == nil)
        let cookie = off.encode(Self.sessions[0], timestamp: 1_700_000_000)
        for _ in 1...2 { #expect(try off.decode(cookie, maxAge: nil, now: 1_700_000_001).session == Self.sessions[0]) }
        let engine = try SessionEngine(configuration: SessionConfiguration(secretKey: Self.key), storage: .cookie)
        #expect(engine.codec.payloadCache != nil)
    }

    @Test func payloadsThatDoNotDecodeAreNotCached() throws {
        let bad = [
            Base64URL.encode(Array("[1, 2]".utf8)),  // not an object
            Base64URL.encode(Array("{\"a\":".utf8)),  // truncated JSON
            "." + Base64URL.encode(Array("not zlib at all".utf8)),
            "!!!not base64",
        ]
        for payload in bad {
            let cookie = signed(payload, timestamp: 1_700_000_000, by: codec)
            for _ in 1...2 {
                #expect(throws: SessionCookieError.self) { try codec.decode(cookie, maxAge: nil, now: 1_700_000_000) }
            }
        }
        #expect(codec.payloadCache?.count == 0)
    }

    @Test func entriesAreBoundedAndRecentlyUsedOnesStay() throws {
        let cache = CookiePayloadCache(limits: .init(entriesPerGeneration: 2, bytesPerGeneration: 1 << 20))
        let kept = Array("the payload every request uses".utf8)
        let keptSession: SessionObject = ["kept": true]
        kept.withUnsafeBufferPointer { cache.insert($0, session: keptSession, compressed: false, json: Array(repeating: 0x20, count: 10)) }
        for i in 0..<500 {
            let bytes = Array("payload number \(i)".utf8)
            bytes.withUnsafeBufferPointer { cache.insert($0, session: ["i": .int(SessionInteger(i))], compressed: false, json: Array(repeating: 0x20, count: 10)) }
            let hit = kept.withUnsafeBufferPointer { cache.lookup($0) }
            #expect(hit?.session == keptSession, "lost after \(i) inserts")
            #expect(cache.count <= CookiePayloadCache.shardCount * 2 * 2)
        }
        // Old ones are gone; the newest is there with its own session.
        #expect(Array("payload number 0".utf8).withUnsafeBufferPointer { cache.lookup($0) } == nil)
        #expect(Array("payload number 499".utf8).withUnsafeBufferPointer { cache.lookup($0) }?.session["i"] == 499)
    }

    @Test func bytesAreBounded() throws {
        let cache = CookiePayloadCache(limits: .init(entriesPerGeneration: 1_000, bytesPerGeneration: 100))
        let big = [UInt8](repeating: UInt8(ascii: "x"), count: 90)
        big.withUnsafeBufferPointer { cache.insert($0, session: ["big": true], compressed: false, json: Array(repeating: 0x20, count: 11)) }
        #expect(cache.count == 0, "an entry over a generation's bytes is not kept")
        for i in 0..<300 {
            let bytes = Array(String(format: "%058d", i).utf8)  // 58 + 2 bytes: one entry per generation
            bytes.withUnsafeBufferPointer { cache.insert($0, session: ["i": .int(SessionInteger(i))], compressed: false, json: [0x7B, 0x7D]) }
            #expect(cache.count <= CookiePayloadCache.shardCount * 2)
        }
    }

    @Test func parallelDecodesAllGetTheirOwnSession() async throws {
        let codec = self.codec
        let cookies = (0..<40).map { i in
            codec.encode(["user": .string("user\(i)"), "csrf_token": .string(String(repeating: "ab12", count: 10 + i % 5))],
                         timestamp: 1_700_000_000 + Int64(i))
        }
        let wrong = try await withThrowingTaskGroup(of: Int.self) { group in
            for t in 0..<8 {
                group.addTask {
                    var wrong = 0
                    for n in 0..<2_000 {
                        let i = (n * 7 + t) % cookies.count
                        let decoded = try codec.decode(cookies[i], maxAge: nil, now: 1_700_000_100)
                        if decoded.session["user"] != .string("user\(i)") || decoded.timestamp != 1_700_000_000 + Int64(i) {
                            wrong += 1
                        }
                    }
                    return wrong
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(wrong == 0)
        #expect(codec.payloadCache?.count == cookies.count)
    }
}
