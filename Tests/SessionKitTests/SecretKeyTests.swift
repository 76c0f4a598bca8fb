import Testing

@testable import SessionKit

@Suite struct SecretKeyTests {
    @Test func missingKeyIsAStartupErrorWithAClearMessage() {
        for key in [nil, SecretKey("")] as [SecretKey?] {
            #expect(throws: SessionConfigurationError.missingSecretKey) {
                try SessionEngine(configuration: SessionConfiguration(secretKey: key))
            }
        }
        let message = SessionConfigurationError.missingSecretKey.description
        #expect(message.contains("secret key"))
        #expect(message.contains("SECRET_KEY"))
        #expect(message.contains("sessionkit keygen"))
    }

    @Test(arguments: ["dev", "secret", "changeme", "any random string", "CHANGEME", "thisISaSECRET_1234",
                      "CHANGE_ME_TO_A_COMPLEX_RANDOM_SECRET", "short-key", "aaaaaaaaaaaaaaaaaaaaaaaa"])
    func weakKeysAreRefused(key: String) throws {
        #expect(SecretKey(key).weakness != nil)
        #expect(throws: SessionConfigurationError.self) {
            try SessionEngine(configuration: SessionConfiguration(secretKey: SecretKey(key)))
        }
        // ... unless the app says so explicitly.
        _ = try SessionEngine(configuration: SessionConfiguration(secretKey: SecretKey(key), allowWeakKeys: true))
    }

    @Test func weakFallbackIsRefused() {
        let config = SessionConfiguration(secretKey: SecretKey.generate(), fallbackKeys: [SecretKey("dev")])
        #expect(throws: SessionConfigurationError.self) { try SessionEngine(configuration: config) }
    }

    @Test func generatedKeysAreStrongAndDistinct() throws {
        let a = SecretKey.generate()
        let b = SecretKey.generate()
        #expect(a.bytes.count == 32)
        #expect(a != b)
        #expect(a.weakness == nil)
        #expect(SecretKey(hex: a.hex) == a)
        _ = try SessionEngine(configuration: SessionConfiguration(secretKey: a))
    }

    @Test func hexParsing() {
        #expect(SecretKey(hex: "00ffAB")?.bytes == [0, 255, 0xab])
        #expect(SecretKey(hex: "abc") == nil)
        #expect(SecretKey(hex: "zz") == nil)
    }

    @Test func descriptionNeverShowsTheKey() {
        let key = SecretKey("a-very-private-secret-key")
        #expect(!"\(key)".contains("private"))
        #expect(!String(reflecting: key).contains("private"))
        #expect(!String(reflecting: SessionConfiguration(secretKey: key)).contains("private"))
    }

    @Test func badCookieOptionsAreStartupErrors() {
        var config = SessionConfiguration(secretKey: .generate())
        config.cookie.name = "bad name;"
        #expect(throws: SessionConfigurationError.self) { try SessionEngine(configuration: config) }
        config.cookie.name = "session"
        config.cookie.path = "no-slash"
        #expect(throws: SessionConfigurationError.self) { try SessionEngine(configuration: config) }
    }
}
