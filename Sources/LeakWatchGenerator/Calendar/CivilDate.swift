/// A UTC calendar date, computed without Foundation (Howard Hinnant's `civil_from_days`).
struct CivilDate: Equatable {
    var year: Int
    var month: Int
    var day: Int

    static let millisPerDay: Int64 = 86_400_000

    /// The date of the day `daysSinceEpoch` days after 1970-01-01.
    init(daysSinceEpoch: Int64) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.year = Int(yoe + era * 400) + (month <= 2 ? 1 : 0)
        self.month = Int(month)
        self.day = Int(day)
    }

    /// The date containing the instant `millis` (epoch milliseconds, UTC).
    init(epochMillis millis: Int64) {
        self.init(daysSinceEpoch: Self.floorDivide(millis, Self.millisPerDay))
    }

    /// Day of the week of the day `daysSinceEpoch`: 0 is Monday, 6 is Sunday (1970-01-01 was a Thursday).
    static func weekday(daysSinceEpoch: Int64) -> Int {
        Int(((daysSinceEpoch % 7) + 7 + 3) % 7)
    }

    /// `a / b` rounded towards minus infinity.
    static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let quotient = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
    }

    /// `YYYYMMDD`, as used in file names.
    var compact: String {
        pad(year, 4) + pad(month, 2) + pad(day, 2)
    }

    /// `YYYY-MM-DD`.
    var dashed: String {
        pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
