import LeakWatchEngine
import LeakWatchParsing

/// Builds small, deterministic access-log streams for engine tests: steady traffic of a few principals with
/// optional bursts, as canonical JSON lines parsed by the real parser.
struct EventStreamBuilder {
    struct Burst {
        var principal: String
        var path: String
        var startMinute: Int
        var minutes: Int
        var perMinute: Int
        var records: Int
    }

    var start: Int64 = 1_772_409_600_000  // 2026-03-02T00:00:00Z, a Monday
    var hours = 30
    var principals = ["svc-shop", "svc-erp", "alice", "bob"]
    var perMinute = 6
    var bursts: [Burst] = []
    var seed: UInt64 = 42

    /// JSON lines in time order.
    func lines() -> [String] {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9e37_79b9_7f4a_7c15
            var z = state
            z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
            z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
            return z ^ (z >> 31)
        }
        var result: [String] = []
        for minute in 0..<(hours * 60) {
            let base = start + Int64(minute) * 60_000
            var events: [(Int64, String)] = []
            for (index, principal) in principals.enumerated() {
                let count = perMinute / 2 + Int(next() % UInt64(perMinute + 1))
                for _ in 0..<count {
                    let offset = Int64(next() % 60_000)
                    let id = 1000 + Int(next() % 5000)
                    events.append((base + offset, line(
                        time: base + offset, principal: principal, path: "/api/v2/contacts/\(id)",
                        records: 1, ip: "10.0.0.\(index + 1)")))
                }
            }
            for burst in bursts where minute >= burst.startMinute && minute < burst.startMinute + burst.minutes {
                for index in 0..<burst.perMinute {
                    let offset = Int64(index) * 60_000 / Int64(burst.perMinute)
                    events.append((base + offset, line(
                        time: base + offset, principal: burst.principal, path: burst.path + "?page=\(index)",
                        records: burst.records, ip: "192.0.2.9")))
                }
            }
            events.sort { $0.0 < $1.0 }
            result.append(contentsOf: events.map(\.1))
        }
        return result
    }

    func line(time: Int64, principal: String, path: String, records: Int, ip: String) -> String {
        "{\"ts\":\(time),\"method\":\"GET\",\"path\":\"\(path)\",\"status\":200,\"bytes\":\(records * 900 + 120),"
            + "\"records\":\(records),\"principal\":\"\(principal)\",\"src_ip\":\"\(ip)\"}"
    }
}

/// Runs parsed lines through an aggregator in batches of `batchLines`, returning encoded detections.
func runEngine(
    _ lines: [String], configuration: EngineConfiguration, workers: Int, batchLines: Int = 5000,
    aggregator existing: ShardedAggregator? = nil, flush: Bool = true,
    beforeBatch: (ShardedAggregator, _ index: Int) -> Void = { _, _ in }
) -> (detections: [Detection], aggregator: ShardedAggregator) {
    let aggregator = existing ?? ShardedAggregator(configuration: configuration, workers: workers)
    let parser = EventParser(format: .json)
    var detections: [Detection] = []
    var index = 0
    while index < lines.count {
        let end = min(lines.count, index + batchLines)
        let text = Array((lines[index..<end].joined(separator: "\n") + "\n").utf8)
        var batch = ParsedBatch()
        text.withUnsafeBytes { parser.parse(lines: $0, into: &batch) }
        beforeBatch(aggregator, index / batchLines)
        detections += aggregator.process([EventRun(batch: 0, start: 0, end: batch.events.count)], batches: [batch])
        index = end
    }
    if flush { detections += aggregator.flush() }
    return (detections, aggregator)
}

/// A stable text form of detections for equality checks.
func describe(_ detections: [Detection]) -> [String] {
    detections.map { d in
        "\(d.detector.rawValue) \(d.status.rawValue) \(d.dimension.name) \(d.keyName) \(d.windowStart) \(d.metric.name) "
            + "\(d.observed) \(d.expected) \(d.score) " + d.contributors.map { "\($0.name):\($0.share)" }.joined(separator: ",")
    }
}
