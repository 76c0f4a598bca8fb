import FuzzSupport
@testable import SessionKit

/// SmallDeflate (the Swift port of zlib's deflate for inputs of up to 16,000 bytes) against zlib
/// itself: the same bytes for every input, and the output inflates back to the input.
@main struct Main {
    static func main() { runFuzzer { data, count in fuzzDeflate(data, count) } }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDeflate(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let input = data.map { UnsafeRawBufferPointer(start: $0, count: count) } ?? UnsafeRawBufferPointer(start: nil, count: 0)
    let expected = Zlib.withZlibCompressed(input) { $0.map { Array($0) } }
    guard let expected else { fatalError("zlib failed on \(count) bytes") }
    let ours = SmallDeflate.withCompressed(input) { Array($0) }
    if count > SmallDeflate.maxInputCount {
        if ours != nil { fatalError("SmallDeflate accepted \(count) bytes, over its limit") }
        return 0
    }
    guard let ours else { fatalError("SmallDeflate refused \(count) bytes") }
    if ours != expected {
        let at = (0..<min(ours.count, expected.count)).first { ours[$0] != expected[$0] } ?? min(ours.count, expected.count)
        fatalError("SmallDeflate differs from zlib at byte \(at) (\(ours.count) vs \(expected.count) bytes) for \(count) input bytes")
    }
    guard Zlib.decompress(ours, limit: count + 1) == Array(input) else {
        fatalError("SmallDeflate's output does not inflate back to its input")
    }
    return 0
}
