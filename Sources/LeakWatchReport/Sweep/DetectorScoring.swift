package import LeakWatchAlerting
package import LeakWatchEngine

/// The stretch of event time alerts are counted over: after the warm-up, as ``LabelScorer`` counts them.
package struct ScoringPeriod: Sendable, Equatable {
    /// Alerts whose window ends after this count.
    package var warmupEnd: Int64
    package var days: Double

    /// The labelled period (labels say where warm-up ends and where the data ends).
    package init(labels: Labels) {
        warmupEnd = labels.warmupEnd
        days = Double(max(0, labels.end - labels.warmupEnd)) / 86_400_000
    }

    /// The run's event span less the engine's warm-up.
    package init(firstEvent: Int64, lastEvent: Int64, warmupHours: Int) {
        warmupEnd = firstEvent + Int64(warmupHours) * 3_600_000
        days = Double(max(0, lastEvent - warmupEnd)) / 86_400_000
    }
}

/// One detector's alerts in one run, scored.
package struct DetectorScore: Sendable, Equatable {
    package var alerts: Int
    package var alertsPerDay: Double
    package var precision: Double?
    package var recall: Double?
}

package enum DetectorScoring {
    /// Counts `detector`'s firing alerts after warm-up; with labels, also the share of them that match an incident
    /// (precision) and the share of the incidents labelled for the detector that it caught (recall).
    package static func score(
        _ alerts: [Alert], detector: DetectorKind, labels: Labels?, period: ScoringPeriod
    ) -> DetectorScore {
        let own = alerts.filter { $0.detection.detector == detector && $0.detection.status == .firing }
        let perDay = { (count: Int) in period.days > 0 ? Double(count) / period.days : 0 }
        guard let labels else {
            let count = own.filter { $0.detection.windowEnd > period.warmupEnd }.count
            return DetectorScore(alerts: count, alertsPerDay: perDay(count), precision: nil, recall: nil)
        }
        let score = LabelScorer.score(own, labels: labels)
        let count = score.alertsAfterWarmup
        let precision = count > 0 ? Double(count - score.falsePositives) / Double(count) : nil
        return DetectorScore(alerts: count, alertsPerDay: perDay(count), precision: precision,
                             recall: score.recall(detector: detector.rawValue))
    }
}
