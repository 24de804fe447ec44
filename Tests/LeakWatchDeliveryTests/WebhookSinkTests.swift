import AsyncHTTPClient
import Foundation
import LeakWatchAlerting
import LeakWatchDelivery
import Testing

@Suite("webhook sink against a real HTTP receiver on 127.0.0.1")
struct WebhookSinkTests {
    static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"

    static func settings(_ server: TestHTTPServer, outbox: String) throws -> WebhookSink.Settings {
        var settings = WebhookSink.Settings(name: "soc", url: "http://127.0.0.1:\(server.port)/hooks/leakwatch",
                                            outboxDirectory: outbox)
        settings.secret = try StandardWebhookSecret(secret)
        settings.batchSize = 2
        settings.timeout = .seconds(5)
        settings.retry = RetryPolicy(initialDelay: .seconds(1), maximumDelay: .seconds(300))
        settings.drainTimeout = .seconds(4 * 3600)
        return settings
    }

    /// Flushes the sink, shuts everything down and returns the sink's counters.
    static func flushAndStop(_ sink: WebhookSink, client: HTTPClient, server: TestHTTPServer) async throws
        -> SinkStatistics
    {
        await sink.flush()
        let statistics = await sink.statistics()
        await sink.shutdown()
        try await client.shutdown()
        try await server.stop()
        return statistics
    }

    /// Every request the receiver got verifies with the shared secret at the time it was sent.
    static func expectSignaturesVerify(_ requests: [TestHTTPServer.Request]) throws {
        let verifier = StandardWebhookVerifier(secret: try StandardWebhookSecret(secret))
        for request in requests {
            let timestamp = request.header("webhook-timestamp")
            #expect(throws: Never.self) {
                try verifier.verify(id: request.header("webhook-id"), timestamp: timestamp,
                                    signatures: request.header("webhook-signature"), body: request.body,
                                    nowSeconds: Int64(timestamp) ?? 0)
            }
        }
    }

    @Test("receiver down for an hour, then up: every alert arrives, in order, signed, each batch under one id")
    func downThenUp() async throws {
        let server = try await TestHTTPServer.start()
        try await server.stop()
        let start: Int64 = 1_790_000_000_000
        let clock = VirtualClock(startMillis: start) { now in
            if now >= start + 3_600_000 { try await server.restartIfStopped() }
        }
        let client = ConfiguredSinks.makeHTTPClient()
        let sink = try WebhookSink(settings: Self.settings(server, outbox: ReceivedAlerts.temporaryDirectory()),
                                   client: client, clock: clock.clock)
        let alerts = AlertFixtures.alerts(5)
        try await sink.deliver(Array(alerts[0..<3]))
        try await sink.deliver(Array(alerts[3...]))
        let statistics = try await Self.flushAndStop(sink, client: client, server: server)

        let requests = server.requests
        #expect(requests.flatMap { ReceivedAlerts.ids(in: $0.body) } == alerts.map(\.id))
        #expect(requests.count == 3)
        #expect(Set(requests.map { $0.header("webhook-id") }).count == 3)
        #expect(requests.allSatisfy { $0.header("webhook-id").hasPrefix("msg_") && $0.method == "POST" })
        #expect(requests.allSatisfy { $0.header("content-type") == "application/json" })
        try Self.expectSignaturesVerify(requests)
        #expect(clock.nowMillis - start >= 3_600_000)
        #expect(statistics.delivered == 5)
        #expect(statistics.retries >= 10)
        #expect(statistics.outboxBatches == 0 && statistics.dropped == 0)
    }

    @Test("429 waits its Retry-After, 500 is retried under the same webhook-id, 400 goes to the dead-letter file")
    func retriesAndDeadLetters() async throws {
        let server = try await TestHTTPServer.start()
        server.script([
            .init(status: 429, headers: [("Retry-After", "7")]), .init(status: 500),
            .init(status: 400, body: #"{"error":"unknown schema"}"#),
        ])
        let clock = VirtualClock()
        let client = ConfiguredSinks.makeHTTPClient()
        let outbox = ReceivedAlerts.temporaryDirectory()
        let sink = try WebhookSink(settings: Self.settings(server, outbox: outbox), client: client, clock: clock.clock)
        let refused = AlertFixtures.alerts(2, prefix: "refused")
        let accepted = AlertFixtures.alerts(2, prefix: "accepted")
        try await sink.deliver(refused)
        try await sink.deliver(accepted)
        let statistics = try await Self.flushAndStop(sink, client: client, server: server)

        let requests = server.requests
        #expect(requests.count == 4)
        let refusedID = requests[0].header("webhook-id")
        #expect(requests[0..<3].allSatisfy { $0.header("webhook-id") == refusedID })
        #expect(requests[0..<3].allSatisfy { $0.body == requests[0].body })
        #expect(ReceivedAlerts.ids(in: requests[3].body) == accepted.map(\.id))
        #expect(clock.sleeps.first == .seconds(7))
        #expect(clock.sleeps.count == 2)
        try Self.expectSignaturesVerify(requests)

        let deadLetters = ReceivedAlerts.jsonLines(outbox + "/dead-letter.jsonl")
        #expect(deadLetters.count == 1)
        let letter = try #require(deadLetters.first)
        #expect(letter["webhook_id"] as? String == refusedID)
        #expect(letter["status"] as? Int == 400)
        #expect((letter["reason"] as? String)?.contains("unknown schema") == true)
        let payload = try #require(letter["payload"] as? [String: Any])
        let data = try #require(payload["data"] as? [String: Any])
        #expect((data["alerts"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == refused.map(\.id))
        #expect(statistics.deadLettered == 2 && statistics.delivered == 2 && statistics.retries == 2)
    }

    @Test("a restart picks up the outbox: a new sink on the same directory delivers what the old one could not")
    func outboxSurvivesRestart() async throws {
        let server = try await TestHTTPServer.start()
        server.script(Array(repeating: .init(status: 503), count: 1_000))
        let outbox = ReceivedAlerts.temporaryDirectory()
        let client = ConfiguredSinks.makeHTTPClient()
        var settings = try Self.settings(server, outbox: outbox)
        settings.drainTimeout = .zero
        let alerts = AlertFixtures.alerts(3)
        let first = try WebhookSink(settings: settings, client: client, clock: VirtualClock().clock)
        try await first.deliver(alerts)
        await first.flush()
        let left = await first.statistics()
        await first.shutdown()
        #expect(left.outboxAlerts == 3 && left.outboxBatches == 2 && left.delivered == 0)
        let refusedIDs = Set(server.requests.map { $0.header("webhook-id") })

        let attemptsBefore = server.requests.count
        server.script([])
        let upAgain = try await TestHTTPServer.start()
        settings.url = "http://127.0.0.1:\(upAgain.port)/hooks/leakwatch"
        settings.drainTimeout = .seconds(60)
        let second = try WebhookSink(settings: settings, client: client, clock: VirtualClock().clock)
        await second.start()
        await second.flush()
        let after = await second.statistics()
        await second.shutdown()
        try await client.shutdown()
        try await server.stop()
        try await upAgain.stop()

        #expect(attemptsBefore >= 1)
        #expect(upAgain.requests.flatMap { ReceivedAlerts.ids(in: $0.body) } == alerts.map(\.id))
        #expect(refusedIDs.isSubset(of: Set(upAgain.requests.map { $0.header("webhook-id") })))
        #expect(after.delivered == 3 && after.outboxBatches == 0)
    }

    @Test("with the receiver down and the outbox full, the oldest alerts are dropped and counted; the rest arrive")
    func fullOutboxDropsOldest() async throws {
        let server = try await TestHTTPServer.start()
        try await server.stop()
        let receiverBack = Gate()
        let clock = VirtualClock { _ in
            if receiverBack.isOpen { try await server.restartIfStopped() }
        }
        let client = ConfiguredSinks.makeHTTPClient()
        var settings = try Self.settings(server, outbox: ReceivedAlerts.temporaryDirectory())
        let batchBytes = 2 * (AlertJSONEncoder.encode(AlertFixtures.alert("svc-00")).utf8.count + 1) + 200
        settings.outboxMaximumBytes = 3 * batchBytes
        let sink = try WebhookSink(settings: settings, client: client, clock: clock.clock)
        let alerts = AlertFixtures.alerts(10)
        for pair in stride(from: 0, to: 10, by: 2) { try await sink.deliver(Array(alerts[pair..<pair + 2])) }
        let full = await sink.statistics()
        receiverBack.open()
        let statistics = try await Self.flushAndStop(sink, client: client, server: server)

        let received = server.requests.flatMap { ReceivedAlerts.ids(in: $0.body) }
        #expect(full.dropped == 4 && full.outboxBatches == 3)
        #expect(statistics.dropped == full.dropped)
        #expect(received.count + statistics.dropped == 10)
        #expect(received == Array(alerts.suffix(received.count).map(\.id)))
    }
}
