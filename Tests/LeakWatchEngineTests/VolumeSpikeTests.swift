import LeakWatchEngine
import Testing

@Suite("volume_spike on hand-built streams")
struct VolumeSpikeTests {
    static let burst = EventStreamBuilder.Burst(
        principal: "svc-support-bot", path: "/api/v2/contacts/77", startMinute: 27 * 60, minutes: 20, perMinute: 200,
        records: 200)

    @Test("a bulk pull after warm-up raises one alert per episode, then resolves")
    func bulkPullFiresOnceAndResolves() {
        var builder = EventStreamBuilder()
        builder.principals.append("svc-support-bot")
        builder.bursts = [Self.burst]
        let detections = runEngine(builder.lines(), configuration: EngineConfiguration(), workers: 2).detections
        let principalAlerts = detections.filter { $0.dimension == .principal && $0.keyName == "svc-support-bot" }
        #expect(principalAlerts.map(\.status) == [.firing, .resolved])
        let firing = try! #require(principalAlerts.first)
        let burstStart = builder.start + Int64(Self.burst.startMinute) * 60_000
        #expect(firing.windowStart == burstStart)
        #expect(firing.observed > firing.upper)
        #expect(firing.score >= 8)
        // The endpoint alert names the principal behind it as the dominant contributor.
        let endpoint = detections.first { $0.dimension == .endpoint && $0.status == .firing }
        #expect(endpoint?.keyName == "GET /api/v2/contacts/{id}")
        #expect(endpoint?.contributors.first?.name == "svc-support-bot")
        #expect((endpoint?.contributors.first?.share ?? 0) > 0.9)
    }

    @Test("steady traffic alone raises nothing")
    func steadyTrafficIsQuiet() {
        let detections = runEngine(EventStreamBuilder().lines(), configuration: EngineConfiguration(), workers: 1)
        #expect(detections.detections.isEmpty)
    }

    @Test("a burst during warm-up does not alert")
    func warmupSuppressesAlerts() {
        var builder = EventStreamBuilder()
        builder.bursts = [.init(principal: "alice", path: "/api/v2/leads", startMinute: 300, minutes: 10,
                                perMinute: 300, records: 50)]
        let detections = runEngine(builder.lines(), configuration: EngineConfiguration(), workers: 1).detections
        #expect(detections.allSatisfy { $0.windowStart >= builder.start + 24 * 3_600_000 })
        #expect(detections.isEmpty)
    }

    @Test("a jump from zero to a handful of requests is below the absolute floor")
    func smallJumpIsNotAnIncident() {
        var builder = EventStreamBuilder()
        builder.bursts = [.init(principal: "carol", path: "/api/v2/cases", startMinute: 26 * 60, minutes: 1,
                                perMinute: 3, records: 1)]
        builder.principals = ["svc-shop"]
        let detections = runEngine(builder.lines(), configuration: EngineConfiguration(), workers: 1).detections
        #expect(detections.isEmpty)
    }
}
