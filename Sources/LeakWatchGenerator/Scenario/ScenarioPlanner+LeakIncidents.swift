/// The exfiltration and synthetic-data incidents: planned after the volume incidents, with the same random stream
/// continuing, so that adding them moves none of the earlier ones.
extension ScenarioPlanner {
    static let mailingList = "https://api.mailchimp.example/3.0/lists/8d1f3c/members"

    /// Plans the seven incidents below, the most constrained in time first.
    static func planLeakIncidents(
        _ scenario: inout Scenario, post: TimeWindow, random: inout Xoshiro256StarStar, placement: inout Placement
    ) {
        planOffHoursServiceBulk(&scenario, post: post, random: &random, placement: &placement)
        planProvenanceDrop(&scenario, post: post, random: &random, placement: &placement)
        planSyntheticFlood(&scenario, post: post, random: &random, placement: &placement)
        planNewPrincipalBulk(&scenario, post: post, random: &random, placement: &placement)
        planSyntheticExport(&scenario, post: post, random: &random, placement: &placement)
        planCredentialStuffing(&scenario, post: post, random: &random, placement: &placement)
        planStolenToken(&scenario, post: post, random: &random, placement: &placement)
    }

    /// `offhours_service_bulk`: a person who works European office hours pages through the order list at
    /// 01:00-04:00, 200 records a page, far more than they ever read, for 10-20 minutes.
    static func planOffHoursServiceBulk(
        _ scenario: inout Scenario, post: TimeWindow, random: inout Xoshiro256StarStar, placement: inout Placement
    ) {
        let busy = Set(scenario.incidents.flatMap { entry in entry.keys.filter { $0.0 == "principal" }.map(\.1) })
        let candidates = people(scenario.roster, roles: [.analyst, .operations]).filter { index in
            guard case let .office(shiftStart, _, _) = scenario.roster.actors[index].rhythm else { return false }
            return shiftStart < 540 && !busy.contains(scenario.roster.actors[index].principal)
        }
        let minutes = random.int(in: 10...20)
        guard let actor = candidates.pick(using: &random) else { return }
        // Preferably on a night after two whole days of the person's office hours (a detector needs that much
        // history to know their usual hours), else on any night after the warm-up.
        let seasoned = TimeWindow(start: max(post.start, scenario.start + 3 * TimeWindow.day), end: post.end)
        var window: TimeWindow?
        for within in [seasoned, post] where window == nil {
            window = placement.place(
                minutes: minutes, startMinutes: 60...(240 - minutes), within: within,
                fixedMargin: 15 * TimeWindow.minute, random: &random)
        }
        guard let window else { return }
        let perMinute = Double(random.int(in: 100...180)) * scenario.intensity
        let counts = minuteCounts(window, perMinute: perMinute, random: &random)
        scenario.streams.append(IncidentStream(
            actor: actor, endpoints: [(.orderList, 1)], firstMinute: minuteIndex(window.start, in: scenario),
            counts: counts, mode: .sequentialPages(first: 1), statuses: StatusMix.bulk, records: 200...200))
        let principal = scenario.roster.actors[actor].principal
        let endpoint = EndpointCatalog[.orderList].template
        scenario.incidents.append(LabelEntry(
            type: "offhours_service_bulk", window: window, keys: [("principal", principal)],
            detectors: ["off_hours_bulk", "volume_spike"],
            description: "\(principal), who works office hours, pages through \(endpoint) at night at about "
                + "\(Int(perMinute)) requests per minute, 200 records each, for \(counts.count) minutes."))
    }

    /// `provenance_dropped`: svc-support-bot keeps its usual traffic but stops declaring provenance (no
    /// `provenance`, `synthetic_records` or `ai_model_version`) for 1.5-3 hours of a working day.
    static func planProvenanceDrop(
        _ scenario: inout Scenario, post: TimeWindow, random: inout Xoshiro256StarStar, placement: inout Placement
    ) {
        guard let actor = scenario.roster.index(of: "svc-support-bot"),
            let window = placement.place(
                minutes: random.int(in: 90...180), startMinutes: 540...900, within: post, random: &random)
        else { return }
        scenario.provenanceGap = ProvenanceGap(actor: actor, window: window)
        let principal = scenario.roster.actors[actor].principal
        scenario.incidents.append(LabelEntry(
            type: "provenance_dropped", window: window, keys: [("principal", principal)],
            detectors: ["provenance_missing"],
            description: "\(principal), which always declares its writes as mixed AI content, keeps writing cases "
                + "and comments but sends no provenance, synthetic_records or ai_model_version for "
                + "\((window.end - window.start) / TimeWindow.minute) minutes."))
    }

    /// `synthetic_flood`: svc-marketing-ai floods the live leads with AI-generated records, several times its usual
    /// in-burst rate, for 20-40 minutes of its working day.
    static func planSyntheticFlood(
        _ scenario: inout Scenario, post: TimeWindow, random: inout Xoshiro256StarStar, placement: inout Placement
    ) {
        guard let actor = scenario.roster.index(of: "svc-marketing-ai"),
            let window = placement.place(
                minutes: random.int(in: 20...40), startMinutes: 420...1_200, within: post, random: &random)
        else { return }
        // 36-54 batches of 25-45 records: 6-9x the usual bursts at one event per second, and always above the
        // 1,000 synthetic records a minute that synthetic_volume needs by default.
        let perMinute = Double(random.int(in: 36...54)) * scenario.intensity
        let counts = minuteCounts(window, perMinute: perMinute, random: &random)
        let batch = 25...45
        scenario.streams.append(IncidentStream(
            actor: actor, endpoints: [(.leadCreate, 1)], firstMinute: minuteIndex(window.start, in: scenario),
            counts: counts, mode: .randomIDs, statuses: StatusMix.create, records: batch))
        // Its usual rate in a burst: the busiest minute of its weekday profile, 60% of its requests create leads of
        // 5-50 synthetic records each (see ``AccessLineRenderer``).
        let roster = scenario.roster
        let base = actor * Roster.profileLength
        let peak = roster.profiles[base..<(base + 1440)].max() ?? 0
        let usual = scenario.accessEventsPerSecond * 60 * roster.actors[actor].share * peak * 0.6 * 27.5
        let flood = perMinute * Double(batch.lowerBound + batch.upperBound) / 2
        let principal = roster.actors[actor].principal
        let endpoint = EndpointCatalog[.leadCreate].template
        scenario.incidents.append(LabelEntry(
            type: "synthetic_flood", window: window, keys: [("principal", principal), ("endpoint", endpoint)],
            detectors: ["synthetic_volume"],
            description: "\(principal) creates about \(Int(perMinute)) batches of AI-generated leads a minute via "
                + "\(endpoint), about \(Int(flood)) synthetic records a minute (\(Int((flood / max(usual, 1)).rounded()))x "
                + "its usual bursts of about \(Int(usual))), for \(counts.count) minutes."))
    }

    /// `new_principal_bulk`: a never-seen OAuth client, from a never-seen address, reads pages of the list
    /// endpoints at 60-120 requests a minute, 100-200 records each, for 15-30 minutes.
    static func planNewPrincipalBulk(
        _ scenario: inout Scenario, post: TimeWindow, random: inout Xoshiro256StarStar, placement: inout Placement
    ) {
        guard let window = placement.place(
            minutes: random.int(in: 15...30), startMinutes: 480...1_140, within: post, random: &random)
        else { return }
        let principal = "oauth-app-" + hex(random.next(), digits: 8)
        let address = "198.18." + String(random.int(in: 16...250)) + "." + String(random.int(in: 2...250))
        let perMinute = Double(random.int(in: 60...120)) * scenario.intensity
        let counts = addListReader(
            &scenario, principal: principal, address: address, userAgent: "python-httpx/0.27.0",
            endpoints: [(.contactList, 3), (.leadList, 2), (.customerList, 2), (.orderList, 2), (.caseList, 1)],
            window: window, perMinute: perMinute, random: &random)
        scenario.incidents.append(LabelEntry(
            type: "new_principal_bulk", window: window, keys: [("principal", principal), ("src_ip", address)],
            detectors: ["new_entity"],
            description: "Never-seen client \(principal) from never-seen \(address) reads contacts, leads, customers, "
                + "orders and cases at about \(Int(perMinute)) pages a minute, 100-200 records each, for "
                + "\(counts.count) minutes."))
    }

    /// `synthetic_to_new_destination`: svc-marketing-ai pushes 3-8k mostly AI-generated leads to the mailing-list
    /// provider, which has only ever received real contacts. (Kept under the volume floor of a spike.)
    static func planSyntheticExport(
        _ scenario: inout Scenario, post: TimeWindow, random: inout Xoshiro256StarStar, placement: inout Placement
    ) {
        guard let window = placement.place(minutes: 15, startMinutes: 480...1_140, within: post, random: &random)
        else { return }
        let principal = "svc-marketing-ai"
        let records = random.int(in: 3_000...8_000)
        let synthetic = Int(Double(records) * random.double(in: 0.7...0.95))
        scenario.plannedExports.append(ExportEvent(
            millis: window.start + Int64(random.int(in: 3...11)) * TimeWindow.minute + Int64(random.below(60_000)),
            principal: principal, object: "Lead", destination: mailingList, records: records,
            syntheticRecords: synthetic, bytes: Int64(records) * 380, format: "json"))
        scenario.incidents.append(LabelEntry(
            type: "synthetic_to_new_destination", window: window,
            keys: [("principal", principal), ("destination", mailingList)], detectors: ["synthetic_destination"],
            description: "\(principal) exports \(records) leads, \(synthetic) of them AI-generated, to "
                + "\(mailingList), which has never received synthetic records."))
    }

    /// `credential_stuffing`: one outside address hammers the token endpoint with guessed secrets, 150-400 requests
    /// a minute, 95% refused with 401 or 403, for 10-20 minutes.
    static func planCredentialStuffing(
        _ scenario: inout Scenario, post: TimeWindow, random: inout Xoshiro256StarStar, placement: inout Placement
    ) {
        guard let window = placement.place(minutes: random.int(in: 10...20), within: post, random: &random) else {
            return
        }
        let address = "198.19." + String(random.int(in: 16...250)) + "." + String(random.int(in: 2...250))
        let agent = ["python-requests/2.31.0", "okhttp/4.9.3", "Go-http-client/2.0"].pick(using: &random) ?? ""
        let actor = scenario.roster.addIncidentActor(Actor(
            principal: "anonymous", kind: .token, role: nil, share: 0, rhythm: .silent,
            endpoints: WeightedTable([(EndpointID.authToken.rawValue, 1)]), homeIP: address, remoteNetwork: nil,
            userAgent: agent, provenance: .none, pageSize: 1))
        let perMinute = Double(random.int(in: 150...400)) * scenario.intensity
        let counts = minuteCounts(window, perMinute: perMinute, random: &random)
        scenario.streams.append(IncidentStream(
            actor: actor, endpoints: [(.authToken, 1)], firstMinute: minuteIndex(window.start, in: scenario),
            counts: counts, mode: .randomIDs, statuses: StatusMix.stuffing))
        let endpoint = EndpointCatalog[.authToken].template
        scenario.incidents.append(LabelEntry(
            type: "credential_stuffing", window: window, keys: [("src_ip", address), ("endpoint", endpoint)],
            detectors: ["auth_failures"],
            description: "\(address) tries guessed credentials on \(endpoint) at about \(Int(perMinute)) requests "
                + "per minute, 95% refused with 401 or 403, for \(counts.count) minutes."))
    }

    /// `stolen_token_new_source`: the token of a contact-reading integration is used from an outside address it never
    /// came from, reading contacts at 50-90 pages a minute, 100-200 records each, for 15-30 minutes, while the
    /// integration itself keeps running as usual.
    static func planStolenToken(
        _ scenario: inout Scenario, post: TimeWindow, random: inout Xoshiro256StarStar, placement: inout Placement
    ) {
        let principals = ["svc-email-sync", "svc-helpdesk-sync"]
        guard let owner = scenario.roster.index(of: principals.pick(using: &random) ?? principals[0]),
            let window = placement.place(minutes: random.int(in: 15...30), within: post, random: &random)
        else { return }
        let principal = scenario.roster.actors[owner].principal
        let address = "198.51.100." + String(random.int(in: 2...250))
        let perMinute = Double(random.int(in: 50...90)) * scenario.intensity
        let counts = addListReader(
            &scenario, principal: principal, address: address, userAgent: "python-requests/2.31.0",
            endpoints: [(.contactList, 1)], window: window, perMinute: perMinute, random: &random)
        let endpoint = EndpointCatalog[.contactList].template
        scenario.incidents.append(LabelEntry(
            type: "stolen_token_new_source", window: window, keys: [("principal", principal), ("src_ip", address)],
            detectors: ["new_entity"],
            description: "The token of \(principal) is used from \(address), where it never came from, to read "
                + "\(endpoint) at about \(Int(perMinute)) pages a minute, 100-200 records each, for \(counts.count) "
                + "minutes, while the integration keeps running from its usual address."))
    }

    /// Adds a client that reads pages of `endpoints` (100-200 records each) as `principal` from `address` at about
    /// `perMinute` requests a minute during `window`; returns the requests of each minute.
    static func addListReader(
        _ scenario: inout Scenario, principal: String, address: String, userAgent: String,
        endpoints: [(EndpointID, Double)], window: TimeWindow, perMinute: Double, random: inout Xoshiro256StarStar
    ) -> [Int32] {
        let actor = scenario.roster.addIncidentActor(Actor(
            principal: principal, kind: .service, role: nil, share: 0, rhythm: .silent,
            endpoints: WeightedTable([(EndpointID.contactList.rawValue, 1)]), homeIP: address, remoteNetwork: nil,
            userAgent: userAgent, provenance: .none, pageSize: 200))
        let counts = minuteCounts(window, perMinute: perMinute, random: &random)
        scenario.streams.append(IncidentStream(
            actor: actor, endpoints: endpoints, firstMinute: minuteIndex(window.start, in: scenario), counts: counts,
            mode: .randomIDs, statuses: StatusMix.list, records: 100...200))
        return counts
    }

    /// The low `digits` nibbles of `value` in lower-case hex.
    static func hex(_ value: UInt64, digits: Int) -> String {
        let text = String(value & (digits >= 16 ? .max : (1 << UInt64(4 * digits)) - 1), radix: 16)
        return String(repeating: "0", count: digits - text.count) + text
    }
}
