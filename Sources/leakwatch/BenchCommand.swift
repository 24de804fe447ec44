import ArgumentParser
import Foundation
import LeakWatchAlerting
import LeakWatchConfig
import LeakWatchEngine
import LeakWatchIngest

/// `leakwatch bench`: replay throughput on log archives, per stage and per worker count, next to the stock
/// decompressor on the same files.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure replay throughput (every configured detector on) against `zstd -dc` on the same files.",
        discussion: """
            Each worker count replays the files from scratch with a fresh engine; alerts are built and encoded as \
            for standard output, then discarded. The decompressor runs first (which also warms the page cache). \
            Results go to stdout as a table, and with --json to a file.
            """)

    @OptionGroup var input: ReplayInput

    @Option(name: .long, help: "Comma-separated worker counts to measure, e.g. 1,2 (default: 1 and the core count).")
    var workers: String?

    @Option(name: .long, help: "Write the results as JSON to this file.")
    var json: String?

    @Flag(name: .long, help: "Do not time the stock decompressor.")
    var noDecompressor = false

    func validate() throws {
        _ = try workerCounts()
    }

    func workerCounts() throws -> [Int] {
        guard let workers else {
            let cores = ProcessInfo.processInfo.activeProcessorCount
            return cores > 1 ? [1, cores] : [1]
        }
        let counts = workers.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !counts.isEmpty, counts.allSatisfy({ $0 != nil && (1...64).contains($0!) }) else {
            throw ValidationError("--workers must be a comma-separated list of counts between 1 and 64 (got \"\(workers)\")")
        }
        return counts.map { $0! }
    }

    func run() async throws {
        let settings = try input.settings()
        let files = try InputDiscovery.expand(input.paths)
        var report = BenchReport(files: files.count, compressedBytes: files.reduce(0) { $0 + $1.size })
        if !noDecompressor {
            StandardError.write("bench: timing the stock decompressor...\n")
            report.decompressor = try DecompressorBaseline.measure(files)
        }
        for count in try workerCounts() {
            StandardError.write("bench: replay with \(count) worker\(count == 1 ? "" : "s")...\n")
            report.runs.append(try Self.replay(
                input.options(settings: settings, workers: count),
                settings: settings))
        }
        report.peakResidentBytes = ResourceUsage.now().peakResidentBytes
        print(report.text(), terminator: "")
        if let json {
            try (report.json() + "\n").write(toFile: json, atomically: true, encoding: .utf8)
        }
    }

    /// One replay from scratch, alerts encoded as for standard output and discarded.
    static func replay(_ options: ReplayOptions, settings: LeakWatchConfiguration) throws -> BenchReport.Run {
        let aggregator = ShardedAggregator(configuration: settings.engine, workers: options.workers)
        let pipeline = ReplayPipeline(options: options, aggregator: aggregator)
        let grouper = IncidentGrouper()
        var alerts = 0
        var encodedBytes = 0
        let bar = ProgressBar(label: "bench \(options.workers)w")
        let before = ResourceUsage.now()
        let statistics = try pipeline.run(progress: bar?.update) { detections in
            var batch = detections.map { Alert($0, rules: settings.dataClasses) }
            grouper.assign(&batch)
            for alert in batch { encodedBytes += AlertJSONEncoder.encode(alert).utf8.count + 1 }
            alerts += batch.count
        }
        let after = ResourceUsage.now()
        bar?.finish()
        return BenchReport.Run(
            workers: options.workers, statistics: statistics, cpuSeconds: after.cpuSeconds - before.cpuSeconds,
            alerts: alerts, alertBytes: encodedBytes)
    }
}
