import LeakWatchAlerting
import LeakWatchEngine
import LeakWatchIngest
import LeakWatchParsing

/// The end-of-run report: what was read, skipped and found (text for people, JSON for machines).
struct RunSummary {
    var statistics: ReplayStatistics
    var alerts: [Alert]
    var score: LabelScore?
    var workers: Int
    /// Incidents opened in this run (alerts grouped by shared principal, source or destination).
    var incidents: Int

    var alertsByDetector: [(String, Int)] {
        var counts: [String: Int] = [:]
        for alert in alerts where alert.detection.status == .firing {
            counts[alert.detection.detector.rawValue, default: 0] += 1
        }
        return counts.sorted { $0.key < $1.key }
    }

    func text() -> String {
        let s = statistics
        var lines: [String] = []
        lines.append("leakwatch replay: \(s.files) files (\(s.formats.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))), workers \(workers)")
        lines.append("  bytes: \(s.ingest.compressedBytesRead) compressed, \(s.ingest.rawBytes) raw; lines \(s.lines), events \(s.events)")
        lines.append("  speed: \(NumberFormatting.fixed(s.seconds, digits: 2)) s, \(NumberFormatting.fixed(s.rawMegabytesPerSecond, digits: 1)) MB/s raw, \(NumberFormatting.fixed(s.eventsPerSecond, digits: 0)) events/s")
        let stages = s.stageSeconds
        lines.append("  stages (s): thread time decompress \(NumberFormatting.fixed(s.fillTiming.decode, digits: 2)), split \(NumberFormatting.fixed(s.fillTiming.split, digits: 2)), parse \(NumberFormatting.fixed(stages.parse, digits: 2)), aggregate+detect \(NumberFormatting.fixed(stages.aggregate, digits: 2)); wall time merge \(NumberFormatting.fixed(stages.merge, digits: 2)), sink \(NumberFormatting.fixed(stages.sink, digits: 2))")
        let errors = ParseErrorReason.allCases.filter { s.parseErrors[$0] > 0 }
        lines.append("  skipped lines: " + (errors.isEmpty ? "none" : errors.map { "\($0.name) \(s.parseErrors[$0])" }.joined(separator: ", ")))
        lines.append("  late events: \(s.lateEvents); lines dropped at damage: \(s.ingest.linesDroppedAtDamage)")
        for damage in s.damaged { lines.append("  damaged: \(damage.error)") }
        lines.append("  keys: " + Dimension.allCases.map { "\($0.name) \(s.keys[$0] ?? 0)" }.joined(separator: ", "))
        let overflow = Dimension.allCases.filter { (s.overflowEvents[$0] ?? 0) > 0 }
        if !overflow.isEmpty {
            lines.append("  overflow events: " + overflow.map { "\($0.name) \(s.overflowEvents[$0]!)" }.joined(separator: ", "))
        }
        let byDetector = alertsByDetector
        lines.append("  alerts: " + (byDetector.isEmpty ? "none" : byDetector.map { "\($0.0) \($0.1)" }.joined(separator: ", "))
            + "; incidents: \(incidents)")
        if let score {
            lines.append("  labels: recall \(NumberFormatting.fixed(score.recall, digits: 2)) (\(score.incidents.filter(\.detected).count)/\(score.incidents.count)), false positives \(score.falsePositives) in \(score.falsePositiveIncidents) incidents = \(NumberFormatting.fixed(score.falsePositivesPerDay, digits: 2))/day over \(NumberFormatting.fixed(score.daysAfterWarmup, digits: 1)) days after warm-up")
            for detector in DetectorKind.allCases {
                if let recall = score.recall(detector: detector.rawValue) {
                    lines.append("    \(detector.rawValue): recall \(NumberFormatting.fixed(recall, digits: 2))")
                }
            }
            for incident in score.incidents {
                let detect = incident.secondsToDetect.map { "detected after \(NumberFormatting.fixed($0, digits: 0)) s by \($0 >= 0 ? incident.detectors.joined(separator: ",") : "")" } ?? "MISSED"
                lines.append("    \(incident.id) \(incident.type): \(detect)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func json() -> String {
        let s = statistics
        var root = JSONObjectWriter()
        root.field("files", raw: String(s.files))
        root.field("workers", raw: String(workers))
        root.field("compressed_bytes", raw: String(s.ingest.compressedBytesRead))
        root.field("raw_bytes", raw: String(s.ingest.rawBytes))
        root.field("lines", raw: String(s.lines))
        root.field("events", raw: String(s.events))
        root.field("seconds", raw: NumberFormatting.fixed(s.seconds, digits: 3))
        root.field("raw_mb_per_second", raw: NumberFormatting.fixed(s.rawMegabytesPerSecond, digits: 1))
        root.field("events_per_second", raw: NumberFormatting.fixed(s.eventsPerSecond, digits: 0))
        var stages = JSONObjectWriter()
        stages.field("decompress", raw: NumberFormatting.fixed(s.fillTiming.decode, digits: 3))
        stages.field("split", raw: NumberFormatting.fixed(s.fillTiming.split, digits: 3))
        stages.field("parse", raw: NumberFormatting.fixed(s.stageSeconds.parse, digits: 3))
        stages.field("merge", raw: NumberFormatting.fixed(s.stageSeconds.merge, digits: 3))
        stages.field("aggregate", raw: NumberFormatting.fixed(s.stageSeconds.aggregate, digits: 3))
        stages.field("sink", raw: NumberFormatting.fixed(s.stageSeconds.sink, digits: 3))
        root.field("stage_seconds", raw: stages.finish())
        var errors = JSONObjectWriter()
        for reason in ParseErrorReason.allCases { errors.field(reason.name, raw: String(s.parseErrors[reason])) }
        root.field("parse_errors", raw: errors.finish())
        root.field("late_events", raw: String(s.lateEvents))
        root.field("lines_dropped_at_damage", raw: String(s.ingest.linesDroppedAtDamage))
        root.field("damaged_files", raw: "[" + s.damaged.map { damage in
            var item = JSONObjectWriter()
            item.field("path", damage.path)
            item.field("code", damage.error.code.name)
            item.field("offset", raw: damage.error.byteOffset.map(String.init) ?? "null")
            item.field("detail", damage.error.detail)
            return item.finish()
        }.joined(separator: ",") + "]")
        var keys = JSONObjectWriter()
        var overflow = JSONObjectWriter()
        for dimension in Dimension.allCases {
            keys.field(dimension.name, raw: String(s.keys[dimension] ?? 0))
            overflow.field(dimension.name, raw: String(s.overflowEvents[dimension] ?? 0))
        }
        root.field("keys", raw: keys.finish())
        root.field("overflow_events", raw: overflow.finish())
        var alertCounts = JSONObjectWriter()
        for (detector, count) in alertsByDetector { alertCounts.field(detector, raw: String(count)) }
        root.field("alerts", raw: alertCounts.finish())
        root.field("incidents", raw: String(incidents))
        if let score {
            var labels = JSONObjectWriter()
            labels.field("recall", raw: NumberFormatting.fixed(score.recall, digits: 4))
            labels.field("false_positives", raw: String(score.falsePositives))
            labels.field("false_positives_per_day", raw: NumberFormatting.fixed(score.falsePositivesPerDay, digits: 3))
            labels.field("false_positive_incidents", raw: String(score.falsePositiveIncidents))
            labels.field("false_positive_ids", raw: "[" + score.falsePositiveIDs.map { JSONString.quoted($0) }.joined(separator: ",") + "]")
            labels.field("days_after_warmup", raw: NumberFormatting.fixed(score.daysAfterWarmup, digits: 3))
            if let median = score.medianSecondsToDetect {
                labels.field("median_seconds_to_detect", raw: NumberFormatting.fixed(median, digits: 1))
            }
            var perDetector = JSONObjectWriter()
            for detector in DetectorKind.allCases {
                if let recall = score.recall(detector: detector.rawValue) {
                    perDetector.field(detector.rawValue, raw: NumberFormatting.fixed(recall, digits: 4))
                }
            }
            labels.field("recall_by_detector", raw: perDetector.finish())
            labels.field("incidents", raw: "[" + score.incidents.map { incident in
                var item = JSONObjectWriter()
                item.field("id", incident.id)
                item.field("type", incident.type)
                item.field("detected", raw: incident.detected ? "true" : "false")
                item.field("seconds_to_detect", raw: incident.secondsToDetect.map { NumberFormatting.fixed($0, digits: 1) } ?? "null")
                item.field("detectors", raw: "[" + incident.detectors.map { JSONString.quoted($0) }.joined(separator: ",") + "]")
                return item.finish()
            }.joined(separator: ",") + "]")
            root.field("labels", raw: labels.finish())
        }
        return root.finish()
    }
}
