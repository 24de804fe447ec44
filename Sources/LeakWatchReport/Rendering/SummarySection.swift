import LeakWatchAlerting

/// The run summary as tables. Each value cell carries `data-field` (the key path in `--summary-json`) and
/// `data-value` (the value written as in that JSON), so a test can hold the two side by side.
enum SummarySection {
    static func html(_ summary: ReportSummary) -> String {
        var html = "<section id=\"summary\">\n<h2>Run summary</h2>\n<div class=\"grid\">\n<div class=\"card\">\n"
        html += "<h3>Input</h3>\n<table class=\"summary\">\n"
        html += row("files", "files", String(summary.files))
        html += row("bytes read (compressed)", "compressed_bytes", String(summary.compressedBytes),
                    shown: NumberFormatting.bytes(summary.compressedBytes))
        html += row("bytes decoded", "raw_bytes", String(summary.rawBytes), shown: NumberFormatting.bytes(summary.rawBytes))
        html += row("lines", "lines", String(summary.lines))
        html += row("events", "events", String(summary.events))
        if summary.skippedLines.isEmpty {
            html += "<tr><td>lines skipped</td><td class=\"n\">none</td></tr>\n"
        }
        for skipped in summary.skippedLines {
            html += row("lines skipped: \(skipped.reason)", "parse_errors.\(skipped.reason)", String(skipped.count))
        }
        html += row("late events (dropped)", "late_events", String(summary.lateEvents))
        html += "<tr><td>first event</td><td class=\"n\">\(ReportPage.time(summary.firstEventMillis))</td></tr>\n"
        html += "<tr><td>last event</td><td class=\"n\">\(ReportPage.time(summary.lastEventMillis))</td></tr>\n"
        if let first = summary.firstEventMillis, let last = summary.lastEventMillis {
            html += "<tr><td>time span</td><td class=\"n\">"
                + "\(NumberFormatting.fixed(Double(last - first) / 86_400_000, digits: 1)) days</td></tr>\n"
        }
        html += "</table>\n</div>\n<div class=\"card\">\n<h3>Alerts</h3>\n<table class=\"summary\">\n"
        html += "<tr><th>detector</th><th class=\"n\">firing alerts</th>"
            + (summary.labels == nil ? "" : "<th class=\"n\">recall</th>") + "</tr>\n"
        for (detector, count) in summary.alertsByDetector {
            let name = HTMLEscaping.escape(detector)
            html += "<tr><td>\(name)</td>" + cell("alerts.\(detector)", String(count))
            if let labels = summary.labels {
                if let recall = labels.recallByDetector.first(where: { $0.detector == detector })?.recall {
                    html += cell("labels.recall_by_detector.\(detector)", NumberFormatting.fixed(recall, digits: 4),
                                 shown: NumberFormatting.fixed(recall, digits: 2))
                } else {
                    html += "<td class=\"n\">–</td>"
                }
            }
            html += "</tr>\n"
        }
        html += "<tr><td><b>all detectors</b></td><td class=\"n\"><b>\(summary.totalAlerts)</b></td></tr>\n"
        html += row("incidents (grouped alerts)", "incidents", String(summary.incidents))
        html += "</table>\n"
        if let labels = summary.labels {
            html += "<h3>Against the labels</h3>\n<table class=\"summary\">\n"
            html += row("recall", "labels.recall", NumberFormatting.fixed(labels.recall, digits: 4),
                        shown: "\(NumberFormatting.fixed(labels.recall, digits: 2)) "
                            + "(\(labels.detectedIncidents) of \(labels.labelledIncidents) incidents)")
            html += row("false positives (alerts)", "labels.false_positives", String(labels.falsePositives))
            html += row("false positives (incidents)", "labels.false_positive_incidents",
                        String(labels.falsePositiveIncidents))
            html += row("false positives per day", "labels.false_positives_per_day",
                        NumberFormatting.fixed(labels.falsePositivesPerDay, digits: 3),
                        shown: NumberFormatting.fixed(labels.falsePositivesPerDay, digits: 2))
            html += row("days after warm-up", "labels.days_after_warmup",
                        NumberFormatting.fixed(labels.daysAfterWarmup, digits: 3),
                        shown: NumberFormatting.fixed(labels.daysAfterWarmup, digits: 1))
            html += "</table>\n"
        }
        return html + "</div>\n</div>\n</section>\n"
    }

    private static func row(_ label: String, _ field: String, _ value: String, shown: String? = nil) -> String {
        "<tr><td>\(HTMLEscaping.escape(label))</td>" + cell(field, value, shown: shown) + "</tr>\n"
    }

    private static func cell(_ field: String, _ value: String, shown: String? = nil) -> String {
        "<td class=\"n\" data-field=\"\(HTMLEscaping.escape(field))\" data-value=\"\(HTMLEscaping.escape(value))\">"
            + HTMLEscaping.escape(shown ?? NumberFormatting.grouped(Double(value) ?? 0)) + "</td>"
    }

}
