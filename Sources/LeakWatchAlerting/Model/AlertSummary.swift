import LeakWatchEngine

/// The one-sentence explanation of an alert.
enum AlertSummary {
    static func sentence(for detection: Detection) -> String {
        let subject = "\(subjectNoun(detection.dimension)) \(detection.displayName)"
        let window = "the \(minutes(detection.windowMillis)) ending \(TimeFormatting.rfc3339(detection.windowEnd, fraction: false))"
        let observed = NumberFormatting.grouped(detection.observed)
        let expected = NumberFormatting.grouped(detection.expected)
        let metric = String(detection.metric.name.map { $0 == "_" ? " " : $0 })
        switch detection.status {
        case .firing:
            var text = firingSentence(detection, subject: subject, window: window, observed: observed,
                                      expected: expected, metric: metric)
            if let top = detection.contributors.first {
                text += "; \(Int((top.share * 100).rounded()))% of it from \(subjectNoun(top.dimension)) \(top.name)"
            }
            return text + "."
        case .resolved:
            return "\(subject) is back to normal for \(detection.detector.rawValue): \(observed) \(metric) in \(window) "
                + "against \(expected) expected; the anomaly began "
                + "\(TimeFormatting.rfc3339(detection.episodeStart, fraction: false))."
        }
    }

    static func firingSentence(
        _ detection: Detection, subject: String, window: String, observed: String, expected: String, metric: String
    ) -> String {
        let ratio = detection.observed / max(detection.expected, 1)
        let usual = "\(NumberFormatting.fixed(ratio, digits: 1))x the \(expected) expected for this hour "
            + "(score \(NumberFormatting.fixed(detection.score, digits: 1)))"
        switch detection.detector {
        case .volumeSpike:
            return "\(subject) moved \(observed) \(metric) in \(window), \(usual)"
        case .syntheticVolume:
            return "\(subject) carried \(observed) synthetic records in \(window) "
                + "(\(NumberFormatting.grouped(Double(detection.totals.records))) records in all), \(usual)"
        case .syntheticDestination:
            return "\(subject) received \(observed) synthetic records in \(window): a destination that had never "
                + "received synthetic data, or one not allowed to"
        case .provenanceMissing:
            return "\(subject) declared provenance on \(observed) of \(NumberFormatting.grouped(Double(detection.totals.requests))) "
                + "requests in \(window), where it usually declares it on nearly all of them"
        case .newEntity:
            if detection.dimension == .principalSourceNetwork, let pair = detection.keyPair {
                return "principal \(pair.principal), never seen from \(pair.other) before, moved \(observed) \(metric) "
                    + "from there in \(window), within its first hour there"
            }
            return "never-seen \(subject) moved \(observed) \(metric) in \(window), within its first hour"
        case .authFailures:
            return "\(subject) drew \(observed) 401/403 responses in \(window), \(usual)"
        case .offHoursBulk:
            return "\(subject) moved \(observed) \(metric) in \(window), an hour of day when it is normally not active"
        case .fanIn:
            return "\(subject) carried about \(observed) distinct principals and "
                + "\(NumberFormatting.grouped(Double(detection.totals.requests))) requests in \(window), "
                + "\(NumberFormatting.fixed(ratio, digits: 1))x the \(expected) principals it usually carries"
        case .lowAndSlow:
            return "\(subject) has moved about \(NumberFormatting.grouped(detection.score)) \(metric) more than usual "
                + "over the last hours, a little every hour, as of \(TimeFormatting.rfc3339(detection.windowEnd, fraction: false))"
        case .enumeration:
            return "\(subject) walked \(observed) requests over sequential or dense ids in \(window), "
                + "\(NumberFormatting.fixed(ratio, digits: 1))x its usual \(expected)"
        }
    }

    static func subjectNoun(_ dimension: Dimension) -> String {
        switch dimension {
        case .endpoint: "endpoint"
        case .principal: "principal"
        case .principalEndpoint: "principal on endpoint"
        case .sourceIP: "source"
        case .sourceNetwork: "source range"
        case .destination: "destination"
        case .principalSourceNetwork: "principal from source range"
        }
    }

    static func minutes(_ millis: Int64) -> String {
        millis == 60_000 ? "minute" : "\(millis / 1000)s window"
    }
}
