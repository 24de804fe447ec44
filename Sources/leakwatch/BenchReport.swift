import Foundation
import LeakWatchAlerting
import LeakWatchEngine
import LeakWatchIngest
import LeakWatchParsing

/// Results of `leakwatch bench`: one replay per worker count and the stock decompressor's time.
struct BenchReport {
    /// One replay.
    struct Run {
        var workers: Int
        var statistics: ReplayStatistics
        /// User + system CPU seconds of the whole process during the run.
        var cpuSeconds: Double
        var alerts: Int
        var alertBytes: Int

        var seconds: Double { statistics.seconds }
        var rawBytes: Int64 { statistics.ingest.rawBytes }
        var rawMegabytesPerSecond: Double { statistics.rawMegabytesPerSecond }
        var compressedMegabytesPerSecond: Double {
            seconds > 0 ? Double(statistics.ingest.compressedBytesRead) / 1e6 / seconds : 0
        }
        /// Cores busy on average.
        var coresUsed: Double { seconds > 0 ? cpuSeconds / seconds : 0 }

        /// Each stage's seconds: thread time for decompress, split, parse and aggregate+detect (which run side
        /// by side with two workers or more), wall time of the coordinator for merge and sink.
        var stages: [(name: String, seconds: Double)] {
            let s = statistics
            return [
                ("decompress", s.fillTiming.decode), ("split", s.fillTiming.split), ("parse", s.stageSeconds.parse),
                ("merge", s.stageSeconds.merge), ("aggregate+detect", s.stageSeconds.aggregate),
                ("sink", s.stageSeconds.sink),
            ]
        }
    }

    var files: Int
    var compressedBytes: Int64
    var decompressor: DecompressorBaseline?
    var runs: [Run] = []
    var peakResidentBytes: Int64 = 0

    /// Raw MB/s of the decompressor, from the raw bytes the replays decoded.
    var decompressorMegabytesPerSecond: Double? {
        guard let decompressor, decompressor.seconds > 0, let raw = runs.first?.rawBytes else { return nil }
        return Double(raw) / 1e6 / decompressor.seconds
    }

    func ratio(_ run: Run) -> Double? {
        decompressorMegabytesPerSecond.map { $0 > 0 ? run.rawMegabytesPerSecond / $0 : 0 }
    }

    func speedup(_ run: Run) -> Double? {
        guard let first = runs.first, first.rawMegabytesPerSecond > 0 else { return nil }
        return run.rawMegabytesPerSecond / first.rawMegabytesPerSecond
    }

    private static func fixed(_ value: Double, _ digits: Int) -> String { NumberFormatting.fixed(value, digits: digits) }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }

    func text() -> String {
        var lines: [String] = []
        let first = runs.first
        lines.append("leakwatch bench: \(files) files, \(compressedBytes) bytes on disk, "
            + "\(first?.rawBytes ?? 0) bytes raw, \(first?.statistics.events ?? 0) events")
        if let decompressor, let speed = decompressorMegabytesPerSecond {
            lines.append("  \(decompressor.tools.joined(separator: ", ")) >/dev/null: \(Self.fixed(decompressor.seconds, 2)) s, "
                + "\(Self.fixed(speed, 1)) MB/s raw")
        } else {
            lines.append("  decompressor: not timed (no compressed file, tool missing, a damaged file, or --no-decompressor)")
        }
        for damage in first?.statistics.damaged ?? [] { lines.append("  damaged: \(damage.error)") }
        if let first, first.statistics.parseErrors.total > 0 {
            lines.append("  skipped lines: \(first.statistics.parseErrors.total) (see `leakwatch replay` for the reasons)")
        }
        lines.append("")
        lines.append("  workers   seconds   MB/s raw   MB/s disk    events/s   cores   vs decompressor   speedup   alerts")
        for run in runs {
            lines.append(
                Self.pad(String(run.workers), 9) + Self.pad(Self.fixed(run.seconds, 2), 10)
                    + Self.pad(Self.fixed(run.rawMegabytesPerSecond, 1), 11)
                    + Self.pad(Self.fixed(run.compressedMegabytesPerSecond, 1), 12)
                    + Self.pad(Self.fixed(run.statistics.eventsPerSecond, 0), 12)
                    + Self.pad(Self.fixed(run.coresUsed, 2), 8)
                    + Self.pad(ratio(run).map { Self.fixed($0, 2) + "x" } ?? "-", 18)
                    + Self.pad(speedup(run).map { Self.fixed($0, 2) + "x" } ?? "-", 10)
                    + Self.pad(String(run.alerts), 9))
        }
        for run in runs {
            lines.append("")
            lines.append("  stages, \(run.workers) worker\(run.workers == 1 ? "" : "s") (thread seconds, side by side "
                + "with two workers or more; merge and sink: wall seconds)")
            lines.append("    stage               seconds     MB/s raw       events/s")
            for stage in run.stages {
                let rate = stage.seconds > 0 ? Double(run.rawBytes) / 1e6 / stage.seconds : 0
                let events = stage.seconds > 0 ? Double(run.statistics.events) / stage.seconds : 0
                lines.append("    " + stage.name.padding(toLength: 18, withPad: " ", startingAt: 0)
                    + Self.pad(Self.fixed(stage.seconds, 3), 9) + Self.pad(Self.fixed(rate, 1), 13)
                    + Self.pad(Self.fixed(events, 0), 15))
            }
            if run.workers > 1, let shares = aggregationShares(run) {
                lines.append("    aggregating threads per step: " + shares)
            }
        }
        lines.append("")
        lines.append("  peak RSS: \(Self.fixed(Double(peakResidentBytes) / 1_048_576, 1)) MiB")
        return lines.joined(separator: "\n") + "\n"
    }

    /// How many threads aggregated the steps of `run`, as "1 in 97 % of 540 steps, 2 in 3 %"; nil without steps.
    private func aggregationShares(_ run: Run) -> String? {
        let steps = run.statistics.aggregationWorkerSteps
        let total = steps.values.reduce(0, +)
        guard total > 0 else { return nil }
        let parts = steps.sorted { $0.key < $1.key }.map { count, number in
            "\(count) in \(Self.fixed(100 * Double(number) / Double(total), 0)) %"
        }
        return parts.joined(separator: ", ") + " of \(total) steps"
    }

    func json() -> String {
        var root = JSONObjectWriter()
        root.field("files", raw: String(files))
        root.field("compressed_bytes", raw: String(compressedBytes))
        root.field("raw_bytes", raw: String(runs.first?.rawBytes ?? 0))
        root.field("events", raw: String(runs.first?.statistics.events ?? 0))
        if let decompressor, let speed = decompressorMegabytesPerSecond {
            var object = JSONObjectWriter()
            object.field("tools", raw: "[" + decompressor.tools.map { JSONString.quoted($0) }.joined(separator: ",") + "]")
            object.field("files", raw: String(decompressor.files))
            object.field("seconds", raw: Self.fixed(decompressor.seconds, 3))
            object.field("raw_mb_per_second", raw: Self.fixed(speed, 1))
            root.field("decompressor", raw: object.finish())
        } else {
            root.field("decompressor", raw: "null")
        }
        root.field("runs", raw: "[" + runs.map { run in
            var object = JSONObjectWriter()
            object.field("workers", raw: String(run.workers))
            object.field("seconds", raw: Self.fixed(run.seconds, 3))
            object.field("raw_mb_per_second", raw: Self.fixed(run.rawMegabytesPerSecond, 1))
            object.field("compressed_mb_per_second", raw: Self.fixed(run.compressedMegabytesPerSecond, 1))
            object.field("events_per_second", raw: Self.fixed(run.statistics.eventsPerSecond, 0))
            object.field("cpu_seconds", raw: Self.fixed(run.cpuSeconds, 3))
            object.field("ratio_to_decompressor", raw: ratio(run).map { Self.fixed($0, 3) } ?? "null")
            object.field("speedup", raw: speedup(run).map { Self.fixed($0, 3) } ?? "null")
            object.field("events", raw: String(run.statistics.events))
            object.field("raw_bytes", raw: String(run.rawBytes))
            object.field("alerts", raw: String(run.alerts))
            object.field("alert_bytes", raw: String(run.alertBytes))
            var stages = JSONObjectWriter()
            for stage in run.stages {
                var item = JSONObjectWriter()
                item.field("seconds", raw: Self.fixed(stage.seconds, 3))
                let rate = stage.seconds > 0 ? Double(run.rawBytes) / 1e6 / stage.seconds : 0
                item.field("raw_mb_per_second", raw: Self.fixed(rate, 1))
                stages.field(stage.name, raw: item.finish())
            }
            object.field("stages", raw: stages.finish())
            var steps = JSONObjectWriter()
            for (count, number) in run.statistics.aggregationWorkerSteps.sorted(by: { $0.key < $1.key }) {
                steps.field(String(count), raw: String(number))
            }
            object.field("aggregation_worker_steps", raw: steps.finish())
            return object.finish()
        }.joined(separator: ",") + "]")
        root.field("damaged_files", raw: String(runs.first?.statistics.damaged.count ?? 0))
        root.field("skipped_lines", raw: String(runs.first?.statistics.parseErrors.total ?? 0))
        root.field("peak_rss_bytes", raw: String(peakResidentBytes))
        return root.finish()
    }
}
