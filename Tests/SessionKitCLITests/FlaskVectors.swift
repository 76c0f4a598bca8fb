import Foundation
import SessionKit
import Testing

/// One case of the Flask vectors (`Tests/Vectors/flask-cookies.json`, written by
/// `scripts/make_flask_vectors.py` with the pinned Flask; schema in the file's `how_to_use`).
struct FlaskVector: Decodable, Sendable, CustomTestStringConvertible {
    let kind: String
    let name: String
    let secretKey: String?
    let secretKeyHex: String
    let fallbackKeys: [String?]
    let fallbackKeysHex: [String]
    let signingKey: String?
    let signingKeyHex: String?
    let salt: String
    let digest: String
    let timestamp: Int64?
    let sessionTaggedJson: String?
    let compressed: Bool?
    let cookie: String
    /// The session id inside `cookie` (Flask-Session sid cases only).
    let sid: String?
    let expect: String
    /// Null for the Flask-Session sid cases; always set for cookie sessions.
    let verifyAtOrNil: Int64?
    let maxAgeOrNil: Int64?
    let encodeCheck: Bool
    let quirk: Bool
    /// The file the case came from when it is not the project's own (`$SESSIONKIT_VECTORS`), else "".
    var origin = ""

    var testDescription: String { origin.isEmpty ? name : "\(origin): \(name)" }

    var verifyAt: Int64 { verifyAtOrNil! }
    var maxAge: Int64 { maxAgeOrNil! }

    enum CodingKeys: String, CodingKey {
        case kind, name, secretKey, secretKeyHex, fallbackKeys, fallbackKeysHex, signingKey, signingKeyHex
        case salt, digest, timestamp, sessionTaggedJson, compressed, cookie, sid, expect, encodeCheck, quirk
        case verifyAtOrNil = "verifyAt"
        case maxAgeOrNil = "maxAge"
    }

    /// `--key`/`--key-hex` and `--fallback`/`--fallback-hex` for verifying: text when the key
    /// is text, hex when it is raw bytes (secret_key null).
    var verifyKeyArguments: [String] {
        var args = secretKey.map { ["--key", $0] } ?? ["--key-hex", secretKeyHex]
        for (text, hex) in zip(fallbackKeys, fallbackKeysHex) {
            args += text.map { ["--fallback", $0] } ?? ["--fallback-hex", hex]
        }
        return args
    }

    /// The key that produced `cookie`, as arguments.
    var signKeyArguments: [String]? {
        if let signingKey { return ["--key", signingKey] }
        if let signingKeyHex { return ["--key-hex", signingKeyHex] }
        return nil
    }

    var commonArguments: [String] { ["--salt", salt, "--digest", digest] }

    /// The HMAC digest of `digest`, or nil for one SessionKit does not know.
    var signingDigest: SigningDigest? { SigningDigest(rawValue: digest) }
}

/// The project's vectors, `Tests/Vectors/flask-cookies.json`, followed by the cases of the file named
/// by `$SESSIONKIT_VECTORS` when that is set (for example the shared vectors beside a checkout).
/// Lookups by name (`named`, `sidCase(named:)`) see the project's cases only.
enum FlaskVectors {
    struct File: Decodable {
        let cases: [FlaskVector]
    }

    /// The project's own vectors, committed with the script that writes them.
    static var projectURL: URL {
        PackagePaths.root.appendingPathComponent("Tests/Vectors/flask-cookies.json")
    }

    /// `$SESSIONKIT_VECTORS`, when set and not the project's file.
    static var extraURL: URL? {
        guard let path = ProcessInfo.processInfo.environment["SESSIONKIT_VECTORS"], !path.isEmpty else { return nil }
        let url = URL(fileURLWithPath: path)
        return url.standardizedFileURL.path == projectURL.standardizedFileURL.path ? nil : url
    }

    /// Where the cases were read from, for messages.
    static var url: URL { projectURL }

    static func all() throws -> [FlaskVector] {
        var cases = try load(projectURL)
        if let extraURL {
            cases += try load(extraURL).map { var c = $0; c.origin = extraURL.path; return c }
        }
        return cases
    }

    static func load(_ url: URL) throws -> [FlaskVector] {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw VectorError(
                "cannot read the Flask vectors at \(url.path) (the project's are Tests/Vectors/flask-cookies.json; "
                + "SESSIONKIT_VECTORS names an extra file): \(error)")
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(File.self, from: data).cases
    }

    /// The `flask-cookie-session` cases.
    static func cookieCases() throws -> [FlaskVector] {
        let cases = try all().filter { $0.kind == "flask-cookie-session" }
        guard !cases.isEmpty else { throw VectorError("no flask-cookie-session cases in \(url.path)") }
        if let incomplete = cases.first(where: { $0.verifyAtOrNil == nil || $0.maxAgeOrNil == nil }) {
            throw VectorError("vector \(incomplete.name) has no verify_at or max_age")
        }
        return cases
    }

    /// The `flask-session-sid` cases: signed session-id cookies (spec §11.3).
    static func sidCases() throws -> [FlaskVector] {
        let cases = try all().filter { $0.kind == "flask-session-sid" }
        guard !cases.isEmpty else { throw VectorError("no flask-session-sid cases in \(url.path)") }
        if let incomplete = cases.first(where: { $0.sid == nil }) {
            throw VectorError("vector \(incomplete.name) has no sid")
        }
        return cases
    }

    static func sidCase(named name: String) throws -> FlaskVector {
        guard let found = try sidCases().first(where: { $0.name == name && $0.origin.isEmpty }) else {
            throw VectorError("no flask-session-sid vector named \(name)")
        }
        return found
    }

    static func named(_ name: String) throws -> FlaskVector {
        guard let found = try cookieCases().first(where: { $0.name == name && $0.origin.isEmpty }) else {
            throw VectorError("no vector named \(name)")
        }
        return found
    }
}

struct VectorError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

enum PackagePaths {
    /// The package root: this file is `<root>/Tests/SessionKitCLITests/FlaskVectors.swift`.
    static var root: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
    }
}
