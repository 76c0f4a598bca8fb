import FuzzSupport
@testable import SessionKit

/// Flask's tagged JSON on any bytes; whatever decodes must encode, and the encoding must decode.
@main struct Main {
    static func main() { runFuzzer { data, count in fuzzTaggedJSON(data, count) } }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTaggedJSON(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start = data else { return 0 }
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    _ = try? TaggedJSON.decodeUntagged(bytes)
    guard let value = try? TaggedJSON.decode(bytes) else { return 0 }
    let encoded = TaggedJSON.encode(value)
    do {
        _ = try TaggedJSON.decode(encoded)
    } catch {
        fatalError("decoded input re-encodes to something undecodable: \(error)")
    }
    return 0
}
