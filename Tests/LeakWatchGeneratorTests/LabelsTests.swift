import Foundation
import LeakWatchGenerator
import Testing

@Suite struct LabelsTests {
    static let loud: Set<String> = ["bulk_table_pull", "offhours_report_export", "id_enumeration", "token_spray"]
    static let allTypes = [
        "bulk_table_pull", "credential_stuffing", "id_enumeration", "new_principal_bulk", "offhours_report_export",
        "offhours_service_bulk", "provenance_dropped", "slow_drip", "stolen_token_new_source", "synthetic_flood",
        "synthetic_to_new_destination", "token_spray",
    ]

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
        #expect(run.incidents.map(\.type).sorted() == Self.allTypes)
        #expect(run.run.result.incidents == Self.allTypes.count)
        for incident in run.incidents {
            #expect(incident.start >= run.warmupEnd, "\(incident.id) starts in the warm-up")
            #expect(incident.end <= run.end && incident.start < incident.end)
        }
        #expect(run.incidents.map(\.id) == (1...Self.allTypes.count).map { "inc-" + ($0 < 10 ? "00" : "0") + "\($0)" })
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

    /// Every incident but the two-day slow drip keeps at least 45 minutes from the others and from the surge, and
    /// stays out of the nightly ETL.
    @Test func incidentsKeepApart() throws {
        for run in [try Fixtures.fourDays.get(), try Fixtures.defaultSeed.get()] {
            let surge = try #require(run.benign.first { $0.type == "campaign_surge" })
            let spans = run.incidents.filter { $0.type != "slow_drip" }.map { ($0.type, $0.start, $0.end) }
                + [("campaign_surge", surge.start, surge.end)]
            let margin: Int64 = 45 * 60_000
            for (index, first) in spans.enumerated() {
                for second in spans[(index + 1)...] {
                    #expect(first.2 + margin <= second.1 || second.2 + margin <= first.1, "\(first.0) near \(second.0)")
                }
            }
            for etl in run.benign where etl.type == "nightly_etl" {
                #expect(spans.allSatisfy { $0.2 <= etl.start || etl.end <= $0.1 })
            }
        }
    }

    @Test func keysAndDetectorsFollowTheSchema() throws {
        let run = try Fixtures.fourDays.get()
        let expected: [String: (keys: Set<String>, detectors: [String], endpoint: String?)] = [
            "bulk_table_pull": (["principal", "endpoint"], ["volume_spike"], "GET /api/v2/contacts"),
            "offhours_report_export": (["principal", "destination"], ["volume_spike", "off_hours_bulk"], nil),
            "id_enumeration": (
                ["principal", "endpoint"], ["volume_spike", "enumeration"], "GET /api/v2/customers/{id}"
            ),
            "token_spray": (
                ["src_ip", "endpoint"], ["volume_spike", "fan_in", "new_entity"], "GET /api/v2/customers/{id}"
            ),
            "slow_drip": (["principal", "endpoint"], ["low_and_slow"], "GET /api/v2/contacts/{id}"),
            "synthetic_flood": (["principal", "endpoint"], ["synthetic_volume"], "POST /api/v2/leads"),
            "synthetic_to_new_destination": (["principal", "destination"], ["synthetic_destination"], nil),
            "provenance_dropped": (["principal"], ["provenance_missing"], nil),
            "new_principal_bulk": (["principal", "src_ip"], ["new_entity"], nil),
            "credential_stuffing": (["src_ip", "endpoint"], ["auth_failures"], "POST /api/v2/auth/token"),
            "offhours_service_bulk": (["principal"], ["off_hours_bulk", "volume_spike"], nil),
            "stolen_token_new_source": (["principal", "src_ip"], ["new_entity"], nil),
        ]
        for incident in run.incidents {
            let rule = try #require(expected[incident.type])
            #expect(Set(incident.keys.keys) == rule.keys, "\(incident.type)")
            #expect(incident.detectors == rule.detectors, "\(incident.type)")
            #expect(incident.keys["endpoint"] == rule.endpoint, "\(incident.type)")
        }
        #expect(run.incident("offhours_report_export")?.keys["destination"] == "report://download")
        #expect(run.incident("token_spray")?.keys["src_ip"]?.hasPrefix("203.0.113.") == true)
        #expect(run.incident("synthetic_flood")?.keys["principal"] == "svc-marketing-ai")
        // The stolen token belongs to a known integration, used from a documentation range it never came from.
        let stolen = run.incident("stolen_token_new_source")
        #expect(["svc-email-sync", "svc-helpdesk-sync"].contains(stolen?.keys["principal"] ?? ""))
        #expect(stolen?.keys["src_ip"]?.hasPrefix("198.51.100.") == true)
        #expect(run.incident("synthetic_to_new_destination")?.keys["principal"] == "svc-marketing-ai")
        #expect(run.incident("provenance_dropped")?.keys["principal"] == "svc-support-bot")
        #expect(run.incident("new_principal_bulk")?.keys["principal"]?.hasPrefix("oauth-app-") == true)
        #expect(run.incident("credential_stuffing")?.keys["src_ip"]?.hasPrefix("198.19.") == true)
    }

    /// The default run (seed 1, four days, two of warm-up) has every incident type once, after the warm-up.
    @Test func defaultRunHasEveryIncident() throws {
        let run = try Fixtures.defaultSeed.get()
        #expect(run.incidents.map(\.type).sorted() == Self.allTypes)
        #expect(run.incidents.allSatisfy { $0.start >= run.warmupEnd && $0.end <= run.end })
        #expect(Set(run.benign.map(\.type)) == ["campaign_surge", "new_endpoint_rollout", "nightly_etl", "new_employee"])
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
