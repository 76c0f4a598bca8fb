#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#else
import Darwin
#endif

/// An estimate of how many guesses a secret key resists, in bits (log2 of the guess count), from
/// an attacker who knows how people pick keys: a small zxcvbn.
///
/// One signed cookie lets an attacker test candidate keys offline, as fast as HMAC runs (about
/// 10^10 HMAC-SHA1 a second on one GPU), so the bar is high: `minimumBits` is 80, about four
/// million GPU-years, where 64 bits falls to a thousand GPUs in weeks. Random keys clear it with
/// room: `secrets.token_hex(16)` or `sessionkit keygen --bytes 16` (32 hex digits) estimate 100
/// to 128 bits, `secrets.token_urlsafe(16)` 110 to 140, `openssl rand -base64 24` about 190 (the
/// lowest of 50,000 to 300,000 draws of each: 97, 92, 147). Hand-made keys of 16-20 random
/// letters can fall short: their real entropy is close to the bar.
///
/// The key is read as the cheapest sequence of patterns (dynamic programming over its
/// characters), each costing the bits needed to name it among its kind:
/// - a dictionary word (`KeyStrengthWords`: placeholders, common passwords, common English
///   words), costing log2 of its rank, plus bits for capitals, l33t digits or reversal;
/// - an alphabet or digit run (`abcdef`, `9876`, `2468`), a keyboard run (`qwerty`, `1qaz`),
///   or a year (1900-2099);
/// - a repetition of what came just before (`abcabc`, `aaaa`, `changeme-changeme`);
/// - a separator between words (space, `-`, `_`, `.` and the like);
/// - otherwise a character guessed from the key's character classes (10 for digits only, 16 for
///   hex, else lower 26 + upper 26 + digits 10 + punctuation 33 + others).
/// The estimate is deliberately low (an attacker's view): every pattern found makes the key weaker.
struct KeyStrength: Sendable, Equatable {
    /// The bits a key needs to be accepted without `allowWeakKeys`.
    static let minimumBits: Double = 80

    /// Estimated guesses, as log2.
    let bits: Double
    /// The kinds of pattern the cheapest reading used, in order of first use (empty for a random key).
    let patterns: [Pattern]

    enum Pattern: String, Sendable, Equatable {
        case word = "common words or passwords"
        case sequence = "an alphabet or digit run"
        case keyboard = "a keyboard run"
        case year = "a year"
        case repetition = "a repetition"
    }

    /// Estimates the strength of a key's bytes (as text when they are UTF-8, else byte by byte).
    init(_ bytes: [UInt8]) {
        let symbols: [UInt32]
        let raw: Bool
        if let text = String(validating: bytes, as: UTF8.self) {
            symbols = text.unicodeScalars.map(\.value)
            raw = false
        } else {
            symbols = bytes.map(UInt32.init)
            raw = true
        }
        var estimator = KeyStrengthEstimator(symbols, raw: raw)
        (bits, patterns) = estimator.estimate()
    }
}

/// The dynamic program behind `KeyStrength`: `best[j]` is the fewest bits that produce the key's
/// first `j` characters.
struct KeyStrengthEstimator {
    /// Repetitions look back at most this far (a longer repeated unit is itself long).
    static let maxPeriod = 128
    /// Keyboard rows and columns (US layout), lowercase; runs go either way.
    static let keyboardLines: [[UInt32]] = [
        "`1234567890-=", "qwertyuiop[]\\", "asdfghjkl;'", "zxcvbnm,./", "~!@#$%^&*()_+",
        "1qaz", "2wsx", "3edc", "4rfv", "5tgb", "6yhn", "7ujm", "8ik,", "9ol.", "0p;/", "789456123",
    ].map { $0.unicodeScalars.map(\.value) }
    /// What any pattern costs at least (zxcvbn's 50 guesses for a match).
    static let minimumPatternBits = log2(50)
    static let separators: Set<UInt32> = Set(" -_.,:;/+|".unicodeScalars.map(\.value))
    /// l33t digits and symbols read as the letter they stand for.
    static let leet: [UInt32: UInt32] = [
        "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i",
    ].reduce(into: [:]) { table, pair in
        table[pair.key.unicodeScalars.first!.value] = pair.value.unicodeScalars.first!.value
    }

    let original: [UInt32]
    let lower: [UInt32]
    let n: Int
    /// Bits per character guessed outright.
    let characterBits: Double
    /// Separators, and capitals only at the start of a word: a phrase, not random characters.
    let phraseLike: Bool

    var best: [Double]
    var from: [Int]
    var kind: [KeyStrength.Pattern?]

    init(_ symbols: [UInt32], raw: Bool) {
        original = symbols
        lower = symbols.map { Self.isUpper($0) ? $0 + 32 : $0 }
        n = symbols.count
        characterBits = Self.log2(Double(Self.cardinality(symbols, raw: raw)))
        phraseLike =
            symbols.contains { Self.separators.contains($0) }
            && symbols.indices.allSatisfy { k in
                !Self.isUpper(symbols[k]) || k == 0 || Self.separators.contains(symbols[k - 1])
            }
        best = Array(repeating: .infinity, count: n + 1)
        best[0] = 0
        from = Array(repeating: 0, count: n + 1)
        kind = Array(repeating: nil, count: n + 1)
    }

    mutating func estimate() -> (Double, [KeyStrength.Pattern]) {
        guard n > 0 else { return (0, []) }
        let runs = repetitionRuns()
        let periods = min(Self.maxPeriod, n - 1)
        for i in 0..<n {
            relax(i, i + 1, Self.separators.contains(lower[i]) ? min(characterBits, Self.log2(10)) : characterBits, nil)
            matchWords(at: i)
            matchUnlistedWord(at: i)
            matchSequences(at: i)
            matchKeyboard(at: i)
            matchYear(at: i)
            if periods > 0, i > 0 {
                // At least one whole copy of the unit (a single character: two more), as "abab",
                // "aaa": what the key repeats, and how many times, is then all there is to guess.
                for period in 1...min(periods, i) {
                    let t = Int(runs[(period - 1) * n + i])
                    guard t >= max(period, 2) else { continue }
                    relax(i, i + t, Self.log2(Double(period)) + Self.log2(Double(t)) + 1, .repetition)
                }
            }
        }
        var used: [KeyStrength.Pattern] = []
        var j = n
        while j > 0 {
            if let k = kind[j], !used.contains(k) { used.insert(k, at: 0) }
            j = from[j]
        }
        return (best[n], used)
    }

    /// A pattern costs at least `minimumPatternBits`, and one more bit to say which kind comes
    /// next (as zxcvbn's minimum guesses per match): a short run or a doubled character inside
    /// random text then saves nothing, while real patterns stay far cheaper than their letters.
    mutating func relax(_ i: Int, _ j: Int, _ cost: Double, _ pattern: KeyStrength.Pattern?) {
        let total = best[i] + (pattern == nil ? cost : max(cost + 1, Self.minimumPatternBits))
        if total < best[j] {
            best[j] = total
            from[j] = i
            kind[j] = pattern
        }
    }

    // MARK: Patterns

    mutating func matchWords(at i: Int) {
        let longest = min(KeyStrengthWords.longest, n - i)
        guard longest >= 3 else { return }
        var plain = String.UnicodeScalarView()
        var unleeted = String.UnicodeScalarView()
        var substitutions = 0
        for end in (i + 1)...(i + longest) {
            let c = lower[end - 1]
            let letter = Self.leet[c] ?? c
            guard Self.isAlphanumeric(c) || letter != c, let s = Unicode.Scalar(c), let l = Unicode.Scalar(letter)
            else { return }
            plain.append(s)
            unleeted.append(l)
            if letter != c { substitutions += 1 }
            guard end - i >= 3 else { continue }
            let caps = capitalBits(i, end)
            let word = String(plain)
            if let rank = KeyStrengthWords.ranks[word] {
                relax(i, end, Self.log2(Double(rank)) + caps, .word)
            }
            if let rank = KeyStrengthWords.ranks[String(word.reversed())] {
                relax(i, end, Self.log2(Double(rank)) + caps + 1, .word)
            }
            if substitutions > 0, let rank = KeyStrengthWords.ranks[String(unleeted)] {
                relax(i, end, Self.log2(Double(rank)) + caps + Double(substitutions), .word)
            }
        }
    }

    /// A word the list lacks, between separators in a key that reads as a phrase: 3 to 12
    /// letters shaped like a word, lowercase or capitalised, costs one pick from a large dictionary. Phrases ("correct horse battery staple") are
    /// guessed word by word, not letter by letter.
    mutating func matchUnlistedWord(at i: Int) {
        guard phraseLike, i == 0 || Self.separators.contains(original[i - 1]) else { return }
        var end = i
        var vowels = 0
        var consonantRun = 0
        while end < n, end - i < 13, Self.isLetter(original[end]) {
            if Self.vowels.contains(lower[end]) {
                vowels += 1
                consonantRun = 0
            } else {
                consonantRun += 1
                if consonantRun > 3 { return }
            }
            end += 1
        }
        // Shaped like an English word: a third of its letters vowels, no more than 3 consonants
        // in a row. Random characters rarely are, so they are not read as words.
        guard (3...12).contains(end - i), end == n || Self.separators.contains(original[end]),
            3 * vowels >= end - i
        else { return }
        let capitals = original[i..<end].filter(Self.isUpper).count
        guard capitals == 0 || (capitals == 1 && Self.isUpper(original[i])) else { return }
        relax(i, end, Self.log2(Self.unlistedWords) + Double(capitals), .word)
    }

    static let vowels: Set<UInt32> = Set("aeiouy".unicodeScalars.map(\.value))

    /// The size of the dictionary an attacker tries for words beyond `KeyStrengthWords`.
    static let unlistedWords: Double = 100_000

    /// Runs with a constant step of ±1 or ±2 among letters or among digits.
    mutating func matchSequences(at i: Int) {
        guard i + 2 < n, Self.isAlphanumeric(lower[i]) else { return }
        let first = lower[i]
        let start: Double =
            "az019".unicodeScalars.contains { $0.value == first } ? 1 : Self.log2(Self.isDigit(first) ? 10 : 26)
        for step in [1, -1, 2, -2] {
            var end = i + 1
            while end < n, Self.isDigit(lower[end]) == Self.isDigit(first), Self.isAlphanumeric(lower[end]),
                Int(lower[end]) - Int(lower[end - 1]) == step
            {
                end += 1
            }
            guard end - i >= 3 else { continue }
            let extra: Double = (step < 0 ? 1 : 0) + (abs(step) == 2 ? 1 : 0)
            for stop in (i + 3)...end {
                relax(i, stop, start + Self.log2(Double(stop - i)) + extra + capitalBits(i, stop), .sequence)
            }
        }
    }

    mutating func matchKeyboard(at i: Int) {
        guard i + 2 < n else { return }
        for line in Self.keyboardLines {
            guard let p = line.firstIndex(of: lower[i]) else { continue }
            for direction in [1, -1] {
                var length = 1
                while i + length < n {
                    let q = p + direction * length
                    guard q >= 0, q < line.count, line[q] == lower[i + length] else { break }
                    length += 1
                }
                guard length >= 3 else { continue }
                for stop in 3...length {
                    // About 200 (line, start, direction) choices, then the length.
                    relax(i, i + stop, Self.log2(200) + Self.log2(Double(stop)) + capitalBits(i, i + stop), .keyboard)
                }
            }
        }
    }

    mutating func matchYear(at i: Int) {
        guard i + 4 <= n, lower[i..<(i + 4)].allSatisfy(Self.isDigit) else { return }
        let digits = lower[i..<(i + 4)].reduce(0) { $0 * 10 + Int($1) - 48 }
        if (1900...2099).contains(digits) { relax(i, i + 4, Self.log2(200), .year) }
    }

    /// For each period p (1...maxPeriod) and position k, how many characters from k on repeat
    /// the ones p earlier: runs[(p - 1) * n + k]. Computed once, O(n * maxPeriod).
    func repetitionRuns() -> [Int32] {
        let periods = min(Self.maxPeriod, n - 1)
        guard periods > 0 else { return [] }
        var runs = [Int32](repeating: 0, count: periods * n)
        for p in 1...periods {
            let base = (p - 1) * n
            var k = n - 1
            while k >= p {
                if lower[k] == lower[k - p] && original[k] == original[k - p] {
                    runs[base + k] = (k + 1 < n ? runs[base + k + 1] : 0) + 1
                }
                k -= 1
            }
        }
        return runs
    }

    /// Bits to name which letters of a word are capitals: none 0, the first or all 1, else more.
    func capitalBits(_ i: Int, _ end: Int) -> Double {
        var upper = 0
        var lowerCount = 0
        for k in i..<end {
            if Self.isUpper(original[k]) { upper += 1 } else if Self.isLetter(original[k]) { lowerCount += 1 }
        }
        if upper == 0 { return 0 }
        if lowerCount == 0 || (upper == 1 && Self.isUpper(original[i])) { return 1 }
        return Double(min(upper, lowerCount)) + 1
    }

    // MARK: Characters

    static func cardinality(_ symbols: [UInt32], raw: Bool) -> Int {
        var (lower, upper, digit, punctuation, other) = (false, false, false, false, false)
        var hexLower = true
        var hexUpper = true
        for c in symbols {
            if isDigit(c) {
                digit = true
            } else if isLetter(c) {
                if isUpper(c) { upper = true } else { lower = true }
                hexLower = hexLower && (97...102).contains(c)
                hexUpper = hexUpper && (65...70).contains(c)
            } else {
                if (33...126).contains(c) || c == 32 { punctuation = true } else { other = true }
                hexLower = false
                hexUpper = false
            }
        }
        if digit && !lower && !upper && !punctuation && !other { return 10 }
        if (hexLower && !upper) || (hexUpper && !lower) { return 16 }
        var total = 0
        if lower { total += 26 }
        if upper { total += 26 }
        if digit { total += 10 }
        if punctuation { total += 33 }
        if other { total += raw ? 161 : 100 }
        return total
    }

    static func isDigit(_ c: UInt32) -> Bool { (48...57).contains(c) }
    static func isUpper(_ c: UInt32) -> Bool { (65...90).contains(c) }
    static func isLetter(_ c: UInt32) -> Bool { (65...90).contains(c) || (97...122).contains(c) }
    static func isAlphanumeric(_ c: UInt32) -> Bool { isDigit(c) || isLetter(c) }
    static func log2(_ x: Double) -> Double { x <= 1 ? 0 : binaryLog(x) }
}

/// The C library's log2 (the estimator's own `log2` shadows it inside the type).
private func binaryLog(_ x: Double) -> Double { log2(x) }
