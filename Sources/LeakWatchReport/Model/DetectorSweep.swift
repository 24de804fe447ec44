/// A detector's main threshold at several values, and what each value gives on the same input.
package struct DetectorSweep: Sendable {
    package var detector: String
    /// The parameter's key under `detectors.<detector>` in the YAML configuration.
    package var parameter: String
    package var points: [SweepPoint]

    package init(detector: String, parameter: String, points: [SweepPoint]) {
        self.detector = detector
        self.parameter = parameter
        self.points = points
    }
}

/// One value of a sweep.
package struct SweepPoint: Sendable, Equatable {
    /// The value as written in YAML.
    package var value: String
    package var numericValue: Double
    /// Whether this is the value the run used.
    package var isCurrent: Bool
    /// Firing alerts of the detector, and per day after warm-up.
    package var alerts: Int
    package var alertsPerDay: Double
    /// Share of the detector's alerts after warm-up that match a labelled incident (nil: no labels, or no alerts).
    package var precision: Double?
    /// Share of the incidents labelled for the detector that it caught (nil: no labels, or none labelled for it).
    package var recall: Double?
    /// The configuration lines that apply the value.
    package var yaml: String

    package init(
        value: String, numericValue: Double, isCurrent: Bool, alerts: Int, alertsPerDay: Double, precision: Double?,
        recall: Double?, yaml: String
    ) {
        self.value = value
        self.numericValue = numericValue
        self.isCurrent = isCurrent
        self.alerts = alerts
        self.alertsPerDay = alertsPerDay
        self.precision = precision
        self.recall = recall
        self.yaml = yaml
    }
}
