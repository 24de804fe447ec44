import LeakWatchAlerting

/// One detector's sweep: its chart beside a table of the values with their YAML lines.
enum SweepTable {
    static func html(_ sweep: DetectorSweep) -> String {
        let name = HTMLEscaping.escape("\(sweep.detector).\(sweep.parameter)")
        var html = "<h3 id=\"sweep-\(HTMLEscaping.escape(sweep.detector))\">\(name)</h3>\n"
        if sweep.points.count > 1, Set(sweep.points.map(\.alerts)).count == 1 {
            html += "<p class=\"note\">The same alerts at every value: on this input another of the detector's "
                + "settings (a ratio, a floor or a minimum) decides, not this one.</p>\n"
        }
        html += "<div class=\"grid\">\n"
        html += "<div>" + SweepChart.svg(sweep) + "</div>\n<div class=\"card\">\n<table class=\"sweep\" "
            + "data-detector=\"\(HTMLEscaping.escape(sweep.detector))\">\n<tr><th class=\"n\">\(HTMLEscaping.escape(sweep.parameter))</th>"
            + "<th class=\"n\">alerts</th><th class=\"n\">alerts/day</th><th class=\"n\">precision</th>"
            + "<th class=\"n\">recall</th><th>config</th></tr>\n"
        for point in sweep.points {
            html += "<tr" + (point.isCurrent ? " class=\"current\"" : "") + ">"
                + "<td class=\"n\">\(HTMLEscaping.escape(point.value))\(point.isCurrent ? " (current)" : "")</td>"
                + "<td class=\"n\">\(point.alerts)</td>"
                + "<td class=\"n\">\(NumberFormatting.fixed(point.alertsPerDay, digits: 2))</td>"
                + "<td class=\"n\">\(share(point.precision))</td><td class=\"n\">"
                + "\(share(point.recall))</td><td><pre>\(HTMLEscaping.escape(point.yaml))</pre></td></tr>\n"
        }
        return html + "</table>\n</div>\n</div>\n"
    }

    static func share(_ value: Double?) -> String {
        value.map { NumberFormatting.fixed($0, digits: 2) } ?? "–"
    }
}
