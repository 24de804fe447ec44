import Foundation
import Testing

@Suite("bad input is skipped, counted and reported")
struct BadInputTests {
    @Test("a corrupt zstd file, an over-long line and garbage lines do not stop the run")
    func damagedInputIsReported() throws {
        let scratch = try ScratchDirectory("bad")
        let binary = try LeakWatchBinary.locate()
        var good = ""
        for index in 0..<2000 {
            good += "{\"ts\":\(1_772_409_600_000 + index * 100),\"path\":\"/api/v2/contacts/\(index)\",\"principal\":\"p\(index % 7)\"}\n"
        }
        let plain = scratch.file("good.jsonl")
        try (good + "not json at all\n" + String(repeating: "x", count: 2 << 20) + "\n{\"ts\":\"yesterday\",\"path\":\"/a\"}\n")
            .write(toFile: plain, atomically: true, encoding: .utf8)
        // A zstd file whose second half is garbage.
        let zstdPath = scratch.file("damaged.jsonl")
        try good.write(toFile: zstdPath, atomically: true, encoding: .utf8)
        let compress = Process()
        compress.executableURL = URL(fileURLWithPath: "/usr/bin/zstd")
        compress.arguments = ["-q", "-f", "--rm", zstdPath]
        try compress.run()
        compress.waitUntilExit()
        var bytes = try Data(contentsOf: URL(fileURLWithPath: zstdPath + ".zst"))
        let half = bytes.count / 2
        bytes.replaceSubrange(half..<bytes.count, with: Data(repeating: 0xAB, count: bytes.count - half))
        try bytes.write(to: URL(fileURLWithPath: zstdPath + ".zst"))

        let output = try binary.run(["replay", "--summary-json", scratch.file("summary.json"), scratch.path])
        #expect(output.status == 0, "\(output.stderr)")
        let summary = try readSummary(scratch.file("summary.json"))
        let errors = try #require(summary["parse_errors"] as? [String: Int])
        #expect(errors["line_too_long"] == 1)
        #expect(errors["malformed_json"] == 1)
        #expect(errors["invalid_timestamp"] == 1)
        let damaged = try #require(summary["damaged_files"] as? [[String: Any]])
        #expect(damaged.count == 1)
        #expect((damaged.first?["path"] as? String)?.hasSuffix("damaged.jsonl.zst") == true)
        #expect(["corrupt_frame", "truncated_frame"].contains(damaged.first?["code"] as? String ?? ""))
        // All good lines of the plain file were read, plus whatever preceded the damage.
        #expect((summary["events"] as? Int ?? 0) >= 2000)
        #expect(output.stderr.contains("damaged:"))
    }

    @Test("a path that matches nothing is an error naming it")
    func missingInputFails() throws {
        let output = try LeakWatchBinary.locate().run(["replay", "/nonexistent/leakwatch/*.zst"])
        #expect(output.status != 0)
        #expect(output.stderr.contains("/nonexistent/leakwatch"))
    }

    @Test("a config error names the file, the key and the problem")
    func configErrorsAreExplained() throws {
        let scratch = try ScratchDirectory("config")
        try "engine:\n  window: fifteen\n".write(toFile: scratch.file("bad.yml"), atomically: true, encoding: .utf8)
        let output = try LeakWatchBinary.locate().run(["replay", "--config", scratch.file("bad.yml"), scratch.path])
        #expect(output.status != 0)
        #expect(output.stderr.contains("bad.yml: engine.window: must be a duration"))
    }
}
