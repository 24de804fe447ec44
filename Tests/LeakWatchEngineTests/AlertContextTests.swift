import LeakWatchAlerting
import LeakWatchEngine
import Testing

@Suite("alert severity, data class, GDPR deadline and containment")
struct AlertContextTests {
    static func detection(
        _ detector: DetectorKind = .volumeSpike, dimension: Dimension, key: String, records: Int64,
        contributors: [Contributor] = [], status: DetectionStatus = .firing
    ) -> Detection {
        var totals = WindowTotals()
        totals.requests = 200
        totals.records = records
        var detection = Detection(
            detector: detector, status: status, dimension: dimension, keyHash: 1, keyName: key,
            windowStart: 1_772_600_000_000, windowMillis: 60_000, episodeStart: 1_772_600_000_000, metric: .records,
            observed: Double(records), expected: 100, lower: 0, upper: 500, score: 40, totals: totals,
            contributorEntries: [])
        detection.contributors = contributors
        return detection
    }

    @Test("endpoint templates map to data classes, most sensitive first", arguments: [
        ("GET /api/v2/contacts/{id}", DataClass.personal),
        ("POST /api/v2/leads", .personal),
        ("GET /api/v3/orders/{id}", .payment),
        ("export Contact", .personal),
        ("export Order", .payment),
        ("GET /api/v2/products/{id}", .none),
        ("GET /internal/metrics", .unclassified),
    ])
    func classification(endpoint: String, expected: DataClass) {
        #expect(DataClassRules().classify(endpoint: endpoint) == expected)
    }

    @Test("a bulk pull of personal data is critical, names a GDPR deadline 72 h after detection and what to revoke")
    func personalBulkPull() {
        let alert = Alert(Self.detection(
            dimension: .principal, key: "svc-support-bot", records: 120_000,
            contributors: [Contributor(dimension: .endpoint, name: "GET /api/v2/contacts", requests: 600,
                                       bytes: 1, records: 120_000, share: 1)]))
        #expect(alert.context.dataClass == .personal)
        #expect(alert.severity == .critical)
        #expect(alert.context.notifyBy == alert.detection.windowEnd + 72 * 3_600_000)
        #expect(alert.context.containment.contains("revoke or rotate the credentials of svc-support-bot"))
        let json = AlertJSONEncoder.encode(alert)
        #expect(json.contains("\"data_class\":\"personal\""))
        #expect(json.contains("\"notify_by\":\"2026-03-07T"))
    }

    @Test("non-personal data has no GDPR deadline and a lower severity; resolutions are informational")
    func nonPersonal() {
        let products = Alert(Self.detection(.enumeration, dimension: .principalEndpoint,
                                            key: "crawler\u{1F}GET /api/v2/products/{id}", records: 300))
        #expect(products.context.dataClass == .none)
        #expect(products.context.notifyBy == nil)
        #expect(products.severity == .medium)
        #expect(products.context.containment == "revoke crawler's access to GET /api/v2/products/{id}")
        #expect(!AlertJSONEncoder.encode(products).contains("notify_by"))
        let resolved = Alert(Self.detection(dimension: .sourceIP, key: "203.0.113.7", records: 10, status: .resolved))
        #expect(resolved.severity == .info)
        #expect(resolved.context.containment == "block source 203.0.113.7 at the gateway")
    }
}
