// A Swift reimplementation of the deflate algorithm of zlib 1.2.13 (deflate.c, trees.c),
// (C) 1995-2022 Jean-loup Gailly and Mark Adler, used under the zlib license; altered: rewritten
// in Swift for one single-block stream of a small input. zlib's license asks that altered
// versions be plainly marked as such and not be misrepresented as the original software.
//
// Huffman tree construction and block emission, mirroring zlib 1.2.13 trees.c
// for the single final block that deflate_slow produces for small inputs.

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

    // MARK: - Dynamic trees (ct_data split into parallel arrays)

    struct Tree {
        let freq: UnsafeMutablePointer<Int32>   // ct_data.Freq (union with Code in C)
        let code: UnsafeMutablePointer<Int32>   // ct_data.Code
        let len: UnsafeMutablePointer<Int32>    // ct_data.Len (union with Dad in C)
        let dad: UnsafeMutablePointer<Int32>    // ct_data.Dad

        init(_ base: UnsafeMutablePointer<Int32>, _ size: Int) {
            freq = base
            code = base + size
            len = base + 2 * size
            dad = base + 3 * size
        }
    }

    /// Per-call tree state: dyn_ltree, dyn_dtree, bl_tree, heap, depth, bl_count,
    /// opt_len, static_len. Mirrors the relevant fields of deflate_state.
    struct TreeState {
        static let int32Count = 4 * (heapSize + (2 * dCodes + 1) + (2 * blCodes + 1)) + 2 * heapSize + 16
        static let maxOps = 640
        static let byteCount = int32Count * 4 + 4 * 288 + maxOps * 2  // + used[] + ops[]

        let lt: Tree, dt: Tree, bt: Tree
        /// heap[]: entries are `key << 32 | node`; see pqdownheap.
        let heap: UnsafeMutablePointer<UInt64>
        let blCount: UnsafeMutablePointer<Int32>
        /// Bit-length-code symbols produced by scan_tree, replayed by send_tree:
        /// code | extra << 5.
        let ops: UnsafeMutablePointer<UInt16>
        /// Leaves with non-zero Len of the tree being built, in increasing order.
        let used: UnsafeMutablePointer<Int32>
        var usedCount = 0
        var opCount = 0
        let tables: StaticTables
        var heapLen = 0
        var heapMax = 0
        var optLen = 0
        var staticLen = 0
        var lMaxCode = 0
        var dMaxCode = 0

        init(raw: UnsafeMutableRawPointer, tables: StaticTables) {
            let p = raw.bindMemory(to: Int32.self, capacity: Self.int32Count)
            lt = Tree(p, heapSize)
            dt = Tree(p + 4 * heapSize, 2 * dCodes + 1)
            bt = Tree(p + 4 * heapSize + 4 * (2 * dCodes + 1), 2 * blCodes + 1)
            let hp = p + 4 * (heapSize + (2 * dCodes + 1) + (2 * blCodes + 1))
            blCount = hp
            heap = UnsafeMutableRawPointer(hp + 16).bindMemory(to: UInt64.self, capacity: heapSize)
            used = (raw + Self.int32Count * 4).bindMemory(to: Int32.self, capacity: 288)
            ops = (raw + Self.int32Count * 4 + 4 * 288).bindMemory(to: UInt16.self, capacity: Self.maxOps)
            self.tables = tables
            // init_block
            lt.freq.update(repeating: 0, count: lCodes)
            dt.freq.update(repeating: 0, count: dCodes)
            bt.freq.update(repeating: 0, count: blCodes)
            lt.freq[endBlock] = 1
        }

        /// pqdownheap. Heap entries carry `key = Freq << 8 | depth` in their high
        /// 32 bits, so `key(n) <= key(m)` is exactly zlib's smaller(tree, n, m, depth):
        /// Freq[n] < Freq[m] || (Freq[n] == Freq[m] && depth[n] <= depth[m]).
        @inline(__always)
        func pqdownheap(_ k0: Int) {
            var k = k0
            let v = heap[k]
            let kv = v >> 32
            var j = k &<< 1
            while j <= heapLen {
                var e = heap[j]
                if j < heapLen {
                    let e2 = heap[j &+ 1]
                    let take = (e2 >> 32) <= (e >> 32)
                    j = take ? j &+ 1 : j
                    e = take ? e2 : e
                }
                if kv <= (e >> 32) { break }
                heap[k] = e
                k = j
                j = j &<< 1
            }
            heap[k] = v
        }

        /// build_tree + gen_bitlen + gen_codes. Returns max_code.
        mutating func buildTree(_ t: Tree, elems: Int, stree: UnsafeMutablePointer<Int32>?,
                                extra: UnsafeMutablePointer<Int32>, extraBase: Int,
                                maxLength: Int) -> Int {
            let freq = t.freq
            let len = t.len
            heapMax = heapSize
            var maxCode = -1
            var hl = 0
            // Leaves with non-zero frequency enter the heap in index order (branch-free;
            // Len of used leaves is overwritten by gen_bitlen).
            for n in 0..<elems {
                let f = freq[n]
                heap[hl &+ 1] = UInt64(UInt32(bitPattern: f)) &<< 40 | UInt64(n)  // depth 0
                len[n] = 0
                let used = f != 0
                hl &+= used ? 1 : 0
                maxCode = used ? n : maxCode
            }
            heapLen = hl
            // Force at least two codes of non-zero frequency.
            while heapLen < 2 {
                let node: Int
                if maxCode < 2 { maxCode += 1; node = maxCode } else { node = 0 }
                heapLen += 1
                heap[heapLen] = UInt64(1) << 40 | UInt64(node)
                freq[node] = 1
                optLen -= 1
                if let s = stree { staticLen -= Int(s[node]) }
            }
            // Remember the leaves (in index order) for gen_codes.
            usedCount = heapLen
            for i in 0..<heapLen {
                used[i] = Int32(truncatingIfNeeded: heap[i &+ 1] & 0xFFFF)
            }
            if usedCount == 2 && used[0] > used[1] {  // a forced node 0 was appended
                let x = used[0]; used[0] = used[1]; used[1] = x
            }
            var k = heapLen / 2
            while k >= 1 { pqdownheap(k); k &-= 1 }

            var node = elems
            repeat {
                // pqremove
                let en = heap[1]
                heap[1] = heap[heapLen]
                heapLen &-= 1
                pqdownheap(1)
                let em = heap[1]
                let n = Int(truncatingIfNeeded: en & 0xFFFF)
                let m = Int(truncatingIfNeeded: em & 0xFFFF)
                heapMax &-= 1; heap[heapMax] = en
                heapMax &-= 1; heap[heapMax] = em
                let kn = en >> 32, km = em >> 32
                let dn = kn & 0xFF, dm = km & 0xFF
                // Freq[node] = Freq[n] + Freq[m]; depth[node] = (uch)(max(depth) + 1)
                let key = ((kn >> 8) &+ (km >> 8)) &<< 8 | (((dn >= dm ? dn : dm) &+ 1) & 0xFF)
                t.dad[n] = Int32(truncatingIfNeeded: node)
                t.dad[m] = Int32(truncatingIfNeeded: node)
                heap[1] = key &<< 32 | UInt64(node)
                node &+= 1
                pqdownheap(1)
            } while heapLen >= 2
            heapMax &-= 1
            heap[heapMax] = heap[1]

            genBitlen(t, maxCode: maxCode, stree: stree, extra: extra, base: extraBase,
                      maxLength: maxLength)
            genCodes(t, maxCode: maxCode)
            return maxCode
        }

        /// gen_bitlen, including the overflow fix-up.
        mutating func genBitlen(_ t: Tree, maxCode: Int, stree: UnsafeMutablePointer<Int32>?,
                                extra: UnsafeMutablePointer<Int32>, base: Int, maxLength: Int) {
            for b in 0...15 { blCount[b] = 0 }
            var overflow = 0
            t.len[Int(truncatingIfNeeded: heap[heapMax] & 0xFFFF)] = 0 // root
            var h = heapMax + 1
            while h < heapSize {
                let n = Int(truncatingIfNeeded: heap[h] & 0xFFFF)
                var bits = Int(t.len[Int(t.dad[n])]) &+ 1
                if bits > maxLength { bits = maxLength; overflow &+= 1 }
                t.len[n] = Int32(truncatingIfNeeded: bits)
                h &+= 1
                if n > maxCode { continue } // not a leaf
                blCount[bits] &+= 1
                var xbits = 0
                if n >= base { xbits = Int(extra[n &- base]) }
                let f = Int(t.freq[n])
                optLen &+= f &* (bits &+ xbits)
                if let s = stree { staticLen &+= f &* (Int(s[n]) &+ xbits) }
            }
            if overflow == 0 { return }

            repeat {
                var bits = maxLength - 1
                while blCount[bits] == 0 { bits -= 1 }
                blCount[bits] -= 1
                blCount[bits + 1] += 2
                blCount[maxLength] -= 1
                overflow -= 2
            } while overflow > 0

            h = heapSize
            var bits = maxLength
            while bits != 0 {
                var n = Int(blCount[bits])
                while n != 0 {
                    h -= 1
                    let m = Int(truncatingIfNeeded: heap[h] & 0xFFFF)
                    if m > maxCode { continue }
                    if Int(t.len[m]) != bits {
                        optLen += (bits - Int(t.len[m])) * Int(t.freq[m])
                        t.len[m] = Int32(bits)
                    }
                    n -= 1
                }
                bits -= 1
            }
        }

        /// gen_codes (bi_reverse via a byte table).
        func genCodes(_ t: Tree, maxCode: Int) {
            var next: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32,
                       UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            let rev8 = tables.rev8
            withUnsafeMutableBytes(of: &next) { raw in
                let nc = raw.bindMemory(to: UInt32.self).baseAddress!
                var code: UInt32 = 0
                for bits in 1...15 {
                    code = (code &+ UInt32(bitPattern: blCount[bits &- 1])) &<< 1
                    nc[bits] = code & 0xFFFF
                }
                // Only leaves with Len != 0 get codes; they are exactly used[0..<usedCount].
                var i = 0
                while i < usedCount {
                    let n = Int(used[i])
                    i &+= 1
                    let l = Int(t.len[n])
                    let c = nc[l]
                    nc[l] = c &+ 1
                    let r = UInt32(rev8[Int(c & 0xFF)]) &<< 8 | UInt32(rev8[Int((c >> 8) & 0xFF)])
                    t.code[n] = Int32(truncatingIfNeeded: r >> UInt32(16 &- l))
                }
            }
        }

        /// scan_tree. Besides counting bl_tree frequencies, records the symbols
        /// that send_tree would emit (send_tree runs the identical state machine).
        mutating func scanTree(_ t: Tree, maxCode: Int) {
            var prevlen: Int32 = -1
            var nextlen = t.len[0]
            var count = 0
            var maxCount = 7, minCount = 4
            if nextlen == 0 { maxCount = 138; minCount = 3 }
            t.len[maxCode + 1] = 0xFFFF // guard
            let bf = bt.freq
            let ops = self.ops
            var oc = opCount
            for n in 0...maxCode {
                let curlen = nextlen
                nextlen = t.len[n &+ 1]
                count &+= 1
                if count < maxCount && curlen == nextlen {
                    continue
                } else if count < minCount {
                    bf[Int(curlen)] &+= Int32(truncatingIfNeeded: count)
                    repeat {
                        ops[oc] = UInt16(truncatingIfNeeded: curlen)
                        oc &+= 1
                        count &-= 1
                    } while count != 0
                } else if curlen != 0 {
                    if curlen != prevlen {
                        bf[Int(curlen)] &+= 1
                        ops[oc] = UInt16(truncatingIfNeeded: curlen)
                        oc &+= 1
                        count &-= 1
                    }
                    bf[16] &+= 1
                    ops[oc] = 16 | UInt16(truncatingIfNeeded: count &- 3) &<< 5
                    oc &+= 1
                } else if count <= 10 {
                    bf[17] &+= 1
                    ops[oc] = 17 | UInt16(truncatingIfNeeded: count &- 3) &<< 5
                    oc &+= 1
                } else {
                    bf[18] &+= 1
                    ops[oc] = 18 | UInt16(truncatingIfNeeded: count &- 11) &<< 5
                    oc &+= 1
                }
                count = 0
                prevlen = curlen
                if nextlen == 0 {
                    maxCount = 138; minCount = 3
                } else if curlen == nextlen {
                    maxCount = 6; minCount = 3
                } else {
                    maxCount = 7; minCount = 4
                }
            }
            opCount = oc
        }

        /// send_tree for both trees: replays the recorded symbols with bl_tree codes.
        func sendTrees(_ w: inout BitWriter) {
            let bc = bt.code, bl = bt.len
            var i = 0
            while i < opCount {
                let op = Int(ops[i])
                i &+= 1
                let sym = op & 31
                w.put(UInt32(bitPattern: bc[sym]), bl[sym])
                if sym >= 16 {
                    // extra bits: 2 for code 16, 3 for 17, 7 for 18
                    w.put(UInt32(truncatingIfNeeded: op >> 5), sym == 16 ? 2 : sym == 17 ? 3 : 7)
                }
            }
        }

        /// build_bl_tree. Returns max_blindex.
        mutating func buildBlTree() -> Int {
            scanTree(lt, maxCode: lMaxCode)
            scanTree(dt, maxCode: dMaxCode)
            _ = buildTree(bt, elems: blCodes, stree: nil, extra: tables.extraBlbits, extraBase: 0,
                          maxLength: 7)
            var maxBlindex = blCodes - 1
            while maxBlindex >= 3 {
                if bt.len[Int(tables.blOrder[maxBlindex])] != 0 { break }
                maxBlindex -= 1
            }
            optLen += 3 * (maxBlindex + 1) + 5 + 5 + 4
            return maxBlindex
        }

        /// send_all_trees
        func sendAllTrees(lcodes: Int, dcodes: Int, blcodes: Int, _ w: inout BitWriter) {
            w.put(UInt32(lcodes - 257), 5)
            w.put(UInt32(dcodes - 1), 5)
            w.put(UInt32(blcodes - 4), 4)
            for rank in 0..<blcodes {
                w.put(UInt32(bitPattern: bt.len[Int(tables.blOrder[rank])]), 3)
            }
            sendTrees(&w)  // send_tree(lt, lcodes - 1); send_tree(dt, dcodes - 1)
        }

        /// compress_block. Symbols are packed as (dist << 8) | lc, dist == 0 for literals.
        func compressBlock(syms: UnsafeMutablePointer<UInt32>, count: Int,
                           lcode: UnsafeMutablePointer<Int32>, llen: UnsafeMutablePointer<Int32>,
                           dcode: UnsafeMutablePointer<Int32>, dlen: UnsafeMutablePointer<Int32>,
                           _ w: inout BitWriter) {
            let tb = tables
            var i = 0
            while i < count {
                let s = syms[i]
                i += 1
                let lc = Int(s & 0xFF)
                var dist = Int(s >> 8)
                if dist == 0 {
                    w.put(UInt32(bitPattern: lcode[lc]), llen[lc])
                } else {
                    let code = Int(tb.lengthCode[lc])
                    w.put(UInt32(bitPattern: lcode[code + 257]), llen[code + 257])
                    let extra = tb.extraLbits[code]
                    if extra != 0 {
                        w.put(UInt32(lc - Int(tb.baseLength[code])), extra)
                    }
                    dist -= 1
                    let dc = Int(dist < 256 ? tb.distCode[dist] : tb.distCode[256 + (dist >> 7)])
                    w.put(UInt32(bitPattern: dcode[dc]), dlen[dc])
                    let dx = tb.extraDbits[dc]
                    if dx != 0 {
                        w.put(UInt32(dist - Int(tb.baseDist[dc])), dx)
                    }
                }
            }
            w.put(UInt32(bitPattern: lcode[endBlock]), llen[endBlock])
        }

        /// _tr_flush_block(s, window, storedLen, last = 1) followed by bi_windup.
        mutating func flushFinalBlock(window: UnsafeMutablePointer<UInt8>, storedLen: Int,
                                      syms: UnsafeMutablePointer<UInt32>, symCount: Int,
                                      _ w: inout BitWriter) {
            let tb = tables
            lMaxCode = buildTree(lt, elems: lCodes, stree: tb.staticLLen, extra: tb.extraLbits,
                                 extraBase: 257, maxLength: 15)
            dMaxCode = buildTree(dt, elems: dCodes, stree: tb.staticDLen, extra: tb.extraDbits,
                                 extraBase: 0, maxLength: 15)
            let maxBlindex = buildBlTree()

            var optLenb = (optLen + 3 + 7) >> 3
            let staticLenb = (staticLen + 3 + 7) >> 3
            if staticLenb <= optLenb { optLenb = staticLenb }

            if storedLen + 4 <= optLenb {
                // _tr_stored_block
                w.put(0 << 1 | 1, 3)
                w.windup()
                if w.pos + storedLen + 8 > w.limit + 8 { w.overflow = true; return }
                let p = w.out + w.pos
                p[0] = UInt8(truncatingIfNeeded: storedLen)
                p[1] = UInt8(truncatingIfNeeded: storedLen >> 8)
                p[2] = ~p[0]
                p[3] = ~p[1]
                if storedLen > 0 { (p + 4).update(from: window, count: storedLen) }
                w.pos += 4 + storedLen
            } else if staticLenb == optLenb {
                w.put(1 << 1 | 1, 3)
                compressBlock(syms: syms, count: symCount, lcode: tb.staticLCode, llen: tb.staticLLen,
                              dcode: tb.staticDCode, dlen: tb.staticDLen, &w)
            } else {
                w.put(2 << 1 | 1, 3)
                sendAllTrees(lcodes: lMaxCode + 1, dcodes: dMaxCode + 1, blcodes: maxBlindex + 1, &w)
                compressBlock(syms: syms, count: symCount, lcode: lt.code, llen: lt.len,
                              dcode: dt.code, dlen: dt.len, &w)
            }
            w.windup()
        }
    }
}
