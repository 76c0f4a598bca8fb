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
                      "CHANGE_ME_TO_A_COMPLEX_RANDOM_SECRET", "short-key", "aaaaaaaaaaaaaaaaaaaaaaaa",
                      "the quick brown fox jumps over the lazy dog"])
    func weakKeysAreRefused(key: String) throws {
        #expect(SecretKey(key).weakness != nil)
        #expect(throws: SessionConfigurationError.self) {
            try SessionEngine(configuration: SessionConfiguration(secretKey: SecretKey(key)))
        }
        // ... unless the app says so explicitly.
        _ = try SessionEngine(configuration: SessionConfiguration(secretKey: SecretKey(key), allowWeakKeys: true))
    }

    /// Keys people type, refused by their strength estimate (none is on the placeholder list),
    /// beside random keys as Python's `secrets`, `openssl rand` and `sessionkit keygen` make them.
    /// The verdicts are written out by hand: the oracle is this table, not the estimator.
    static let verdicts: [(key: String, accepted: Bool)] = [
        ("correct horse battery staple", false),
        ("Correct Horse Battery Staple", false),
        ("CorrectHorseBatteryStaple", false),
        ("changeme-changeme-changeme", false),
        ("qwertyuiopqwertyuiop", false),
        ("asdfghjklasdfghjkl", false),
        ("1qaz2wsx3edc4rfv", false),
        ("zaq12wsxcde34rfv", false),
        ("abcdefghijklmnopqrstuvwxyz", false),
        ("zyxwvutsrqponmlkjihgfedcba", false),
        ("my super secret key 123", false),
        ("this is my secret key for flask", false),
        ("my-flask-app-secret-key-2024", false),
        ("SuperSecretKey2024!", false),
        ("password1234567890", false),
        ("P@ssw0rdP@ssw0rd", false),
        ("Tr0ub4dor&3Tr0ub4dor&3", false),
        ("0123456789abcdef0123", false),
        ("0123456789abcdef0123456789abcdef", false),
        ("deadbeefdeadbeefdeadbeef", false),
        ("iloveyouiloveyou", false),
        ("letmeinletmeinletmein", false),
        ("abc123abc123abc123", false),
        ("Summer2024!Summer2024!", false),
        ("development-secret-key", false),
        ("secret-key-for-testing-only", false),
        ("sessionkit-demo-secret-do-not-use", false),
        ("please change me in production", false),
        ("supersecretkeythatnobodyknows", false),
        // secrets.token_hex(16), token_hex(32), token_urlsafe(16), token_urlsafe(32)
        ("9f3c53420effc47946badf2c27682792", true),
        ("3d6a0241a8e3e495814f4e7fb6efa4251b32f8518721ff0de114c2e544b8d487", true),
        ("jTGWigvHqQEh-qMAPMohVv", true),
        ("L0fWjCUXfUUQeEt4K6m_1y", true),
        ("Xb3nq2T0Q5P-1tq0C_0yH8gQyS7w1sW9rLk2k1oQyJ4", true),
        // openssl rand -base64 24 / -hex 16, uuid4, sessionkit keygen --bytes 16
        ("g7HzFqutDb+SZg2Omjo0irtqYiUjqiat", true),
        ("NX1/tIASABLglmIEYsECjDmu9HKzt5xj", true),
        ("24C1CD65D712EACB9C232DCA59029F58", true),
        ("6f1c2e52-8d0b-4d3a-9b7e-2f4a1c9e8b31", true),
        ("b2c3f1e0a9d84c7e6f5a4b3c2d1e0f9a", true),
        // A long passphrase of seven words is a reasonable key.
        ("correct-horse-battery-staple-orange-purple-monkey", true),
    ]

    @Test func keyStrengthVerdicts() {
        for (key, accepted) in Self.verdicts {
            let strength = KeyStrength(Array(key.utf8))
            #expect((SecretKey(key).weakness == nil) == accepted, "\(key): \(strength.bits) bits")
            #expect((strength.bits >= KeyStrength.minimumBits) == accepted, "\(key): \(strength.bits) bits")
        }
    }

    @Test func weakKeyMessagesSayWhyAndHowToMakeAGoodKey() throws {
        let why = try #require(SecretKey("my super secret key 123").weakness)
        #expect(why.contains("guessable"))
        #expect(why.contains("common words or passwords"))
        #expect(SecretKey("qwertyuiopqwertyuiop").weakness?.contains("repetition") == true)
        #expect(SecretKey("abcdefghijklmnopqrstuvwxyz").weakness?.contains("alphabet or digit run") == true)
        let message = SessionConfigurationError.weakSecretKey(why).description
        #expect(message.contains("sessionkit keygen"))
        #expect(message.contains("secrets.token_hex(32)"))
    }

    /// Random keys as the tools make them, many times over: never refused.
    @Test(.seeded) func randomKeysAreAlwaysAccepted() {
        var rng = TestSeed.generator()
        func random(_ alphabet: String, _ count: Int) -> String {
            let characters = Array(alphabet)
            return String((0..<count).map { _ in characters.randomElement(using: &rng)! })
        }
        let hex = "0123456789abcdef"
        let letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
        for _ in 0..<500 {
            let keys = [
                random(hex, 32),  // secrets.token_hex(16), sessionkit keygen --bytes 16
                random(hex.uppercased(), 32),
                random(letters + "-_", 22),  // secrets.token_urlsafe(16)
                random(letters + "+/", 32),  // openssl rand -base64 24
            ]
            for key in keys {
                #expect(SecretKey(key).weakness == nil, "\(key): \(SecretKey(key).strength.bits) bits")
            }
            let raw = SecretKey(bytes: (0..<16).map { _ in UInt8.random(in: 0...255, using: &rng) })
            #expect(raw.weakness == nil, "\(raw.hex): \(raw.strength.bits) bits")
        }
        for bytes in [16, 32, 1_024] {
            #expect(SecretKey(SecretKey.generate(byteCount: bytes).hex).weakness == nil)
        }
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
