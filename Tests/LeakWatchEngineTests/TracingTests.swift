import LeakWatchEngine
import Testing

@Suite("key tracing for the tuning report")
struct TracingTests {
    @Test("tracing changes no detection, and a traced key's points are its windows as the detectors judged them")
    func tracingIsPassive() throws {
        let lines = DeterminismTests.attackStream().lines()
        let plain = runEngine(lines, configuration: EngineConfiguration(), workers: 2)
        let burst = try #require(plain.detections.first {
            $0.status == .firing && $0.detector == .volumeSpike && $0.dimension == .principal
        }, "\(describe(plain.detections))")

        let traced = ShardedAggregator(configuration: EngineConfiguration(), workers: 2)
        traced.startTracing(keys: [burst.keyHash], tally: true)
        let run = runEngine(lines, configuration: EngineConfiguration(), workers: 2, aggregator: traced)
        #expect(describe(run.detections) == describe(plain.detections))

        let points = traced.tracedPoints()
        #expect(!points.isEmpty && points.allSatisfy { $0.keyHash == burst.keyHash })
        #expect(points.map(\.windowStart) == points.map(\.windowStart).sorted())
        // The alerting window: observed and expected as in the detection, and above the volume_spike bound.
        let window = try #require(points.first { $0.windowStart == burst.windowStart })
        let observed = burst.metric == .records ? window.records : window.requests
        let expected = burst.metric == .records ? window.expectedRecords : window.expectedRequests
        let bound = try #require(burst.metric == .records ? window.recordsBound : window.requestsBound)
        #expect(observed == burst.observed)
        #expect(abs(expected - burst.expected) < 1e-9)
        #expect(observed >= bound && bound >= burst.upper)

        // The tally counts the traced key's requests exactly as its windows hold them.
        let busiest = traced.busiestKeys(limit: 1_000, dimensions: [.principal])
        let tally = try #require(busiest.first { $0.keyHash == burst.keyHash })
        #expect(Double(tally.requests) == points.reduce(0) { $0 + $1.requests })
        #expect(busiest.map(\.requests) == busiest.map(\.requests).sorted(by: >))
    }
}
