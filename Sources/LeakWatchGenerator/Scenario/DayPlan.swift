/// The export events and the exactly-timed access requests of one file day, both sorted by time.
struct DayPlan {
    var exports: [ExportEvent] = []
    var accesses: [PlannedAccess] = []

    /// Plans `window` (one file day): the recurring jobs and report downloads of each UTC day it touches, plus
    /// the scenario's incident events that fall inside it.
    init(scenario: Scenario, window: TimeWindow) {
        var midnight = CivilDate.floorDivide(window.start, TimeWindow.day) * TimeWindow.day
        while midnight < window.end {
            planUTCDay(midnight: midnight, scenario: scenario)
            midnight += TimeWindow.day
        }
        exports.removeAll { !window.contains($0.millis) }
        accesses.removeAll { !window.contains($0.millis) }
        exports += scenario.plannedExports.filter { window.contains($0.millis) }
        accesses += scenario.plannedAccesses.filter { window.contains($0.millis) }
        // Sort by time; ties keep a stable, content-derived order.
        exports = exports.enumerated().sorted { ($0.element.millis, $0.offset) < ($1.element.millis, $1.offset) }
            .map(\.element)
        accesses = accesses.enumerated().sorted { ($0.element.millis, $0.offset) < ($1.element.millis, $1.offset) }
            .map(\.element)
    }

    private mutating func planUTCDay(midnight: Int64, scenario: Scenario) {
        let dayNumber = CivilDate.floorDivide(midnight, TimeWindow.day)
        var random = Xoshiro256StarStar(seed: scenario.seed, stream: .exportDay, key: dayNumber)
        let minute = TimeWindow.minute
        // Nightly ETL: about 200k records (±5%) each of Contact, Order and Case.
        for (index, object) in ["Contact", "Order", "Case"].enumerated() {
            let records = Int(200_000 * random.double(in: 0.95...1.05))
            let synthetic = object == "Case" ? Int(Double(records) * random.double(in: 0.02...0.04)) : 0
            let finish = midnight + Int64(125 + 8 * index + random.int(in: 0...5)) * minute
                + Int64(random.below(60_000))
            exports.append(ExportEvent(
                millis: finish, principal: "svc-dwh-etl", object: object,
                destination: "s3://dwh-prod/crm/" + object.lowercased() + "s/", records: records,
                syntheticRecords: synthetic, bytes: Int64(records) * Int64(random.int(in: 470...490)),
                format: "parquet"))
        }
        // Hourly shop sync of orders (and customers every six hours), following shop traffic.
        for hour in 0..<24 {
            let level = Rhythm.storefront.level(minuteOfDay: hour * 60, weekend: false)
            for object in hour % 6 == 0 ? ["Order", "Customer"] : ["Order"] {
                let records = 10 + Int(random.lognormal(median: 180 * level, sigma: 0.35))
                exports.append(ExportEvent(
                    millis: midnight + Int64(hour * 60 + 5) * minute + Int64(random.below(90_000)),
                    principal: "svc-shopify-sync", object: object, destination: "https://shop.example/api/sync",
                    records: records, syntheticRecords: 0, bytes: Int64(records) * 1_750, format: "json"))
            }
        }
        // Marketing uploads the same three audience segments with AI-generated leads every day; their sizes
        // drift only a little, so the recurring upload is a learnable pattern, not a spike.
        for (hour, median) in [(6, 4_000.0), (12, 9_000.0), (18, 6_000.0)] {
            let records = Int(random.lognormal(median: median, sigma: 0.12))
            exports.append(ExportEvent(
                millis: midnight + Int64(hour * 60 + 25) * minute + Int64(random.below(300_000)),
                principal: "svc-marketing-ai", object: "Lead", destination: "https://ads.partner.example/upload",
                records: records, syntheticRecords: Int(Double(records) * random.double(in: 0.5...0.9)),
                bytes: Int64(records) * 260, format: "csv"))
        }
        // Daily mailing-list sync.
        let mailing = random.int(in: 3_000...8_000)
        exports.append(ExportEvent(
            millis: midnight + 330 * minute + Int64(random.below(600_000)), principal: "svc-email-sync",
            object: "Contact", destination: "https://api.mailchimp.example/3.0/lists/8d1f3c/members",
            records: mailing, syntheticRecords: 0, bytes: Int64(mailing) * 610, format: "json"))
        planReportDownloads(midnight: midnight, dayNumber: dayNumber, scenario: scenario, random: &random)
    }

    /// People download reports in their office hours: an access request and an export event each.
    private mutating func planReportDownloads(
        midnight: Int64, dayNumber: Int64, scenario: Scenario, random: inout Xoshiro256StarStar
    ) {
        let weekend = CivilDate.weekday(daysSinceEpoch: dayNumber) >= 5
        let people = ScenarioPlanner.people(scenario.roster, roles: [.sales, .analyst])
        guard !people.isEmpty else { return }
        let count = random.poisson((weekend ? 1.5 : 8) * max(0.25, scenario.accessEventsPerSecond))
        let objects = ["Contact", "Lead", "Account", "Case", "Order"]
        for _ in 0..<count {
            let actor = people[random.below(people.count)]
            guard case let .office(shiftStart, shiftLength, _) = scenario.roster.actors[actor].rhythm else { continue }
            let minuteOfDay = (shiftStart + random.int(in: 30...(shiftLength - 30))) % 1440
            let millis = midnight + Int64(minuteOfDay) * TimeWindow.minute + Int64(random.below(60_000))
            let records = random.int(in: 100...2_000)
            let object = objects[random.below(objects.count)]
            accesses.append(PlannedAccess(
                millis: millis, actor: actor, endpoint: .reportExport, pathID: random.int(in: 100...1_999),
                records: records, status: 200))
            exports.append(ExportEvent(
                millis: millis + Int64(random.int(in: 1_500...9_000)),
                principal: scenario.roster.actors[actor].principal,
                object: object, destination: "report://download", records: records, syntheticRecords: 0,
                bytes: Int64(records) * Int64(random.int(in: 380...460)), format: "csv"))
        }
    }
}
