internal import Foundation
internal import LeakWatchIngest

/// Writes the access log and the export log of one day as multi-frame zstd files.
struct DayWriter {
    /// zstd level: on these lines level 1 is both faster and (slightly) smaller than the default 3.
    static let compressionLevel: Int32 = 1
    /// Uncompressed bytes per zstd frame.
    static let frameBytes = 4 << 20
    /// Buffered bytes handed to the compressor at once.
    static let flushBytes = 1 << 20

    let scenario: Scenario
    /// Day index from the scenario start.
    let day: Int

    func write(logsDirectory: String) throws -> DayOutput {
        let window = TimeWindow(
            start: scenario.start + Int64(day) * TimeWindow.day, end: scenario.start + Int64(day + 1) * TimeWindow.day)
        let date = CivilDate(epochMillis: window.start)
        var output = DayOutput(
            accessPath: logsDirectory + "/access-" + date.compact + ".jsonl.zst",
            exportPath: logsDirectory + "/export-" + date.compact + ".jsonl.zst")
        let plan = DayPlan(scenario: scenario, window: window)
        try writeAccess(plan: plan, to: output.accessPath, output: &output)
        try writeExports(plan: plan, date: date, to: output.exportPath, output: &output)
        output.compressedBytes = Self.fileSize(output.accessPath) + Self.fileSize(output.exportPath)
        return output
    }

    private func writeAccess(plan: DayPlan, to path: String, output: inout DayOutput) throws {
        var file = try ZstdFileWriter(path: path, level: Self.compressionLevel, frameBytes: Self.frameBytes)
        var sampler = MinuteSampler(scenario: scenario)
        var renderer = AccessLineRenderer(scenario: scenario)
        var events: [PendingEvent] = []
        var line = LineBuffer(capacity: Self.flushBytes + (1 << 16))
        var cursor = 0
        let firstMinute = Int64(day) * 1440
        for minute in firstMinute..<(firstMinute + 1440) {
            var random = Xoshiro256StarStar(seed: scenario.seed, stream: .accessMinute, key: minute)
            sampler.sample(minute: minute, random: &random, planned: plan.accesses, cursor: &cursor, into: &events)
            renderer.render(events, minute: minute, planned: plan.accesses, random: &random, into: &line)
            output.accessEvents += Int64(events.count)
            if line.count >= Self.flushBytes {
                try file.write(line.bytes)
                output.rawBytes += Int64(line.count)
                line.removeAll()
            }
        }
        try file.write(line.bytes)
        output.rawBytes += Int64(line.count)
        try file.finish()
    }

    private func writeExports(plan: DayPlan, date: CivilDate, to path: String, output: inout DayOutput) throws {
        var file = try ZstdFileWriter(path: path, level: Self.compressionLevel, frameBytes: Self.frameBytes)
        var line = LineBuffer(capacity: 1 << 16)
        ExportLineRenderer.render(plan.exports, day: date, into: &line)
        try file.write(line.bytes)
        try file.finish()
        output.exportEvents = Int64(plan.exports.count)
        output.rawBytes += Int64(line.count)
    }

    static func fileSize(_ path: String) -> Int64 {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return (attributes?[.size] as? NSNumber)?.int64Value ?? 0
    }
}
