import LeakWatchAlerting

/// The report as one self-contained HTML page: inline CSS and SVG, no scripts, nothing loaded from anywhere.
package enum ReportPage {
    /// The page for `report`; the same report always gives the same bytes.
    package static func html(_ report: TuningReport) -> String {
        let summary = report.summary
        let span = (summary.firstEventMillis ?? 0, summary.lastEventMillis ?? summary.firstEventMillis ?? 0)
        var html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<title>LeakWatch tuning report</title>\n<style>\n\(ReportPalette.stylesheet)\n</style>\n</head>\n"
        html += "<body>\n<main>\n<h1>LeakWatch tuning report</h1>\n"
        html += "<p class=\"note\">Events from \(time(summary.firstEventMillis)) to \(time(summary.lastEventMillis)). "
            + "All times are UTC. Written by <code>leakwatch replay --report</code>; the numbers are those of the "
            + "run summary (<code>--summary-json</code>).</p>\n"
        html += SummarySection.html(summary)
        html += timeline(report, span: span)
        html += seriesSection(report, span: span)
        html += sweepSection(report)
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    static func time(_ millis: Int64?) -> String {
        guard let millis else { return "-" }
        return String(TimeFormatting.rfc3339(millis, fraction: false).prefix(16).map { $0 == "T" ? " " : $0 })
    }

    static func severityLegend() -> String {
        "<div class=\"legend\">severity:" + ReportPalette.severities.dropFirst().map { severity in
            "<span class=\"swatch\" style=\"background:\(severity.colour)\"></span>\(severity.name)"
        }.joined() + "</div>\n"
    }

    private static func timeline(_ report: TuningReport, span: (Int64, Int64)) -> String {
        var html = "<section id=\"timeline\">\n<h2>Alerts over time</h2>\n"
        html += "<p class=\"note\">Firing alerts per detector, stacked by severity. Each row has its own scale (the "
            + "small number at its top left is the row's maximum per bar). The grey band is the engine's warm-up "
            + "(<code>baselines.warmup</code>): no key can alert on its baseline before its end, and a key first seen "
            + "later warms up on its own.</p>\n"
        let detectors = report.summary.alertsByDetector.map(\.detector)
        if detectors.isEmpty {
            html += "<p>No alerts in this run.</p>\n"
        } else {
            html += severityLegend()
            html += TimelineChart.svg(alerts: report.alerts, detectors: detectors, span: span,
                                      warmupEnd: report.warmupEndMillis) + "\n"
        }
        return html + "</section>\n"
    }

    private static func seriesSection(_ report: TuningReport, span: (Int64, Int64)) -> String {
        var html = "<section id=\"series\">\n<h2>Top keys against their expected band</h2>\n"
        guard let bucket = report.series.first?.bucketMillis else {
            return html + "<p>No keys to show.</p>\n</section>\n"
        }
        let window = TimelineChart.bucketName(report.windowMillis)
        html += "<p class=\"note\">The keys with the most alerts and the busiest keys. Bars: the busiest "
            + "window (a window is one \(window)) of each \(TimelineChart.bucketName(bucket)); green line: what the baseline expected "
            + "for a window (mean over the \(TimelineChart.bucketName(bucket))); red dashed line: the value at which "
            + "<code>volume_spike</code> would alert (threshold, ratio, floor and recent-peak rules together; absent "
            + "while the key warms up; drawn along the top when it is above the chart). Triangles: firing alerts on the "
            + "key, coloured by severity (hover for the detector).</p>\n"
        html += "<div class=\"legend\"><span class=\"swatch\" style=\"background:\(ReportPalette.observed)\"></span>"
            + "observed (busiest window)<span class=\"line\" style=\"border-color:\(ReportPalette.expected)\"></span>"
            + "expected<span class=\"line\" style=\"border-color:\(ReportPalette.bound);border-top-style:dashed\">"
            + "</span>volume_spike alert bound</div>\n"
        html += severityLegend()
        for series in report.series {
            html += "<h3>\(HTMLEscaping.escape(series.dimension)) <span class=\"key\">"
                + "\(HTMLEscaping.escape(series.keyName))</span></h3>\n"
            html += "<p class=\"note\">\(HTMLEscaping.escape(series.reasons.joined(separator: "; "))); "
                + "\(series.alerts.count) firing alert\(series.alerts.count == 1 ? "" : "s") on this key"
                + (series.alerts.isEmpty ? "" : " (" + detectorCounts(series.alerts) + ")") + ".</p>\n"
            html += SeriesChart.svg(series, span: span, warmupEnd: report.warmupEndMillis,
                                    windowMillis: report.windowMillis) + "\n"
        }
        return html + "</section>\n"
    }

    private static func detectorCounts(_ alerts: [AlertMark]) -> String {
        var counts: [String: Int] = [:]
        for alert in alerts { counts[alert.detector, default: 0] += 1 }
        return HTMLEscaping.escape(counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            .joined(separator: ", "))
    }

    private static func sweepSection(_ report: TuningReport) -> String {
        var html = "<section id=\"sweep\">\n<h2>Threshold sweep</h2>\n"
        guard !report.sweeps.isEmpty else {
            return html + "<p>The sweep was not run (<code>--sweep-points 0</code>).</p>\n</section>\n"
        }
        html += "<p class=\"note\">Each detector's main threshold at several values, the whole input replayed once "
            + "per value with only that value changed. Alerts are counted after the warm-up (the labels' <code>warmup_end</code>, or without labels the engine's "
            + "warm-up), per day of the rest of the input. With labels, precision "
            + "is the share of the detector's alerts that match a labelled incident and recall the share of the "
            + "incidents labelled for the detector that it caught. The YAML lines apply a value; the current one is "
            + "marked.</p>\n"
        html += "<div class=\"legend\"><span class=\"swatch\" style=\"background:\(ReportPalette.current)\"></span>"
            + "current value<span class=\"swatch\" style=\"background:\(ReportPalette.other)\"></span>other values"
            + "<span class=\"line\" style=\"border-color:\(ReportPalette.precision)\"></span>precision"
            + "<span class=\"line\" style=\"border-color:\(ReportPalette.recall);border-top-style:dashed\"></span>"
            + "recall</div>\n"
        for sweep in report.sweeps { html += SweepTable.html(sweep) }
        return html + "</section>\n"
    }
}
