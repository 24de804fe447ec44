/// A half-open span of event time in epoch milliseconds.
struct TimeWindow: Sendable, Equatable {
    var start: Int64
    var end: Int64

    static let minute: Int64 = 60_000
    static let hour: Int64 = 3_600_000
    static let day: Int64 = 86_400_000

    func contains(_ millis: Int64) -> Bool {
        millis >= start && millis < end
    }

    /// Whether the two windows come closer than `margin` to each other.
    func overlaps(_ other: TimeWindow, margin: Int64 = 0) -> Bool {
        start < other.end + margin && other.start < end + margin
    }
}
