/// URL-safe base64 without padding, as itsdangerous emits it (RFC 4648 §5, trailing `=` stripped).
enum Base64URL {
    @usableFromInline static let alphabet: [UInt8] = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// Decoding table: 0...63 for alphabet characters (both the URL-safe and the standard
    /// alphabet, as Python's decoder accepts), 0xFF for anything else.
    @usableFromInline static let decodeTable: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in alphabet.enumerated() { table[Int(c)] = UInt8(i) }
        table[Int(UInt8(ascii: "+"))] = 62
        table[Int(UInt8(ascii: "/"))] = 63
        return table
    }()

    static func encodedLength(_ count: Int) -> Int { (count * 4 + 2) / 3 }

    /// Whether every byte is in the URL-safe alphabet (`A-Z a-z 0-9 - _`: no `+`, `/` or `=`).
    static func isURLSafe(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                continue
            default:
                return false
            }
        }
        return true
    }

    /// Appends the unpadded URL-safe base64 of `bytes` to `output`.
    static func encode(_ bytes: some Collection<UInt8>, into output: inout [UInt8]) {
        if bytes.withContiguousStorageIfAvailable({ encode(UnsafeRawBufferPointer($0), into: &output) }) == nil {
            Array(bytes).withUnsafeBytes { encode($0, into: &output) }
        }
    }

    /// Appends the unpadded URL-safe base64 of `bytes` to `output`: one pass over the input,
    /// writing straight into the array's spare capacity.
    static func encode(_ bytes: UnsafeRawBufferPointer, into output: inout [UInt8]) {
        let count = bytes.count
        guard count > 0 else { return }
        let written = encodedLength(count)
        let start = output.count
        output.reserveCapacity(start + written)
        alphabet.withUnsafeBufferPointer { table in
            // Room for the new characters, filled in place (no per-character append).
            output.append(contentsOf: repeatElement(0, count: written))
            output.withUnsafeMutableBufferPointer { out in
                var o = start
                var i = 0
                while i + 3 <= count {
                    let chunk = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
                    out[o] = table[Int(chunk >> 18)]
                    out[o + 1] = table[Int(chunk >> 12 & 0x3F)]
                    out[o + 2] = table[Int(chunk >> 6 & 0x3F)]
                    out[o + 3] = table[Int(chunk & 0x3F)]
                    i += 3
                    o += 4
                }
                switch count - i {
                case 1:
                    let chunk = UInt32(bytes[i]) << 16
                    out[o] = table[Int(chunk >> 18)]
                    out[o + 1] = table[Int(chunk >> 12 & 0x3F)]
                case 2:
                    let chunk = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8
                    out[o] = table[Int(chunk >> 18)]
                    out[o + 1] = table[Int(chunk >> 12 & 0x3F)]
                    out[o + 2] = table[Int(chunk >> 6 & 0x3F)]
                default:
                    break
                }
            }
        }
    }

    static func encode(_ bytes: some Collection<UInt8>) -> String {
        var out: [UInt8] = []
        encode(bytes, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes URL-safe (or standard) base64, padded or not; unused low bits of the last
    /// character are ignored, as Python does. Returns nil on any character outside the alphabets
    /// or an impossible length (4k+1).
    static func decode(_ text: some Collection<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        return decode(text, into: &out) ? out : nil
    }

    static func decode(_ text: some StringProtocol) -> [UInt8]? {
        decode(text.utf8)
    }

    /// Appends the decoded bytes to `output`; false (output unspecified) when invalid.
    static func decode(_ text: some Collection<UInt8>, into output: inout [UInt8]) -> Bool {
        if let done = text.withContiguousStorageIfAvailable({ decode($0, appendingTo: &output) }) {
            return done
        }
        return Array(text).withUnsafeBufferPointer { decode($0, appendingTo: &output) }
    }

    private static func decode(_ text: UnsafeBufferPointer<UInt8>, appendingTo output: inout [UInt8]) -> Bool {
        guard let (length, end) = decodedLength(text) else { return false }
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: length))
        let valid = output.withUnsafeMutableBufferPointer {
            decode(UnsafeBufferPointer(rebasing: text[..<end]), into: UnsafeMutableBufferPointer(rebasing: $0[start...]))
        }
        return valid
    }

    // MARK: Allocation-free decoding (the verification hot path)

    /// The number of bytes `text` decodes to, and the end of its characters once up to two
    /// trailing `=` are stripped; nil for an impossible length (4k+1 characters). Says nothing
    /// about the characters themselves.
    @inline(__always)
    static func decodedLength(_ text: UnsafeBufferPointer<UInt8>) -> (length: Int, end: Int)? {
        var end = text.count
        // Strip trailing padding (redundant padding is accepted).
        if end > 0, text[end - 1] == UInt8(ascii: "=") {
            end -= 1
            if end > 0, text[end - 1] == UInt8(ascii: "=") { end -= 1 }
        }
        if end % 4 == 1 { return nil }
        return (end * 3 / 4, end)
    }

    /// Per-position decoding tables: `quad[k][c]` is the 6 bits of character `c` shifted to its
    /// place in a 24-bit group when it is the k-th of four, or 0x8000_0000 when `c` is not in
    /// the alphabets. One group is then four lookups ORed together.
    @usableFromInline static let quadTable: [UInt32] = {
        var table = [UInt32](repeating: 0x8000_0000, count: 4 * 256)
        for c in 0..<256 where decodeTable[c] != 0xFF {
            let v = UInt32(decodeTable[c])
            table[c] = v << 18
            table[256 + c] = v << 12
            table[512 + c] = v << 6
            table[768 + c] = v
        }
        return table
    }()

    /// Decodes `text` (already stripped of padding, not 4k+1 long) into `output`, which holds
    /// exactly `decodedLength` bytes; false on any character outside the alphabets.
    static func decode(_ text: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) -> Bool {
        let count = text.count
        let groupsValid = quadTable.withUnsafeBufferPointer { quad -> Bool in
            var bad: UInt32 = 0
            var i = 0
            var o = 0
            while i + 4 <= count {
                let group = quad[Int(text[i])] | quad[256 + Int(text[i + 1])]
                    | quad[512 + Int(text[i + 2])] | quad[768 + Int(text[i + 3])]
                bad |= group
                output[o] = UInt8(truncatingIfNeeded: group >> 16)
                output[o + 1] = UInt8(truncatingIfNeeded: group >> 8)
                output[o + 2] = UInt8(truncatingIfNeeded: group)
                i += 4
                o += 3
            }
            return bad & 0x8000_0000 == 0
        }
        guard groupsValid else { return false }
        let i = count & ~3
        let o = i / 4 * 3
        return decodeTable.withUnsafeBufferPointer { table -> Bool in
            var bad: UInt8 = 0
            switch count - i {
            case 2:
                let a = table[Int(text[i])], b = table[Int(text[i + 1])]
                bad |= a | b
                output[o] = a << 2 | b >> 4
            case 3:
                let a = table[Int(text[i])], b = table[Int(text[i + 1])], c = table[Int(text[i + 2])]
                bad |= a | b | c
                output[o] = a << 2 | b >> 4
                output[o + 1] = b << 4 | c >> 2
            default:
                break
            }
            // Valid entries are below 64, so the OR has bit 7 set only if some entry was 0xFF.
            return bad & 0x80 == 0
        }
    }
}
