import Foundation
import LeakWatchGenerator
import Testing

@Suite struct LineFormatTests {
    static let methods: Set<String> = ["GET", "POST", "PATCH", "PUT"]
    static let statuses: Set<Int> = [200, 201, 304, 400, 401, 403, 404, 409, 422, 429, 500, 503]

    @Test func everyAccessLineIsACanonicalEvent() throws {
        let run = try Fixtures.oneDay.get()
        let events = try run.run.events(run.run.accessFiles)
        #expect(events.count > 1_000)
        for event in events {
            _ = try Timestamp.parse(event["ts"])
            #expect(((event["ts"] as? String)?.utf8.count) == 24)
            #expect(Self.methods.contains(event["method"] as? String ?? ""))
            let path = try #require(event["path"] as? String)
            #expect(path.hasPrefix("/api/v2/") || path.hasPrefix("/api/v3/"))
            #expect(Self.statuses.contains(event["status"] as? Int ?? 0))
            let bytes = try #require(event["bytes"] as? Int)
            let records = try #require(event["records"] as? Int)
            #expect(bytes >= 0 && records >= 0)
            #expect((event["duration_ms"] as? Double ?? 0) > 0)
            for field in ["principal", "src_ip", "ua", "request_id"] {
                #expect(!(event[field] as? String ?? "").isEmpty, "missing \(field)")
            }
            if let provenance = event["provenance"] as? String {
                #expect(["synthetic", "mixed", "human"].contains(provenance))
                if provenance != "human" {
                    #expect((event["synthetic_records"] as? Int ?? -1) <= records)
                    #expect(event["ai_model_version"] is String)
                }
            }
        }
    }

    @Test func everyExportLineIsACanonicalEvent() throws {
        let run = try Fixtures.oneDay.get()
        let events = try run.run.events(run.run.exportFiles)
        #expect(events.count > 20)
        for event in events {
            _ = try Timestamp.parse(event["ts"])
            #expect(!(event["destination"] as? String ?? "").isEmpty)
            #expect((event["job_id"] as? String ?? "").hasPrefix("job-20260302-"))
            #expect((event["records"] as? Int ?? -1) >= (event["synthetic_records"] as? Int ?? 0))
            #expect((event["bytes"] as? Int ?? 0) > 0)
            let objects: Set<String> = ["Contact", "Order", "Case", "Lead", "Account", "Customer"]
            #expect(objects.contains(event["object"] as? String ?? ""))
        }
    }

    @Test(arguments: [0, 1, 2, 3])
    func timestampsNeverGoBackwards(day: Int) throws {
        let run = try Fixtures.fourDays.get()
        let dayStart = run.start + Int64(day) * 86_400_000
        for times in [run.access[day].map(\.ts), run.exports[day].map(\.ts)] {
            #expect(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 })
            #expect(times.allSatisfy { $0 >= dayStart && $0 < dayStart + 86_400_000 })
        }
    }

    @Test func trafficHasTheAdvertisedVariety() throws {
        let run = try Fixtures.fourDays.get()
        let access = run.allAccess
        let endpoints = Set(access.map(\.endpoint))
        #expect(endpoints.count >= 30)
        #expect(endpoints.contains("GET /api/v2/orders/{uuid}"))
        #expect(endpoints.contains("GET /api/v2/reports/{id}/export"))
        #expect(endpoints.contains("GET /api/v3/orders/{id}"))
        let principals = Set(access.map(\.principal))
        #expect(principals.filter { $0.hasPrefix("svc-") }.count == 12)
        #expect(principals.filter { $0.hasSuffix("@shop.example") || $0.hasPrefix("u_") }.count >= 55)
        let statuses = Set(access.map(\.status))
        #expect(statuses.isSuperset(of: [200, 201, 304, 404]))
    }

    @Test func syntheticProvenanceComesFromTheAIServices() throws {
        let run = try Fixtures.oneDay.get()
        let events = try run.run.events(run.run.accessFiles)
        let synthetic = events.filter { $0["provenance"] as? String == "synthetic" }
        let mixed = events.filter { $0["provenance"] as? String == "mixed" }
        #expect(!synthetic.isEmpty && !mixed.isEmpty)
        #expect(synthetic.allSatisfy {
            $0["principal"] as? String == "svc-marketing-ai" && $0["path"] as? String == "/api/v2/leads"
                && $0["synthetic_records"] as? Int == $0["records"] as? Int
        })
        #expect(mixed.allSatisfy { $0["principal"] as? String == "svc-support-bot" })
        #expect(events.contains { $0["provenance"] as? String == "human" })
    }
}
