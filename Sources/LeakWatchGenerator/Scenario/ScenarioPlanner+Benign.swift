extension ScenarioPlanner {
    /// `nightly_etl`: svc-dwh-etl reads at 01:40-02:00 and exports Contact, Order and Case by 02:30, every night.
    static func planNightlyETL(_ scenario: inout Scenario) {
        let all = TimeWindow(start: scenario.start, end: scenario.end)
        var midnight = CivilDate.floorDivide(scenario.start, TimeWindow.day) * TimeWindow.day
        while midnight < scenario.end {
            let window = TimeWindow(start: midnight + 100 * TimeWindow.minute, end: midnight + 150 * TimeWindow.minute)
            if window.overlaps(all) {
                scenario.benign.append(LabelEntry(
                    type: "nightly_etl", window: window, keys: [("principal", "svc-dwh-etl")], detectors: [],
                    description: "svc-dwh-etl pages through orders, contacts, cases and leads and exports about "
                        + "200k records each of Contact, Order and Case to s3://dwh-prod/crm/, as every night."))
            }
            midnight += TimeWindow.day
        }
    }

    /// `campaign_surge`: all traffic × 1.6-1.9 for 2-3 hours on a weekday afternoon.
    static func planSurge(
        _ scenario: inout Scenario, post: TimeWindow, random: inout Xoshiro256StarStar, placement: inout Placement
    ) {
        let days = midnights(in: post)
        let weekdays = days.filter { isWeekday(midnight: $0) }
        guard let midnight = (weekdays.isEmpty ? days : weekdays).pick(using: &random) else { return }
        let start = midnight + Int64(random.int(in: 720...900)) * TimeWindow.minute
        let window = TimeWindow(start: start, end: start + Int64(random.int(in: 120...180)) * TimeWindow.minute)
        let factor = (random.double(in: 1.6...1.9) * 100).rounded() / 100
        scenario.surge = Surge(window: window, factor: factor)
        placement.take(window)
        scenario.benign.append(LabelEntry(
            type: "campaign_surge", window: window, keys: [], detectors: [],
            description: "A marketing campaign multiplies all traffic by \(factor) for "
                + "\((window.end - window.start) / TimeWindow.minute) minutes on a weekday afternoon."))
    }

    /// `new_endpoint_rollout`: GET /api/v3/orders/{id} appears and ramps to a few percent of traffic.
    static func planRollout(_ scenario: inout Scenario, post: TimeWindow, random: inout Xoshiro256StarStar) {
        guard let midnight = midnights(in: post).pick(using: &random) else { return }
        let start = midnight + Int64(random.int(in: 480...660)) * TimeWindow.minute
        let ramp = Int64(random.int(in: 6...8)) * TimeWindow.hour
        let actors = ["svc-shopify-sync", "svc-erp-orders"].compactMap { scenario.roster.index(of: $0) }
        scenario.rollout = Rollout(start: start, rampMillis: ramp, finalFraction: 0.8, actors: actors)
        let endpoint = EndpointCatalog[.orderByIDV3].template
        scenario.benign.append(LabelEntry(
            type: "new_endpoint_rollout",
            window: TimeWindow(start: start, end: min(start + ramp, scenario.end)),
            keys: [("endpoint", endpoint)], detectors: [],
            description: "svc-shopify-sync and svc-erp-orders move 80% of their order reads to \(endpoint) "
                + "over \(ramp / TimeWindow.hour) hours; it then stays at a few percent of traffic."))
    }

    /// `new_employee`: a person appears and ramps up to normal human volume over the last days.
    static func planArrival(_ scenario: inout Scenario, post: TimeWindow) {
        let start = max(post.start, scenario.end - 2 * TimeWindow.day)
        let actor = scenario.roster.newEmployee
        scenario.arrival = Arrival(actor: actor, start: start, rampMillis: max(TimeWindow.hour, scenario.end - start))
        let principal = scenario.roster.actors[actor].principal
        scenario.benign.append(LabelEntry(
            type: "new_employee", window: TimeWindow(start: start, end: scenario.end),
            keys: [("principal", principal)], detectors: [],
            description: "\(principal) joins sales and ramps up to a normal person's volume by the end."))
    }
}
