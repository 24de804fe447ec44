import Foundation
import LeakWatchAlerting
import LeakWatchEngine
import LeakWatchIngest
import LeakWatchParsing
import LeakWatchReport

/// `replay --report`: the tuning report of the run just made, built from the run summary's own numbers.
enum ReplayReport {
    /// Builds the report (extra replays for the key series and the threshold sweep) and writes the HTML to `path`.
    static func write(
        summary: RunSummary, busiest: [KeyVolume], builder: TuningReportBuilder, path: String
    ) throws {
        let report = try builder.build(.init(summary: ReportSummary(summary), alerts: summary.alerts,
                                             busiest: busiest))
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
