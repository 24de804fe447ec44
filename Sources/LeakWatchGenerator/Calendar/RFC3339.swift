/// RFC 3339 text for epoch milliseconds, for labels and file-level metadata (not the per-line hot path, which
/// writes bytes directly; see ``LineBuffer/appendTimestamp(dayPrefix:minuteOfDay:millisInMinute:)``).
enum RFC3339 {
    /// `2026-03-02T14:03:11Z`, or with `.204` milliseconds when they are not zero.
    static func string(epochMillis millis: Int64) -> String {
        let date = CivilDate(epochMillis: millis)
        let inDay = millis - CivilDate.floorDivide(millis, CivilDate.millisPerDay) * CivilDate.millisPerDay
        let seconds = Int(inDay / 1000)
        let fraction = Int(inDay % 1000)
        var text = date.dashed + "T" + two(seconds / 3600) + ":" + two(seconds / 60 % 60) + ":" + two(seconds % 60)
        if fraction != 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: 3 - digits.count) + digits
        }
        return text + "Z"
    }

    private static func two(_ value: Int) -> String {
        value < 10 ? "0" + String(value) : String(value)
    }
}
