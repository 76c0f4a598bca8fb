/// Python's base64 decoding, which the `" b"` tag's content goes through.
enum PythonBase64 {
    private static let table: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (i, c) in alphabet.enumerated() { table[Int(c)] = UInt8(i) }
        return table
    }()

    /// `binascii.a2b_base64(s, strict_mode=False)` (CPython 3.11), which `base64.b64decode` uses:
    /// characters outside the alphabet are skipped, a pad sequence that completes a quad ends
    /// the input, and a final partial quad is an error.
    struct Failure: Error {
        let message: String
    }

    static func decode(_ input: [UInt8]) throws(Failure) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count / 4 * 3 + 3)
        var quadPosition = 0
        var pads = 0
        var left: UInt8 = 0
        var dataCharacters = 0
        for c in input {
            if c == UInt8(ascii: "=") {
                if quadPosition >= 2 {
                    pads += 1
                    if quadPosition + pads >= 4 { return output }
                }
                continue
            }
            let v = table[Int(c)]
            if v == 0xFF { continue }
            pads = 0
            dataCharacters += 1
            switch quadPosition {
            case 0:
                quadPosition = 1
                left = v
            case 1:
                quadPosition = 2
                output.append(left << 2 | v >> 4)
                left = v & 0x0F
            case 2:
                quadPosition = 3
                output.append(left << 4 | v >> 2)
                left = v & 0x03
            default:
                quadPosition = 0
                output.append(left << 6 | v)
                left = 0
            }
        }
        switch quadPosition {
        case 0:
            return output
        case 1:
            throw Failure(message: "Invalid base64-encoded string: number of data characters "
                + "(\(dataCharacters)) cannot be 1 more than a multiple of 4")
        default:
            throw Failure(message: "Incorrect padding")
        }
    }
}
