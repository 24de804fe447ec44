internal import Foundation

/// Writes access events as canonical JSON lines, byte by byte, into a ``LineBuffer``.
struct AccessLineRenderer {
    private let scenario: Scenario
    private let endpoints = EndpointCatalog.all
    /// `,"principal":…,"src_ip":…,"ua":…` per actor, for the current day.
    private var identities: [[UInt8]] = []
    private var identityDay: Int64 = .min
    private var dayPrefix: [UInt8] = []
    private var prefixDay: Int64 = .min
    /// Requests of each stream already written in the current minute.
    private var streamProgress: [Int64]
    private let provenanceFields: [[UInt8]]
    /// The actor whose provenance declarations are dropped in the current minute (-1: none).
    private var undeclaredActor = -1

    init(scenario: Scenario) {
        self.scenario = scenario
        streamProgress = [Int64](repeating: 0, count: scenario.streams.count)
        provenanceFields = scenario.roster.actors.map { actor in
            switch actor.provenance {
            case .none, .humanSometimes: []
            case let .synthetic(model), let .mixed(model): JSONText.field("ai_model_version", model)
            }
        }
    }

    /// Appends the lines of one minute's sorted `events`.
    mutating func render(
        _ events: [PendingEvent], minute: Int64, planned: [PlannedAccess], random: inout Xoshiro256StarStar,
        into line: inout LineBuffer
    ) {
        let absoluteMinute = (scenario.start + minute * TimeWindow.minute) / TimeWindow.minute
        let dayNumber = CivilDate.floorDivide(absoluteMinute, 1440)
        let minuteOfDay = Int(absoluteMinute - dayNumber * 1440)
        prepare(dayNumber: dayNumber)
        undeclaredActor = -1
        if let gap = scenario.provenanceGap, gap.window.contains(scenario.start + minute * TimeWindow.minute) {
            undeclaredActor = gap.actor
        }
        for index in 0..<streamProgress.count {
            streamProgress[index] = 0
        }
        for event in events {
            line.append("{\"ts\":\"")
            line.appendTimestamp(dayPrefix: dayPrefix, minuteOfDay: minuteOfDay, millisInMinute: Int(event.millis))
            let endpoint = endpoints[Int(event.endpoint)]
            line.append(endpoint.head)
            switch event.source {
            case .baseline:
                writeParameter(endpoint, actor: Int(event.actor), random: &random, into: &line)
                line.append(endpoint.tail)
                let status = endpoint.statuses.pick(&random)
                finish(endpoint, status: status, records: nil, actor: Int(event.actor), random: &random, into: &line)
            case let .stream(index):
                let stream = scenario.streams[Int(index)]
                let sequence = stream.before[Int(minute - stream.firstMinute)] + streamProgress[Int(index)]
                streamProgress[Int(index)] += 1
                switch stream.mode {
                case .randomIDs:
                    writeParameter(endpoint, actor: stream.actor, random: &random, into: &line)
                case let .sequentialPages(first), let .sequentialIDs(first):
                    line.appendDecimal(first + Int(sequence))
                }
                line.append(endpoint.tail)
                let status = stream.statuses.pick(&random)
                var records: Int?
                if let range = stream.records {
                    records = range.count == 1 ? range.lowerBound : random.int(in: range)
                }
                finish(endpoint, status: status, records: records, actor: stream.actor, random: &random,
                       into: &line)
            case let .planned(index):
                let access = planned[Int(index)]
                line.appendDecimal(access.pathID)
                line.append(endpoint.tail)
                finish(endpoint, status: access.status, records: access.records, actor: access.actor,
                       random: &random, into: &line)
            }
        }
    }

    private mutating func prepare(dayNumber: Int64) {
        if dayNumber != prefixDay {
            prefixDay = dayNumber
            dayPrefix = Array((CivilDate(daysSinceEpoch: dayNumber).dashed + "T").utf8)
        }
        if dayNumber != identityDay {
            identityDay = dayNumber
            identities = scenario.roster.actors.indices.map {
                scenario.roster.identity(actor: $0, dayNumber: dayNumber, seed: scenario.seed)
            }
        }
    }

    @inline(__always)
    private func writeParameter(
        _ endpoint: Endpoint, actor: Int, random: inout Xoshiro256StarStar, into line: inout LineBuffer
    ) {
        switch endpoint.parameter {
        case .none:
            break
        case let .numeric(range):
            line.appendDecimal(random.int(in: range))
        case .uuid:
            line.appendUUID(high: random.next(), low: random.next())
        case .page:
            let service = scenario.roster.actors[actor].kind == .service
            line.appendDecimal(1 + random.below(service ? 400 : 6))
        }
    }

    /// Writes status, bytes, records, duration, identity, request id and provenance, and ends the line.
    @inline(__always)
    private func finish(
        _ endpoint: Endpoint, status: Int, records fixedRecords: Int?, actor: Int,
        random: inout Xoshiro256StarStar, into line: inout LineBuffer
    ) {
        let provenance = scenario.roster.actors[actor].provenance
        var records = 0
        var bytes = 0
        var durationScale = 1.0
        if status == 304 {
            durationScale = 0.3
        } else if status >= 400 {
            bytes = 90 + random.below(300)
            durationScale = status >= 500 ? 3 : 0.5
        } else {
            records = fixedRecords ?? recordCount(endpoint, actor: actor, provenance: provenance, random: &random)
            let perRecord = endpoint.bytesPerRecord * random.lognormal(median: 1, sigma: 0.25)
            bytes = 180 + Int(Double(max(records, 1)) * perRecord)
            if records > 1 {
                durationScale = 1 + Double(records) / 150
            }
        }
        line.appendDecimal(status)
        line.append(",\"bytes\":")
        line.appendDecimal(bytes)
        line.append(",\"records\":")
        line.appendDecimal(records)
        line.append(",\"duration_ms\":")
        let tenths = endpoint.medianMillis * 10 * durationScale * random.lognormal(median: 1, sigma: 0.5)
        line.appendTenths(Int(tenths) + 1)
        line.append(identities[actor])
        line.append(",\"request_id\":\"req-")
        line.appendHex(random.next(), count: 16)
        line.append(UInt8(ascii: "\""))
        if endpoint.writes && status < 300 && actor != undeclaredActor {
            switch provenance {
            case .none:
                break
            case .humanSometimes:
                if random.chance(0.3) {
                    line.append(",\"provenance\":\"human\"")
                }
            case .synthetic:
                line.append(",\"provenance\":\"synthetic\",\"synthetic_records\":")
                line.appendDecimal(records)
                line.append(provenanceFields[actor])
            case .mixed:
                line.append(",\"provenance\":\"mixed\",\"synthetic_records\":")
                line.appendDecimal(random.chance(0.6) ? records : 0)
                line.append(provenanceFields[actor])
            }
        }
        line.append("}\n")
    }

    @inline(__always)
    private func recordCount(
        _ endpoint: Endpoint, actor: Int, provenance: Actor.Provenance, random: inout Xoshiro256StarStar
    ) -> Int {
        if case .synthetic = provenance, endpoint.writes {
            return random.int(in: 5...50)
        }
        switch endpoint.records {
        case .single:
            return 1
        case .page:
            let size = scenario.roster.actors[actor].pageSize
            return random.chance(0.1) ? random.int(in: 1...size) : size
        case let .batch(range):
            return random.int(in: range)
        case .report:
            return random.int(in: 100...2_000)
        case .zero:
            return 0
        }
    }
}
