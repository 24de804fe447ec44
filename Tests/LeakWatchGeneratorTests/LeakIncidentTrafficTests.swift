import Foundation
import LeakWatchGenerator
import Testing

/// The exfiltration and synthetic-data incidents are really in the logs, in their windows, and the token endpoint
/// has a baseline for them to stand out from.
@Suite struct LeakIncidentTrafficTests {
    /// Both scenarios the tests look at: the shared four-day fixture (seed 7) and the default seed.
    static let seeds: [UInt64] = [7, 1]

    private func run(seed: UInt64) throws -> ParsedRun {
        try (seed == 1 ? Fixtures.defaultSeed : Fixtures.fourDays).get()
    }

    private func inside(_ record: AccessRecord, _ incident: LabelRecord) -> Bool {
        record.ts >= incident.start && record.ts < incident.end
    }

    /// Per-minute counts of `values` (time, amount) inside the window.
    private func perMinute(_ incident: LabelRecord, _ values: [(Int64, Int)]) -> [Int] {
        var minutes = [Int](repeating: 0, count: Int((incident.end - incident.start) / 60_000))
        for (ts, amount) in values where ts >= incident.start && ts < incident.end {
            minutes[Int((ts - incident.start) / 60_000)] += amount
        }
        return minutes
    }

    @Test(arguments: seeds)
    func tokenEndpointHasASteadyBaselineWithAFewFailures(seed: UInt64) throws {
        let run = try run(seed: seed)
        let stuffing = try #require(run.incident("credential_stuffing"))
        let tokens = run.allAccess.filter {
            $0.endpoint == "POST /api/v2/auth/token" && $0.sourceIP != stuffing.keys["src_ip"]
        }
        #expect(tokens.count >= 100, "\(tokens.count) token requests")
        #expect(tokens.allSatisfy { $0.records == 0 && $0.provenance == nil })
        let failures = tokens.filter { $0.status == 401 || $0.status == 403 }
        let share = Double(failures.count) / Double(tokens.count)
        #expect(share > 0.005 && share < 0.1, "\(share)")
        // Steady: every day, warm-up included, and from many known principals.
        for day in run.access {
            #expect(day.filter { $0.endpoint == "POST /api/v2/auth/token" }.count >= 15)
        }
        #expect(Set(tokens.map(\.principal)).count >= 40)
        // Other endpoints answer 401 and 403 now and then too.
        let elsewhere = run.allAccess.filter {
            ($0.status == 401 || $0.status == 403) && $0.endpoint != "POST /api/v2/auth/token"
                && !$0.principal.hasPrefix("tok_") && $0.ts < run.warmupEnd
        }
        #expect(Set(elsewhere.map(\.endpoint)).count >= 8)
    }

    @Test(arguments: seeds)
    func credentialStuffingHammersTheTokenEndpoint(seed: UInt64) throws {
        let run = try run(seed: seed)
        let incident = try #require(run.incident("credential_stuffing"))
        let address = try #require(incident.keys["src_ip"])
        let attempts = run.allAccess.filter { $0.sourceIP == address }
        #expect(attempts.allSatisfy { inside($0, incident) && $0.endpoint == incident.keys["endpoint"] })
        let minutes = perMinute(incident, attempts.map { ($0.ts, 1) })
        #expect(minutes.count >= 10 && minutes.count <= 20)
        #expect(minutes.allSatisfy { $0 >= 130 && $0 <= 450 }, "\(minutes)")
        let refused = attempts.filter { $0.status == 401 || $0.status == 403 }
        #expect(Double(refused.count) >= 0.9 * Double(attempts.count), "\(refused.count) of \(attempts.count)")
        let failures = perMinute(incident, refused.map { ($0.ts, 1) })
        #expect(failures.allSatisfy { $0 >= 100 }, "\(failures)")
        // Never seen before or after.
        #expect(!run.allAccess.contains { $0.sourceIP == address && !inside($0, incident) })
    }

    @Test(arguments: seeds)
    func syntheticFloodFillsTheLeads(seed: UInt64) throws {
        let run = try run(seed: seed)
        let incident = try #require(run.incident("synthetic_flood"))
        let principal = try #require(incident.keys["principal"])
        let posts = run.allAccess.filter { $0.principal == principal && $0.endpoint == incident.keys["endpoint"] }
        let synthetic = posts.map { ($0.ts, $0.syntheticRecords ?? 0) }
        let floodMinutes = perMinute(incident, synthetic)
        #expect(floodMinutes.count >= 20 && floodMinutes.count <= 40)
        #expect(floodMinutes.allSatisfy { $0 >= 800 }, "\(floodMinutes)")
        #expect(floodMinutes.sorted()[floodMinutes.count / 2] >= 1_000)
        var outside: [Int64: Int] = [:]
        for (ts, records) in synthetic where ts < incident.start || ts >= incident.end {
            outside[ts / 60_000, default: 0] += records
        }
        let usualMax = outside.values.max() ?? 0
        #expect(usualMax > 0 && (floodMinutes.min() ?? 0) > usualMax, "outside at most \(usualMax)")
        // Batches of 25-45 (its usual posts, 5-50, go on beside them), all declared synthetic.
        let flood = posts.filter { inside($0, incident) && $0.status == 201 }
        #expect(flood.allSatisfy {
            $0.provenance == "synthetic" && $0.syntheticRecords == $0.records && $0.declaresModel
                && (5...50).contains($0.records)
        })
        let mean = Double(flood.reduce(0) { $0 + $1.records }) / Double(max(flood.count, 1))
        #expect(mean >= 32 && mean <= 38, "\(mean) records per batch")
    }

    @Test(arguments: seeds)
    func syntheticExportGoesWhereNoSyntheticDataWentBefore(seed: UInt64) throws {
        let run = try run(seed: seed)
        let incident = try #require(run.incident("synthetic_to_new_destination"))
        let destination = try #require(incident.keys["destination"])
        let exports = run.allExports.filter { $0.destination == destination }
        let synthetic = exports.filter { $0.syntheticRecords > 0 }
        #expect(synthetic.count == 1)
        let export = try #require(synthetic.first)
        #expect(export.ts >= incident.start && export.ts < incident.end)
        #expect(export.principal == incident.keys["principal"])
        #expect(export.records >= 2_000 && export.records < 10_000)
        #expect(Double(export.syntheticRecords) >= 0.6 * Double(export.records))
        // The destination itself is known (it receives real contacts every day), just never synthetic records.
        #expect(exports.filter { $0.ts < run.warmupEnd }.count >= 2)
        #expect(!exports.contains { $0.ts < incident.start && $0.syntheticRecords > 0 })
    }

    @Test(arguments: seeds)
    func provenanceIsDroppedOnlyInTheWindow(seed: UInt64) throws {
        let run = try run(seed: seed)
        let incident = try #require(run.incident("provenance_dropped"))
        let principal = try #require(incident.keys["principal"])
        let hours = Double(incident.end - incident.start) / 3_600_000
        #expect(hours >= 1 && hours <= 3)
        let writes = run.allAccess.filter {
            $0.principal == principal && $0.method != "GET" && $0.status < 300
                && $0.endpoint != "POST /api/v2/auth/token"
        }
        let during = writes.filter { inside($0, incident) }
        let otherwise = writes.filter { !inside($0, incident) }
        #expect(during.count >= 5, "\(during.count) writes in the window")
        #expect(during.allSatisfy { $0.provenance == nil && $0.syntheticRecords == nil && !$0.declaresModel })
        #expect(otherwise.count > 10 * during.count)
        #expect(otherwise.allSatisfy { $0.provenance == "mixed" && $0.syntheticRecords != nil && $0.declaresModel })
        // Its traffic goes on as usual: writes make up about as large a share of it as at other times (outside
        // other incidents, which may use the same principal).
        let others = run.incidents.filter { $0.type != incident.type && $0.keys["principal"] == principal }
        let all = run.allAccess.filter { record in
            record.principal == principal && record.endpoint != "POST /api/v2/auth/token"
                && !others.contains { inside(record, $0) }
        }
        let share = Double(during.count) / Double(all.filter { inside($0, incident) }.count)
        let usual = all.filter { !inside($0, incident) }
        let usualShare = Double(usual.filter { $0.method != "GET" && $0.status < 300 }.count) / Double(usual.count)
        #expect(abs(share - usualShare) < 0.25, "\(share) vs \(usualShare)")
    }

    @Test(arguments: seeds)
    func newPrincipalReadsInBulkFromANewAddress(seed: UInt64) throws {
        let run = try run(seed: seed)
        let incident = try #require(run.incident("new_principal_bulk"))
        let principal = try #require(incident.keys["principal"])
        let address = try #require(incident.keys["src_ip"])
        let reads = run.allAccess.filter { $0.principal == principal }
        #expect(reads.allSatisfy { inside($0, incident) && $0.sourceIP == address })
        #expect(!run.allAccess.contains { $0.sourceIP == address && $0.principal != principal })
        let minutes = perMinute(incident, reads.map { ($0.ts, 1) })
        #expect(minutes.count >= 15 && minutes.count <= 30)
        #expect(minutes.allSatisfy { $0 >= 50 && $0 <= 140 }, "\(minutes)")
        let lists: Set<String> = [
            "GET /api/v2/contacts", "GET /api/v2/leads", "GET /api/v2/customers", "GET /api/v2/orders",
            "GET /api/v2/cases",
        ]
        #expect(Set(reads.map(\.endpoint)) == lists)
        #expect(reads.filter { $0.status == 200 }.allSatisfy { (100...200).contains($0.records) })
        let records = perMinute(incident, reads.map { ($0.ts, $0.records) })
        #expect(records.allSatisfy { $0 >= 5_000 }, "\(records)")
    }

    @Test(arguments: seeds)
    func officeWorkerPullsOrdersAtNight(seed: UInt64) throws {
        let run = try run(seed: seed)
        let incident = try #require(run.incident("offhours_service_bulk"))
        let principal = try #require(incident.keys["principal"])
        let minuteOfDay = { (ts: Int64) in Int(ts % 86_400_000 / 60_000) }
        #expect(minuteOfDay(incident.start) >= 60 && minuteOfDay(incident.end - 1) < 240)
        let pull = run.allAccess.filter {
            $0.principal == principal && $0.endpoint == "GET /api/v2/orders" && inside($0, incident)
        }
        let minutes = perMinute(incident, pull.map { ($0.ts, 1) })
        #expect(minutes.count >= 10 && minutes.count <= 20)
        #expect(minutes.allSatisfy { $0 >= 90 }, "\(minutes)")
        #expect(pull.filter { $0.status == 200 }.allSatisfy { $0.records == 200 })
        // A person with office hours: nearly all of their other traffic is between 06:00 and 20:00 UTC.
        let usual = run.allAccess.filter { $0.principal == principal && !inside($0, incident) }
        let night = usual.filter { minuteOfDay($0.ts) < 360 }
        #expect(!principal.hasPrefix("svc-"))
        #expect(usual.count > 50 && Double(night.count) < 0.03 * Double(usual.count), "\(night.count) at night")
        // Not a principal of another incident.
        let others = run.incidents.filter { $0.type != incident.type }.compactMap { $0.keys["principal"] }
        #expect(!others.contains(principal))
    }

    @Test(arguments: seeds)
    func tokenSprayTokensAreAllNewAndFromOneAddress(seed: UInt64) throws {
        let run = try run(seed: seed)
        let incident = try #require(run.incident("token_spray"))
        let address = try #require(incident.keys["src_ip"])
        let tokens = Set(run.allAccess.filter { $0.sourceIP == address }.map(\.principal))
        #expect(!tokens.isEmpty)
        #expect(!run.allAccess.contains { tokens.contains($0.principal) && ($0.sourceIP != address || $0.ts < incident.start) })
    }
}
