extension ScenarioPlanner {
    /// `offhours_report_export`: a person downloads a large Contact report at 02:30-04:00.
    /// - Returns: the person's index, so other incidents pick someone else.
    static func planOffHoursExport(
        _ scenario: inout Scenario, post: TimeWindow, random: inout Xoshiro256StarStar, placement: inout Placement
    ) -> Int? {
        let candidates = people(scenario.roster, roles: [.sales, .analyst])
        guard let actor = candidates.pick(using: &random) else { return nil }
        let days = shuffled(midnights(in: post), random: &random)
        for midnight in days {
            let start = midnight + Int64(random.int(in: 150...195)) * TimeWindow.minute
            let window = TimeWindow(start: start, end: start + Int64(random.int(in: 12...25)) * TimeWindow.minute)
            guard placement.isFree(window) else { continue }
            placement.take(window)
            let total = random.int(in: 80_000...200_000)
            let downloads = random.int(in: 3...6)
            let reports = [random.int(in: 100...1_999), random.int(in: 100...1_999)]
            let span = Int(window.end - window.start - 2 * TimeWindow.minute)
            var times = (0..<downloads).map { _ in window.start + TimeWindow.minute + Int64(random.below(span)) }
            times.sort()
            scenario.plannedAccesses.append(PlannedAccess(
                millis: window.start + Int64(random.below(50_000)), actor: actor, endpoint: .reportByID,
                pathID: reports[0], records: 1, status: 200))
            for (index, time) in times.enumerated() {
                let share = index == downloads - 1 ? total - total / downloads * (downloads - 1) : total / downloads
                scenario.plannedAccesses.append(PlannedAccess(
                    millis: time, actor: actor, endpoint: .reportExport, pathID: reports[index % 2],
                    records: share, status: 200))
            }
            let principal = scenario.roster.actors[actor].principal
            scenario.plannedExports.append(ExportEvent(
                millis: (times.last ?? window.start) + Int64(random.int(in: 2_000...9_000)), principal: principal,
                object: "Contact", destination: "report://download", records: total, syntheticRecords: 0,
                bytes: Int64(total) * 420, format: "csv"))
            scenario.incidents.append(LabelEntry(
                type: "offhours_report_export", window: window,
                keys: [("principal", principal), ("destination", "report://download")],
                detectors: ["volume_spike", "off_hours_bulk"],
                description: "\(principal) downloads Contact report exports \(downloads) times at night, "
                    + "\(total) records in all to report://download."))
            return actor
        }
        return nil
    }

    /// `bulk_table_pull`: an over-permissioned service account pages through the contact list.
    static func planBulkPull(
        _ scenario: inout Scenario, post: TimeWindow, random: inout Xoshiro256StarStar, placement: inout Placement
    ) {
        let principals = ["svc-support-bot", "svc-helpdesk-sync", "svc-billing"]
        guard let actor = scenario.roster.index(of: principals.pick(using: &random) ?? principals[0]),
            let window = placement.place(minutes: random.int(in: 20...40), within: post, random: &random)
        else { return }
        let perMinute = Double(random.int(in: 150...300)) * scenario.intensity
        let counts = minuteCounts(window, perMinute: perMinute, random: &random)
        scenario.streams.append(IncidentStream(
            actor: actor, endpoints: [(.contactList, 1)], firstMinute: minuteIndex(window.start, in: scenario),
            counts: counts, mode: .sequentialPages(first: 1), statuses: StatusMix.bulk, records: 200...200))
        let principal = scenario.roster.actors[actor].principal
        let endpoint = EndpointCatalog[.contactList].template
        scenario.incidents.append(LabelEntry(
            type: "bulk_table_pull", window: window, keys: [("principal", principal), ("endpoint", endpoint)],
            detectors: ["volume_spike"],
            description: "\(principal) pages through \(endpoint) at about \(Int(perMinute)) requests per minute, "
                + "200 records each, for \(counts.count) minutes."))
    }

    /// `id_enumeration`: a service account walks customer ids one by one from its usual address.
    static func planEnumeration(
        _ scenario: inout Scenario, post: TimeWindow, random: inout Xoshiro256StarStar, placement: inout Placement
    ) {
        let principals = ["svc-review-widget", "svc-fraud-scoring"]
        guard let actor = scenario.roster.index(of: principals.pick(using: &random) ?? principals[0]),
            let window = placement.place(minutes: random.int(in: 20...30), within: post, random: &random)
        else { return }
        let perMinute = Double(random.int(in: 300...500)) * scenario.intensity
        let counts = minuteCounts(window, perMinute: perMinute, random: &random)
        let first = random.int(in: 20_000...120_000)
        scenario.streams.append(IncidentStream(
            actor: actor, endpoints: [(.customerByID, 1)], firstMinute: minuteIndex(window.start, in: scenario),
            counts: counts, mode: .sequentialIDs(first: first), statuses: StatusMix.enumeration, records: 1...1))
        let principal = scenario.roster.actors[actor].principal
        let endpoint = EndpointCatalog[.customerByID].template
        scenario.incidents.append(LabelEntry(
            type: "id_enumeration", window: window, keys: [("principal", principal), ("endpoint", endpoint)],
            detectors: ["volume_spike", "enumeration"],
            description: "\(principal) walks \(endpoint) with sequential ids from \(first) at about "
                + "\(Int(perMinute)) requests per minute for \(counts.count) minutes."))
    }

    /// `token_spray`: one outside address uses dozens of never-seen tokens, each one quiet, together loud.
    ///
    /// Nearly all requests go to the labelled endpoint (customers); the orders share is kept small, so that an alert
    /// on it (which a label naming one endpoint cannot match) is unlikely.
    static func planTokenSpray(
        _ scenario: inout Scenario, post: TimeWindow, random: inout Xoshiro256StarStar, placement: inout Placement
    ) {
        guard let window = placement.place(minutes: random.int(in: 30...60), within: post, random: &random) else {
            return
        }
        let spread = min(scenario.intensity, 10)
        let tokens = Int((Double(random.int(in: 55...80)) * spread).rounded())
        let address = "203.0.113." + String(random.int(in: 5...250))
        let agent = ["python-requests/2.31.0", "Go-http-client/1.1", "curl/8.5.0"].pick(using: &random) ?? ""
        let minutes = Int((window.end - window.start) / TimeWindow.minute)
        let firstMinute = minuteIndex(window.start, in: scenario)
        var total = 0.0
        for _ in 0..<tokens {
            var name = "tok_"
            for _ in 0..<5 {
                let chunk = String(random.next() & 0xFFFF, radix: 16)
                name += String(repeating: "0", count: 4 - chunk.count) + chunk
            }
            let actor = scenario.roster.addIncidentActor(Actor(
                principal: name, kind: .token, role: nil, share: 0, rhythm: .silent,
                endpoints: WeightedTable([(EndpointID.customerByID.rawValue, 1)]), homeIP: address,
                remoteNetwork: nil, userAgent: agent, provenance: .none, pageSize: 100))
            let perMinute = Double(random.int(in: 4...8)) * scenario.intensity / spread
            total += perMinute
            let lead = random.int(in: 0...3)
            let tail = random.int(in: 0...3)
            let counts = (0..<minutes).map { minute in
                minute < lead || minute >= minutes - tail ? 0 : Int32(random.poisson(perMinute))
            }
            scenario.streams.append(IncidentStream(
                actor: actor, endpoints: [(.customerByID, 0.95), (.orderByUUID, 0.05)], firstMinute: firstMinute,
                counts: counts, mode: .randomIDs, statuses: StatusMix.spray))
        }
        let endpoint = EndpointCatalog[.customerByID].template
        scenario.incidents.append(LabelEntry(
            type: "token_spray", window: window, keys: [("src_ip", address), ("endpoint", endpoint)],
            detectors: ["volume_spike", "fan_in", "new_entity"],
            description: "\(address) uses \(tokens) never-seen tokens, 3-8 requests per minute each and about "
                + "\(Int(total)) per minute together, on \(endpoint) and GET /api/v2/orders/{uuid} for "
                + "\(minutes) minutes."))
    }

    /// `slow_drip`: one person reads 20-40 extra contacts an hour, around the clock, for two days.
    static func planSlowDrip(
        _ scenario: inout Scenario, post: TimeWindow, excluding: Int?, random: inout Xoshiro256StarStar
    ) {
        let candidates = people(scenario.roster, roles: [.sales, .support]).filter { $0 != excluding }
        guard let actor = candidates.pick(using: &random) else { return }
        let start = post.start + Int64(random.int(in: 0...90)) * TimeWindow.minute
        let window = TimeWindow(start: start, end: min(start + 2 * TimeWindow.day, post.end))
        guard window.end - window.start >= 6 * TimeWindow.hour else { return }
        let perHour = Double(random.int(in: 20...40)) * scenario.intensity
        let minutes = Int((window.end - window.start) / TimeWindow.minute)
        let counts = (0..<minutes).map { _ in Int32(random.poisson(perHour / 60)) }
        scenario.streams.append(IncidentStream(
            actor: actor, endpoints: [(.contactByID, 1)], firstMinute: minuteIndex(window.start, in: scenario),
            counts: counts, mode: .randomIDs, statuses: StatusMix.read))
        let principal = scenario.roster.actors[actor].principal
        let endpoint = EndpointCatalog[.contactByID].template
        scenario.incidents.append(LabelEntry(
            type: "slow_drip", window: window, keys: [("principal", principal), ("endpoint", endpoint)],
            detectors: ["low_and_slow"],
            description: "\(principal) reads about \(Int(perHour)) extra contacts an hour via \(endpoint), day and "
                + "night, for \(minutes / 60) hours."))
    }

    /// Requests per minute around `perMinute` (±10%) for each minute of `window`.
    static func minuteCounts(_ window: TimeWindow, perMinute: Double, random: inout Xoshiro256StarStar) -> [Int32] {
        let minutes = Int((window.end - window.start) / TimeWindow.minute)
        return (0..<minutes).map { _ in Int32((perMinute * random.double(in: 0.9...1.1)).rounded()) }
    }
}
