/// Maps event time to the seasonal bucket (hour of day x weekday/weekend) and to hour indices.
package struct SeasonalCalendar: Sendable, Equatable {
    /// Hours of day (24) times weekday/weekend.
    package static let bucketCount = 48
    package static let hourMillis: Int64 = 3_600_000
    package static let dayMillis: Int64 = 86_400_000

    package let offsetMillis: Int64

    package init(timeZoneOffsetMinutes: Int) {
        offsetMillis = Int64(timeZoneOffsetMinutes) * 60_000
    }

    /// Hours since the epoch in local time.
    @inlinable
    package func hourIndex(_ millis: Int64) -> Int64 {
        floorDivide(millis + offsetMillis, SeasonalCalendar.hourMillis)
    }

    /// The seasonal bucket of a local hour index: hour of day, plus 24 on Saturdays and Sundays.
    @inlinable
    package func bucket(hour: Int64) -> Int {
        let hourOfDay = Int(floorModulo(hour, 24))
        let day = floorDivide(hour, 24)
        // 1970-01-01 was a Thursday: with Monday = 0 it is day-of-week 3.
        let weekday = Int(floorModulo(day + 3, 7))
        return weekday >= 5 ? hourOfDay + 24 : hourOfDay
    }
}

@inlinable
package func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}

@inlinable
package func floorModulo(_ a: Int64, _ b: Int64) -> Int64 {
    let r = a % b
    return r < 0 ? r + b : r
}
