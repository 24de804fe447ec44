import Foundation
import LeakWatchGenerator
import Testing

@Suite struct TrafficShapeTests {
    @Test func meanRateMatchesTheOption() throws {
        let run = try Fixtures.week.get()
        let perSecond = Double(run.allAccess.count) / (7 * 86_400)
        #expect(perSecond > 0.04 && perSecond < 0.06, "\(perSecond) per second")
    }

    @Test func weekendsAreQuieter() throws {
        let run = try Fixtures.week.get()
        let perDay = run.access.map(\.count)
        let weekdays = Double(perDay[0..<5].reduce(0, +)) / 5
        let weekend = Double(perDay[5..<7].reduce(0, +)) / 2
        #expect(weekend / weekdays > 0.18 && weekend / weekdays < 0.45, "\(perDay)")
    }

    @Test func afternoonsAreBusierThanNights() throws {
        let run = try Fixtures.week.get()
        let weekdays = run.access[0..<5].flatMap { $0 }
        let hour = { (record: AccessRecord) in Int(record.ts % 86_400_000 / 3_600_000) }
        let night = weekdays.filter { (0..<5).contains(hour($0)) }.count
        let afternoon = weekdays.filter { (12..<17).contains(hour($0)) }.count
        #expect(Double(afternoon) > 3 * Double(night), "afternoon \(afternoon), night \(night)")
    }

    @Test func peopleComeFromOfficesAndServicesFromFixedAddresses() throws {
        let run = try Fixtures.week.get()
        var addresses: [String: Set<String>] = [:]
        for record in run.allAccess {
            addresses[record.principal, default: []].insert(record.sourceIP)
        }
        for (principal, ips) in addresses {
            if principal.hasPrefix("svc-") {
                #expect(ips.count == 1 && ips.first?.hasPrefix("10.") == true, "\(principal)")
            } else {
                let networks = ["198.51.100.", "192.0.2.", "100.70.4.", "100.64.12.", "100.64.13."]
                #expect(ips.allSatisfy { ip in networks.contains { ip.hasPrefix($0) } }, "\(principal)")
            }
        }
    }
}
