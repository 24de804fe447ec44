import Foundation
import LeakWatchGenerator
import Testing

/// The labelled incidents are really in the logs, in their windows, and loud per minute.
@Suite struct IncidentTrafficTests {
    /// Requests per minute of the lines matching `filter` inside the window, and the highest count per minute
    /// outside it.
    private func rates(
        _ run: ParsedRun, _ incident: LabelRecord, _ filter: (AccessRecord) -> Bool
    ) -> (inside: [Int], outsideMax: Int) {
        let minutes = Int((incident.end - incident.start) / 60_000)
        var inside = [Int](repeating: 0, count: minutes)
        var outside: [Int64: Int] = [:]
        for record in run.allAccess where filter(record) {
            if record.ts >= incident.start && record.ts < incident.end {
                inside[Int((record.ts - incident.start) / 60_000)] += 1
            } else {
                outside[record.ts / 60_000, default: 0] += 1
            }
        }
        return (inside, outside.values.max() ?? 0)
    }

    @Test func bulkPullPagesThroughContactsEveryMinute() throws {
        let run = try Fixtures.fourDays.get()
        let incident = try #require(run.incident("bulk_table_pull"))
        let principal = try #require(incident.keys["principal"])
        let (inside, outsideMax) = rates(run, incident) {
            $0.principal == principal && $0.endpoint == "GET /api/v2/contacts"
        }
        #expect(inside.count >= 20 && inside.count <= 40)
        #expect(inside.allSatisfy { $0 >= 130 && $0 <= 340 }, "\(inside)")
        #expect(outsideMax < 10)
        let pulled = run.allAccess.filter {
            $0.principal == principal && $0.ts >= incident.start && $0.ts < incident.end && $0.status == 200
                && $0.endpoint == "GET /api/v2/contacts"
        }
        #expect(pulled.allSatisfy { $0.records == 200 })
    }

    @Test func enumerationWalksSequentialIDs() throws {
        let run = try Fixtures.fourDays.get()
        let incident = try #require(run.incident("id_enumeration"))
        let principal = try #require(incident.keys["principal"])
        let (inside, outsideMax) = rates(run, incident) {
            $0.principal == principal && $0.endpoint == "GET /api/v2/customers/{id}"
        }
        #expect(inside.count >= 20 && inside.count <= 30)
        #expect(inside.allSatisfy { $0 >= 270 && $0 <= 550 }, "\(inside)")
        #expect(outsideMax < 10)
        let ids = run.allAccess.filter {
            $0.principal == principal && $0.ts >= incident.start && $0.ts < incident.end
                && $0.endpoint == "GET /api/v2/customers/{id}"
        }.compactMap { Int($0.path.split(separator: "/").last ?? "") }
        // The walk is the longest chain of consecutive ids (the service's ordinary random lookups are mixed in),
        // and it appears in time order.
        let distinct = Set(ids)
        var chainStart = 0
        var chainLength = 0
        for id in distinct where !distinct.contains(id - 1) {
            var length = 1
            while distinct.contains(id + length) { length += 1 }
            if length > chainLength {
                chainStart = id
                chainLength = length
            }
        }
        #expect(Double(chainLength) >= 0.97 * Double(inside.reduce(0, +)), "chain \(chainLength) of \(ids.count)")
        var expected = chainStart
        for id in ids where id == expected {
            expected += 1
        }
        #expect(expected - chainStart == chainLength)
        // From the service's usual address.
        let usual = run.allAccess.first { $0.principal == principal && $0.ts < run.warmupEnd }?.sourceIP
        #expect(run.allAccess.filter { $0.principal == principal }.allSatisfy { $0.sourceIP == usual })
    }

    @Test func tokenSprayUsesManyQuietNeverSeenTokens() throws {
        let run = try Fixtures.fourDays.get()
        let incident = try #require(run.incident("token_spray"))
        let address = try #require(incident.keys["src_ip"])
        let spray = run.allAccess.filter { $0.sourceIP == address }
        #expect(spray.allSatisfy { $0.ts >= incident.start && $0.ts < incident.end })
        let tokens = Set(spray.map(\.principal))
        #expect(tokens.count >= 40 && tokens.count <= 80)
        #expect(tokens.allSatisfy { $0.hasPrefix("tok_") })
        let others = run.allAccess.filter { $0.sourceIP != address }
        #expect(!others.contains { tokens.contains($0.principal) })
        #expect(Set(spray.map(\.endpoint)) == ["GET /api/v2/customers/{id}", "GET /api/v2/orders/{uuid}"])
        let minutes = Double(incident.end - incident.start) / 60_000
        let perToken = Double(spray.count) / Double(tokens.count) / minutes
        #expect(perToken >= 2 && perToken <= 9)
        let (inside, _) = rates(run, incident) { $0.sourceIP == address }
        let sorted = inside.sorted()
        #expect(sorted[sorted.count / 2] >= 100, "median per minute \(sorted[sorted.count / 2])")
    }

    @Test func offHoursExportDownloadsContactsAtNight() throws {
        let run = try Fixtures.fourDays.get()
        let incident = try #require(run.incident("offhours_report_export"))
        let principal = try #require(incident.keys["principal"])
        let minuteOfDay = { (ts: Int64) in Int(ts % 86_400_000 / 60_000) }
        #expect(minuteOfDay(incident.start) >= 150 && minuteOfDay(incident.end) <= 240)
        let exports = run.allExports.filter {
            $0.principal == principal && $0.ts >= incident.start && $0.ts < incident.end
        }
        #expect(exports.count == 1)
        let export = try #require(exports.first)
        #expect(export.destination == "report://download" && export.object == "Contact")
        #expect(export.records >= 80_000 && export.records <= 200_000)
        let downloads = run.allAccess.filter {
            $0.principal == principal && $0.endpoint == "GET /api/v2/reports/{id}/export"
                && $0.ts >= incident.start && $0.ts < incident.end
        }
        #expect(downloads.count >= 3 && downloads.count <= 6)
        #expect(downloads.reduce(0) { $0 + $1.records } == export.records)
        // Normal report downloads are small.
        let normal = run.allExports.filter { $0.destination == "report://download" && $0.principal != principal }
        #expect(normal.allSatisfy { $0.records <= 2_000 })
    }

    @Test func slowDripAddsContactReadsAroundTheClock() throws {
        let run = try Fixtures.fourDays.get()
        let incident = try #require(run.incident("slow_drip"))
        let principal = try #require(incident.keys["principal"])
        let reads = run.allAccess.filter {
            $0.principal == principal && $0.endpoint == "GET /api/v2/contacts/{id}"
                && $0.ts >= incident.start && $0.ts < incident.end
        }
        let hours = Double(incident.end - incident.start) / 3_600_000
        #expect(hours >= 40)
        #expect(Double(reads.count) / hours >= 18)
        let night = reads.filter { $0.ts % 86_400_000 < 5 * 3_600_000 }
        #expect(night.count >= 40)
    }

    @Test func incidentsAreKeptOutOfTheWarmup() throws {
        let run = try Fixtures.fourDays.get()
        let warmup = run.allAccess.filter { $0.ts < run.warmupEnd }
        #expect(!warmup.contains { $0.principal.hasPrefix("tok_") || $0.sourceIP.hasPrefix("203.0.113.") })
        #expect(!warmup.contains { $0.endpoint == "GET /api/v3/orders/{id}" })
        let exports = run.allExports.filter { $0.ts < run.warmupEnd && $0.destination == "report://download" }
        #expect(exports.allSatisfy { $0.records <= 2_000 })
    }
}
