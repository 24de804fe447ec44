import Foundation
import Testing

/// `leakwatch bench` and the progress bar, driven through the binary on the generated logs.
@Suite("bench and progress")
struct BenchTests {
    @Test("bench replays once per worker count, reads what replay reads, raises what it raises, and times zstd")
    func benchMeasuresEveryWorkerCount() throws {
        let directory = try GeneratedReplayTests.generated.get()
        let binary = try LeakWatchBinary.locate()
        let scratch = try ScratchDirectory("bench")
        let bench = try binary.run(["bench", "--workers", "1,2", "--json", scratch.file("bench.json"), directory + "/logs"])
        #expect(bench.status == 0, "\(bench.stderr)")
        #expect(bench.stdoutText.contains("vs decompressor"))
        let replay = try binary.run([
            "replay", "--workers", "2", "--summary-json", scratch.file("summary.json"), directory + "/logs",
        ])
        let summary = try readSummary(scratch.file("summary.json"))
        let alertLines = replay.stdoutText.split(separator: "\n").count

        let result = try readSummary(scratch.file("bench.json"))
        let runs = try #require(result["runs"] as? [[String: Any]])
        #expect(runs.map { $0["workers"] as? Int } == [1, 2])
        for run in runs {
            #expect(run["events"] as? Int == summary["events"] as? Int)
            #expect(run["raw_bytes"] as? Int == summary["raw_bytes"] as? Int)
            #expect(run["alerts"] as? Int == alertLines)
            #expect((run["raw_mb_per_second"] as? Double ?? 0) > 0)
            let stages = try #require(run["stages"] as? [String: Any])
            #expect(Set(stages.keys) == ["decompress", "split", "parse", "merge", "aggregate+detect", "sink"])
            // Every step was aggregated by one to `workers` threads, and the steps are counted.
            let steps = try #require(run["aggregation_worker_steps"] as? [String: Int])
            let workers = try #require(run["workers"] as? Int)
            #expect(!steps.isEmpty && steps.values.allSatisfy { $0 > 0 })
            #expect(steps.keys.allSatisfy { (Int($0) ?? 0) >= 1 && (Int($0) ?? 0) <= workers })
        }
        #expect(bench.stdoutText.contains("aggregating threads per step: "))
        #expect((runs[1]["speedup"] as? Double ?? 0) > 0)
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/zstd") {
            let decompressor = try #require(result["decompressor"] as? [String: Any])
            #expect(decompressor["tools"] as? [String] == ["zstd -dc"])
            #expect((runs[0]["ratio_to_decompressor"] as? Double ?? 0) > 0)
        }
        #expect((result["peak_rss_bytes"] as? Int ?? 0) > 0)
    }

    @Test("bench times the decompressor on a file given through a symbolic link")
    func symbolicLinkIsTimed() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/zstd") else { return }
        let directory = try GeneratedReplayTests.generated.get()
        let scratch = try ScratchDirectory("bench-link")
        let logs = directory + "/logs"
        let file = try #require(
            try FileManager.default.contentsOfDirectory(atPath: logs).sorted().first { $0.hasSuffix(".zst") })
        try FileManager.default.createSymbolicLink(
            atPath: scratch.file("linked.jsonl.zst"), withDestinationPath: logs + "/" + file)
        let output = try LeakWatchBinary.locate().run([
            "bench", "--workers", "1", "--json", scratch.file("bench.json"), scratch.file("linked.jsonl.zst"),
        ])
        #expect(output.status == 0, "\(output.stderr)")
        let result = try readSummary(scratch.file("bench.json"))
        let decompressor = try #require(result["decompressor"] as? [String: Any])
        #expect(decompressor["files"] as? Int == 1)
        let runs = try #require(result["runs"] as? [[String: Any]])
        #expect((runs.first?["ratio_to_decompressor"] as? Double ?? 0) > 0)
    }

    @Test("a damaged file does not stop bench: it is reported, and no decompressor ratio is claimed")
    func damagedFileIsReported() throws {
        let scratch = try ScratchDirectory("bench-damaged")
        let lines = (0..<200).map { "{\"ts\":\(1_772_409_600_000 + $0 * 1000),\"path\":\"/api/v2/contacts\",\"principal\":\"a\"}" }
        try (lines.joined(separator: "\n") + "\n").write(toFile: scratch.file("good.jsonl"), atomically: true, encoding: .utf8)
        // A zstd magic number followed by garbage.
        try Data([0x28, 0xB5, 0x2F, 0xFD, 0x67, 0x61, 0x72, 0x62, 0x61, 0x67, 0x65]).write(to: URL(fileURLWithPath: scratch.file("bad.zst")))
        let output = try LeakWatchBinary.locate().run([
            "bench", "--workers", "1", "--json", scratch.file("bench.json"), scratch.file("good.jsonl"),
            scratch.file("bad.zst"),
        ])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdoutText.contains("damaged: "))
        let result = try readSummary(scratch.file("bench.json"))
        #expect(result["damaged_files"] as? Int == 1)
        #expect(result["decompressor"] is NSNull)
        let runs = try #require(result["runs"] as? [[String: Any]])
        #expect(runs.first?["events"] as? Int == 200)
    }

    @Test("bench refuses a bad worker list, naming the option")
    func badWorkerList() throws {
        let output = try LeakWatchBinary.locate().run(["bench", "--workers", "1,x", "/nonexistent"])
        #expect(output.status != 0)
        #expect(output.stderr.contains("--workers"))
    }

    @Test("the progress bar is drawn on a terminal and never into a pipe or file")
    func progressOnlyOnTerminals() throws {
        let directory = try GeneratedReplayTests.generated.get()
        let binary = try LeakWatchBinary.locate()
        let piped = try binary.run(["replay", "--quiet", directory + "/logs"])
        #expect(piped.status == 0)
        #expect(!piped.stderr.contains("\r"))

        // script(1) gives the replay a pseudo-terminal and copies what it printed there to a file.
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let scratch = try ScratchDirectory("progress")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-q", "-e", "-c", "\(binary.url.path) replay --quiet \(directory)/logs",
                             scratch.file("terminal.txt")]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let terminal = try String(contentsOfFile: scratch.file("terminal.txt"), encoding: .utf8)
        #expect(terminal.contains("\rreplay ["))
        #expect(terminal.contains("% "))
        #expect(terminal.contains("leakwatch replay:"))
    }
}
