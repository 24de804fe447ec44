import Foundation
import LeakWatchDelivery
import Testing

@Suite("outbox: bounded, on disk, survives restarts")
struct OutboxTests {
    @Test("batches come back in order with their ids after the outbox is reopened")
    func survivesReopen() throws {
        let directory = ReceivedAlerts.temporaryDirectory()
        do {
            let outbox = try Outbox(directory: directory, maximumBytes: 1 << 20)
            for index in 1...3 {
                #expect(try outbox.append(id: "msg_\(index)", alerts: index, body: Array("body \(index)".utf8)).isEmpty)
            }
            outbox.remove(try #require(outbox.entries.first))
            outbox.close()
        }
        let reopened = try Outbox(directory: directory, maximumBytes: 1 << 20)
        #expect(reopened.entries.map(\.id) == ["msg_2", "msg_3"])
        #expect(reopened.alerts == 5)
        #expect(reopened.body(of: reopened.entries[0]) == Array("body 2".utf8))
        _ = try reopened.append(id: "msg_4", alerts: 1, body: [])
        #expect(reopened.entries.map(\.sequence) == [2, 3, 4])
    }

    @Test("when full, the oldest batches are dropped and reported; a batch larger than the limit is refused alone")
    func dropsOldest() throws {
        let outbox = try Outbox(directory: ReceivedAlerts.temporaryDirectory(), maximumBytes: 300)
        let body = [UInt8](repeating: UInt8(ascii: "x"), count: 80)
        var dropped: [String] = []
        for index in 1...6 {
            dropped += try outbox.append(id: "msg_\(index)", alerts: 2, body: body).map(\.id)
        }
        #expect(dropped == ["msg_1", "msg_2", "msg_3"])
        #expect(outbox.entries.map(\.id) == ["msg_4", "msg_5", "msg_6"])
        #expect(outbox.totalBytes <= 300)
        let huge = try outbox.append(id: "msg_huge", alerts: 9, body: [UInt8](repeating: 0, count: 400))
        #expect(huge.map(\.id) == ["msg_huge"])
        #expect(outbox.entries.count == 3)
    }

    @Test("an unfinished write is discarded and a damaged batch set aside as .corrupt and counted, not lost silently")
    func damagedFiles() throws {
        let directory = ReceivedAlerts.temporaryDirectory()
        do {
            let outbox = try Outbox(directory: directory, maximumBytes: 1 << 20)
            _ = try outbox.append(id: "msg_1", alerts: 1, body: Array("good".utf8))
            _ = try outbox.append(id: "msg_2", alerts: 1, body: Array("cut short".utf8))
            outbox.close()
        }
        let second = directory + "/00000000000000000002.batch"
        let truncated = try #require(FileManager.default.contents(atPath: second)).dropLast(3)
        try Data(truncated).write(to: URL(fileURLWithPath: second))
        try Data("LWOB1 msg_9 1 4\nhalf".utf8).write(to: URL(fileURLWithPath: directory + "/00000000000000000009.batch.tmp"))

        let reopened = try Outbox(directory: directory, maximumBytes: 1 << 20)
        #expect(reopened.entries.map(\.id) == ["msg_1"])
        #expect(reopened.corruptFiles == 1)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(names.contains("00000000000000000002.batch.corrupt"))
        #expect(!names.contains { $0.hasSuffix(".tmp") })
    }

    @Test("a second user of the same directory is refused while the first holds it")
    func locked() throws {
        let directory = ReceivedAlerts.temporaryDirectory()
        let first = try Outbox(directory: directory, maximumBytes: 1 << 20)
        let error = #expect(throws: DeliveryError.self) { try Outbox(directory: directory, maximumBytes: 1 << 20) }
        #expect(error?.code == .outboxLocked)
        first.close()
        _ = try Outbox(directory: directory, maximumBytes: 1 << 20)
    }
}
