import LeakWatchEngine

/// Scores alerts against labelled incidents: recall (overall and per detector), false positives per day after
/// warm-up, and time to detect.
package struct LabelScore: Sendable {
    package struct IncidentResult: Sendable {
        package var id: String
        package var type: String
        package var detected: Bool
        /// Event-time seconds from incident start to the first matching alert.
        package var secondsToDetect: Double?
        package var detectors: [String]
        package var expectedDetectors: [String]
    }

    package var incidents: [IncidentResult]
    package var falsePositives: Int
    package var daysAfterWarmup: Double
    /// Firing alerts considered (after warm-up).
    package var alertsAfterWarmup: Int

    package var recall: Double {
        incidents.isEmpty ? 1 : Double(incidents.filter(\.detected).count) / Double(incidents.count)
    }

    package var falsePositivesPerDay: Double { daysAfterWarmup > 0 ? Double(falsePositives) / daysAfterWarmup : 0 }

    /// Recall restricted to the incidents that list `detector` as expected to catch them (nil if none do).
    package func recall(detector: String) -> Double? {
        let expected = incidents.filter { $0.expectedDetectors.contains(detector) }
        guard !expected.isEmpty else { return nil }
        return Double(expected.filter { $0.detectors.contains(detector) }.count) / Double(expected.count)
    }

    package var medianSecondsToDetect: Double? {
        let times = incidents.compactMap(\.secondsToDetect).sorted()
        guard !times.isEmpty else { return nil }
        return times.count % 2 == 1 ? times[times.count / 2] : (times[times.count / 2 - 1] + times[times.count / 2]) / 2
    }
}

package enum LabelScorer {
    /// Alerts may start up to this long before the labelled start (windows overlap it) and this long after its end.
    static let leadMillis: Int64 = 5 * 60_000
    static let graceMillis: Int64 = 30 * 60_000

    package static func score(_ alerts: [Alert], labels: Labels) -> LabelScore {
        let firing = alerts.filter { $0.detection.status == .firing && $0.detection.windowEnd > labels.warmupEnd }
        var matched = Set<String>()
        var results: [LabelScore.IncidentResult] = []
        for incident in labels.incidents {
            let values = Set(incident.keys.values)
            var first: Int64?
            var detectors = Set<String>()
            for alert in firing where matches(alert, incident: incident, values: values) {
                matched.insert(alert.id)
                detectors.insert(alert.detection.detector.rawValue)
                let time = alert.detection.windowEnd
                first = min(first ?? time, time)
            }
            results.append(.init(
                id: incident.id, type: incident.type, detected: first != nil,
                secondsToDetect: first.map { Double(max(0, $0 - incident.start)) / 1000 },
                detectors: detectors.sorted(), expectedDetectors: incident.detectors))
        }
        let falsePositives = firing.filter { !matched.contains($0.id) }.count
        let days = Double(max(0, labels.end - labels.warmupEnd)) / 86_400_000
        return LabelScore(incidents: results, falsePositives: falsePositives, daysAfterWarmup: days,
                          alertsAfterWarmup: firing.count)
    }

    static func matches(_ alert: Alert, incident: Labels.Incident, values: Set<String>) -> Bool {
        let detection = alert.detection
        guard detection.windowEnd >= incident.start - leadMillis,
              detection.windowStart <= incident.end + graceMillis
        else { return false }
        if values.isEmpty { return true }
        if values.contains(detection.keyName) { return true }
        if detection.dimension == .sourceNetwork, let slash = detection.keyName.firstIndex(of: "/") {
            // A range matches the incident's addresses inside it (203.0.113.0/24 holds 203.0.113.56).
            let network = detection.keyName[..<slash]
            let stem = network.hasSuffix(".0") ? String(network.dropLast(1)) : String(network.dropLast(2))
            if values.contains(where: { $0.hasPrefix(stem) }) { return true }
        }
        if detection.dimension == .principalEndpoint {
            for part in detection.keyName.split(separator: " ", maxSplits: 1) where values.contains(String(part)) {
                return true
            }
        }
        // The key itself may be a shared one (an endpoint); then a dominant contributor must be the incident's.
        return detection.contributors.contains { $0.share >= 0.3 && values.contains($0.name) }
    }
}
