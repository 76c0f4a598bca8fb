import ArgumentParser
import Foundation
import SessionKit

enum StandardStreams {
    static func write(_ text: String, toStandardError: Bool) {
        let handle = toStandardError ? FileHandle.standardError : FileHandle.standardOutput
        handle.write(Data(text.utf8))
    }
}

/// The COOKIE argument shared by `decode` and `verify`.
enum CookieArgument {
    static let help = ArgumentHelp(
        "The cookie value (without \"session=\"), or - to read it from standard input.",
        valueName: "cookie"
    )

    /// The cookie text; `-` reads one line from standard input (surrounding whitespace removed).
    static func resolve(_ argument: String, what: String = "cookie") throws(ValidationError) -> String {
        guard argument == "-" else { return argument }
        guard let line = readLine(strippingNewline: true) else {
            throw ValidationError("No \(what) on standard input.")
        }
        return line.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Unix time as ISO 8601 (UTC, whole seconds), computed directly so any Int64 formats.
enum UnixTime {
    static func now() -> Int64 { SessionClock.system.unixSeconds }

    /// `2023-11-14T22:13:20Z`; years past 9999 get ISO 8601's expanded `+` form.
    static func iso8601(_ seconds: Int64) -> String {
        let (days, secondOfDay) = seconds.quotientAndRemainderFlooringDivision(by: 86_400)
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        let yearText: String
        if year > 9999 {
            yearText = "+\(year)"
        } else if year < 0 {
            yearText = "-" + pad(-year, 4)
        } else {
            yearText = pad(year, 4)
        }
        return "\(yearText)-\(pad(month, 2))-\(pad(day, 2))T\(pad(secondOfDay / 3600, 2)):"
            + "\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))Z"
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension Int64 {
    fileprivate func quotientAndRemainderFlooringDivision(by divisor: Int64) -> (Int64, Int64) {
        var (q, r) = quotientAndRemainder(dividingBy: divisor)
        if r < 0 {
            q -= 1
            r += divisor
        }
        return (q, r)
    }
}
