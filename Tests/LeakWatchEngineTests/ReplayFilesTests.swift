import Foundation
import LeakWatchEngine
import LeakWatchIngest
import Testing

/// A replay opens the next file of a day-by-day archive ahead and decodes its first block beside the current
/// step, and hands the blocks of each file it closes to the next ones; these tests check that this changes nothing
/// in what is read, counted and found.
@Suite("replay of an archive split into files")
struct ReplayFilesTests {
    /// One attack scenario's lines, cut into `parts` consecutive files (each later than the one before).
    static func consecutiveParts(_ lines: [String], parts: Int) -> [[String]] {
        let size = (lines.count + parts - 1) / parts
        return stride(from: 0, to: lines.count, by: size).map { Array(lines[$0..<min($0 + size, lines.count)]) }
    }

    static func directory(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("leakwatch-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ lines: [String], to url: URL) throws {
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
    }

    static func replay(_ directory: URL, workers: Int, blockBytes: Int) throws -> (ReplayStatistics, [String]) {
        var options = ReplayOptions(paths: [directory.path])
        options.workers = workers
        options.blockBytes = blockBytes
        let pipeline = ReplayPipeline(
            options: options, aggregator: ShardedAggregator(configuration: EngineConfiguration(), workers: workers))
        var detections: [Detection] = []
        let statistics = try pipeline.run { detections += $0 }
        return (statistics, describe(detections))
    }

    /// Writes `lines` as one file and `parts` as files named `name(index)`, and checks that a replay of the parts
    /// reads the events and raises the alerts of the one file, at 1 and 2 workers. Small blocks make every file
    /// span many blocks and steps, so the next file is opened ahead many steps before it is merged.
    static func expectPartsReplayAsOneFile(_ lines: [String], parts: [[String]], name: (Int) -> String) throws {
        let whole = try Self.directory("whole")
        let split = try Self.directory("split")
        defer {
            try? FileManager.default.removeItem(at: whole)
            try? FileManager.default.removeItem(at: split)
        }
        try Self.write(lines, to: whole.appendingPathComponent("all.jsonl"))
        for (index, part) in parts.enumerated() {
            try Self.write(part, to: split.appendingPathComponent(name(index)))
        }
        let (reference, alerts) = try Self.replay(whole, workers: 1, blockBytes: 4 << 20)
        #expect(reference.events == Int64(lines.count))
        #expect(!alerts.isEmpty)
        for (workers, blockBytes) in [(1, 16 << 10), (2, 16 << 10), (2, 4 << 20)] {
            let (statistics, other) = try Self.replay(split, workers: workers, blockBytes: blockBytes)
            #expect(statistics.files == parts.count)
            #expect(statistics.events == reference.events, "workers \(workers), blocks \(blockBytes)")
            #expect(statistics.lines == reference.lines)
            #expect(statistics.lateEvents == 0)
            #expect(statistics.damaged.isEmpty)
            #expect(other == alerts, "workers \(workers), blocks \(blockBytes)")
        }
    }

    @Test("a day-by-day archive gives the events and alerts of the same lines in one file")
    func partsEqualOneFile() throws {
        let lines = DeterminismTests.attackStream().lines()
        try Self.expectPartsReplayAsOneFile(lines, parts: Self.consecutiveParts(lines, parts: 12)) {
            String(format: "part-%02d.jsonl", $0)
        }
    }

    @Test("files of several gateways that interleave in time give the events and alerts of the same lines in one file")
    func interleavedFilesEqualOneFile() throws {
        let lines = DeterminismTests.attackStream().lines()
        // Line i goes to gateway i % 4: every file spans the whole time range, and the merge takes a run of one or
        // two events at a time from each.
        let parts = (0..<4).map { gateway in lines.indices.filter { $0 % 4 == gateway }.map { lines[$0] } }
        try Self.expectPartsReplayAsOneFile(lines, parts: parts) { "gateway-\($0).jsonl" }
    }

    @Test("a next file that is damaged within its first block is reported, and the files after it are read")
    func damagedNextFile() throws {
        let lines = DeterminismTests.attackStream().lines()
        let parts = Self.consecutiveParts(lines, parts: 3)
        let directory = try Self.directory("damaged-next")
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.write(parts[0], to: directory.appendingPathComponent("part-0.jsonl"))
        try Self.write(parts[2], to: directory.appendingPathComponent("part-2.jsonl"))
        // The middle file: whole frames for well past the 256 KiB a replay peeks at, then garbage, all within the
        // first 4 MiB block, so the damage is met while that block is decoded ahead.
        let damagedPath = directory.appendingPathComponent("part-1.jsonl.zst").path
        var writer = try ZstdFileWriter(path: damagedPath, frameBytes: 64 << 10)
        let good = Array((parts[1].prefix(4000).joined(separator: "\n") + "\n").utf8)
        #expect(good.count > 300 << 10 && good.count < 3 << 20)
        try writer.write(good)
        try writer.finish()
        let handle = try #require(FileHandle(forWritingAtPath: damagedPath))
        handle.seekToEndOfFile()
        handle.write(Data(repeating: 0xAB, count: 4096))
        try handle.close()

        var results: [[String]] = []
        for workers in [1, 2] {
            let (statistics, alerts) = try Self.replay(directory, workers: workers, blockBytes: 4 << 20)
            #expect(statistics.damaged.count == 1)
            #expect(statistics.damaged.first?.path.hasSuffix("part-1.jsonl.zst") == true)
            #expect(statistics.events >= Int64(parts[0].count + parts[2].count), "workers \(workers)")
            results.append(alerts)
        }
        #expect(results[0] == results[1])
    }
}
