import Foundation
import LeakWatchGenerator
import Testing

@Suite struct ExportLogTests {
    @Test(arguments: [0, 1, 2, 3])
    func nightlyETLExportsAbout200kRecordsOfEachObject(day: Int) throws {
        let run = try Fixtures.fourDays.get()
        let midnight = run.start + Int64(day) * 86_400_000
        let etl = run.exports[day].filter { $0.principal == "svc-dwh-etl" }
        #expect(etl.map(\.object).sorted() == ["Case", "Contact", "Order"])
        for export in etl {
            #expect(export.records >= 190_000 && export.records <= 210_000)
            #expect(export.destination == "s3://dwh-prod/crm/" + export.object.lowercased() + "s/")
            #expect(export.ts >= midnight + 120 * 60_000 && export.ts < midnight + 150 * 60_000)
        }
    }

    @Test func recurringJobsAndDownloads() throws {
        let run = try Fixtures.fourDays.get()
        for exports in run.exports {
            let syncs = exports.filter { $0.destination == "https://shop.example/api/sync" }
            #expect(syncs.count == 28)
            #expect(syncs.allSatisfy { $0.principal == "svc-shopify-sync" && $0.records < 5_000 })
            let marketing = exports.filter { $0.destination == "https://ads.partner.example/upload" }
            #expect(marketing.count == 3 && marketing.allSatisfy { $0.object == "Lead" })
        }
        let downloads = run.allExports.filter { $0.destination == "report://download" && $0.records <= 2_000 }
        #expect(!downloads.isEmpty)
        #expect(downloads.allSatisfy { $0.records >= 100 && !$0.principal.hasPrefix("svc-") })
    }
}
