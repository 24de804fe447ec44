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
}
