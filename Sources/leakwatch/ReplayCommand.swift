import ArgumentParser
import Foundation
import LeakWatchAlerting
import LeakWatchConfig
import LeakWatchEngine
import LeakWatchParsing
import LeakWatchReport

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

    @Option(name: .long, help: "Write a tuning report (one self-contained HTML file) to this path.")
    var report: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Values per detector in the report's threshold sweep, the current one included; each other value "
                + "replays the input once more (0: no sweep)."))
    var sweepPoints = 5

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Comma-separated detectors to sweep in the report (default: all with a main threshold: "
                + SweepParameter.all.map(\.detector.rawValue).joined(separator: ", ") + ")."))
    var sweepDetectors: String?

    @Flag(name: .long, help: "Do not print alerts on stdout (summary only).")
    var quiet = false

    func validate() throws {
        if let workers, workers < 1 || workers > 64 { throw ValidationError("--workers must be between 1 and 64") }
        if sweepPoints < 0 || sweepPoints > 15 { throw ValidationError("--sweep-points must be between 0 and 15") }
        _ = try sweptDetectors()
    }

    /// The detectors named by `--sweep-detectors` (nil when not given).
    func sweptDetectors() throws -> Set<DetectorKind>? {
        guard let sweepDetectors else { return nil }
        let swept = Set(SweepParameter.all.map(\.detector.rawValue))
        var detectors = Set<DetectorKind>()
        for name in sweepDetectors.split(separator: ",").map({ String($0).trimmingCharacters(in: .whitespaces) }) {
            guard swept.contains(name), let detector = DetectorKind(rawValue: name) else {
                throw ValidationError(
                    "--sweep-detectors: \"\(name)\" is not one of \(swept.sorted().joined(separator: ", "))")
            }
            detectors.insert(detector)
        }
        return detectors
    }

    func run() async throws {
        let settings = try input.settings()
        var options = input.options(settings: settings, workers: workers)
        options.flushAtEnd = stateOut == nil

        let aggregator = ShardedAggregator(configuration: settings.engine, workers: options.workers)
        if let stateIn {
            try EngineStateStore.load(into: aggregator, directory: stateIn)
        }
        if report != nil { aggregator.startTracing(keys: [], tally: true) }
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
        let statistics = try pipeline.run(progress: bar?.update) { detections in
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
        let loadedLabels = try labels.map { try Labels.load(path: $0) }
        let score = loadedLabels.map { LabelScorer.score(alerts, labels: $0) }
        let summary = RunSummary(statistics: statistics, alerts: alerts, score: score, workers: options.workers,
                                 incidents: grouper.incidentCount - incidentsBefore)
        StandardError.write(summary.text())
        if let summaryJson {
            try (summary.json() + "\n").write(toFile: summaryJson, atomically: true, encoding: .utf8)
        }
        try await delivery.finish()
        if let report {
            try ReplayReport(
                options: options, settings: settings, labels: loadedLabels, stateIn: stateIn,
                sweepPoints: sweepPoints, sweepDetectors: try sweptDetectors()
            ).write(summary: summary, aggregator: aggregator, path: report)
        }
    }
}
