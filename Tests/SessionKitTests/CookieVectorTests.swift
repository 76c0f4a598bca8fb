import Testing

@testable import SessionKit

/// Every cookie in the Flask vectors (`Tests/Vectors`, plus `$SESSIONKIT_VECTORS`), made by real
/// Flask 3.1.3 / Flask-Session 0.8.0.
@Suite struct CookieVectorTests {
    static let cookieCases = FlaskVectors.cases(kind: "flask-cookie-session")
    static let sidCases = FlaskVectors.cases(kind: "flask-session-sid")

    @Test func vectorsAreLoaded() {
        if let error = FlaskVectors.loadError { Issue.record("\(error)") }
        #expect(Self.cookieCases.count >= 40)
        #expect(Self.sidCases.count >= 5)
    }

    static func keys(_ c: FlaskVectorCase) throws -> SecretKeys {
        let current = try #require(SecretKey(hex: c.secretKeyHex))
        let fallbacks = try c.fallbackKeysHex.map { try #require(SecretKey(hex: $0)) }
        return SecretKeys(current: current, fallbacks: fallbacks)
    }

    /// The codec a Flask app with the case's salt and digest would have.
    static func codec(_ c: FlaskVectorCase, keys: SecretKeys) throws -> SessionCookieCodec {
        SessionCookieCodec(keys: keys, salt: c.salt, digest: try #require(c.signingDigest, "digest \(c.digest)"))
    }

    @Test(arguments: cookieCases)
    func decodeOutcomeMatchesFlask(_ c: FlaskVectorCase) throws {
        let codec = try Self.codec(c, keys: try Self.keys(c))
        let now = try #require(c.verifyAt)
        // Twice: the second decode of a valid cookie is answered by the codec's payload cache.
        for pass in 1...2 {
            let result = Result { () throws(SessionCookieError) in try codec.decode(c.cookie, maxAge: c.maxAge, now: now) }
            switch (c.expect, result) {
            case ("valid", .success(let decoded)):
                let json = String(decoding: TaggedJSON.encode(.object(decoded.session)), as: UTF8.self)
                #expect(json == c.sessionTaggedJSON)
                if let compressed = c.compressed { #expect(decoded.compressed == compressed) }
                if let ts = c.timestamp { #expect(decoded.timestamp == ts) }
            case ("bad_signature", .failure(.badSignature)),
                ("bad_signature", .failure(.oversized)),
                ("expired", .failure(.expired)),
                ("bad_payload", .failure(.badPayload)):
                break
            default:
                Issue.record("\(c.name), pass \(pass): expected \(c.expect), got \(result)")
            }
        }
        #expect(codec.payloadCache?.count == (c.expect == "valid" ? 1 : 0), "\(c.name)")
    }

    @Test(arguments: cookieCases.filter(\.encodeCheck))
    func encodeIsByteIdentical(_ c: FlaskVectorCase) throws {
        let signingHex = try #require(c.signingKeyHex)
        let signingKey = try #require(SecretKey(hex: signingHex))
        // Sign with the signing key as the current key, plus the case's fallbacks, which must not matter.
        let fallbacks = try c.fallbackKeysHex.map { try #require(SecretKey(hex: $0)) }
        let codec = try Self.codec(c, keys: SecretKeys(current: signingKey, fallbacks: fallbacks))
        let json = try #require(c.sessionTaggedJSON)
        let value = try TaggedJSON.decode(Array(json.utf8))
        let session = try #require(value.objectValue)
        let timestamp = try #require(c.timestamp)
        #expect(codec.encode(session, timestamp: timestamp) == c.cookie)
    }

    @Test(arguments: sidCases)
    func signedSessionIDs(_ c: FlaskVectorCase) throws {
        // Flask-Session consults only SECRET_KEY; so does this check. (SessionKit's own server-side
        // sessions accept fallbacks on purpose — see the store tests.)
        let key = try #require(SecretKey(hex: c.secretKeyHex))
        let signer = Signer(keys: SecretKeys(current: key), salt: c.salt)
        let unsigned = signer.unsign(c.cookie)
        if c.expect == "valid" {
            #expect(unsigned == c.sid)
        } else {
            #expect(unsigned == nil)
        }
        if c.encodeCheck, let signingHex = c.signingKeyHex, let sid = c.sid {
            let signingKey = try #require(SecretKey(hex: signingHex))
            let s = Signer(keys: SecretKeys(current: signingKey), salt: c.salt)
            #expect(s.sign(sid) == c.cookie)
        }
    }
}
