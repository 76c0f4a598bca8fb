// A Swift reimplementation of the deflate algorithm of zlib 1.2.13 (deflate.c, trees.c),
// (C) 1995-2022 Jean-loup Gailly and Mark Adler, used under the zlib license; altered: rewritten
// in Swift for one single-block stream of a small input. zlib's license asks that altered
// versions be plainly marked as such and not be misrepresented as the original software.
//
// Block emission (scan_tree, send_tree, build_bl_tree, compress_block and the final block),
// mirroring zlib 1.2.13 trees.c.

// The enclosing enum's names, for the extension below (it is outside SmallDeflate's scope).
private let lCodes = SmallDeflate.lCodes
private let dCodes = SmallDeflate.dCodes
private let blCodes = SmallDeflate.blCodes
private let endBlock = SmallDeflate.endBlock

extension SmallDeflate.TreeState {
    typealias BitWriter = SmallDeflate.BitWriter
    typealias Tree = SmallDeflate.Tree

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
