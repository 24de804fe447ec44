import LeakWatchAlerting

/// A detector's sweep: alerts per day at each value as bars (left axis), precision and recall as lines (right
/// axis, 0 to 1) when labels were given; the current value's bar is dark.
enum SweepChart {
    static let width = 520.0
    static let height = 210.0
    static let left = 52.0
    static let right = 44.0
    static let top = 30.0
    static let bottom = 172.0

    static func svg(_ sweep: DetectorSweep) -> String {
        var canvas = SVGCanvas(width: width, height: height)
        // Headroom above the tallest bar for its value label (the precision and recall lines run along 1.00).
        let scale = LinearScale(maxValue: 1.2 * (sweep.points.map(\.alertsPerDay).max() ?? 0), tickCount: 4,
                                start: bottom, end: top)
        let share = LinearScale(maxValue: 1, tickCount: 4, start: bottom, end: top)
        let labelled = sweep.points.contains { $0.precision != nil || $0.recall != nil }
        for tick in scale.ticks {
            let y = scale.position(tick)
            canvas.line(x1: left, y1: y, x2: width - right, y2: y, stroke: ReportPalette.grid)
            canvas.text(CompactNumber.text(tick), x: left - 6, y: y + 4, anchor: "end", size: 10, fill: "#555")
        }
        if labelled {
            for tick in share.ticks {
                canvas.text(NumberFormatting.fixed(tick, digits: 2), x: width - right + 6, y: share.position(tick) + 4,
                            size: 10, fill: "#555")
            }
        }
        canvas.text("alerts/day", x: 4, y: top - 14, size: 10, fill: "#555")
        if labelled {
            canvas.text("precision, recall", x: width - 4, y: top - 14, anchor: "end", size: 10, fill: "#555")
        }
        canvas.line(x1: left, y1: bottom, x2: width - right, y2: bottom, stroke: ReportPalette.axis)
        let slot = (width - left - right) / Double(max(1, sweep.points.count))
        func center(_ index: Int) -> Double { left + slot * (Double(index) + 0.5) }
        for (index, point) in sweep.points.enumerated() {
            let y = scale.position(point.alertsPerDay)
            canvas.rect(x: center(index) - slot * 0.3, y: y, width: slot * 0.6, height: bottom - y,
                        fill: point.isCurrent ? ReportPalette.current : ReportPalette.other,
                        title: "\(sweep.parameter) \(point.value): \(NumberFormatting.fixed(point.alertsPerDay, digits: 2)) alerts/day")
            canvas.text(point.value, x: center(index), y: bottom + 15, anchor: "middle", size: 11,
                        fill: point.isCurrent ? ReportPalette.current : "#444", weight: point.isCurrent ? "700" : nil)
            if point.isCurrent {
                canvas.text("current", x: center(index), y: bottom + 29, anchor: "middle", size: 10,
                            fill: ReportPalette.current)
            }
            // The value sits inside a tall enough bar, clear of the precision and recall lines above it.
            let inside = bottom - y >= 18
            canvas.text(NumberFormatting.fixed(point.alertsPerDay, digits: point.alertsPerDay >= 10 ? 0 : 1),
                        x: center(index), y: inside ? y + 13 : y - 4, anchor: "middle", size: 10,
                        fill: inside && point.isCurrent ? "#fff" : "#1f2933")
        }
        if labelled {
            // Dots on both lines (recall's smaller, on top) keep them apart where they coincide.
            let precision = sweep.points.enumerated().map { index, point in
                point.precision.map { (x: center(index), y: share.position($0)) }
            }
            let recall = sweep.points.enumerated().map { index, point in
                point.recall.map { (x: center(index), y: share.position($0)) }
            }
            canvas.polyline(precision, stroke: ReportPalette.precision, width: 2)
            canvas.polyline(recall, stroke: ReportPalette.recall, width: 2, dash: "6 3")
            for point in precision.compactMap({ $0 }) {
                canvas.dot(x: point.x, y: point.y, radius: 4.5, fill: ReportPalette.precision)
            }
            for point in recall.compactMap({ $0 }) {
                canvas.dot(x: point.x, y: point.y, radius: 2.5, fill: ReportPalette.recall)
            }
        }
        return canvas.finish(label: "Threshold sweep of \(sweep.detector).\(sweep.parameter)")
    }
}
