// A Swift reimplementation of the deflate algorithm of zlib 1.2.13 (deflate.c, trees.c),
// (C) 1995-2022 Jean-loup Gailly and Mark Adler, used under the zlib license; altered: rewritten
// in Swift for one single-block stream of a small input. zlib's license asks that altered
// versions be plainly marked as such and not be misrepresented as the original software.
//
// Huffman tree construction (build_tree, gen_bitlen, gen_codes), mirroring zlib 1.2.13 trees.c.

extension SmallDeflate {
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
    }
}
