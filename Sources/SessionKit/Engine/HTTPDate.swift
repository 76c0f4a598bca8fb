import struct Foundation.Date

/// HTTP dates as Flask/Werkzeug write and read them: `Www, DD Mon YYYY HH:MM:SS GMT`.
///
/// Formatting is Python's `email.utils.format_datetime(dt, usegmt=True)` on a UTC datetime (what
/// `werkzeug.http.http_date` does); parsing is `werkzeug.http.parse_date`, i.e. Python's RFC 2822
/// parser `email.utils.parsedate_to_datetime` with all its leniencies (optional day name, RFC 850
/// dates, two-digit years, named and numeric zones; a missing zone, `GMT` or `-0000` means UTC).
/// All calendar math is done by hand (proleptic Gregorian, no `DateFormatter`, no time zones).
enum HTTPDate {
    // MARK: Formatting

    /// `Www, DD Mon YYYY HH:MM:SS GMT` for a Unix time (seconds since 1970-01-01T00:00:00Z).
    static func format(unixSeconds: Int64) -> String {
        String(unsafeUninitializedCapacity: 40) { buffer in
            write(unixSeconds: unixSeconds, into: buffer)
        }
    }

    /// Formats a `Date`, dropping the fractional second the way Python does (toward the past).
    static func format(_ date: Date) -> String {
        format(unixSeconds: unixSeconds(flooring: date))
    }

    /// Appends the formatted date to `output` (no allocation beyond `output`'s growth).
    static func append(unixSeconds: Int64, to output: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { buffer in
            let count = write(unixSeconds: unixSeconds, into: buffer)
            output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    /// Whole seconds since 1970 of `date`, rounded toward negative infinity (Python drops the
    /// microseconds of a datetime, which for pre-1970 instants moves them into the past).
    /// NaN gives 0; values beyond `Int64` saturate.
    static func unixSeconds(flooring date: Date) -> Int64 {
        // Floor the reference-date interval (exact) rather than timeIntervalSince1970, whose
        // addition of 978307200 can round a fraction up to the next second.
        let reference = date.timeIntervalSinceReferenceDate
        if reference.isNaN { return 0 }
        let floored = reference.rounded(.down)
        guard floored > -9.2e18 else { return Int64.min }
        guard floored < 9.2e18 else { return Int64.max }
        let (sum, overflow) = Int64(floored).addingReportingOverflow(978_307_200)
        return overflow ? Int64.max : sum
    }

    private static let dayNames: StaticString = "ThuFriSatSunMonTueWed"  // day 0 = 1970-01-01 = Thursday
    private static let monthNames: StaticString = "JanFebMarAprMayJunJulAugSepOctNovDec"

    /// Writes at most 40 bytes; returns the count.
    @discardableResult
    private static func write(unixSeconds: Int64, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var days = unixSeconds / 86_400
        var secondOfDay = unixSeconds % 86_400
        if secondOfDay < 0 {
            secondOfDay += 86_400
            days -= 1
        }
        let (year, month, day) = civil(fromDays: days)
        var weekday = Int(days % 7)
        if weekday < 0 { weekday += 7 }
        var i = 0
        func put(_ byte: UInt8) {
            buffer[i] = byte
            i += 1
        }
        func put2(_ value: Int) {
            put(UInt8(truncatingIfNeeded: 0x30 + value / 10))
            put(UInt8(truncatingIfNeeded: 0x30 + value % 10))
        }
        dayNames.withUTF8Buffer { names in
            for k in 0..<3 { put(names[weekday * 3 + k]) }
        }
        put(UInt8(ascii: ","))
        put(UInt8(ascii: " "))
        put2(day)
        put(UInt8(ascii: " "))
        monthNames.withUTF8Buffer { names in
            for k in 0..<3 { put(names[(month - 1) * 3 + k]) }
        }
        put(UInt8(ascii: " "))
        // Python's "{:04d}": zero padded to a width of 4 including a '-' sign.
        var magnitude = year.magnitude
        var yearDigits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                         UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var digitCount = 0
        withUnsafeMutableBytes(of: &yearDigits) { digits in
            repeat {
                digits[digitCount] = UInt8(truncatingIfNeeded: 0x30 + magnitude % 10)
                magnitude /= 10
                digitCount += 1
            } while magnitude > 0
            let width = year < 0 ? 3 : 4
            if year < 0 { put(UInt8(ascii: "-")) }
            if digitCount < width {
                for _ in digitCount..<width { put(UInt8(ascii: "0")) }
            }
            var k = digitCount
            while k > 0 {
                k -= 1
                put(digits[k])
            }
        }
        put(UInt8(ascii: " "))
        let seconds = Int(secondOfDay)
        put2(seconds / 3600)
        put(UInt8(ascii: ":"))
        put2(seconds / 60 % 60)
        put(UInt8(ascii: ":"))
        put2(seconds % 60)
        put(UInt8(ascii: " "))
        put(UInt8(ascii: "G"))
        put(UInt8(ascii: "M"))
        put(UInt8(ascii: "T"))
        return i
    }

    // MARK: Calendar (Howard Hinnant's days_from_civil / civil_from_days)

    /// Days since 1970-01-01 of a proleptic Gregorian date (`month` 1...12, any `day`).
    @inlinable
    static func days(fromCivilYear year: Int64, month: Int, day: Int) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date of a day number (days since 1970-01-01).
    @inlinable
    static func civil(fromDays days: Int64) -> (year: Int64, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * mp + 2) / 5 + 1)
        let month = Int(mp < 10 ? mp + 3 : mp - 9)
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func daysInMonth(year: Int64, month: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // MARK: Parsing

    /// Parses an RFC 2822 date exactly like Werkzeug's `parse_date` and returns its Unix time, or
    /// nil where Werkzeug returns None or Python raises (the latter only for absurd numbers, see
    /// `parseResult`).
    static func parse(_ text: String) -> Int64? {
        if case .date(let seconds) = parseResult(text) { return seconds }
        return nil
    }

    /// Parses and returns a `Date` (whole seconds), or nil (see `parse(_:)`).
    static func parseDate(_ text: String) -> Date? {
        parse(text).map { Date(timeIntervalSince1970: Double($0)) }
    }

    enum ParseResult: Equatable {
        /// Unix seconds of the (UTC-converted) instant.
        case date(Int64)
        /// Werkzeug's `parse_date` returns None.
        case invalid
        /// Python raises `OverflowError` (not caught by Werkzeug): a field beyond a C int, or a
        /// numeric zone offset of a billion days. Flask then fails the whole payload.
        case overflow
    }

    /// The full outcome of Python's `parsedate_to_datetime` + Werkzeug's `parse_date`.
    static func parseResult(_ text: String) -> ParseResult {
        if let fast = parseCanonical(text) { return fast }
        return parseGeneral(Array(text.unicodeScalars))
    }

    /// Fast path for the exact `Www, DD Mon YYYY HH:MM:SS GMT` shape; same result as the general
    /// path, nil when the text has another shape.
    private static func parseCanonical(_ text: String) -> ParseResult? {
        var text = text
        return text.withUTF8 { b -> ParseResult? in
            guard b.count == 29,
                  isASCIILetter(b[0]), isASCIILetter(b[1]), isASCIILetter(b[2]),
                  b[3] == UInt8(ascii: ","), b[4] == 0x20, b[7] == 0x20, b[11] == 0x20,
                  b[16] == 0x20, b[19] == UInt8(ascii: ":"), b[22] == UInt8(ascii: ":"), b[25] == 0x20,
                  b[26] == UInt8(ascii: "G"), b[27] == UInt8(ascii: "M"), b[28] == UInt8(ascii: "T")
            else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for k in range {
                    let d = b[k] &- 0x30
                    guard d < 10 else { return nil }
                    value = value * 10 + Int(d)
                }
                return value
            }
            guard let day = number(5..<7), let year = number(12..<16), let hour = number(17..<19),
                  let minute = number(20..<22), let second = number(23..<25)
            else { return nil }
            var month = 0
            monthNames.withUTF8Buffer { names in
                for m in 0..<12 where names[m * 3] == b[8] && names[m * 3 + 1] == b[9] && names[m * 3 + 2] == b[10] {
                    month = m + 1
                }
            }
            guard month != 0 else { return nil }
            var fullYear = Int64(year)
            if fullYear < 100 { fullYear += fullYear > 68 ? 1900 : 2000 }  // "0005" is 2005, as in Python
            return finish(
                year: fullYear, month: month, day: Int64(day), hour: Int64(hour),
                minute: Int64(minute), second: Int64(second), offset: 0)
        }
    }

    private static func isASCIILetter(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    private static let pythonMonthNames: [String] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december",
    ]
    private static let pythonDayNames: Set<String> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    private static let pythonZones: [String: Int64] = [
        "UT": 0, "UTC": 0, "GMT": 0, "Z": 0,
        "AST": -400, "ADT": -300, "EST": -500, "EDT": -400, "CST": -600, "CDT": -500,
        "MST": -700, "MDT": -600, "PST": -800, "PDT": -700,
    ]

    private typealias Token = [Unicode.Scalar]

    /// A transcription of CPython 3.11's `email._parseaddr._parsedate_tz`, followed by the checks
    /// `datetime.timezone(timedelta(seconds=tz))` and `datetime.datetime(...)` make.
    private static func parseGeneral(_ scalars: [Unicode.Scalar]) -> ParseResult {
        var data: [Token] = []
        var current: Token = []
        for scalar in scalars {
            if PythonText.isSpace(scalar) {
                if !current.isEmpty { data.append(current); current = [] }
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { data.append(current) }
        if data.isEmpty { return .invalid }

        if data[0].last == "," || pythonDayNames.contains(lower(data[0])) {
            data.removeFirst()
        } else if let comma = data[0].lastIndex(of: ",") {
            data[0] = Array(data[0][(comma + 1)...])
        }
        if data.count == 3 {  // RFC 850 date, deprecated
            let stuff = data[0].split(separator: "-", omittingEmptySubsequences: false)
            if stuff.count == 3 {
                data = stuff.map(Array.init) + data[1...]
            }
        }
        if data.count == 4 {
            let s = data[3]
            var i = s.firstIndex(of: "+") ?? -1
            if i == -1 { i = s.firstIndex(of: "-") ?? -1 }
            if i > 0 {
                data[3] = Array(s[..<i])
                data.append(Array(s[i...]))
            } else {
                data.append([])  // dummy tz
            }
        }
        if data.count < 5 { return .invalid }
        var dd = data[0]
        let mm = data[1]
        var yy = data[2]
        var tm = data[3]
        var tz = data[4]
        if dd.isEmpty || mm.isEmpty || yy.isEmpty { return .invalid }
        var monthName = lower(mm)
        var monthIndex = pythonMonthNames.firstIndex(of: monthName)
        if monthIndex == nil {
            let loweredMonth = Array(monthName.unicodeScalars)
            monthName = lower(dd)
            dd = loweredMonth
            monthIndex = pythonMonthNames.firstIndex(of: monthName)
        }
        guard let monthIndex else { return .invalid }
        let month = monthIndex + 1 > 12 ? monthIndex + 1 - 12 : monthIndex + 1
        if dd.last == "," { dd.removeLast() }
        if let colon = yy.firstIndex(of: ":"), colon > 0 { swap(&yy, &tm) }
        // (Python would raise IndexError on an empty yy/tm below; they cannot be empty here.)
        guard !yy.isEmpty else { return .invalid }
        if yy.last == "," {
            yy.removeLast()
            if yy.isEmpty { return .invalid }
        }
        if !PythonText.isDigit(yy[0]) { swap(&yy, &tz) }
        guard !tm.isEmpty else { return .invalid }
        if tm.last == "," { tm.removeLast() }
        var parts = tm.split(separator: ":", omittingEmptySubsequences: false).map(Array.init)
        let thh: Token, tmm: Token, tss: Token
        if parts.count == 2 {
            thh = parts[0]; tmm = parts[1]; tss = ["0"]
        } else if parts.count == 3 {
            thh = parts[0]; tmm = parts[1]; tss = parts[2]
        } else if parts.count == 1 && tm.contains(".") {
            parts = tm.split(separator: ".", omittingEmptySubsequences: false).map(Array.init)
            if parts.count == 2 {
                thh = parts[0]; tmm = parts[1]; tss = ["0"]
            } else if parts.count == 3 {
                thh = parts[0]; tmm = parts[1]; tss = parts[2]
            } else {
                return .invalid
            }
        } else {
            return .invalid
        }
        guard var year = PythonText.int(yy), let day = PythonText.int(dd), let hour = PythonText.int(thh),
              let minute = PythonText.int(tmm), let second = PythonText.int(tss)
        else { return .invalid }
        if year < 100 { year += year > 68 ? 1900 : 2000 }

        let zone = upper(tz)
        var zoneOffset: Int64?
        if let named = pythonZones[zone] {
            zoneOffset = named
        } else {
            zoneOffset = PythonText.int(Array(zone.unicodeScalars))
            if zoneOffset == 0 && zone.hasPrefix("-") { zoneOffset = nil }
        }
        var offsetSeconds: Int64?
        if var offset = zoneOffset {
            if offset != 0 {
                let sign: Int64 = offset < 0 ? -1 : 1
                offset = abs(offset)  // saturated, never Int64.min
                // Anything this large overflows timedelta (|days| > 999999999) anyway.
                if offset > 1_000_000_000_000_000 { return .overflow }
                offset = sign * ((offset / 100) * 3600 + (offset % 100) * 60)
            }
            offsetSeconds = offset
        }
        return finish(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                      offset: offsetSeconds)
    }

    /// `datetime.datetime(y, m, d, hh, mm, ss, tzinfo=timezone(timedelta(seconds=offset)))`,
    /// converted to Unix seconds. A nil offset (naive) is UTC.
    private static func finish(
        year: Int64, month: Int, day: Int64, hour: Int64, minute: Int64, second: Int64, offset: Int64?
    ) -> ParseResult {
        if let offset {
            // timedelta(seconds=offset): OverflowError beyond ±999999999 days ...
            if offset >= 86_400 * 1_000_000_000 || offset < -999_999_999 * 86_400 { return .overflow }
            // ... and timezone() wants strictly less than 24 hours: ValueError -> None.
            if offset <= -86_400 || offset >= 86_400 { return .invalid }
        }
        // The C "i" converters of datetime(): OverflowError outside a C int.
        for field in [year, day, hour, minute, second] where field < Int64(Int32.min) || field > Int64(Int32.max) {
            return .overflow
        }
        guard year >= 1, year <= 9999,
              day >= 1, day <= Int64(daysInMonth(year: year, month: month)),
              hour >= 0, hour <= 23, minute >= 0, minute <= 59, second >= 0, second <= 59
        else { return .invalid }
        let dayNumber = days(fromCivilYear: year, month: month, day: Int(day))
        return .date(dayNumber * 86_400 + hour * 3600 + minute * 60 + second - (offset ?? 0))
    }

    private static func lower(_ token: Token) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: token)
        return String(s).lowercased()
    }

    private static func upper(_ token: Token) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: token)
        return String(s).uppercased()
    }
}
