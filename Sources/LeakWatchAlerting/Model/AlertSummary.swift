import LeakWatchEngine

/// The one-sentence explanation of an alert.
enum AlertSummary {
    static func sentence(for detection: Detection) -> String {
        let subject = "\(subjectNoun(detection.dimension)) \(detection.keyName)"
        let window = "the \(minutes(detection.windowMillis)) ending \(TimeFormatting.rfc3339(detection.windowEnd, fraction: false))"
        let observed = NumberFormatting.grouped(detection.observed)
        let expected = NumberFormatting.grouped(detection.expected)
        let metric = String(detection.metric.name.map { $0 == "_" ? " " : $0 })
        switch detection.status {
        case .firing:
            let ratio = detection.observed / max(detection.expected, 1)
            var text = "\(subject) moved \(observed) \(metric) in \(window), "
                + "\(NumberFormatting.fixed(ratio, digits: 1))x the \(expected) expected for this hour "
                + "(score \(NumberFormatting.fixed(detection.score, digits: 1)))"
            if let top = detection.contributors.first {
                text += "; \(Int((top.share * 100).rounded()))% of it from \(subjectNoun(top.dimension)) \(top.name)"
            }
            return text + "."
        case .resolved:
            return "\(subject) is back to normal: \(observed) \(metric) in \(window) against \(expected) expected; "
                + "the anomaly began \(TimeFormatting.rfc3339(detection.episodeStart, fraction: false))."
        }
    }

    static func subjectNoun(_ dimension: Dimension) -> String {
        switch dimension {
        case .endpoint: "endpoint"
        case .principal: "principal"
        case .principalEndpoint: "principal on endpoint"
        case .sourceIP: "source"
        case .destination: "destination"
        }
    }

    static func minutes(_ millis: Int64) -> String {
        millis == 60_000 ? "minute" : "\(millis / 1000)s window"
    }
}
