// A Swift reimplementation of the deflate algorithm of zlib 1.2.13 (deflate.c, trees.c),
// (C) 1995-2022 Jean-loup Gailly and Mark Adler, used under the zlib license; altered: rewritten
// in Swift for one single-block stream of a small input. zlib's license asks that altered
// versions be plainly marked as such and not be misrepresented as the original software.
//
// A pure-Swift reimplementation of zlib 1.2.13's compress2(level: 6) for small
// inputs: deflateInit2(6, Z_DEFLATED, 15, 8, Z_DEFAULT_STRATEGY) + deflate(Z_FINISH).
// Output is byte-identical to the C library for 0 ..< maxInputCount bytes.
//
// Why the scope is restricted: with memLevel 8 zlib flushes a block when its
// symbol buffer holds lit_bufsize - 1 = 16383 symbols, and it slides the window
// past 32 KB. For inputs of at most 16_000 bytes neither can happen, so zlib
// emits exactly one final block and the whole input stays in the window.

enum SmallDeflate {
    /// Largest supported input; larger inputs make `withCompressed` return nil.
    static let maxInputCount = 16_000

    /// Inputs up to this size use a small open-addressed hash-head map instead
    /// of zlib's 32K-entry head[] (which would need a 64 KB clear per call).
    static let smallMapMaxInput = 4096

    /// Calls `body` with the zlib stream (header, deflate data, Adler-32) of `input`, exactly as
    /// zlib's compress2(level 6) would produce it, valid during the call; nil (`body` not
    /// called) if the input is outside the supported range.
    static func withCompressed<R>(_ input: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> R) -> R? {
        let n = input.count
        if n > maxInputCount { return nil }
        let tables = StaticTables.shared

        // Scratch layout (one temporary allocation).
        let winBytes = (n + 264 + 7) & ~7          // window + zeroed WIN_INIT tail
        let prevBytes = (2 * n + 8 + 7) & ~7       // prev[] (UInt16)
        let small = n <= smallMapMaxInput
        var mapBits = 6
        while (1 << mapBits) < 2 * n { mapBits += 1 }
        let headBytes = small ? (4 << mapBits) : 2 * 32768
        let symBytes = 4 * (n + 1)
        let outCap = (n + 320 + 7) & ~7
        let total = winBytes + prevBytes + headBytes + symBytes + outCap + TreeState.byteCount

        return withUnsafeTemporaryAllocation(byteCount: total, alignment: 16) { buf -> R? in
            var raw = buf.baseAddress!
            let window = raw.bindMemory(to: UInt8.self, capacity: winBytes)
            raw += winBytes
            let prev = raw.bindMemory(to: UInt16.self, capacity: prevBytes / 2)
            raw += prevBytes
            let headRaw = raw
            raw += headBytes
            let syms = raw.bindMemory(to: UInt32.self, capacity: n + 1)
            raw += symBytes
            let out = raw.bindMemory(to: UInt8.self, capacity: outCap)
            raw += outCap
            var trees = TreeState(raw: raw, tables: tables)

            // fill_window: the whole input is read at once, then WIN_INIT bytes zeroed.
            if n > 0, let src = input.baseAddress {
                UnsafeMutableRawPointer(window).copyMemory(from: src, byteCount: n)
            }
            (window + n).update(repeating: 0, count: winBytes - n)

            let symCount: Int
            if small {
                let p = headRaw.bindMemory(to: UInt32.self, capacity: 1 << mapBits)
                p.update(repeating: .max, count: 1 << mapBits)
                var heads = ProbedHeads(table: p, bits: mapBits)
                symCount = deflateSlow(window: window, n: n, prev: prev, heads: &heads,
                                       syms: syms, trees: &trees)
            } else {
                let p = headRaw.bindMemory(to: UInt16.self, capacity: 32768)
                p.update(repeating: 0, count: 32768)  // CLEAR_HASH
                var heads = DirectHeads(table: p)
                symCount = deflateSlow(window: window, n: n, prev: prev, heads: &heads,
                                       syms: syms, trees: &trees)
            }

            // zlib header for level 6, windowBits 15: 0x78 0x9C.
            out[0] = 0x78
            out[1] = 0x9C
            var w = BitWriter(out: out, capacity: outCap, pos: 2)
            trees.flushFinalBlock(window: window, storedLen: n, syms: syms, symCount: symCount, &w)
            if w.overflow || w.pos + 4 > outCap { return nil }
            let adler = Zlib.adler32(UnsafeRawBufferPointer(start: window, count: n))
            let q = out + w.pos
            q[0] = UInt8(truncatingIfNeeded: adler >> 24)
            q[1] = UInt8(truncatingIfNeeded: adler >> 16)
            q[2] = UInt8(truncatingIfNeeded: adler >> 8)
            q[3] = UInt8(truncatingIfNeeded: adler)
            return body(UnsafeRawBufferPointer(start: out, count: w.pos + 4))
        }
    }

    // MARK: - deflate_slow

    /// INSERT_STRING: the rolling hash (hash_shift 5, 15 bits) always equals the
    /// hash of the three bytes at p, because strings are inserted at
    /// consecutive positions starting from 0.
    @inline(__always)
    static func insertString<H: HeadTable>(_ w: UnsafeMutablePointer<UInt8>, _ p: Int,
                                           _ prev: UnsafeMutablePointer<UInt16>,
                                           _ heads: inout H) -> Int {
        let h = ((Int(w[p]) << 10) ^ (Int(w[p + 1]) << 5) ^ Int(w[p + 2])) & 0x7FFF
        let old = heads.exchange(hash: h, pos: p)
        prev[p] = UInt16(truncatingIfNeeded: old)
        return old
    }

    /// longest_match (level 6: max_chain 128, good_length 8, nice_length 128).
    /// limit is NIL (0) because strstart never exceeds MAX_DIST here.
    @inline(__always)
    static func longestMatch(_ w: UnsafeMutablePointer<UInt8>, _ prev: UnsafeMutablePointer<UInt16>,
                             strstart: Int, curMatch: Int, prevLength: Int, lookahead: Int,
                             matchStart: inout Int) -> Int {
        var chainLength = 128
        var bestLen = prevLength
        var niceMatch = 128
        if prevLength >= 8 { chainLength >>= 2 }
        if niceMatch > lookahead { niceMatch = lookahead }
        let scan = w + strstart
        var scanEnd1 = scan[bestLen - 1]
        var scanEnd = scan[bestLen]
        let s0 = scan[0], s1 = scan[1]
        var cur = curMatch
        repeat {
            let m = w + cur
            if m[bestLen] == scanEnd && m[bestLen - 1] == scanEnd1 && m[0] == s0 && m[1] == s1 {
                // scan[2] == m[2] is implied by equal hashes; compare from offset 3 up
                // to MAX_MATCH (258). Bytes past the input are the zeroed WIN_INIT tail.
                var len = 3
                while len <= 250 {
                    let a = UnsafeRawPointer(scan + len).loadUnaligned(as: UInt64.self)
                    let b = UnsafeRawPointer(m + len).loadUnaligned(as: UInt64.self)
                    let x = a ^ b
                    if x != 0 {
                        len += (UInt64(littleEndian: x).trailingZeroBitCount >> 3)
                        break
                    }
                    len += 8
                }
                if len > 250 {
                    while len < 258 && scan[len] == m[len] { len += 1 }
                }
                if len > 258 { len = 258 }
                if len > bestLen {
                    matchStart = cur
                    bestLen = len
                    if len >= niceMatch { break }
                    scanEnd1 = scan[bestLen - 1]
                    scanEnd = scan[bestLen]
                }
            }
            cur = Int(prev[cur])
            chainLength -= 1
        } while cur > 0 && chainLength != 0
        return bestLen <= lookahead ? bestLen : lookahead
    }

    /// deflate_slow with flush == Z_FINISH, for an input entirely in the window.
    /// Records symbols in `syms` and their frequencies in the trees; returns the
    /// number of symbols.
    static func deflateSlow<H: HeadTable>(window w: UnsafeMutablePointer<UInt8>, n: Int,
                                          prev: UnsafeMutablePointer<UInt16>, heads: inout H,
                                          syms: UnsafeMutablePointer<UInt32>,
                                          trees: inout TreeState) -> Int {
        let lf = trees.lt.freq, df = trees.dt.freq
        let lengthCode = trees.tables.lengthCode, distCode = trees.tables.distCode
        var symCount = 0
        var strstart = 0
        var lookahead = n
        var matchLength = 2, prevLength = 2
        var matchStart = 0, prevMatch = 0
        var matchAvailable = false

        while lookahead > 0 {
            var hashHead = 0
            if lookahead >= 3 {
                hashHead = insertString(w, strstart, prev, &heads)
            }
            prevLength = matchLength
            prevMatch = matchStart
            matchLength = 2

            // strstart - hashHead <= MAX_DIST always holds (strstart < 16000).
            if hashHead != 0 && prevLength < 16 {
                matchLength = longestMatch(w, prev, strstart: strstart, curMatch: hashHead,
                                           prevLength: prevLength, lookahead: lookahead,
                                           matchStart: &matchStart)
                if matchLength == 3 && strstart - matchStart > 4096 { // TOO_FAR
                    matchLength = 2
                }
            }

            if prevLength >= 3 && matchLength <= prevLength {
                let maxInsert = strstart + lookahead - 3
                // _tr_tally_dist
                let dist = strstart - 1 - prevMatch
                let lc = prevLength - 3
                syms[symCount] = UInt32(dist) << 8 | UInt32(lc)
                symCount += 1
                lf[Int(lengthCode[lc]) + 257] += 1
                let d = dist - 1
                df[Int(d < 256 ? distCode[d] : distCode[256 + (d >> 7)])] += 1

                lookahead -= prevLength - 1
                var remaining = prevLength - 2
                repeat {
                    strstart += 1
                    if strstart <= maxInsert {
                        _ = insertString(w, strstart, prev, &heads)
                    }
                    remaining -= 1
                } while remaining != 0
                matchAvailable = false
                matchLength = 2
                strstart += 1
            } else if matchAvailable {
                let c = w[strstart - 1]
                syms[symCount] = UInt32(c)
                symCount += 1
                lf[Int(c)] += 1
                strstart += 1
                lookahead -= 1
            } else {
                matchAvailable = true
                strstart += 1
                lookahead -= 1
            }
        }
        if matchAvailable {
            let c = w[strstart - 1]
            syms[symCount] = UInt32(c)
            symCount += 1
            lf[Int(c)] += 1
        }
        return symCount
    }
}

extension SmallDeflate {
    // MARK: - Hash heads

    /// head[] of deflate_state: maps a 15-bit hash to the most recent position (0 = NIL).
    protocol HeadTable {
        /// Returns the previous head for `hash` (0 if none) and sets it to `pos`.
        mutating func exchange(hash: Int, pos: Int) -> Int
    }

    /// zlib's own layout: 32768 UInt16 entries, cleared per call.
    struct DirectHeads: HeadTable {
        let table: UnsafeMutablePointer<UInt16>
        @inline(__always)
        mutating func exchange(hash: Int, pos: Int) -> Int {
            let old = Int(table[hash])
            table[hash] = UInt16(truncatingIfNeeded: pos)
            return old
        }
    }

    /// Open-addressed map for small inputs: entry = hash << 16 | pos, empty = all ones.
    /// Sized to at least 2 * input.count entries, so it is at most half full.
    struct ProbedHeads: HeadTable {
        let table: UnsafeMutablePointer<UInt32>
        let mask: Int
        let shift: UInt32

        init(table: UnsafeMutablePointer<UInt32>, bits: Int) {
            self.table = table
            self.mask = (1 << bits) - 1
            self.shift = UInt32(32 - bits)
        }

        @inline(__always)
        mutating func exchange(hash: Int, pos: Int) -> Int {
            let key = UInt32(truncatingIfNeeded: hash) << 16
            let entry = key | UInt32(truncatingIfNeeded: pos)
            var i = Int((UInt32(truncatingIfNeeded: hash) &* 0x9E37_79B1) >> shift)
            while true {
                let e = table[i]
                if e == .max {
                    table[i] = entry
                    return 0
                }
                if e & 0xFFFF_0000 == key {
                    table[i] = entry
                    return Int(e & 0xFFFF)
                }
                i = (i + 1) & mask
            }
        }
    }
}
