/// URL-safe base64 without padding, as itsdangerous emits it (RFC 4648 §5, trailing `=` stripped).
public enum Base64URL {
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

    public static func encodedLength(_ count: Int) -> Int { (count * 4 + 2) / 3 }

    /// Appends the unpadded URL-safe base64 of `bytes` to `output`.
    public static func encode(_ bytes: some Collection<UInt8>, into output: inout [UInt8]) {
        output.reserveCapacity(output.count + encodedLength(bytes.count))
        alphabet.withUnsafeBufferPointer { table in
            var iterator = bytes.makeIterator()
            while let b0 = iterator.next() {
                let b1 = iterator.next()
                let b2 = iterator.next()
                output.append(table[Int(b0 >> 2)])
                output.append(table[Int(((b0 & 0x03) << 4) | ((b1 ?? 0) >> 4))])
                guard let b1 else { break }
                output.append(table[Int(((b1 & 0x0F) << 2) | ((b2 ?? 0) >> 6))])
                guard let b2 else { break }
                output.append(table[Int(b2 & 0x3F)])
            }
        }
    }

    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        var out: [UInt8] = []
        encode(bytes, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes URL-safe (or standard) base64, padded or not; unused low bits of the last
    /// character are ignored, as Python does. Returns nil on any character outside the alphabets
    /// or an impossible length (4k+1).
    public static func decode(_ text: some Collection<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        return decode(text, into: &out) ? out : nil
    }

    public static func decode(_ text: some StringProtocol) -> [UInt8]? {
        decode(text.utf8)
    }

    /// Appends the decoded bytes to `output`; false (output unspecified) when invalid.
    public static func decode(_ text: some Collection<UInt8>, into output: inout [UInt8]) -> Bool {
        var count = text.count
        // Strip trailing padding (redundant padding is accepted).
        var end = text.endIndex
        var padding = 0
        while count > 0, padding < 2 {
            let before = text.index(end, offsetBy: -1)
            guard text[before] == UInt8(ascii: "=") else { break }
            end = before
            count -= 1
            padding += 1
        }
        if count % 4 == 1 { return false }
        output.reserveCapacity(output.count + count * 3 / 4)
        return decodeTable.withUnsafeBufferPointer { table -> Bool in
            var accumulator: UInt32 = 0
            var bits = 0
            var index = text.startIndex
            while index != end {
                let value = table[Int(text[index])]
                if value == 0xFF { return false }
                accumulator = (accumulator << 6) | UInt32(value)
                bits += 6
                if bits >= 8 {
                    bits -= 8
                    output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
                }
                index = text.index(after: index)
            }
            return true
        }
    }
}
