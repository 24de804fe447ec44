import LeakWatchEngine

/// Shrinks a key's window-by-window series to a bounded number of points for drawing.
///
/// Each bucket keeps the value of its busiest window (a spike must stay visible: averaging a one-minute burst
/// into an hour would hide exactly what the chart is for) and the mean expectation and alert bound of the
/// windows in it. Bucket widths are whole windows from a fixed ladder, so buckets line up with hours and days.
package enum Downsampling {
    /// Candidate bucket widths: 1, 5, 15 minutes, 1, 3, 6, 12 hours, 1 and 7 days.
    static let ladder: [Int64] = [1, 5, 15, 60, 180, 360, 720, 1440, 10_080].map { $0 * 60_000 }

    /// The narrowest bucket (at least one window) that covers `span` milliseconds in at most `maxPoints` buckets.
    package static func bucketMillis(span: Int64, windowMillis: Int64, maxPoints: Int) -> Int64 {
        let points = Int64(max(1, maxPoints))
        for width in ladder where width >= windowMillis && width % windowMillis == 0 {
            if (max(0, span) + width - 1) / width <= points { return width }
        }
        // Beyond the ladder: whole weeks.
        let week = ladder.last!
        let weeks = (max(0, span) + week * points - 1) / (week * points)
        return week * max(1, weeks)
    }

    /// Groups `windows` (one point per window, sorted by time) into buckets of `bucketMillis` aligned to the epoch.
    package static func downsample(_ windows: [SeriesPoint], bucketMillis: Int64) -> [SeriesPoint] {
        var points: [SeriesPoint] = []
        var index = 0
        while index < windows.count {
            let bucket = floorDivide(windows[index].time, bucketMillis) * bucketMillis
            var observed = -Double.infinity
            var expected = 0.0
            var bound = 0.0
            var bounds = 0
            var count = 0
            while index < windows.count && windows[index].time < bucket + bucketMillis {
                let window = windows[index]
                observed = max(observed, window.observed)
                expected += window.expected
                if let value = window.bound {
                    bound += value
                    bounds += 1
                }
                count += 1
                index += 1
            }
            points.append(SeriesPoint(
                time: bucket, observed: observed, expected: expected / Double(count),
                bound: bounds > 0 ? bound / Double(bounds) : nil))
        }
        return points
    }
}
