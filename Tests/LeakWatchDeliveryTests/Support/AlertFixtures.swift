import LeakWatchAlerting
import LeakWatchEngine

/// Alerts for delivery tests, each with its own stable id.
enum AlertFixtures {
    static func alert(_ key: String, status: DetectionStatus = .firing, detector: DetectorKind = .volumeSpike) -> Alert {
        var totals = WindowTotals()
        totals.requests = 200
        totals.records = 40_000
        let detection = Detection(
            detector: detector, status: status, dimension: .principal, keyHash: 1, keyName: key,
            windowStart: 1_772_600_000_000 + (status == .resolved ? 600_000 : 0), windowMillis: 60_000,
            episodeStart: 1_772_600_000_000, metric: .records, observed: 40_000, expected: 100, lower: 0, upper: 500,
            score: 40, totals: totals, contributorEntries: [])
        return Alert(detection)
    }

    static func alerts(_ count: Int, prefix: String = "svc") -> [Alert] {
        (0..<count).map { alert("\(prefix)-\($0)") }
    }
}
