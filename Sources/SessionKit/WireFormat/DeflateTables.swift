// A Swift reimplementation of the deflate algorithm of zlib 1.2.13 (deflate.c, trees.c),
// (C) 1995-2022 Jean-loup Gailly and Mark Adler, used under the zlib license; altered: rewritten
// in Swift for one single-block stream of a small input. zlib's license asks that altered
// versions be plainly marked as such and not be misrepresented as the original software.
//
// trees.c's constant tables (tr_static_init) and its bit output (send_bits, bi_windup),
// for SmallDeflate's single final block.

extension SmallDeflate {
    // MARK: - Constant tables (tr_static_init)

    static let lCodes = 286          // L_CODES
    static let dCodes = 30           // D_CODES
    static let blCodes = 19          // BL_CODES
    static let heapSize = 2 * 286 + 1 // HEAP_SIZE
    static let endBlock = 256

    /// Immutable tables built once, like zlib's tr_static_init().
    final class StaticTables: @unchecked Sendable {
        let lengthCode: UnsafeMutablePointer<UInt8>   // _length_code[256]
        let distCode: UnsafeMutablePointer<UInt8>     // _dist_code[512]
        let baseLength: UnsafeMutablePointer<Int32>   // [29]
        let baseDist: UnsafeMutablePointer<Int32>     // [30]
        let extraLbits: UnsafeMutablePointer<Int32>   // [29]
        let extraDbits: UnsafeMutablePointer<Int32>   // [30]
        let extraBlbits: UnsafeMutablePointer<Int32>  // [19]
        let blOrder: UnsafeMutablePointer<Int32>      // [19]
        let staticLLen: UnsafeMutablePointer<Int32>   // static_ltree[].Len [288]
        let staticLCode: UnsafeMutablePointer<Int32>  // static_ltree[].Code [288]
        let staticDLen: UnsafeMutablePointer<Int32>   // static_dtree[].Len [30]
        let staticDCode: UnsafeMutablePointer<Int32>  // static_dtree[].Code [30]
        let rev8: UnsafeMutablePointer<UInt8>         // byte bit-reversal, for bi_reverse

        static let shared = StaticTables()

        private static func make<T>(_ values: [T]) -> UnsafeMutablePointer<T> {
            let p = UnsafeMutablePointer<T>.allocate(capacity: values.count)
            p.initialize(from: values, count: values.count)
            return p
        }

        private init() {
            let xl: [Int32] = [0,0,0,0,0,0,0,0,1,1,1,1,2,2,2,2,3,3,3,3,4,4,4,4,5,5,5,5,0]
            let xd: [Int32] = [0,0,0,0,1,1,2,2,3,3,4,4,5,5,6,6,7,7,8,8,9,9,10,10,11,11,12,12,13,13]
            extraLbits = Self.make(xl)
            extraDbits = Self.make(xd)
            extraBlbits = Self.make([0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,2,3,7] as [Int32])
            blOrder = Self.make([16,17,18,0,8,7,9,6,10,5,11,4,12,3,13,2,14,1,15] as [Int32])

            var lc = [UInt8](repeating: 0, count: 256)
            var bl = [Int32](repeating: 0, count: 29)
            var length = 0
            var code = 0
            while code < 28 {
                bl[code] = Int32(length)
                for _ in 0..<(1 << Int(xl[code])) { lc[length] = UInt8(code); length += 1 }
                code += 1
            }
            lc[length - 1] = UInt8(code) // length 258 uses code 285
            lengthCode = Self.make(lc)
            baseLength = Self.make(bl)

            var dc = [UInt8](repeating: 0, count: 512)
            var bd = [Int32](repeating: 0, count: 30)
            var dist = 0
            code = 0
            while code < 16 {
                bd[code] = Int32(dist)
                for _ in 0..<(1 << Int(xd[code])) { dc[dist] = UInt8(code); dist += 1 }
                code += 1
            }
            dist >>= 7
            while code < 30 {
                bd[code] = Int32(dist << 7)
                for _ in 0..<(1 << (Int(xd[code]) - 7)) { dc[256 + dist] = UInt8(code); dist += 1 }
                code += 1
            }
            distCode = Self.make(dc)
            baseDist = Self.make(bd)

            var sl = [Int32](repeating: 0, count: 288)
            var counts = [Int32](repeating: 0, count: 16)
            for n in 0..<288 {
                let l: Int32 = n <= 143 ? 8 : n <= 255 ? 9 : n <= 279 ? 7 : 8
                sl[n] = l
                counts[Int(l)] += 1
            }
            staticLLen = Self.make(sl)
            staticLCode = Self.make([Int32](repeating: 0, count: 288))
            genCodes(len: staticLLen, code: staticLCode, maxCode: 287, blCount: counts)
            staticDLen = Self.make([Int32](repeating: 5, count: 30))
            staticDCode = Self.make((0..<30).map { Int32(bitReverse(UInt32($0), 5)) })
            rev8 = Self.make((0..<256).map { UInt8(bitReverse(UInt32($0), 8)) })
        }
    }

    /// bi_reverse
    @inline(__always)
    static func bitReverse(_ code: UInt32, _ len: Int) -> UInt32 {
        var c = code, res: UInt32 = 0, l = len
        repeat {
            res |= c & 1
            c >>= 1
            res <<= 1
            l -= 1
        } while l > 0
        return res >> 1
    }

    /// gen_codes (array form, used for the static tree only).
    fileprivate static func genCodes(len: UnsafeMutablePointer<Int32>, code: UnsafeMutablePointer<Int32>,
                          maxCode: Int, blCount: [Int32]) {
        var next = [UInt32](repeating: 0, count: 16)
        var c: UInt32 = 0
        for bits in 1...15 {
            c = (c &+ UInt32(blCount[bits - 1])) << 1
            next[bits] = c & 0xFFFF
        }
        for n in 0...maxCode {
            let l = Int(len[n])
            if l == 0 { continue }
            code[n] = Int32(bitReverse(next[l], l))
            next[l] &+= 1
        }
    }

    // MARK: - Bit output (send_bits / bi_windup), 64-bit accumulator

    struct BitWriter {
        let out: UnsafeMutablePointer<UInt8>
        let limit: Int        // last safe position for a 4-byte store
        var pos: Int
        var buf: UInt64 = 0
        var count: UInt64 = 0
        var overflow = false

        init(out: UnsafeMutablePointer<UInt8>, capacity: Int, pos: Int) {
            self.out = out
            self.limit = capacity - 8
            self.pos = pos
        }

        /// Appends `len` bits of `value` (value must fit in len bits), LSB first.
        @inline(__always)
        mutating func put(_ value: UInt32, _ len: Int32) {
            buf |= UInt64(value) &<< count
            count &+= UInt64(len)
            if count >= 32 {
                if pos > limit { overflow = true; pos = 0 }  // never write out of bounds
                UnsafeMutableRawPointer(out + pos).storeBytes(
                    of: UInt32(truncatingIfNeeded: buf).littleEndian, as: UInt32.self)
                pos &+= 4
                buf >>= 32
                count &-= 32
            }
        }

        /// bi_windup: flush remaining bits, padding to a byte boundary.
        @inline(__always)
        mutating func windup() {
            if pos > limit { overflow = true; pos = 0 }
            while count > 0 {
                out[pos] = UInt8(truncatingIfNeeded: buf)
                pos &+= 1
                buf >>= 8
                count = count >= 8 ? count &- 8 : 0
            }
            buf = 0
        }
    }
}
