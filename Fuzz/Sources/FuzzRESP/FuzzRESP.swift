import FuzzSupport
@testable import SessionKitRedis

/// The RESP reply parser on any bytes, delivered in two packets split where the first byte says:
/// every reply is parsed or the input is refused; nothing crashes or allocates a declared length.
@main struct Main {
    static func main() { runFuzzer { data, count in fuzzRESP(data, count) } }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRESP(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start = data else { return 0 }
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    guard let first = bytes.first else { return 0 }
    let rest = bytes.dropFirst()
    let split = rest.isEmpty ? rest.startIndex : rest.startIndex + Int(first) % rest.count
    var parser = RESPParser(limits: RESPLimits())
    for packet in [rest[..<split], rest[split...]] {
        parser.append(packet)
        do {
            while try parser.next() != nil {}
        } catch {
            return 0  // a protocol violation: the connection would be closed
        }
    }
    return 0
}
