import Foundation
import LeakWatchEngine
import LeakWatchIngest
import Testing

@Suite("determinism and warm start")
struct DeterminismTests {
    static func attackStream() -> EventStreamBuilder {
        var builder = EventStreamBuilder()
        builder.principals += (0..<40).map { "user-\($0)" }
        builder.perMinute = 2
        builder.bursts = [
            .init(principal: "svc-support-bot", path: "/api/v2/contacts", startMinute: 26 * 60, minutes: 15,
                  perMinute: 250, records: 200),
            .init(principal: "user-7", path: "/api/v2/orders", startMinute: 28 * 60, minutes: 5, perMinute: 400,
                  records: 20),
        ]
        return builder
    }

    @Test("alerts are identical for 1, 2 and 4 workers and any batch size")
    func workerCountDoesNotChangeAlerts() {
        let lines = Self.attackStream().lines()
        let reference = describe(runEngine(lines, configuration: EngineConfiguration(), workers: 1).detections)
        #expect(!reference.isEmpty)
        for workers in [2, 4] {
            for batch in [997, 20000] {
                let other = describe(runEngine(lines, configuration: EngineConfiguration(), workers: workers,
                                               batchLines: batch).detections)
                #expect(other == reference, "workers \(workers), batch \(batch)")
            }
        }
    }

    @Test("alerts are identical when the number of aggregating workers changes from step to step")
    func changingActiveWorkersDoesNotChangeAlerts() {
        let lines = Self.attackStream().lines()
        let reference = describe(runEngine(lines, configuration: EngineConfiguration(), workers: 1).detections)
        #expect(!reference.isEmpty)
        let counts = [4, 1, 3, 2, 1, 1, 4, 2]
        var seen: Set<Int> = []
        let other = runEngine(lines, configuration: EngineConfiguration(), workers: 4, batchLines: 997) { aggregator, index in
            aggregator.setActiveWorkers(counts[index % counts.count])
            seen.insert(aggregator.activeWorkers)
        }
        #expect(describe(other.detections) == reference)
        #expect(seen == [1, 2, 3, 4])
    }

    @Test("A then B with saved state gives the same alerts as A+B")
    func warmStartEquivalence() throws {
        let lines = Self.attackStream().lines()
        let cut = lines.count * 3 / 5
        let whole = describe(runEngine(lines, configuration: EngineConfiguration(), workers: 2).detections)

        let first = runEngine(Array(lines[..<cut]), configuration: EngineConfiguration(), workers: 2, flush: false)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lw-state-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try EngineStateStore.save(first.aggregator, directory: directory)

        // Restore with a different worker count: the partition layout is fixed.
        let restored = ShardedAggregator(configuration: EngineConfiguration(), workers: 1)
        try EngineStateStore.load(into: restored, directory: directory)
        let second = runEngine(Array(lines[cut...]), configuration: EngineConfiguration(), workers: 1,
                               aggregator: restored)
        #expect(describe(first.detections) + describe(second.detections) == whole)
    }

    @Test("state saved with other window settings is refused")
    func mismatchedStateIsRefused() throws {
        let first = runEngine(Array(Self.attackStream().lines().prefix(2000)), configuration: EngineConfiguration(),
                              workers: 1, flush: false)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lw-state-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try EngineStateStore.save(first.aggregator, directory: directory)
        var other = EngineConfiguration()
        other.windowMillis = 300_000
        #expect(throws: StateError.self) {
            try EngineStateStore.load(into: ShardedAggregator(configuration: other, workers: 1), directory: directory)
        }
    }
}
