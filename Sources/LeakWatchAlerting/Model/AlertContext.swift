package import LeakWatchEngine

/// What an alert is about beyond the numbers: the data class touched, the GDPR notification deadline and what to
/// act on first.
package struct AlertContext: Sendable {
    package var dataClass: DataClass
    /// Detection time + 72 h when personal data is involved (GDPR Art. 33), epoch ms.
    package var notifyBy: Int64?
    package var containment: String

    static let notificationWindow: Int64 = 72 * 3_600_000

    package init(_ detection: Detection, rules: DataClassRules) {
        dataClass = Self.dataClass(detection, rules: rules)
        notifyBy = dataClass.isPersonal && detection.status == .firing ? detection.windowEnd + Self.notificationWindow : nil
        containment = Self.containment(detection)
    }

    /// The most sensitive class among the key's endpoint and the endpoints that contributed to it.
    static func dataClass(_ detection: Detection, rules: DataClassRules) -> DataClass {
        var endpoints: [String] = []
        switch detection.dimension {
        case .endpoint:
            endpoints.append(detection.keyName)
        case .principalEndpoint:
            if let pair = detection.keyPair { endpoints.append(pair.other) }
        case .principal:
            endpoints += detection.contributors.filter { $0.share >= 0.1 }.map(\.name)
        case .sourceIP, .sourceNetwork, .destination, .principalSourceNetwork:
            break
        }
        if endpoints.isEmpty {
            // A source or destination: sensitive as soon as records moved (the endpoints are not known here).
            return detection.totals.records > 0 ? .unclassified : .none
        }
        return endpoints.map { rules.classify(endpoint: $0) }.max() ?? .unclassified
    }

    /// The first thing to do, named after what the alert is keyed on.
    static func containment(_ detection: Detection) -> String {
        let key = detection.displayName
        switch detection.dimension {
        case .principal:
            return "revoke or rotate the credentials of \(key) and review its recent access"
        case .principalEndpoint:
            if let pair = detection.keyPair { return "revoke \(pair.principal)'s access to \(pair.other)" }
            return "revoke \(key)'s access"
        case .principalSourceNetwork:
            if let pair = detection.keyPair {
                return "revoke or rotate the credentials of \(pair.principal), used from \(pair.other), and block "
                    + "that range unless the use is confirmed"
            }
            return "revoke or rotate the credentials of \(key)"
        case .sourceIP:
            return "block source \(key) at the gateway"
        case .sourceNetwork:
            return "block source range \(key) at the gateway, or challenge its clients"
        case .destination:
            return "pause the export or sync jobs writing to \(key)"
        case .endpoint:
            if let top = detection.contributors.first, top.share >= 0.5 {
                return "restrict \(key) and revoke the credentials of \(top.name) (\(Int((top.share * 100).rounded()))% of it)"
            }
            return "rate-limit \(key) and review the principals calling it"
        }
    }
}
