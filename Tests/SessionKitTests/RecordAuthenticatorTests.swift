import Testing

@testable import SessionKit

/// The record MAC against literal values computed with Python's `hmac` (the oracle):
/// `hmac.new(hmac.new(secret, b"SessionKit directory record v1", sha256).digest(),
/// key_bytes + image, sha256).hexdigest()[:32]`.
@Suite struct RecordAuthenticatorTests {
    static let purpose = "SessionKit directory record v1"
    static let current = SecretKey("record-authenticator-test-secret")
    static let older = SecretKey("an-older-secret-key-0123456789")
    /// The digest bytes 0x00...0x1f.
    static let key = SessionStorageKey(hex: "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")!
    static let image = Array("hello, record".utf8)
    static let macByCurrent = "8bad300947d936b88e833a7133f92096"
    static let macByOlder = "640b2b618fe0669e9b1ae90e22842ac0"

    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String($0, radix: 16).leftPadded }.joined() }
    static func bytes(_ hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var rest = Substring(hex)
        while !rest.isEmpty {
            out.append(UInt8(rest.prefix(2), radix: 16)!)
            rest = rest.dropFirst(2)
        }
        return out
    }

    static func seal(_ keys: SecretKeys) -> [UInt8] {
        let authenticator = RecordAuthenticator(keys: keys, purpose: purpose)
        var mac = [UInt8](repeating: 0, count: 16)
        image.withUnsafeBytes { raw in mac.withUnsafeMutableBytes { authenticator.seal(key, raw, into: $0) } }
        return mac
    }

    static func verify(_ mac: [UInt8], _ keys: SecretKeys, key: SessionStorageKey = key, image: [UInt8] = image) -> Bool {
        let authenticator = RecordAuthenticator(keys: keys, purpose: purpose)
        return mac.withUnsafeBytes { m in image.withUnsafeBytes { authenticator.verify(m, key, $0) } }
    }

    @Test func sealsWithTheCurrentKeyAsDocumented() {
        #expect(Self.hex(Self.seal(SecretKeys(current: Self.current))) == Self.macByCurrent)
        #expect(Self.hex(Self.seal(SecretKeys(current: Self.current, fallbacks: [Self.older]))) == Self.macByCurrent)
        #expect(Self.hex(Self.seal(SecretKeys(current: Self.older))) == Self.macByOlder)
    }

    @Test func verifiesWithTheCurrentKeyAndTheFallbacks() {
        let rotated = SecretKeys(current: Self.current, fallbacks: [Self.older])
        #expect(Self.verify(Self.bytes(Self.macByCurrent), rotated))
        #expect(Self.verify(Self.bytes(Self.macByOlder), rotated))
        #expect(!Self.verify(Self.bytes(Self.macByOlder), SecretKeys(current: Self.current)))
    }

    @Test func anotherSessionAnotherImageOrAnotherPurposeFails() {
        let keys = SecretKeys(current: Self.current)
        let mac = Self.bytes(Self.macByCurrent)
        let otherKey = SessionStorageKey(hex: String(repeating: "ab", count: 32))!
        #expect(!Self.verify(mac, keys, key: otherKey))
        #expect(!Self.verify(mac, keys, image: Array("hello, recorD".utf8)))
        var flipped = mac
        flipped[15] ^= 1
        #expect(!Self.verify(flipped, keys))
        #expect(!Self.verify(Array(mac.prefix(15)), keys))
        let otherPurpose = RecordAuthenticator(keys: keys, purpose: "another purpose")
        let valid = mac.withUnsafeBytes { m in Self.image.withUnsafeBytes { otherPurpose.verify(m, Self.key, $0) } }
        #expect(!valid)
    }
}

extension String {
    fileprivate var leftPadded: String { count == 1 ? "0" + self : self }
}
