/// One key's observed volume over the run against what its baseline expected.
package struct KeySeries: Sendable {
    package var keyHash: UInt64
    /// Dimension name (`principal`, `endpoint`, ...) and the key as people read it.
    package var dimension: String
    package var keyName: String
    /// Why the key is shown (`12 alerts`, `most requests`), in the order found.
    package var reasons: [String]
    /// `requests` or `records`.
    package var metric: String
    /// Width of one point in milliseconds (a window, or a longer bucket for long runs).
    package var bucketMillis: Int64
    package var points: [SeriesPoint]
    /// The key's firing alerts.
    package var alerts: [AlertMark]

    package init(
        keyHash: UInt64, dimension: String, keyName: String, reasons: [String], metric: String, bucketMillis: Int64,
        points: [SeriesPoint], alerts: [AlertMark]
    ) {
        self.keyHash = keyHash
        self.dimension = dimension
        self.keyName = keyName
        self.reasons = reasons
        self.metric = metric
        self.bucketMillis = bucketMillis
        self.points = points
        self.alerts = alerts
    }
}

/// One point of a series: in a bucket, the busiest window's value, and the mean expectation and alert bound of
/// the bucket's windows.
package struct SeriesPoint: Sendable, Equatable {
    /// Start of the bucket, epoch ms.
    package var time: Int64
    package var observed: Double
    package var expected: Double
    /// nil while the key could not alert (warm-up).
    package var bound: Double?

    package init(time: Int64, observed: Double, expected: Double, bound: Double?) {
        self.time = time
        self.observed = observed
        self.expected = expected
        self.bound = bound
    }
}
