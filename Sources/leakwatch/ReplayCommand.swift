import ArgumentParser
import Foundation
import LeakWatchAlerting
import LeakWatchConfig
import LeakWatchEngine
import LeakWatchParsing

/// `leakwatch replay`: historical logs at full speed, in event time.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay log files at full speed and deliver alerts to the configured sinks (default: stdout).",
        discussion: "A run summary goes to stderr. Inputs may be files, directories or globs; plain, gzip and zstd "
            + "are told apart by their magic bytes.")

    @OptionGroup var input: ReplayInput

    @Option(name: .long, help: "Dispatch workers for parsing and aggregation (default: the core count).")
    var workers: Int?

    @Option(name: .long, help: "Write the run summary as JSON to this file.")
    var summaryJson: String?

    @Option(name: .long, help: "Score the alerts against labelled incidents in this labels.json.")
    var labels: String?

    @Option(name: .long, help: "Save the baselines and open windows to this directory at the end.")
    var stateOut: String?

    @Option(name: .long, help: "Start from baselines saved by an earlier --state-out (warm start).")
    var stateIn: String?

    @Flag(name: .long, help: "Do not print alerts on stdout (summary only).")
    var quiet = false

    func validate() throws {
        if let workers, workers < 1 || workers > 64 { throw ValidationError("--workers must be between 1 and 64") }
    }

    func run() async throws {
        var (settings, options) = try input.load(workers: workers)
        options.flushAtEnd = stateOut == nil

        let aggregator = ShardedAggregator(configuration: settings.engine, workers: options.workers)
        if let stateIn {
            try EngineStateStore.load(into: aggregator, directory: stateIn)
        }
        let grouper = IncidentGrouper()
        if let stateIn { try grouper.load(directory: stateIn) }
        let incidentsBefore = grouper.incidentCount
        let pipeline = ReplayPipeline(options: options, aggregator: aggregator)
        let delivery: ReplayDelivery
        do { delivery = try await ReplayDelivery.start(settings.sinks, quiet: quiet) } catch {
            throw ValidationError(error.description)
        }
        var alerts: [Alert] = []
        let bar = ProgressBar(label: "replay")
        let statistics = try pipeline.run(progress: bar.map { bar in
            { bar.update(done: $0.bytesRead, total: $0.totalBytes) }
        }) { detections in
            var batch = detections.map { Alert($0, rules: settings.dataClasses) }
            grouper.assign(&batch)
            alerts.append(contentsOf: batch)
            delivery.send(batch)
        }
        bar?.finish()
        if let stateOut {
            try EngineStateStore.save(aggregator, directory: stateOut)
            try grouper.save(directory: stateOut)
        }
        var score: LabelScore?
        if let labels {
            score = LabelScorer.score(alerts, labels: try Labels.load(path: labels))
        }
        let summary = RunSummary(statistics: statistics, alerts: alerts, score: score, workers: options.workers,
                                 incidents: grouper.incidentCount - incidentsBefore)
        StandardError.write(summary.text())
        if let summaryJson {
            try (summary.json() + "\n").write(toFile: summaryJson, atomically: true, encoding: .utf8)
        }
        try await delivery.finish()
    }
}
