import Foundation
import Testing

@testable import SessionKit

/// Flask, Werkzeug and zlib in the test venv (`SESSIONKIT_PYTHON`): the oracle of the boundary
/// tests, so that cookies at a limit are built and measured by Flask's side, not by SessionKit.
///
/// Requests and replies are JSON objects, one a line. A payload is given as `parts`, pairs of a
/// text and a repeat count concatenated, so that a megabyte of nesting travels as a few bytes.
struct BoundaryOracle {
    let python: String

    /// The strong key every boundary test signs with, here and in Flask.
    static let key = "Fz8Qk2Vx7Wm4Rt9Lp3Hc6Nb1"
    static var keys: SecretKeys { SecretKeys(current: SecretKey(key)) }

    /// `SESSIONKIT_PYTHON`; without it, a failure under `CI`, else `python3` if it has Flask,
    /// else nil (the test returns early with a notice).
    static func make() -> BoundaryOracle? {
        let env = ProcessInfo.processInfo.environment
        if let python = env["SESSIONKIT_PYTHON"], !python.isEmpty { return BoundaryOracle(python: python) }
        if let ci = env["CI"], !ci.isEmpty {
            Issue.record("SESSIONKIT_PYTHON is not set, and CI is: run the tests with scripts/test.")
            return nil
        }
        if FlaskTool.canImportFlask("/usr/bin/env", ["python3"]) { return BoundaryOracle(python: "python3") }
        print("Boundary oracle tests skipped: no Python with Flask (run scripts/test, or set SESSIONKIT_PYTHON).")
        return nil
    }

    enum OracleError: Error { case badReply(String) }

    /// One reply per request, in order.
    func run(_ requests: [[String: Any]]) throws -> [[String: Any]] {
        let lines = try requests.map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }
        let output = try runPythonLines(python, script: Self.script, lines: lines)
        guard output.count == requests.count else {
            throw OracleError.badReply("\(output.count) replies to \(requests.count) requests")
        }
        return try output.map { line in
            guard let reply = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw OracleError.badReply(line)
            }
            if let error = reply["error"] as? String { throw OracleError.badReply(error) }
            return reply
        }
    }

    /// A Flask-signed cookie whose payload is `.` + base64url(`zlib.compress(text)`), with
    /// `inflated`, the length of the text (checked to inflate back by Python's zlib).
    static func compressed(_ parts: [(String, Int)]) -> [String: Any] {
        ["cmd": "compressed", "parts": parts.map { [$0.0, $0.1] as [Any] }]
    }

    /// A Flask-signed cookie of exactly `length` bytes whose payload is `{"p":"…"}`, plain or
    /// compressed.
    static func exact(length: Int) -> [String: Any] { ["cmd": "exact", "length": length] }

    /// Flask's own session cookie (its serializer chooses compression) for the JSON text.
    static func flaskCookie(_ parts: [(String, Int)]) -> [String: Any] {
        ["cmd": "flask", "parts": parts.map { [$0.0, $0.1] as [Any] }]
    }

    /// `json.loads(text)`: `ok`, then `dumps` (its `json.dumps`) or `message` (the ValueError).
    static func loads(_ text: String) -> [String: Any] { ["cmd": "loads", "text": text] }

    static let script = #"""
        import base64, json, random, string, sys, warnings, zlib
        from flask import Flask
        from flask.sessions import SecureCookieSessionInterface
        from werkzeug.http import dump_cookie

        app = Flask("boundary")
        app.secret_key = "Fz8Qk2Vx7Wm4Rt9Lp3Hc6Nb1"
        serializer = SecureCookieSessionInterface().get_signing_serializer(app)

        def text(parts):
            return "".join(piece * count for piece, count in parts).encode()

        def b64(data):
            return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

        def sign(payload):
            return serializer.make_signer().sign(payload).decode()

        def handle(req):
            cmd = req["cmd"]
            if cmd == "compressed":
                data = text(req["parts"])
                packed = zlib.compress(data)
                if zlib.decompress(packed) != data:
                    return {"error": "zlib round trip"}
                return {"cookie": sign("." + b64(packed)), "inflated": len(data)}
            if cmd == "exact":
                # Plain payloads have base64 lengths of 0, 2 or 3 mod 4; compressed ones (with
                # their ".") 0, 1 or 3: one of the two reaches any length.
                letters = "".join(random.Random(7).choices(string.ascii_letters, k=req["length"]))
                for payload in (lambda pad: b64(('{"p":"' + "a" * pad + '"}').encode()),
                                lambda pad: "." + b64(zlib.compress(('{"p":"' + letters[:pad] + '"}').encode()))):
                    for pad in range(req["length"]):
                        cookie = sign(payload(pad))
                        if len(cookie) == req["length"]:
                            return {"cookie": cookie}
                        if len(cookie) > req["length"] + 8:
                            break
                return {"error": "no padding gives a %d-byte cookie" % req["length"]}
            if cmd == "flask":
                return {"cookie": serializer.dumps(json.loads(text(req["parts"])))}
            if cmd == "loads":
                try:
                    return {"ok": True, "dumps": json.dumps(json.loads(req["text"]))}
                except ValueError as error:
                    return {"ok": False, "message": str(error)}
            if cmd == "dump_cookie":
                args = dict(req["args"])
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always")
                    header = dump_cookie(**args)
                return {"header": header, "size": len(header), "warnings": [str(w.message) for w in caught]}
            return {"error": "unknown command " + cmd}

        for line in sys.stdin:
            print(json.dumps(handle(json.loads(line))), flush=True)
        """#
}
