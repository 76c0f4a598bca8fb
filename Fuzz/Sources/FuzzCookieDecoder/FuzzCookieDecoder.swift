import FuzzSupport
@testable import SessionKit

/// The signed-cookie decoder on any bytes: the verified path (size, shape, signature) and, as the
/// signature gate stops random input early, the unverified payload path (base64, zlib with its
/// inflate cap, tagged JSON) that a valid signature would lead to.
let engine = try! SessionEngine(configuration: SessionConfiguration(secretKey: SecretKey("Fz8Qk2Vx7Wm4Rt9Lp3Hc6Nb1")))

@main struct Main {
    static func main() { runFuzzer { data, count in fuzzCookieDecoder(data, count) } }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCookieDecoder(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start = data else { return 0 }
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    _ = try? engine.codec.decode(text, maxAge: 31 * 24 * 3600, now: 1_700_000_000)
    if let payload = try? SessionCookieCodec.decodeUnverified(Substring(text)) {
        if case .object(let object)? = try? TaggedJSON.decode(payload.json) {
            _ = TaggedJSON.encode(.object(object))
        }
    }
    return 0
}
