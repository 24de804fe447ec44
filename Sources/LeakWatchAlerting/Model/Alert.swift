package import LeakWatchEngine
import LeakWatchParsing

/// How urgent an alert is.
package enum Severity: String, Sendable, Comparable, CaseIterable {
    case info, low, medium, high, critical

    private var rank: Int { Severity.allCases.firstIndex(of: self)! }
    package static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// An alert as users see it: a detection with a stable id, a severity and a sentence a person can act on.
package struct Alert: Sendable {
    /// Version of the alert schema (`docs/alerts.md`).
    package static let schemaVersion = 1

    package var id: String
    package var severity: Severity
    package var summary: String
    package var context: AlertContext
    package var detection: Detection
    /// The incident the alert belongs to (set by ``IncidentGrouper``; empty when not grouped).
    package var incident = ""

    /// Builds the alert for a detection.
    /// - Parameter rules: how endpoints map to data classes (severity, GDPR deadline).
    package init(_ detection: Detection, rules: DataClassRules = DataClassRules()) {
        self.detection = detection
        id = Alert.id(for: detection)
        context = AlertContext(detection, rules: rules)
        severity = Alert.severity(for: detection, dataClass: context.dataClass)
        summary = AlertSummary.sentence(for: detection)
    }

    /// A stable id: the same episode of the same key always gets the same id, in any run and for any worker
    /// count, and the resolution carries the id of the alert it resolves.
    package static func id(for detection: Detection) -> String {
        let text = "\(detection.detector.rawValue)|\(detection.dimension.name)|\(detection.keyName)|\(detection.episodeStart)"
        return "lw-" + hex(KeyHasher.hash(text))
    }

    /// Severity from what was touched and how much: the detector's own weight, raised for personal or payment
    /// data that moved in bulk.
    package static func severity(for detection: Detection, dataClass: DataClass = .unclassified) -> Severity {
        guard detection.status == .firing else { return .info }
        let records = detection.totals.records
        let sensitive = dataClass.isPersonal || dataClass == .unclassified
        if sensitive && (records >= 100_000 || detection.totals.bytes >= 1 << 30) { return .critical }
        var severity: Severity
        switch detection.detector {
        case .volumeSpike:
            let ratio = detection.observed / max(detection.expected, 1)
            severity = ratio >= 10 || detection.score >= 25 ? .high : .medium
        case .enumeration, .fanIn, .offHoursBulk, .lowAndSlow, .syntheticDestination:
            severity = .high
        case .newEntity, .authFailures, .syntheticVolume:
            severity = .medium
        case .provenanceMissing:
            severity = .low
        }
        if dataClass == .none && severity > .low { severity = severity == .high ? .medium : .low }
        if dataClass.isPersonal && records >= 10_000 && severity < .critical {
            severity = severity == .high ? .critical : .high
        }
        return severity
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes = [UInt8](repeating: 0, count: 16)
        var remaining = value
        for index in stride(from: 15, through: 0, by: -1) {
            bytes[index] = digits[Int(remaining & 0xf)]
            remaining >>= 4
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
