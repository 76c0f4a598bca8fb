import FuzzSupport
@testable import SessionKit

/// A Cookie header as the server-side engine reads it: the header scan, the signed id's
/// signature check and the id's shape check.
let engine = try! SessionEngine(configuration: SessionConfiguration(secretKey: SecretKey("Fz8Qk2Vx7Wm4Rt9Lp3Hc6Nb1")))

@main struct Main {
    static func main() { runFuzzer { data, count in fuzzSignedID(data, count) } }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSignedID(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start = data else { return 0 }
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    if case .value(let value) = CookieHeader.lookup("session", in: [text]) {
        if let raw = engine.idSigner.unsign(Substring(value)) { _ = SessionID(validating: raw) }
    }
    if let raw = engine.idSigner.unsign(Substring(text)) { _ = SessionID(validating: raw) }
    _ = SessionID(validating: text)
    return 0
}
