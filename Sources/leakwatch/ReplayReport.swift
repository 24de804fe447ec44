import Foundation
import LeakWatchAlerting
import LeakWatchConfig
import LeakWatchEngine
import LeakWatchIngest
import LeakWatchParsing
import LeakWatchReport

/// `replay --report`: the tuning report of the run just made, built from the run summary's own numbers.
struct ReplayReport {
    /// What the run read and how (the extra replays read the same).
    var options: ReplayOptions
    var settings: LeakWatchConfiguration
    var labels: Labels?
    /// The saved state the run started from, if any (every extra replay starts from it too).
    var stateIn: String?
    var sweepPoints: Int
    var sweepDetectors: Set<DetectorKind>?

    /// Builds the report (extra replays for the key series and the threshold sweep) and writes the HTML to `path`.
    /// - Parameter aggregator: the run's aggregator, tracing started with a volume tally before the run.
    func write(summary: RunSummary, aggregator: ShardedAggregator, path: String) throws {
        let stateIn = stateIn
        var builder = TuningReportBuilder(
            replay: ReportReplay(options: options, rules: settings.dataClasses) { aggregator in
                if let stateIn { try EngineStateStore.load(into: aggregator, directory: stateIn) }
            },
            configuration: settings.engine, labels: labels)
        builder.sweepPoints = sweepPoints
        builder.sweepDetectors = sweepDetectors
        builder.progress = { StandardError.write("  report: \($0)\n") }
        let report = try builder.build(.init(
            summary: ReportSummary(summary), alerts: summary.alerts,
            busiest: aggregator.busiestKeys(limit: builder.topKeys)))
        do {
            try ReportPage.html(report).write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw ReportError(stage: "write \(path)", problem: error.localizedDescription)
        }
        StandardError.write("  report: \(path)\n")
    }
}

extension ReportSummary {
    /// The report's summary: the same values the run summary prints and writes as JSON.
    init(_ run: RunSummary) {
        self.init()
        let statistics = run.statistics
        files = statistics.files
        compressedBytes = Int64(statistics.ingest.compressedBytesRead)
        rawBytes = Int64(statistics.ingest.rawBytes)
        lines = statistics.lines
        events = statistics.events
        skippedLines = ParseErrorReason.allCases.filter { statistics.parseErrors[$0] > 0 }
            .map { ($0.name, Int64(statistics.parseErrors[$0])) }
        lateEvents = statistics.lateEvents
        firstEventMillis = statistics.firstEventMillis
        lastEventMillis = statistics.lastEventMillis
        alertsByDetector = run.alertsByDetector.map { (detector: $0.0, count: $0.1) }
        incidents = run.incidents
        labels = run.score.map { score in
            LabelSummary(
                recall: score.recall, detectedIncidents: score.incidents.filter(\.detected).count,
                labelledIncidents: score.incidents.count, falsePositives: score.falsePositives,
                falsePositivesPerDay: score.falsePositivesPerDay, falsePositiveIncidents: score.falsePositiveIncidents,
                daysAfterWarmup: score.daysAfterWarmup,
                recallByDetector: DetectorKind.allCases.compactMap { detector in
                    score.recall(detector: detector.rawValue).map { (detector: detector.rawValue, recall: $0) }
                }.sorted { $0.detector < $1.detector })
        }
    }
}
