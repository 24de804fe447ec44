/// The run's summary as the report shows it. The command line fills it from the same values it writes to
/// `--summary-json`, so the two always agree.
package struct ReportSummary: Sendable {
    package var files = 0
    package var compressedBytes: Int64 = 0
    package var rawBytes: Int64 = 0
    package var lines: Int64 = 0
    package var events: Int64 = 0
    /// Skipped lines by reason, only the reasons that occurred, in the summary's order.
    package var skippedLines: [(reason: String, count: Int64)] = []
    package var lateEvents: Int64 = 0
    package var firstEventMillis: Int64?
    package var lastEventMillis: Int64?
    /// Firing alerts by detector, sorted by detector name.
    package var alertsByDetector: [(detector: String, count: Int)] = []
    package var incidents = 0
    /// Scores against `--labels`, when given.
    package var labels: LabelSummary?

    package init() {}

    /// Firing alerts in all.
    package var totalAlerts: Int { alertsByDetector.reduce(0) { $0 + $1.count } }
}

/// Recall and false positives against labelled incidents.
package struct LabelSummary: Sendable {
    package var recall: Double
    package var detectedIncidents: Int
    package var labelledIncidents: Int
    package var falsePositives: Int
    package var falsePositivesPerDay: Double
    package var falsePositiveIncidents: Int
    package var daysAfterWarmup: Double
    /// Recall per detector over the incidents labelled for it, sorted by detector name.
    package var recallByDetector: [(detector: String, recall: Double)]

    package init(
        recall: Double, detectedIncidents: Int, labelledIncidents: Int, falsePositives: Int,
        falsePositivesPerDay: Double, falsePositiveIncidents: Int, daysAfterWarmup: Double,
        recallByDetector: [(detector: String, recall: Double)]
    ) {
        self.recall = recall
        self.detectedIncidents = detectedIncidents
        self.labelledIncidents = labelledIncidents
        self.falsePositives = falsePositives
        self.falsePositivesPerDay = falsePositivesPerDay
        self.falsePositiveIncidents = falsePositiveIncidents
        self.daysAfterWarmup = daysAfterWarmup
        self.recallByDetector = recallByDetector
    }
}
