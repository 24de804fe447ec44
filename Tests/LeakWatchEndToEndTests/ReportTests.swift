import Foundation
import LeakWatchTestSupport
import Testing

/// `replay --report` on a small generated log set: the page's structure, and its numbers against the run summary.
@Suite("tuning report of a replay", .serialized)
struct ReportTests {
    /// Two days (one of warm-up) at a low rate: enough for alerts and labels, small enough to replay several times.
    static let generated: Result<String, any Error> = Result {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("leakwatch-e2e-report-\(getpid())").path
        RemovedAtExit.register(directory)
        let output = try LeakWatchBinary.locate().run([
            "generate", "--out", directory, "--days", "2", "--warmup-days", "1", "--seed", "7", "--rate", "0.03",
        ])
        guard output.status == 0 else { throw GeneratedReplayTests.GenerateFailed(stderr: output.stderr) }
        return directory
    }

    /// Replays the generated logs with a report; the sweep covers only `detectors` to keep the test short.
    func report(
        workers: Int, sweepPoints: Int, detectors: String, scratch: ScratchDirectory
    ) throws -> (html: String, summary: [String: Any], stderr: String) {
        let directory = try Self.generated.get()
        let output = try LeakWatchBinary.locate().run([
            "replay", "--quiet", "--workers", String(workers), "--labels", directory + "/labels.json",
            "--summary-json", scratch.file("summary.json"), "--report", scratch.file("report.html"),
            "--sweep-points", String(sweepPoints), "--sweep-detectors", detectors, directory + "/logs",
        ])
        #expect(output.status == 0, "\(output.stderr)")
        let html = try String(contentsOfFile: scratch.file("report.html"), encoding: .utf8)
        return (html, try readSummary(scratch.file("summary.json")), output.stderr)
    }

    @Test("one self-contained page with every section and chart, whose numbers are the run summary's")
    func structureAndNumbers() throws {
        let scratch = try ScratchDirectory("report")
        let (html, summary, stderr) = try report(workers: 2, sweepPoints: 2, detectors: "volume_spike,new_entity",
                                                 scratch: scratch)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(occurrences(of: "<html", in: html) == 1 && occurrences(of: "</html>", in: html) == 1)
        #expect(occurrences(of: "<body", in: html) == 1 && occurrences(of: "</body>", in: html) == 1)
        for section in ["summary", "timeline", "series", "sweep"] {
            #expect(html.contains("<section id=\"\(section)\">"), "missing section \(section)")
        }
        #expect(occurrences(of: "<svg", in: html) == occurrences(of: "</svg>", in: html))
        #expect(occurrences(of: "<section", in: html) == occurrences(of: "</section>", in: html))
        // Timeline, at least one key series, and one chart per swept detector.
        #expect(occurrences(of: "<svg", in: html) >= 1 + 1 + 2)
        #expect(occurrences(of: "<table class=\"sweep\"", in: html) == 2)
        #expect(html.contains("<pre>detectors:\n  volume_spike:\n    threshold: 8</pre>"))
        for forbidden in ["http://", "https://", "src=", "href=", "<script", "<link", "@import", "url("] {
            #expect(!html.contains(forbidden), "the page must load nothing: found \(forbidden)")
        }
        // Every sweep marks exactly one current value and gives its YAML under `detectors:`.
        for table in html.components(separatedBy: "<table class=\"sweep\"").dropFirst() {
            let body = table.components(separatedBy: "</table>")[0]
            #expect(occurrences(of: "<tr class=\"current\">", in: body) == 1)
            #expect(body.contains("<pre>detectors:\n  "))
        }
        #expect(stderr.contains("report: sweep 2/2"), "\(stderr)")

        // The numbers: every one the page shows with a `data-field` equals the summary JSON's.
        let fields = dataFields(html)
        for name in ["files", "lines", "events", "late_events", "incidents", "raw_bytes", "compressed_bytes"] {
            #expect(fields[name].flatMap(Int.init) == summary[name] as? Int, "\(name): \(stderr)")
        }
        let alerts = try #require(summary["alerts"] as? [String: Int])
        #expect(!alerts.isEmpty)
        for (detector, count) in alerts {
            #expect(fields["alerts.\(detector)"].flatMap(Int.init) == count, "\(detector)")
        }
        #expect(fields.keys.filter { $0.hasPrefix("alerts.") }.count == alerts.count)
        let labels = try #require(summary["labels"] as? [String: Any])
        #expect(fields["labels.recall"].flatMap(Double.init) == labels["recall"] as? Double)
        #expect(fields["labels.false_positives"].flatMap(Int.init) == labels["false_positives"] as? Int)
        #expect(fields["labels.false_positives_per_day"].flatMap(Double.init)
                == labels["false_positives_per_day"] as? Double)
        let byDetector = try #require(labels["recall_by_detector"] as? [String: Double])
        for (detector, recall) in byDetector where alerts[detector] != nil {
            #expect(fields["labels.recall_by_detector.\(detector)"].flatMap(Double.init) == recall, "\(detector)")
        }
    }

    @Test("the same input gives the same report bytes for 1 and 2 workers")
    func deterministic() throws {
        let one = try report(workers: 1, sweepPoints: 2, detectors: "new_entity",
                             scratch: try ScratchDirectory("report-w1"))
        let two = try report(workers: 2, sweepPoints: 2, detectors: "new_entity",
                             scratch: try ScratchDirectory("report-w2"))
        #expect(!one.html.isEmpty)
        #expect(one.html == two.html)
    }

    private func occurrences(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// `data-field="name" data-value="value"` pairs of the page.
    private func dataFields(_ html: String) -> [String: String] {
        var fields: [String: String] = [:]
        for part in html.components(separatedBy: "data-field=\"").dropFirst() {
            let name = part.prefix { $0 != "\"" }
            guard let range = part.range(of: "data-value=\"") else { continue }
            fields[String(name)] = String(part[range.upperBound...].prefix { $0 != "\"" })
        }
        return fields
    }
}
