@testable import LeakWatchEngine
import Testing

@Suite("aggregation workers per step")
struct AggregationShareTests {
    /// Feeds `steps` steps of the given thread seconds; returns the workers chosen after each.
    func choices(threads: Int, steps: Int, aggregation: Double, other: Double,
                 from share: AggregationShare? = nil) -> (AggregationShare, [Int]) {
        var share = share ?? AggregationShare(threads: threads)
        var chosen: [Int] = []
        for _ in 0..<steps {
            share.record(aggregation: aggregation, other: other)
            chosen.append(share.workers)
        }
        return (share, chosen)
    }

    @Test("every thread aggregates until a few steps were measured")
    func startsWithEveryThread() {
        let (_, chosen) = choices(threads: 4, steps: AggregationShare.settlingSteps - 1, aggregation: 1, other: 9)
        #expect(chosen.allSatisfy { $0 == 4 })
    }

    @Test("where aggregation is a third of the work, one of two threads aggregates and the other parses")
    func lightAggregationTakesOneWorker() {
        let (_, chosen) = choices(threads: 2, steps: 10, aggregation: 2.6, other: 5.4)
        #expect(chosen.last == 1)
    }

    @Test("where aggregation is over half of the work, both threads aggregate")
    func heavyAggregationKeepsEveryWorker() {
        let (_, chosen) = choices(threads: 2, steps: 10, aggregation: 0.85, other: 0.75)
        #expect(chosen.allSatisfy { $0 == 2 })
    }

    @Test("with more threads, as many workers as the share needs, rounded up")
    func workersFollowTheShare() {
        #expect(choices(threads: 8, steps: 30, aggregation: 3, other: 5).1.last == 3)  // 8 x 3/8 = 3
        #expect(choices(threads: 8, steps: 30, aggregation: 1, other: 7).1.last == 1)
        #expect(choices(threads: 8, steps: 30, aggregation: 6, other: 2).1.last == 6)
        // Seven of eight: within the margin of all eight, which keep aggregating.
        #expect(choices(threads: 8, steps: 30, aggregation: 7, other: 1).1.last == 8)
    }

    @Test("a share just under a whole number does not drop a worker; a clear drop does")
    func hysteresis() {
        // 2 x 0.95 / 2 = 0.95 workers needed: within the margin of 1, so both threads keep aggregating.
        let (share, near) = choices(threads: 2, steps: 20, aggregation: 0.95, other: 1.05)
        #expect(near.allSatisfy { $0 == 2 })
        // Then aggregation becomes light: the count drops, and rises again when aggregation grows.
        let (lighter, dropped) = choices(threads: 2, steps: 20, aggregation: 1, other: 4, from: share)
        #expect(dropped.last == 1)
        let (_, raised) = choices(threads: 2, steps: 20, aggregation: 4, other: 1, from: lighter)
        #expect(raised.last == 2)
    }

    @Test("one thread always aggregates alone, and a step without aggregation changes nothing")
    func edges() {
        #expect(choices(threads: 1, steps: 10, aggregation: 1, other: 0).1.allSatisfy { $0 == 1 })
        #expect(choices(threads: 2, steps: 10, aggregation: 0, other: 5).1.allSatisfy { $0 == 2 })
    }
}
