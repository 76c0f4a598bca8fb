import Foundation
import Testing

/// One case of the shared Flask vectors (`../shared/vectors/flask-cookies.json`, spec §12).
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

    var testDescription: String { name }

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
}

enum FlaskVectors {
    struct File: Decodable {
        let cases: [FlaskVector]
    }

    /// `$SESSIONKIT_VECTORS`, else `<package root>/../shared/vectors/flask-cookies.json`.
    static var url: URL {
        if let path = ProcessInfo.processInfo.environment["SESSIONKIT_VECTORS"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return PackagePaths.root
            .deletingLastPathComponent()
            .appendingPathComponent("shared/vectors/flask-cookies.json")
    }

    static func all() throws -> [FlaskVector] {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw VectorError(
                "cannot read the Flask vectors at \(url.path) (set SESSIONKIT_VECTORS to their path): \(error)")
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
        guard let found = try sidCases().first(where: { $0.name == name }) else {
            throw VectorError("no flask-session-sid vector named \(name)")
        }
        return found
    }

    static func named(_ name: String) throws -> FlaskVector {
        guard let found = try cookieCases().first(where: { $0.name == name }) else {
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
