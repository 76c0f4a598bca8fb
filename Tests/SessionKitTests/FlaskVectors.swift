import Foundation
import SessionKit
import Testing

/// One case of the Flask vectors (`Tests/Vectors/flask-cookies.json`, written by
/// `scripts/make_flask_vectors.py` with the pinned Flask; schema in the file's `how_to_use`).
struct FlaskVectorCase: Decodable, Sendable, CustomTestStringConvertible {
    /// `flask-cookie-session` or `flask-session-sid`.
    let kind: String
    let name: String
    let description: String
    /// Text key, or nil when the key is raw non-UTF-8 bytes (then use `secretKeyHex`).
    let secretKey: String?
    let secretKeyHex: String
    /// SECRET_KEY_FALLBACKS in config order (nil entries are raw bytes, see the hex list).
    let fallbackKeys: [String?]
    let fallbackKeysHex: [String]
    /// The key that actually produced `cookie` (nil for garbage / raw-byte keys).
    let signingKey: String?
    let signingKeyHex: String?
    let salt: String
    let keyDerivation: String
    let digest: String
    /// Signing time in seconds.
    let timestamp: Int64?
    /// `json.loads(session_tagged_json)`, tagged types in tagged form. Foundation's decoder merges
    /// canonically equivalent keys (`"e\u{301}"`/`"\u{e9}"`), so use `sessionTaggedJSON` for
    /// anything byte-exact.
    let session: FlaskVectorJSON?
    /// The exact JSON text inside the payload.
    let sessionTaggedJSON: String?
    /// Python types of tagged values, in words (path -> description).
    let types: [String: String]
    let compressed: Bool?
    /// Flask-Session cases only.
    let sid: String?
    let storeKey: String?
    let cookie: String
    /// `valid`, `bad_signature`, `expired` or `bad_payload`.
    let expect: String
    let flaskError: String?
    let verifyAt: Int64?
    let maxAge: Int64?
    let encodeCheck: Bool
    let quirk: Bool
    /// The file the case came from when it is not the project's own (`$SESSIONKIT_VECTORS`), else "".
    var origin = ""

    enum CodingKeys: String, CodingKey {
        case kind, name, description
        case secretKey = "secret_key"
        case secretKeyHex = "secret_key_hex"
        case fallbackKeys = "fallback_keys"
        case fallbackKeysHex = "fallback_keys_hex"
        case signingKey = "signing_key"
        case signingKeyHex = "signing_key_hex"
        case salt
        case keyDerivation = "key_derivation"
        case digest, timestamp, session
        case sessionTaggedJSON = "session_tagged_json"
        case types, compressed, sid
        case storeKey = "store_key"
        case cookie, expect
        case flaskError = "flask_error"
        case verifyAt = "verify_at"
        case maxAge = "max_age"
        case encodeCheck = "encode_check"
        case quirk
    }

    var testDescription: String { origin.isEmpty ? name : "\(origin): \(name)" }

    var isValid: Bool { expect == "valid" }

    /// The HMAC digest the case is verified and signed with (Flask's default SHA-1 unless it says otherwise).
    var signingDigest: SigningDigest? { SigningDigest(rawValue: digest) }

    /// Raw bytes of `sessionTaggedJSON`.
    var sessionTaggedJSONBytes: [UInt8]? { sessionTaggedJSON.map { Array($0.utf8) } }
}

/// A JSON value as Foundation decodes it (numbers as Double; object keys merged by `String ==`).
indirect enum FlaskVectorJSON: Decodable, Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([FlaskVectorJSON])
    case object([String: FlaskVectorJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([FlaskVectorJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: FlaskVectorJSON].self))
        }
    }
}

/// Loads the vectors once: the project's `Tests/Vectors/flask-cookies.json`, plus the file named by
/// `$SESSIONKIT_VECTORS` when that is set (for example the shared vectors beside a checkout), whose
/// cases follow the project's and name their file in their test description.
///
/// A missing or unreadable file is a test *failure*: `cases(kind:)` then returns no cases, so every
/// suite using it must also call `requireLoaded()` (or use `requireCases(kind:)`), which records an
/// issue explaining where the file was looked for.
enum FlaskVectors {
    struct File: Decodable, Sendable {
        let title: String
        let generatedWith: [String: String]
        let howToUse: [String]
        let cases: [FlaskVectorCase]

        enum CodingKeys: String, CodingKey {
            case title
            case generatedWith = "generated_with"
            case howToUse = "how_to_use"
            case cases
        }
    }

    struct LoadError: Error, Sendable, CustomStringConvertible {
        let description: String
    }

    /// The package root: this file is `<root>/Tests/SessionKitTests/FlaskVectors.swift`.
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// The project's own vectors, committed with the script that writes them.
    static var projectURL: URL {
        packageRoot.appendingPathComponent("Tests/Vectors/flask-cookies.json")
    }

    /// `$SESSIONKIT_VECTORS`, when set and not the project's file.
    static var extraURL: URL? {
        guard let path = ProcessInfo.processInfo.environment["SESSIONKIT_VECTORS"], !path.isEmpty else { return nil }
        let url = URL(fileURLWithPath: path)
        return url.standardizedFileURL.path == projectURL.standardizedFileURL.path ? nil : url
    }

    /// Where the cases were read from, for messages.
    static var url: URL { projectURL }

    static let loaded: Result<[FlaskVectorCase], LoadError> = {
        var cases: [FlaskVectorCase] = []
        for location in [projectURL] + (extraURL.map { [$0] } ?? []) {
            switch load(location) {
            case .success(let file):
                let origin = location == projectURL ? "" : location.path
                cases += file.cases.map { var c = $0; c.origin = origin; return c }
            case .failure(let error):
                return .failure(error)
            }
        }
        return .success(cases)
    }()

    static func load(_ location: URL) -> Result<File, LoadError> {
        let data: Data
        do {
            data = try Data(contentsOf: location)
        } catch {
            return .failure(LoadError(description:
                "Flask test vectors not found at \(location.path) (the project's are Tests/Vectors/flask-cookies.json; "
                + "SESSIONKIT_VECTORS names an extra file): \(error)"))
        }
        do {
            return .success(try JSONDecoder().decode(File.self, from: data))
        } catch {
            return .failure(LoadError(description:
                "Flask test vectors at \(location.path) could not be decoded: \(error)"))
        }
    }

    /// The load error, if any.
    static var loadError: LoadError? {
        if case .failure(let error) = loaded { return error }
        return nil
    }

    /// Every case, or none if a file could not be loaded.
    static var all: [FlaskVectorCase] {
        (try? loaded.get()) ?? []
    }

    /// The project's own cases (what tests that need particular cases may rely on).
    static var project: [FlaskVectorCase] {
        all.filter { $0.origin.isEmpty }
    }

    /// The cases of one `kind` (`flask-cookie-session`, `flask-session-sid`), for use as test
    /// arguments. Empty when the file could not be loaded; pair with `requireLoaded()`.
    static func cases(kind: String) -> [FlaskVectorCase] {
        all.filter { $0.kind == kind }
    }

    /// The project's case called `name`, or nil.
    static func named(_ name: String) -> FlaskVectorCase? {
        project.first { $0.name == name }
    }
    /// Records a failing issue when the vectors could not be loaded. Returns whether they were.
    @discardableResult
    static func requireLoaded(sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        if let loadError {
            Issue.record(Comment(rawValue: loadError.description), sourceLocation: sourceLocation)
            return false
        }
        return true
    }

    /// Like `cases(kind:)`, recording a failing issue when the file is missing or has no such case.
    static func requireCases(kind: String, sourceLocation: SourceLocation = #_sourceLocation) -> [FlaskVectorCase] {
        guard requireLoaded(sourceLocation: sourceLocation) else { return [] }
        let found = cases(kind: kind)
        if found.isEmpty {
            Issue.record("No \(kind) cases in \(url.path)", sourceLocation: sourceLocation)
        }
        return found
    }

    /// Like `named(_:)`, recording a failing issue when the case is not there.
    static func require(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) -> FlaskVectorCase? {
        guard requireLoaded(sourceLocation: sourceLocation) else { return nil }
        guard let found = named(name) else {
            Issue.record("No vector named \(name) in \(url.path)", sourceLocation: sourceLocation)
            return nil
        }
        return found
    }
}
