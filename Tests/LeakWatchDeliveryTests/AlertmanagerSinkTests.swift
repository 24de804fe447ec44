import AsyncHTTPClient
import LeakWatchAlerting
import LeakWatchDelivery
import LeakWatchEngine
import Testing

@Suite("Alertmanager sink against Debian's prometheus-alertmanager")
struct AlertmanagerSinkTests {
    @Test("a firing alert is listed on /api/v2/alerts with its labels and startsAt; its resolution ends it",
          .enabled(if: AlertmanagerProcess.installed || AlertmanagerProcess.required,
                   "prometheus-alertmanager is not installed (apt-get install prometheus-alertmanager)"))
    func firingThenResolved() async throws {
        try #require(AlertmanagerProcess.installed,
                     "\(AlertmanagerProcess.binary) is missing; .ci/run installs prometheus-alertmanager")
        let client = ConfiguredSinks.makeHTTPClient()
        let alertmanager = try await AlertmanagerProcess.start(client: client)
        defer { alertmanager.stop() }
        let sink = AlertmanagerSink(settings: .init(name: "alertmanager", url: alertmanager.url), client: client)

        let firing = AlertFixtures.alert("svc-billing")
        let other = AlertFixtures.alert("svc-support-bot")
        await sink.deliver([firing, other])
        let listed = try await alertmanager.listedAlerts(client: client)
        let labels = listed.compactMap { $0["labels"] as? [String: String] }
        #expect(Set(labels.compactMap { $0["leakwatch_id"] }) == [firing.id, other.id])
        let billing = try #require(listed.first { ($0["labels"] as? [String: String])?["leakwatch_id"] == firing.id })
        let billingLabels = try #require(billing["labels"] as? [String: String])
        #expect(billingLabels["alertname"] == "leakwatch_volume_spike")
        #expect(billingLabels["key"] == "svc-billing")
        #expect(billingLabels["severity"] == firing.severity.rawValue)
        #expect(billing["startsAt"] as? String == "2026-03-04T04:53:20.000Z")
        #expect((billing["annotations"] as? [String: String])?["summary"] == firing.summary)

        await sink.deliver([AlertFixtures.alert("svc-billing", status: .resolved)])
        let afterResolution = try await alertmanager.listedAlerts(client: client)
        #expect(afterResolution.compactMap { ($0["labels"] as? [String: String])?["leakwatch_id"] } == [other.id])
        let statistics = await sink.statistics()
        #expect(statistics.delivered == 3 && statistics.retries == 0 && statistics.deadLettered == 0)
        await sink.shutdown()
        try await client.shutdown()
    }

    @Test("active alerts are re-sent each interval, so an Alertmanager that restarted learns them again")
    func periodicResend() async throws {
        let server = try await TestHTTPServer.start()
        let start: Int64 = 1_790_000_000_000
        // After two resends the third wait tells the test and lasts until shutdown cancels it.
        let (twoResends, signal) = AsyncStream<Void>.makeStream()
        let clock = VirtualClock(startMillis: start) { now in
            if now >= start + 180_000 {
                signal.yield()
                try await Task.sleep(for: .seconds(3600))
            }
        }
        let client = ConfiguredSinks.makeHTTPClient()
        var settings = AlertmanagerSink.Settings(name: "alertmanager", url: "http://127.0.0.1:\(server.port)/")
        settings.resendInterval = .seconds(60)
        let sink = AlertmanagerSink(settings: settings, client: client, clock: clock.clock)
        await sink.deliver([AlertFixtures.alert("svc-billing"), AlertFixtures.alert("svc-crm")])
        await sink.deliver([AlertFixtures.alert("svc-crm", status: .resolved)])
        await sink.start()
        for await _ in twoResends { break }
        await sink.shutdown()
        try await client.shutdown()
        try await server.stop()

        let requests = server.requests
        #expect(requests.count == 4)
        #expect(requests.allSatisfy { $0.uri == "/api/v2/alerts" && $0.method == "POST" })
        let resent = String(decoding: try #require(requests.last).body, as: UTF8.self)
        #expect(resent.contains(AlertFixtures.alert("svc-billing").id))
        #expect(!resent.contains(AlertFixtures.alert("svc-crm").id))
    }
}
