/// Everything the tuning report shows, computed before any HTML is written (so it can be tested as data).
package struct TuningReport: Sendable {
    /// The run's headline numbers (the same ones as `--summary-json`).
    package var summary: ReportSummary
    /// Every firing alert of the run, in alert order.
    package var alerts: [AlertMark]
    /// Observed series of the top keys against their expected band.
    package var series: [KeySeries]
    /// One threshold sweep per detector that has a main threshold (empty when the sweep was turned off).
    package var sweeps: [DetectorSweep]
    /// Length of an engine window in milliseconds.
    package var windowMillis: Int64
    /// End of the engine's warm-up (epoch ms): before it no key can alert on its baseline yet.
    package var warmupEndMillis: Int64?

    package init(
        summary: ReportSummary, alerts: [AlertMark], series: [KeySeries], sweeps: [DetectorSweep],
        windowMillis: Int64, warmupEndMillis: Int64? = nil
    ) {
        self.summary = summary
        self.alerts = alerts
        self.series = series
        self.sweeps = sweeps
        self.windowMillis = windowMillis
        self.warmupEndMillis = warmupEndMillis
    }
}

/// A firing alert, reduced to what the charts place: when, which detector, how severe, on which key.
package struct AlertMark: Sendable, Equatable {
    package var time: Int64
    package var detector: String
    package var severity: String
    package var keyHash: UInt64

    package init(time: Int64, detector: String, severity: String, keyHash: UInt64) {
        self.time = time
        self.detector = detector
        self.severity = severity
        self.keyHash = keyHash
    }
}
