import LeakWatchEngine
import LeakWatchParsing
import Testing

/// Each detector on small hand-built streams: it fires when it should and stays quiet when it should not.
@Suite("detectors on hand-built streams")
struct DetectorTests {
    static let start: Int64 = 1_772_409_600_000  // Monday 2026-03-02T00:00:00Z
    static let hour: Int64 = 3_600_000

    /// JSON lines for `hours` hours; `events(minute)` returns the lines' field text (without ts) of one minute.
    static func stream(hours: Int, events: (Int) -> [String]) -> [String] {
        var lines: [String] = []
        for minute in 0..<(hours * 60) {
            let fields = events(minute)
            for (index, text) in fields.enumerated() {
                let time = start + Int64(minute) * 60_000 + Int64(index) * 60_000 / Int64(max(fields.count, 1))
                lines.append("{\"ts\":\(time),\(text)}")
            }
        }
        return lines
    }

    /// Steady background so that the engine and its keys have history.
    static func background(_ minute: Int) -> [String] {
        (0..<4).map { "\"path\":\"/api/v2/contacts/\(1000 + (minute * 7 + $0) % 900)\",\"principal\":\"svc-shop\",\"records\":1,\"status\":200,\"src_ip\":\"10.0.0.1\"" }
    }

    static func firing(_ detections: [Detection], _ detector: DetectorKind) -> [Detection] {
        detections.filter { $0.detector == detector && $0.status == .firing }
    }

    @Test("synthetic_volume: an AI integration floods Leads with synthetic records")
    func syntheticFlood() {
        let floodStart = 30 * 60
        let lines = Self.stream(hours: 31) { minute in
            var events = Self.background(minute)
            let flood = minute >= floodStart && minute < floodStart + 20
            for _ in 0..<(flood ? 40 : 3) {
                events.append("\"method\":\"POST\",\"path\":\"/api/v2/leads\",\"principal\":\"svc-marketing-ai\",\"records\":50,\"synthetic_records\":50,\"provenance\":\"synthetic\",\"status\":201")
            }
            return events
        }
        let detections = runEngine(lines, configuration: EngineConfiguration(), workers: 2).detections
        let synthetic = Self.firing(detections, .syntheticVolume)
        #expect(synthetic.contains { $0.keyName == "svc-marketing-ai" && $0.windowStart == Self.start + Int64(floodStart) * 60_000 })
        #expect(synthetic.allSatisfy { $0.windowStart >= Self.start + Int64(floodStart) * 60_000 })
        // Steady synthetic traffic alone is quiet.
        let quiet = Self.stream(hours: 31) { minute in
            Self.background(minute) + ["\"method\":\"POST\",\"path\":\"/api/v2/leads\",\"principal\":\"svc-marketing-ai\",\"records\":50,\"synthetic_records\":50,\"provenance\":\"synthetic\""]
        }
        #expect(Self.firing(runEngine(quiet, configuration: EngineConfiguration(), workers: 1).detections, .syntheticVolume).isEmpty)
    }

    @Test("synthetic_destination: synthetic records go where none went before; known destinations stay quiet")
    func syntheticToNewDestination() {
        let lines = Self.stream(hours: 30) { minute in
            var events = Self.background(minute)
            if minute % 120 == 0 {
                events.append("\"destination\":\"https://ads.partner.example/upload\",\"principal\":\"svc-marketing-ai\",\"object\":\"Lead\",\"records\":500,\"synthetic_records\":400")
                events.append("\"destination\":\"s3://dwh/leads/\",\"principal\":\"svc-dwh-etl\",\"object\":\"Lead\",\"records\":900,\"synthetic_records\":0")
            }
            if minute == 29 * 60 + 10 {
                events.append("\"destination\":\"s3://dwh/leads/\",\"principal\":\"svc-marketing-ai\",\"object\":\"Lead\",\"records\":900,\"synthetic_records\":700")
            }
            return events
        }
        let found = Self.firing(runEngine(lines, configuration: EngineConfiguration(), workers: 2).detections, .syntheticDestination)
        #expect(found.map(\.keyName) == ["s3://dwh/leads/"])
        #expect(found.first?.observed == 700)
        // With an allow-list, the partner is allowed and the warehouse is not.
        var configuration = EngineConfiguration()
        configuration.synthetic.allowedDestinations = ["https://ads.partner.example/upload"]
        let listed = Self.firing(runEngine(lines, configuration: configuration, workers: 1).detections, .syntheticDestination)
        #expect(listed.map(\.keyName) == ["s3://dwh/leads/"])
    }

    @Test("provenance_missing: a principal that always declared provenance stops declaring it")
    func provenanceDropped() {
        let dropStart = 27 * 60
        let lines = Self.stream(hours: 29) { minute in
            var events = Self.background(minute)
            let dropped = minute >= dropStart && minute < dropStart + 60
            for _ in 0..<25 {
                events.append(dropped
                    ? "\"method\":\"POST\",\"path\":\"/api/v2/cases\",\"principal\":\"svc-support-bot\",\"records\":1"
                    : "\"method\":\"POST\",\"path\":\"/api/v2/cases\",\"principal\":\"svc-support-bot\",\"records\":1,\"provenance\":\"mixed\"")
            }
            return events
        }
        let found = Self.firing(runEngine(lines, configuration: EngineConfiguration(), workers: 2).detections, .provenanceMissing)
        #expect(found.contains { $0.dimension == .principal && $0.keyName == "svc-support-bot" && $0.windowStart == Self.start + Int64(dropStart) * 60_000 })
        #expect(found.allSatisfy { $0.windowStart >= Self.start + Int64(dropStart) * 60_000 })
    }

    @Test("provenance_missing: a configured AI integration sends undeclared traffic from the start")
    func configuredAIPrincipal() {
        var configuration = EngineConfiguration()
        configuration.provenance.aiPrincipals = ["svc-new-ai"]
        let lines = Self.stream(hours: 1) { minute in
            Self.background(minute) + (minute == 30 ? ["\"method\":\"POST\",\"path\":\"/api/v2/leads\",\"principal\":\"svc-new-ai\",\"records\":5"] : [])
        }
        let found = Self.firing(runEngine(lines, configuration: configuration, workers: 1).detections, .provenanceMissing)
        #expect(found.map(\.keyName) == ["svc-new-ai"])
    }

    @Test("new_entity: a never-seen principal moving volume after warm-up alerts once; a stray request does not")
    func newPrincipal() {
        let arrival = 26 * 60
        let lines = Self.stream(hours: 28) { minute in
            var events = Self.background(minute)
            if minute >= arrival && minute < arrival + 15 {
                for page in 0..<80 {
                    events.append("\"path\":\"/api/v2/contacts?page=\(page)\",\"principal\":\"svc-analytics-trial\",\"records\":200,\"src_ip\":\"203.0.113.5\"")
                }
            }
            if minute == arrival + 30 {
                events.append("\"path\":\"/api/v2/contacts/5\",\"principal\":\"intern-42\",\"records\":1")
            }
            return events
        }
        let found = Self.firing(runEngine(lines, configuration: EngineConfiguration(), workers: 2).detections, .newEntity)
        #expect(found.filter { $0.dimension == .principal }.map(\.keyName) == ["svc-analytics-trial"])
        #expect(found.allSatisfy { $0.windowStart == Self.start + Int64(arrival) * 60_000 })
        #expect(!found.contains { $0.keyName.hasPrefix("intern-42") })
    }

    @Test("new_entity: a known principal reading from a network it never came from alerts; a new address in its own /24 does not")
    func knownPrincipalFromNewNetwork() {
        let theft = 26 * 60
        let lines = Self.stream(hours: 28) { minute in
            var events = Self.background(minute)
            if minute >= theft && minute < theft + 15 {
                for page in 0..<80 {
                    // The stolen token, from outside; and the owner's own client moving to a sibling address.
                    events.append("\"path\":\"/api/v2/contacts?page=\(page)\",\"principal\":\"svc-shop\",\"records\":200,\"src_ip\":\"198.51.100.7\"")
                    events.append("\"path\":\"/api/v2/contacts/\(page)\",\"principal\":\"svc-shop\",\"records\":1,\"src_ip\":\"10.0.0.9\"")
                }
            }
            return events
        }
        let found = Self.firing(runEngine(lines, configuration: EngineConfiguration(), workers: 2).detections, .newEntity)
        let fromNetworks = found.filter { $0.dimension == .principalSourceNetwork }
        #expect(fromNetworks.map(\.displayName) == ["svc-shop 198.51.100.0/24"])
        #expect(fromNetworks.first?.keyPair?.principal == "svc-shop")
        #expect(fromNetworks.first?.windowStart == Self.start + Int64(theft) * 60_000)
        // The principal itself is known: only the pair is new.
        #expect(!found.contains { $0.dimension == .principal })
    }

    @Test("auth_failures: a burst of 401s on the token endpoint")
    func credentialStuffing() {
        let burst = 27 * 60
        let lines = Self.stream(hours: 28) { minute in
            var events = Self.background(minute)
            let attack = minute >= burst && minute < burst + 10
            for index in 0..<(attack ? 250 : 3) {
                let status = attack ? (index % 20 == 0 ? 200 : 401) : (index == 0 && minute % 10 == 0 ? 401 : 200)
                events.append("\"method\":\"POST\",\"path\":\"/api/v2/auth/token\",\"status\":\(status),\"src_ip\":\"\(attack ? "198.51.100.7" : "10.0.0.9")\"")
            }
            return events
        }
        let found = Self.firing(runEngine(lines, configuration: EngineConfiguration(), workers: 2).detections, .authFailures)
        #expect(found.contains { $0.dimension == .endpoint && $0.keyName == "POST /api/v2/auth/token" })
        #expect(found.allSatisfy { $0.windowStart >= Self.start + Int64(burst) * 60_000 })
    }

    @Test("off_hours_bulk: a daytime principal pulls in bulk at 3 a.m., not at 2 p.m.")
    func offHoursBulk() {
        func run(pullAtHour: Int) -> [Detection] {
            let pullMinute = 72 * 60 + pullAtHour * 60 + 5
            let lines = Self.stream(hours: 74 + pullAtHour) { minute in
                var events = Self.background(minute)
                let hourOfDay = (minute / 60) % 24
                if hourOfDay >= 9 && hourOfDay < 17 && minute % 3 == 0 {
                    events.append("\"path\":\"/api/v2/orders/\(minute)\",\"principal\":\"jane.doe\",\"records\":2")
                }
                if minute == pullMinute {
                    for page in 0..<40 {
                        events.append("\"path\":\"/api/v2/orders?page=\(page)\",\"principal\":\"jane.doe\",\"records\":200")
                    }
                }
                return events
            }
            return Self.firing(runEngine(lines, configuration: EngineConfiguration(), workers: 2).detections, .offHoursBulk)
        }
        let night = run(pullAtHour: 3)
        #expect(night.map(\.keyName) == ["jane.doe"])
        #expect(night.first?.metric == .records)
        #expect(run(pullAtHour: 14).isEmpty)
    }
}

@Suite("source-shape detectors on hand-built streams")
struct SourceDetectorTests {
    @Test("fan_in: sixty new tokens from one address, each below any per-token limit")
    func tokenSpray() {
        let sprayStart = 27 * 60
        let lines = DetectorTests.stream(hours: 28) { minute in
            var events = DetectorTests.background(minute)
            events.append("\"path\":\"/api/v2/customers/\(minute)\",\"principal\":\"svc-crm\",\"src_ip\":\"10.1.1.1\"")
            if minute >= sprayStart && minute < sprayStart + 20 {
                for token in 0..<60 {
                    for request in 0..<4 {
                        events.append("\"path\":\"/api/v2/customers/\(token * 31 + request)\",\"principal\":\"tok_\(token)\",\"src_ip\":\"203.0.113.77\"")
                    }
                }
            }
            return events
        }
        let detections = runEngine(lines, configuration: EngineConfiguration(), workers: 2).detections
        let fanIn = DetectorTests.firing(detections, .fanIn)
        // The address and its /24 both carry the spray.
        #expect(fanIn.map(\.keyName) == ["203.0.113.77", "203.0.113.0/24"])
        #expect(fanIn.first?.windowStart == DetectorTests.start + Int64(sprayStart) * 60_000)
        #expect((fanIn.first?.observed ?? 0) >= 40)
    }

    @Test("enumeration: a principal walks sequential customer ids; random reads of the same rate do not alert")
    func sequentialWalk() {
        func run(sequential: Bool) -> [Detection] {
            let walkStart = 27 * 60
            let lines = DetectorTests.stream(hours: 28) { minute in
                var events = DetectorTests.background(minute)
                events.append("\"path\":\"/api/v2/customers/\((minute * 7919) % 100_000)\",\"principal\":\"svc-review-widget\"")
                if minute >= walkStart && minute < walkStart + 10 {
                    for step in 0..<300 {
                        let id = sequential ? 50_000 + (minute - walkStart) * 300 + step : (step * 7919 + minute * 104_729) % 10_000_000
                        events.append("\"path\":\"/api/v2/customers/\(id)\",\"principal\":\"svc-review-widget\"")
                    }
                }
                return events
            }
            return DetectorTests.firing(runEngine(lines, configuration: EngineConfiguration(), workers: 2).detections,
                                        .enumeration)
        }
        let walk = run(sequential: true)
        #expect(walk.map(\.displayName) == ["svc-review-widget /api/v2/customers/{id}"])
        #expect(run(sequential: false).isEmpty)
    }
}

@Suite("long-horizon detectors on hand-built streams")
struct LongHorizonDetectorTests {
    @Test("low_and_slow: a drip of extra reads every hour, day and night, with no single window standing out")
    func slowDrip() {
        func run(drip: Bool) -> [Detection] {
            let dripStart = 30 * 60
            let lines = DetectorTests.stream(hours: 80) { minute in
                var events = DetectorTests.background(minute)
                let hourOfDay = (minute / 60) % 24
                if hourOfDay >= 9 && hourOfDay < 17 && minute % 6 == 0 {
                    events.append("\"path\":\"/api/v2/contacts/\(minute)\",\"principal\":\"ines.rossi\",\"records\":1")
                }
                if drip && minute >= dripStart && minute % 2 == 0 {
                    events.append("\"path\":\"/api/v2/contacts/\(90_000 + minute)\",\"principal\":\"ines.rossi\",\"records\":1")
                }
                return events
            }
            return DetectorTests.firing(runEngine(lines, configuration: EngineConfiguration(), workers: 2).detections,
                                        .lowAndSlow)
        }
        let found = run(drip: true)
        #expect(found.contains { $0.dimension == .principal && $0.keyName == "ines.rossi" })
        // No window of the drip is a spike: the detector fires from accumulated hours, hours after the start.
        #expect(found.allSatisfy { $0.windowStart >= DetectorTests.start + 42 * DetectorTests.hour })
        #expect(run(drip: false).isEmpty)
    }
}

@Suite("source networks")
struct SourceNetworkTests {
    @Test("addresses fold into their /24 or /64", arguments: [
        ("203.0.113.56", "203.0.113.0/24"),
        ("10.4.7.21", "10.4.7.0/24"),
        ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"),
        ("2001:db8::1", "2001:db8::/64"),
        ("gateway.internal", "gateway.internal"),
    ])
    func prefixes(address: String, network: String) {
        let line = "{\"ts\":1772409600000,\"path\":\"/a\",\"src_ip\":\"\(address)\"}\n"
        let batch = EventParser.parseAll(format: .json, text: Array(line.utf8))
        #expect(KeyNaming.name(of: .sourceNetwork, event: batch.events[0], batch: batch) == network)
    }

    /// Routes remember recent addresses' networks within a batch; many addresses (more than it remembers, several
    /// per network), interleaved and repeated, must each still get their own network.
    @Test func everyAddressGetsItsOwnNetworkInALargeBatch() {
        let addresses = (0..<300).map { "10.\($0 % 7).\($0 % 50).\($0)" } + (0..<40).map { "2001:db8:\($0):1::\($0)" }
        let order = (0..<3_000).map { addresses[($0 * 7919) % addresses.count] }
        let text = order.map { "{\"ts\":1772409600000,\"path\":\"/a\",\"principal\":\"p\",\"src_ip\":\"\($0)\"}\n" }.joined()
        let batch = EventParser.parseAll(format: .json, text: Array(text.utf8))
        var routes: [KeyRoute] = []
        KeyRoute.compute(batch, into: &routes)
        #expect(routes.count == order.count)
        for (index, event) in batch.events.enumerated() {
            let network = KeyNaming.name(of: .sourceNetwork, event: event, batch: batch)
            #expect(KeyNaming.hash(of: .sourceNetwork, name: network) == routes[index].sourceNetwork)
        }
    }

    @Test("a network or principal-and-network key named in the config finds the key its events make", arguments: [
        "203.0.113.56", "2001:db8:1:2:3:4:5:6",
    ])
    func namedKeysMatchEvents(address: String) {
        let line = "{\"ts\":1772409600000,\"path\":\"/a\",\"principal\":\"svc-shop\",\"src_ip\":\"\(address)\"}\n"
        let batch = EventParser.parseAll(format: .json, text: Array(line.utf8))
        var routes: [KeyRoute] = []
        KeyRoute.compute(batch, into: &routes)
        let network = KeyNaming.name(of: .sourceNetwork, event: batch.events[0], batch: batch)
        #expect(KeyNaming.hash(of: .sourceNetwork, name: network) == routes[0].sourceNetwork)
        let pair = KeyNaming.name(of: .principalSourceNetwork, event: batch.events[0], batch: batch)
        #expect(pair == "svc-shop" + String(KeyNaming.pairSeparator) + network)
        #expect(KeyNaming.hash(of: .principalSourceNetwork, name: pair) == routes[0].principalSourceNetwork)
    }

    @Test("fan_in: tokens spread over one /24 are caught as a range even when each address stays small")
    func sprayAcrossRange() {
        let sprayStart = 27 * 60
        let lines = DetectorTests.stream(hours: 28) { minute in
            var events = DetectorTests.background(minute)
            if minute >= sprayStart && minute < sprayStart + 20 {
                for token in 0..<60 {
                    for request in 0..<3 {
                        events.append("\"path\":\"/api/v2/customers/\(token * 31 + request)\",\"principal\":\"tok_\(token)\",\"src_ip\":\"198.51.100.\(token % 30 + 1)\"")
                    }
                }
            }
            return events
        }
        let fanIn = DetectorTests.firing(runEngine(lines, configuration: EngineConfiguration(), workers: 2).detections, .fanIn)
        #expect(fanIn.map(\.keyName) == ["198.51.100.0/24"])
        #expect(fanIn.first?.dimension == .sourceNetwork)
    }
}
