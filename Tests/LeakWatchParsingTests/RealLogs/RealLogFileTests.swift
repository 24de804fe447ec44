import Foundation
import LeakWatchParsing
import Testing

/// The real Combined Log Format samples in `<repo>/../shared/datasets/real-logs` (see each folder's SOURCES.md).
enum RealLogs {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // RealLogs
        .deletingLastPathComponent()  // LeakWatchParsingTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // the repository
        .appendingPathComponent("../shared/datasets/real-logs")
        .standardizedFileURL

    static var available: Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent("elastic-apache-logs/apache_logs").path)
    }

    static func load(_ file: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(file)))
    }

    /// Lines with something other than whitespace in them (what the parser counts), counted on bytes: as a
    /// `String`, `\r\n` would be one character and never split at `\n`.
    static func nonEmptyLineCount(_ bytes: [UInt8]) -> Int {
        let whitespace: Set<UInt8> = [0x20, 0x09, 0x0D]
        return bytes.split(separator: 0x0A).filter { !$0.allSatisfy(whitespace.contains) }.count
    }
}

@Suite("Real Combined Log Format files", .enabled(if: RealLogs.available, "shared/datasets/real-logs not found"))
struct RealLogFileTests {
    /// Counts checked by eye: the one malformed elastic line ends in a User-Agent with no closing quote
    /// (`"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html`), as its SOURCES.md says.
    @Test(
        "parsed and malformed lines per file",
        arguments: [
            ("elastic-apache-logs/apache_logs", 9_999, 1),
            ("basjes-hackers-access/hackers-access.log", 3_456, 0),
            ("ocatak-scanner-attacks/acunetix.txt", 6_539, 0),
            ("ocatak-scanner-attacks/netsparker.txt", 7_314, 0),
            ("ocatak-scanner-attacks/w3af.txt", 3_996, 0),
        ])
    func counts(file: String, parsed: Int, malformed: Int64) throws {
        let bytes = try RealLogs.load(file)
        let detected = bytes.withUnsafeBytes { FormatDetector.detect($0) }
        #expect(detected == .combined)

        let batch = EventParser.parseAll(format: .combined, mapping: FieldMapping(), text: bytes)
        #expect(batch.events.count == parsed)
        #expect(batch.errors.total == malformed)
        #expect(batch.errors[.malformedCombinedLog] == malformed)
        #expect(batch.events.count + Int(batch.errors.total) == RealLogs.nonEmptyLineCount(bytes))
        #expect(Int(batch.lines) == RealLogs.nonEmptyLineCount(bytes))

        // Every event has a time in the file's span, an endpoint, a source address and a consistent hash.
        for event in batch.events {
            #expect(event.timeMillis > 1_400_000_000_000 && event.timeMillis < 1_500_000_000_000)
            #expect(event.endpoint.isPresent && event.sourceIP.isPresent)
            #expect(event.status >= 100 && event.status < 600)
        }
        if let last = batch.events.last {
            #expect(last.endpoint.hash == KeyHasher.hash(batch.string(for: last.endpoint)))
        }
    }

    @Test("the first elastic line, field by field")
    func firstElasticLine() throws {
        let bytes = try RealLogs.load("elastic-apache-logs/apache_logs")
        let batch = EventParser.parseAll(format: .combined, mapping: FieldMapping(), text: bytes)
        let event = try #require(batch.events.first)
        #expect(event.timeMillis == 1_431_857_103_000)  // 17/May/2015:10:05:03 +0000
        #expect(batch.string(for: event.sourceIP) == "83.149.9.216")
        #expect(batch.string(for: event.endpoint) == "GET /presentations/logstash-monitorama-2013/images/kibana-search.png")
        #expect(event.status == 200)
        #expect(event.bytes == 203_023)
        #expect(!event.principal.isPresent)
    }

    @Test("the same file parsed in small batches gives the same events")
    func batchesAgree() throws {
        let bytes = try RealLogs.load("ocatak-scanner-attacks/w3af.txt")
        let whole = EventParser.parseAll(format: .combined, mapping: FieldMapping(), text: bytes)
        let parser = EventParser(format: .combined)
        var batch = ParsedBatch()
        var endpoints: [String] = []
        var lines: Int64 = 0
        var start = 0
        while start < bytes.count {
            var end = min(start + 4_096, bytes.count)
            while end < bytes.count && bytes[end - 1] != UInt8(ascii: "\n") { end += 1 }
            batch.removeAll()
            bytes.withUnsafeBytes { parser.parse(lines: UnsafeRawBufferPointer(rebasing: $0[start..<end]), into: &batch) }
            endpoints += batch.events.map { batch.string(for: $0.endpoint) }
            lines += batch.lines
            start = end
        }
        #expect(lines == whole.lines)
        #expect(endpoints == whole.events.map { whole.string(for: $0.endpoint) })
    }
}
