import LeakWatchAlerting
import LeakWatchEngine
import Testing

@Suite("incident grouping")
struct IncidentGrouperTests {
    static func alert(_ detector: DetectorKind, _ dimension: Dimension, _ key: String, minute: Int64,
                      contributor: String? = nil) -> Alert {
        var detection = AlertContextTests.detection(detector, dimension: dimension, key: key, records: 500)
        detection.windowStart = 1_772_600_000_000 + minute * 60_000
        detection.episodeStart = detection.windowStart
        if let contributor {
            detection.contributors = [Contributor(dimension: .principal, name: contributor, requests: 100, bytes: 0,
                                                  records: 500, share: 0.9)]
        }
        return Alert(detection)
    }

    @Test("alerts about one principal within 30 minutes are one incident; another principal is another")
    func grouping() {
        var alerts = [
            Self.alert(.volumeSpike, .principal, "svc-support-bot", minute: 0),
            Self.alert(.newEntity, .principalEndpoint, "svc-support-bot\u{1F}GET /api/v2/contacts", minute: 1),
            Self.alert(.volumeSpike, .endpoint, "GET /api/v2/contacts", minute: 1, contributor: "svc-support-bot"),
            Self.alert(.fanIn, .sourceIP, "203.0.113.9", minute: 5),
            Self.alert(.offHoursBulk, .principal, "svc-support-bot", minute: 25),
            Self.alert(.volumeSpike, .principal, "svc-support-bot", minute: 120),
        ]
        let grouper = IncidentGrouper()
        grouper.assign(&alerts)
        let ids = alerts.map(\.incident)
        #expect(Set(ids[0...2]).count == 1)
        #expect(ids[4] == ids[0])
        #expect(ids[3] != ids[0])
        #expect(ids[5] != ids[0], "after a quiet gap the same principal opens a new incident")
        #expect(grouper.incidentCount == 3)
        #expect(ids[0] == "inc-" + alerts[0].id.dropFirst(3))
    }
}
