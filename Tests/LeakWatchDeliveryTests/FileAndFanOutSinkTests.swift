import LeakWatchAlerting
import LeakWatchDelivery
import Testing

@Suite("file sink and fan-out to several sinks")
struct FileAndFanOutSinkTests {
    @Test("the file sink appends JSON lines, also across reopenings, creating the directory")
    func fileSinkAppends() async throws {
        let path = ReceivedAlerts.temporaryDirectory() + "/nested/alerts.jsonl"
        let alerts = AlertFixtures.alerts(3)
        for part in [Array(alerts[0..<2]), Array(alerts[2...])] {
            let sink = try FileSink(path: path)
            try await sink.deliver(part)
            try await sink.flush()
            #expect(await sink.statistics().delivered == part.count)
            await sink.shutdown()
        }
        let lines = ReceivedAlerts.jsonLines(path)
        #expect(lines.compactMap { $0["id"] as? String } == alerts.map(\.id))
        #expect(lines.allSatisfy { $0["schema"] as? Int == 1 })
    }

    @Test("an unwritable file sink path is an error, not a crash")
    func unwritable() {
        let error = #expect(throws: DeliveryError.self) { try FileSink(path: "/proc/leakwatch/alerts.jsonl") }
        #expect(error?.code == .fileUnwritable)
    }

    @Test("fan-out gives every sink every batch, even when another sink fails, and reports the failure")
    func fanOut() async throws {
        let directory = ReceivedAlerts.temporaryDirectory()
        let first = try FileSink(path: directory + "/a.jsonl", name: "a")
        let second = try FileSink(path: directory + "/b.jsonl", name: "b")
        let fanOut = FanOutSink([first, FailingSink(), second])
        let alerts = AlertFixtures.alerts(4)
        let error = await #expect(throws: DeliveryError.self) { try await fanOut.deliver(alerts) }
        #expect(error?.code == .fileUnwritable)
        try await fanOut.flush()
        #expect(await fanOut.allStatistics().map(\.delivered) == [4, 0, 4])
        #expect(await fanOut.statistics().delivered == 8)
        await fanOut.shutdown()
        for name in ["a", "b"] {
            #expect(ReceivedAlerts.jsonLines(directory + "/\(name).jsonl").compactMap { $0["id"] as? String }
                == alerts.map(\.id))
        }
    }
}

/// A sink whose disk is always full.
private struct FailingSink: AlertSink {
    let name = "failing"
    func deliver(_ alerts: [Alert]) throws(DeliveryError) {
        throw DeliveryError(.fileUnwritable, subject: "/full/disk", detail: "No space left on device")
    }
    func start() {}
    func flush() {}
    func shutdown() {}
    func statistics() -> SinkStatistics { SinkStatistics(name: name) }
}
