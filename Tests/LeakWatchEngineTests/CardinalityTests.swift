import LeakWatchEngine
import Testing

@Suite("cardinality caps and lateness")
struct CardinalityTests {
    @Test("past the cap new keys fold into the overflow bucket and are counted")
    func capFoldsIntoOverflow() {
        var configuration = EngineConfiguration()
        configuration.cardinalityCaps[.endpoint] = 128
        configuration.cardinalityCaps[.principal] = 64
        var lines: [String] = []
        let start: Int64 = 1_772_409_600_000
        for index in 0..<20_000 {
            lines.append(
                "{\"ts\":\(start + Int64(index) * 10),\"method\":\"GET\",\"path\":\"/r/p\(index)/x\",\"principal\":\"p\(index)\"}")
        }
        let aggregator = runEngine(lines, configuration: configuration, workers: 2).aggregator
        let keys = aggregator.keysByDimension
        // Caps are split evenly over the 64 partitions, so the total never exceeds the cap rounded up per partition.
        #expect(keys[.endpoint]! <= 128 && keys[.endpoint]! > 64)
        #expect(keys[.principal]! <= 64 && keys[.principal]! > 32)
        let overflow = aggregator.overflowByDimension
        #expect(overflow[.endpoint]! == Int64(20_000 - keys[.endpoint]!))
        #expect(overflow[.principal]! == Int64(20_000 - keys[.principal]!))
    }

    @Test("events older than the allowed lateness are counted, not aggregated")
    func lateEventsAreCounted() {
        let start: Int64 = 1_772_409_600_000
        let lines = [
            "{\"ts\":\(start),\"path\":\"/a\"}",
            "{\"ts\":\(start + 600_000),\"path\":\"/a\"}",
            "{\"ts\":\(start + 60_000),\"path\":\"/a\"}",  // 9 minutes behind the newest: late
            "{\"ts\":\(start + 550_000),\"path\":\"/a\"}",  // within two minutes: on time
        ]
        let aggregator = runEngine(lines, configuration: EngineConfiguration(), workers: 1).aggregator
        #expect(aggregator.lateEvents == 1)
        #expect(aggregator.acceptedEvents == 3)
    }

    @Test("a window closes exactly when the newest event is the lateness past its end, up to the end of the clock",
          arguments: [1, 2])
    func windowsCloseAtTheirLatenessEdge(workers: Int) {
        // One-minute windows, two minutes of lateness (the defaults); the start is on a minute.
        let start: Int64 = 1_772_409_600_000
        let minute: Int64 = 60_000
        let times: [(Int64, late: Bool)] = [
            (start, false),
            (start + 10 * minute, false),  // closes every window up to minute 7
            (start + 8 * minute - 1, true),  // the last millisecond of minute 7
            (start + 8 * minute, false),
            (start + 11 * minute - 1, false),  // a millisecond short of closing minute 8
            (start + 8 * minute, false),
            (start + 11 * minute, false),  // closes minute 8
            (start + 9 * minute - 1, true),
            (start + 9 * minute, false),
            (Int64.max, false),  // the last millisecond of the clock: nothing overflows
            (Int64.max, false),
            (start, true),
        ]
        let lines = times.map { "{\"ts\":\($0.0),\"path\":\"/a\"}" }
        let aggregator = runEngine(lines, configuration: EngineConfiguration(), workers: workers, batchLines: 4)
            .aggregator
        #expect(aggregator.lateEvents == Int64(times.filter(\.late).count))
        #expect(aggregator.acceptedEvents == Int64(times.filter { !$0.late }.count))
    }
}
