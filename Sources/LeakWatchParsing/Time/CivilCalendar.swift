/// Proleptic Gregorian calendar arithmetic on integers (Howard Hinnant's `days_from_civil`), so timestamps
/// need no Foundation and no time-zone database.
@usableFromInline
enum CivilCalendar {
    /// Days from 1970-01-01 to `year-month-day`.
    @inlinable
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year &- 1 : year
        let era = (y >= 0 ? y : y &- 399) / 400
        let yearOfEra = y &- era &* 400
        let dayOfYear = (153 &* (month > 2 ? month &- 3 : month &+ 9) &+ 2) / 5 &+ day &- 1
        let dayOfEra = yearOfEra &* 365 &+ yearOfEra / 4 &- yearOfEra / 100 &+ dayOfYear
        return era &* 146_097 &+ dayOfEra &- 719_468
    }

    @inlinable
    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Milliseconds since the epoch for a UTC wall-clock time minus `offsetSeconds`; nil for an impossible date.
    ///
    /// A leap second (`:60`) is accepted and lands on the next second, as POSIX time does.
    @inlinable
    static func epochMillis(
        year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, millis: Int, offsetSeconds: Int
    ) -> Int64? {
        guard second <= 60, let minuteStart = epochSeconds(year: year, month: month, day: day, hour: hour, minute: minute)
        else { return nil }
        return epochMillis(minuteStart: minuteStart, second: second, millis: millis, offsetSeconds: offsetSeconds)
    }

    /// Milliseconds since the epoch at `second` (0 to 60) and `millis` into the UTC wall-clock minute starting at
    /// `minuteStart` (from ``epochSeconds(year:month:day:hour:minute:)``), minus `offsetSeconds`. A leap second
    /// (`:60`) lands on the next second, as POSIX time does.
    @inlinable
    static func epochMillis(minuteStart: Int, second: Int, millis: Int, offsetSeconds: Int) -> Int64 {
        Int64(minuteStart &+ second &- offsetSeconds) &* 1_000 &+ Int64(millis)
    }

    /// Seconds since the epoch at the start of a UTC wall-clock minute; nil for an impossible date or time of day
    /// (fields are non-negative, as read from digits).
    @inlinable
    static func epochSeconds(year: Int, month: Int, day: Int, hour: Int, minute: Int) -> Int? {
        guard month >= 1 && month <= 12, day >= 1, day <= daysInMonth(year: year, month: month),
            hour <= 23, minute <= 59
        else { return nil }
        return daysFromCivil(year: year, month: month, day: day) &* 86_400 &+ hour &* 3_600 &+ minute &* 60
    }
}
