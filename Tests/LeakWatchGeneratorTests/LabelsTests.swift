import Foundation
import LeakWatchGenerator
import Testing

@Suite struct LabelsTests {
    static let loud: Set<String> = ["bulk_table_pull", "offhours_report_export", "id_enumeration", "token_spray"]

    @Test func headerDescribesTheRun() throws {
        let run = try Fixtures.fourDays.get()
        let labels = try run.run.labels()
        #expect(labels["version"] as? Int == 1)
        #expect(labels["seed"] as? Int == 7)
        #expect(labels["start"] as? String == "2026-03-02T00:00:00Z")
        #expect(labels["end"] as? String == "2026-03-06T00:00:00Z")
        #expect(labels["warmup_end"] as? String == "2026-03-04T00:00:00Z")
    }

    @Test func everyIncidentTypeIsLabelledOnceAfterWarmup() throws {
        let run = try Fixtures.fourDays.get()
        #expect(run.incidents.map(\.type).sorted() == [
            "bulk_table_pull", "id_enumeration", "offhours_report_export", "slow_drip", "token_spray",
        ])
        #expect(run.run.result.incidents == 5)
        for incident in run.incidents {
            #expect(incident.start >= run.warmupEnd, "\(incident.id) starts in the warm-up")
            #expect(incident.end <= run.end && incident.start < incident.end)
        }
        #expect(run.incidents.map(\.id) == ["inc-001", "inc-002", "inc-003", "inc-004", "inc-005"])
        #expect(zip(run.incidents, run.incidents.dropFirst()).allSatisfy { $0.start <= $1.start })
    }

    @Test func loudIncidentsDoNotOverlap() throws {
        let run = try Fixtures.fourDays.get()
        let loud = run.incidents.filter { Self.loud.contains($0.type) }
        #expect(loud.count == 4)
        for (index, first) in loud.enumerated() {
            for second in loud[(index + 1)...] {
                #expect(first.end <= second.start || second.end <= first.start, "\(first.id) overlaps \(second.id)")
            }
        }
        let surge = try #require(run.benign.first { $0.type == "campaign_surge" })
        #expect(loud.allSatisfy { $0.end <= surge.start || surge.end <= $0.start })
    }

    @Test func keysAndDetectorsFollowTheSchema() throws {
        let run = try Fixtures.fourDays.get()
        let expected: [String: (keys: Set<String>, detectors: [String], endpoint: String?)] = [
            "bulk_table_pull": (["principal", "endpoint"], ["volume_spike"], "GET /api/v2/contacts"),
            "offhours_report_export": (["principal", "destination"], ["volume_spike", "off_hours_bulk"], nil),
            "id_enumeration": (
                ["principal", "endpoint"], ["volume_spike", "enumeration"], "GET /api/v2/customers/{id}"
            ),
            "token_spray": (["src_ip", "endpoint"], ["volume_spike", "fan_in"], "GET /api/v2/customers/{id}"),
            "slow_drip": (["principal", "endpoint"], ["low_and_slow"], "GET /api/v2/contacts/{id}"),
        ]
        for incident in run.incidents {
            let rule = try #require(expected[incident.type])
            #expect(Set(incident.keys.keys) == rule.keys, "\(incident.type)")
            #expect(incident.detectors == rule.detectors, "\(incident.type)")
            #expect(incident.keys["endpoint"] == rule.endpoint, "\(incident.type)")
        }
        #expect(run.incident("offhours_report_export")?.keys["destination"] == "report://download")
        #expect(run.incident("token_spray")?.keys["src_ip"]?.hasPrefix("203.0.113.") == true)
    }

    @Test func benignEventsAreLabelled() throws {
        let run = try Fixtures.fourDays.get()
        let types = Set(run.benign.map(\.type))
        #expect(types == ["campaign_surge", "new_endpoint_rollout", "nightly_etl", "new_employee"])
        #expect(run.benign.filter { $0.type == "nightly_etl" }.count == 4)
        for entry in run.benign where entry.type != "nightly_etl" {
            #expect(entry.start >= run.warmupEnd && entry.end <= run.end, "\(entry.type)")
        }
        let surge = try #require(run.benign.first { $0.type == "campaign_surge" })
        let hours = Double(surge.end - surge.start) / 3_600_000
        #expect(hours >= 2 && hours <= 3)
        let weekday = (surge.start / 86_400_000 + 3) % 7
        #expect(weekday < 5)
    }

    @Test func noLabelsBeforeTheWarmupEnds() throws {
        let run = try Fixtures.week.get()
        #expect(run.incidents.isEmpty)
        #expect(run.benign.allSatisfy { $0.type == "nightly_etl" })
        #expect(run.run.result.incidents == 0)
    }
}
