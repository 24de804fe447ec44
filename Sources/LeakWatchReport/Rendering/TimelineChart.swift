/// Alerts over time: one row per detector, a stacked bar per bucket (hour or day) with one colour per severity.
enum TimelineChart {
    static let width = 1180.0
    static let left = 170.0
    static let right = 20.0
    static let rowHeight = 54.0
    static let rowGap = 10.0

    /// - Parameters:
    ///   - alerts: firing alerts.
    ///   - detectors: rows, in order (detectors without alerts get an empty row saying so).
    ///   - span: the run's first and last event time.
    static func svg(
        alerts: [AlertMark], detectors: [String], span: (first: Int64, last: Int64), warmupEnd: Int64?
    ) -> String {
        let bucket = Downsampling.bucketMillis(span: span.last - span.first, windowMillis: 3_600_000, maxPoints: 160)
        let from = span.first / bucket * bucket
        let to = (span.last / bucket + 1) * bucket
        let top = 8.0
        let height = top + Double(detectors.count) * (rowHeight + rowGap) + 30
        var canvas = SVGCanvas(width: width, height: height)
        let axis = TimeAxis(from: from, to: to, start: left, end: width - right)
        let ticks = axis.ticks(maxTicks: 12)
        let barWidth = max(1, axis.position(from + bucket) - axis.position(from) - 1)
        for (row, detector) in detectors.enumerated() {
            let y0 = top + Double(row) * (rowHeight + rowGap)
            let bottom = y0 + rowHeight
            // Counts per bucket and severity.
            var counts: [Int64: [String: Int]] = [:]
            for alert in alerts where alert.detector == detector {
                counts[alert.time / bucket * bucket, default: [:]][alert.severity, default: 0] += 1
            }
            let highest = counts.values.map { $0.values.reduce(0, +) }.max() ?? 0
            let scale = LinearScale(maxValue: Double(max(highest, 1)), tickCount: 2, start: bottom, end: y0 + 4)
            canvas.rect(x: left, y: y0, width: width - right - left, height: rowHeight, fill: "#fbfbfb")
            axis.shadeWarmup(on: &canvas, until: warmupEnd, top: y0, bottom: bottom, label: row == 0)
            for tick in ticks.times { canvas.line(x1: axis.position(tick), y1: y0, x2: axis.position(tick),
                                                  y2: bottom, stroke: ReportPalette.grid) }
            canvas.text(detector, x: left - 10, y: y0 + 20, anchor: "end", size: 12, fill: "#222", weight: "600")
            let total = alerts.filter { $0.detector == detector }.count
            canvas.text("\(total) alert\(total == 1 ? "" : "s")", x: left - 10, y: y0 + 36, anchor: "end", size: 11,
                        fill: "#666")
            canvas.text(CompactNumber.text(scale.maximum), x: left + 3, y: y0 + 12, size: 9, fill: "#999")
            canvas.line(x1: left, y1: bottom, x2: width - right, y2: bottom, stroke: ReportPalette.axis)
            for (time, bySeverity) in counts.sorted(by: { $0.key < $1.key }) {
                var stacked = 0
                for (severity, colour) in ReportPalette.severities {
                    guard let count = bySeverity[severity], count > 0 else { continue }
                    let yTop = scale.position(Double(stacked + count))
                    let yBottom = scale.position(Double(stacked))
                    canvas.rect(x: axis.position(time), y: yTop, width: barWidth, height: yBottom - yTop, fill: colour,
                                title: "\(detector) \(TimeAxis.label(time, step: bucket)) UTC: \(count) \(severity)")
                    stacked += count
                }
            }
        }
        let axisY = top + Double(detectors.count) * (rowHeight + rowGap)
        axis.drawLabels(on: &canvas, y: axisY + 6, maxTicks: 12)
        canvas.text("UTC; one bar per \(bucketName(bucket)); the number at a row's top left is its most alerts per bar",
                    x: width - right, y: axisY + 21, anchor: "end", size: 10, fill: "#777")
        return canvas.finish(label: "Firing alerts per detector and severity over time")
    }

    static func bucketName(_ millis: Int64) -> String {
        if millis % 86_400_000 == 0 { return millis == 86_400_000 ? "day" : "\(millis / 86_400_000) days" }
        if millis % 3_600_000 == 0 { return millis == 3_600_000 ? "hour" : "\(millis / 3_600_000) hours" }
        return millis == 60_000 ? "minute" : "\(millis / 60_000) minutes"
    }
}
