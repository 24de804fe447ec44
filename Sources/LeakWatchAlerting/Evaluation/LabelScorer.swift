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
    /// Ids of the firing alerts after warm-up that match no labelled incident, in alert order.
    package var falsePositiveIDs: [String]
    /// Distinct incidents (pages) among the false positives: related alerts group into one.
    package var falsePositiveIncidents: Int
    package var daysAfterWarmup: Double
    /// Firing alerts considered (after warm-up).
    package var alertsAfterWarmup: Int

    package var recall: Double {
        incidents.isEmpty ? 1 : Double(incidents.filter(\.detected).count) / Double(incidents.count)
    }

    package var falsePositives: Int { falsePositiveIDs.count }

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
        let falsePositives = firing.filter { !matched.contains($0.id) }
        let pages = Set(falsePositives.map { $0.incident.isEmpty ? $0.id : $0.incident }).count
        let days = Double(max(0, labels.end - labels.warmupEnd)) / 86_400_000
        return LabelScore(incidents: results, falsePositiveIDs: falsePositives.map(\.id),
                          falsePositiveIncidents: pages, daysAfterWarmup: days,
                          alertsAfterWarmup: firing.count)
    }

    static func matches(_ alert: Alert, incident: Labels.Incident, values: Set<String>) -> Bool {
        let detection = alert.detection
        guard detection.windowEnd >= incident.start - leadMillis,
              detection.windowStart <= incident.end + graceMillis
        else { return false }
        if values.isEmpty { return true }
        if values.contains(detection.keyName) { return true }
        if detection.dimension == .sourceNetwork && networkHoldsAny(detection.keyName, values) { return true }
        if let pair = detection.keyPair {
            if values.contains(pair.principal) || values.contains(pair.other) { return true }
            if detection.dimension == .principalSourceNetwork && networkHoldsAny(pair.other, values) { return true }
        }
        // The key itself may be a shared one (an endpoint); then a dominant contributor must be the incident's.
        return detection.contributors.contains { $0.share >= 0.3 && values.contains($0.name) }
    }

    /// Whether the written network (`203.0.113.0/24`, `2001:db8:1:2::/64`) holds one of the labelled addresses.
    static func networkHoldsAny(_ network: String, _ values: Set<String>) -> Bool {
        guard let slash = network.firstIndex(of: "/") else { return false }
        // `203.0.113.0` -> `203.0.113.`, `2001:db8:1:2::` -> `2001:db8:1:2:`.
        let stem = String(network[..<slash].dropLast(1))
        return values.contains(where: { $0.hasPrefix(stem) })
    }
}
