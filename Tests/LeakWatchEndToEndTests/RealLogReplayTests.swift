import Foundation
import Testing

/// Replays the real public combined-format logs in ../shared/datasets/real-logs through the binary.
@Suite("replay of real combined-format logs")
struct RealLogReplayTests {
    static let realLogs: String = {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return repository.deletingLastPathComponent().appendingPathComponent("shared/datasets/real-logs").path
    }()

    @Test("every line is parsed or counted as malformed", arguments: [
        ("elastic-apache-logs/apache_logs", 9_999, 1),
        ("basjes-hackers-access/hackers-access.log", 3_456, 0),
        ("ocatak-scanner-attacks/acunetix.txt", 6_539, 0),
    ])
    func realFileCounts(file: String, events: Int, malformed: Int) throws {
        let path = Self.realLogs + "/" + file
        try #require(FileManager.default.fileExists(atPath: path), "real logs not present at \(path)")
        let scratch = try ScratchDirectory("real")
        let output = try LeakWatchBinary.locate().run([
            "replay", "--quiet", "--summary-json", scratch.file("summary.json"), path,
        ])
        #expect(output.status == 0, "\(output.stderr)")
        let summary = try readSummary(scratch.file("summary.json"))
        #expect(summary["events"] as? Int == events)
        let errors = try #require(summary["parse_errors"] as? [String: Int])
        #expect(errors.values.reduce(0, +) == malformed)
    }
}
