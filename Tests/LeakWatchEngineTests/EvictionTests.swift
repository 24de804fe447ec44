import Foundation
import LeakWatchEngine
import LeakWatchIngest
import Testing

@Suite("idle key eviction")
struct EvictionTests {
    static let hour: Int64 = 3_600_000

    /// Steady traffic of four principals for 30 hours; every hour 40 principals never seen before each pull once
    /// (60 requests in one minute), and `returner` pulls in hour 1 and again in hour 27.
    static func churnStream() -> [String] {
        let builder = EventStreamBuilder()
        // The builder's lines start with {"ts":<millis>,
        var events: [(Int64, String)] = builder.lines().map { line in
            (Int64(line.split(separator: ",")[0].dropFirst(6))!, line)
        }
        func pull(_ principal: String, at time: Int64) {
            for request in 0..<60 {
                let at = time + Int64(request) * 500
                events.append((at, builder.line(time: at, principal: principal, path: "/api/v2/orders?page=\(request)",
                                                records: 50, ip: "198.51.100.7")))
            }
        }
        for hour in 0..<30 {
            for index in 0..<40 { pull("churn-\(hour)-\(index)", at: builder.start + Int64(hour) * Self.hour + 600_000 + Int64(index) * 1000) }
        }
        pull("returner", at: builder.start + Self.hour + 1_200_000)
        pull("returner", at: builder.start + 27 * Self.hour + 1_200_000)
        events.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        return events.map(\.1)
    }

    static func configuration(evictAfterHours: Int64) -> EngineConfiguration {
        var configuration = EngineConfiguration()
        configuration.evictIdleMillis = evictAfterHours * hour
        return configuration
    }

    static func slots(_ aggregator: ShardedAggregator) -> Int {
        aggregator.partitions.reduce(0) { $0 + $1.names.count }
    }

    @Test("keys idle past evict_idle_after are evicted and their places reused: memory follows live keys, not history")
    func idleKeysAreEvicted() {
        let lines = Self.churnStream()
        let kept = runEngine(lines, configuration: Self.configuration(evictAfterHours: 0), workers: 2).aggregator
        let evicted = runEngine(lines, configuration: Self.configuration(evictAfterHours: 2), workers: 2).aggregator
        // 4 steady principals, 1,200 one-off ones and the returner.
        #expect(kept.keysByDimension[.principal] == 1_205)
        // With a 2 h limit only the last few hours' one-off principals are still tracked...
        #expect(evicted.keysByDimension[.principal]! <= 4 + 1 + 40 * 4)
        // ... and the freed places were reused instead of growing the tables.
        #expect(Self.slots(evicted) < Self.slots(kept) / 3)
    }

    @Test("a key back after eviction is remembered: no new_entity alert, unlike principals never seen")
    func returningKeyIsNotNew() {
        let detections = runEngine(Self.churnStream(), configuration: Self.configuration(evictAfterHours: 2),
                                   workers: 2).detections
        let newPrincipals = detections.filter { $0.detector == .newEntity && $0.dimension == .principal }
        #expect(newPrincipals.contains { $0.keyName.hasPrefix("churn-27-") })
        #expect(!newPrincipals.contains { $0.keyName == "returner" })
    }

    @Test("eviction gives the same alerts for any worker count and across a state save and restore")
    func evictionIsDeterministic() throws {
        let lines = Self.churnStream()
        let configuration = Self.configuration(evictAfterHours: 2)
        let whole = describe(runEngine(lines, configuration: configuration, workers: 1).detections)
        #expect(!whole.isEmpty)
        #expect(describe(runEngine(lines, configuration: configuration, workers: 3, batchLines: 777).detections) == whole)

        let cut = lines.count * 3 / 5
        let first = runEngine(Array(lines[..<cut]), configuration: configuration, workers: 2, flush: false)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lw-evict-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try EngineStateStore.save(first.aggregator, directory: directory)
        let restored = ShardedAggregator(configuration: configuration, workers: 1)
        try EngineStateStore.load(into: restored, directory: directory)
        let second = runEngine(Array(lines[cut...]), configuration: configuration, workers: 1, aggregator: restored)
        #expect(describe(first.detections) + describe(second.detections) == whole)
    }

    @Test("the key table finds every key after any mix of inserts and removals")
    func keyTableRemoval() {
        var state: UInt64 = 7
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 1 | 1
        }
        var table = KeyTable()
        var model: [UInt64: Int32] = [:]
        // Few distinct hashes in a small range of low bits, so that probe runs collide and wrap often.
        let pool = (0..<300).map { _ in (next() & 0x3FF) | (next() << 10) | 1 }
        for step in 0..<20_000 {
            let hash = pool[Int(next() % UInt64(pool.count))]
            if model[hash] == nil {
                table.insert(hash, slot: Int32(step))
                model[hash] = Int32(step)
            } else {
                #expect(table.remove(hash) == model.removeValue(forKey: hash))
            }
            if step % 1000 == 0 {
                for candidate in pool { #expect(table.find(candidate) == model[candidate]) }
            }
        }
        #expect(table.count == model.count)
    }
}
