// SmallDeflate against zlib itself (the pooled zlib stream the codec used before, and still
// uses above 16,000 bytes): byte for byte, on fixed edge cases and on random inputs.
import Foundation
import Testing

@testable import SessionKit

fileprivate func envInt(_ name: String) -> Int? {
    ProcessInfo.processInfo.environment[name].flatMap { Int($0) }
}

/// zlib.compress(input) by zlib (level 6, windowBits 15, memLevel 8); empty if zlib failed.
fileprivate func zlibCompress(_ input: [UInt8]) -> [UInt8] {
    input.withUnsafeBytes { Zlib.withZlibCompressed($0) { $0.map { Array($0) } ?? [] } }
}

fileprivate func hex(_ b: ArraySlice<UInt8>) -> String {
    let digits = Array("0123456789abcdef")
    return b.map { String([digits[Int($0 >> 4)], digits[Int($0 & 15)]]) }.joined(separator: " ")
}

/// Compares SmallDeflate with zlib; returns a description of the first mismatch.
fileprivate func check(_ input: [UInt8]) -> String? {
    let expected = zlibCompress(input)
    guard !expected.isEmpty else { return "zlib failed on size \(input.count)" }
    let ours = input.withUnsafeBytes { SmallDeflate.withCompressed($0) { Array($0) } }
    if input.count > SmallDeflate.maxInputCount {
        return ours != nil ? "accepted oversize input \(input.count)" : nil
    }
    guard let got = ours else { return "returned nil for size \(input.count)" }
    if got == expected { return nil }
    var i = 0
    while i < min(got.count, expected.count) && got[i] == expected[i] { i += 1 }
    let lo = max(0, i - 16)
    return "MISMATCH size \(input.count): first differing byte \(i) (zlib \(expected.count) bytes, ours \(got.count))\n"
        + "  zlib: \(hex(expected[lo..<min(expected.count, i + 16)]))\n"
        + "  ours: \(hex(got[lo..<min(got.count, i + 16)]))\n"
        + "  input prefix: \(hex(input[0..<min(input.count, 64)]))"
}

fileprivate func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

fileprivate func randomHex(_ n: Int, _ rng: inout SplitMix64) -> String {
    let d = Array("0123456789abcdef")
    return String((0..<n).map { _ in d[Int(rng.next() % 16)] })
}

@Suite struct SmallDeflateFixedCases {
    @Test func tinyAndRuns() {
        var cases: [[UInt8]] = [[], [0], [0x41], [1, 2], [0x61, 0x61], [1, 2, 3], [0x61, 0x61, 0x61],
                                [0, 0, 0, 0], [255], [255, 255, 255, 255, 255]]
        for n in 1...300 { cases.append([UInt8](repeating: 0x61, count: n)) }
        for n in [5000, 4095, 4096, 4097, 8000, 12000, 15999, 16000] {
            cases.append([UInt8](repeating: 0x61, count: n))
            cases.append([UInt8](repeating: 0, count: n))
        }
        for c in cases {
            let r = check(c)
            #expect(r == nil, "\(r ?? "")")
        }
    }

    @Test(.seeded) func sessionJSON() {
        var rng = TestSeed.generator()
        var cases: [String] = [
            #"{"_fresh":true,"_id":"\#(randomHex(128, &rng))","csrf_token":"\#(randomHex(40, &rng))","username":"admin"}"#,
            #"{"_fresh":false,"_permanent":true,"user_id":"42"}"#,
            #"{"_flashes":[{" t":["message","Logged in"]}],"_fresh":true,"_id":"\#(randomHex(128, &rng))"}"#,
            #"{"a":"b"}"#, "{}", #"{"":""}"#,
        ]
        // Many repeats of ":" and "," (> 32 and > 128 occurrences): chain truncation.
        for reps in [10, 33, 64, 129, 200, 400, 1000] {
            var s = "{"
            for i in 0..<reps { s += "\"k\(i % 7)\":\"v\(i % 5)\"," }
            s += "\"end\":1}"
            cases.append(s)
            var t = "["
            for i in 0..<reps { t += "\"\(randomHex(Int(rng.next() % 6), &rng))\":\"\(i)\"," }
            cases.append(t + "0]")
        }
        for s in cases {
            let r = check(bytes(s))
            #expect(r == nil, "\(r ?? "")")
        }
    }

    @Test(.seeded) func randomBytesAndEdges() {
        var rng = TestSeed.generator()
        // Incompressible data: stored / fixed blocks.
        for n in [1, 2, 3, 4, 5, 10, 50, 100, 255, 256, 257, 258, 259, 500, 1000, 4000, 8000, 16000] {
            let r = check((0..<n).map { _ in UInt8(truncatingIfNeeded: rng.next()) })
            #expect(r == nil, "\(r ?? "")")
        }
        // Lengths around MAX_MATCH: a random block repeated.
        for unit in [250, 255, 256, 257, 258, 259, 260, 300, 516, 517] {
            let u = (0..<unit).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            for reps in [2, 3] {
                let r = check(Array([[UInt8]](repeating: u, count: reps).joined()) + [1, 2, 3])
                #expect(r == nil, "\(r ?? "")")
            }
        }
        // Distances around TOO_FAR (4096) and longer: a short/long pattern, random gap, repeat.
        for gap in [4080, 4090, 4093, 4094, 4095, 4096, 4097, 4098, 4100, 5000, 8192, 15000] {
            for plen in [3, 4, 5, 6, 20] {
                let pat = (0..<plen).map { _ in UInt8(truncatingIfNeeded: rng.next() | 0x80) }
                let filler = (0..<gap).map { _ in UInt8(truncatingIfNeeded: rng.next() % 64) }
                var input = Array("x".utf8) + pat + filler + pat + Array("yz".utf8)
                if input.count > 16000 { input = Array(input[0..<16000]) }
                let r = check(input)
                #expect(r == nil, "\(r ?? "")")
            }
        }
        // Oversize inputs must be rejected (caller falls back to zlib).
        #expect(check([UInt8](repeating: 7, count: 16001)) == nil)
        #expect(check([UInt8](repeating: 7, count: 70000)) == nil)
    }
}

/// Random generators mixing JSON-like text, small alphabets, runs and random bytes.
fileprivate func randomInput(_ rng: inout SplitMix64) -> [UInt8] {
    let r = rng.next() % 100
    let size: Int
    if r < 55 { size = Int(rng.next() % 300) }
    else if r < 80 { size = Int(rng.next() % 1000) }
    else if r < 93 { size = Int(rng.next() % 5000) }
    else { size = Int(rng.next() % 16001) }
    var out: [UInt8] = []
    out.reserveCapacity(size + 300)
    let kind = rng.next() % 6
    let keys = ["_fresh", "_id", "csrf_token", "username", "user_id", "_permanent", "_flashes", "theme", "a", "b"]
    let alphabetSize = Int(1 + rng.next() % 6)
    let alphabet = (0..<alphabetSize).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
    while out.count < size {
        let mode = kind == 5 ? rng.next() % 5 : kind
        switch mode {
        case 0: // JSON-ish key/value pairs
            out += Array("\"\(keys[Int(rng.next() % UInt64(keys.count))])\":".utf8)
            switch rng.next() % 4 {
            case 0: out += Array("true,".utf8)
            case 1: out += Array("\"\(randomHex(Int(rng.next() % 48), &rng))\",".utf8)
            case 2: out += Array("\(rng.next() % 100000),".utf8)
            default: out += Array("{\"k\":[1,2,3]},".utf8)
            }
        case 1: // small alphabet
            for _ in 0..<Int(1 + rng.next() % 64) { out.append(alphabet[Int(rng.next() % UInt64(alphabetSize))]) }
        case 2: // long runs
            out += [UInt8](repeating: UInt8(truncatingIfNeeded: rng.next()), count: Int(1 + rng.next() % 600))
        case 3: // random bytes
            for _ in 0..<Int(1 + rng.next() % 200) { out.append(UInt8(truncatingIfNeeded: rng.next())) }
        default: // copy of an earlier piece (long/far matches)
            if out.count > 4 {
                let start = Int(rng.next() % UInt64(out.count))
                let len = min(out.count - start, Int(3 + rng.next() % 300))
                out += out[start..<(start + len)]
            } else {
                out.append(0x7B)
            }
        }
    }
    if out.count > size { out.removeLast(out.count - size) }
    return out
}

@Suite struct SmallDeflateRandomized {
    /// SMALLDEFLATE_RANDOM_COUNT runs more inputs (300,000 passed when this was written);
    /// SESSIONKIT_TEST_SEED replays a run's inputs.
    @Test(.seeded) func randomInputsMatchZlib() {
        var rng = TestSeed.generator()
        let total = max(20_000, envInt("SMALLDEFLATE_RANDOM_COUNT") ?? 0)
        var passed = 0
        var bytesTotal = 0
        for i in 0..<total {
            let input = randomInput(&rng)
            bytesTotal += input.count
            if let r = check(input) {
                Issue.record("input #\(i): \(r)")
                break
            }
            passed += 1
        }
        print("randomized differential: \(passed)/\(total) inputs identical (\(bytesTotal) input bytes)")
        #expect(passed == total)
    }
}
