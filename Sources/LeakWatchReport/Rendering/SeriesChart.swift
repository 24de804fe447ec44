/// One key's series: the busiest window of each bucket as bars, the expected value and the `volume_spike` alert
/// bound as lines, and a marker above each firing alert.
enum SeriesChart {
    static let width = 1180.0
    static let height = 230.0
    static let left = 70.0
    static let right = 20.0
    static let top = 16.0
    static let bottom = 196.0

    static func svg(_ series: KeySeries, span: (first: Int64, last: Int64), warmupEnd: Int64?,
                    windowMillis: Int64) -> String {
        var canvas = SVGCanvas(width: width, height: height)
        let bucket = series.bucketMillis
        let axis = TimeAxis(from: span.first / bucket * bucket, to: (span.last / bucket + 1) * bucket, start: left,
                            end: width - right)
        let visible = series.points.reduce(0.0) { max($0, $1.observed, $1.expected) }
        let highestBound = series.points.compactMap(\.bound).max() ?? 0
        // A bound far above everything the key did would flatten the chart: it is then drawn along the top.
        let scale = LinearScale(maxValue: highestBound <= 3 * visible ? max(visible, highestBound) : visible,
                                tickCount: 4, start: bottom, end: top)
        axis.shadeWarmup(on: &canvas, until: warmupEnd, top: top, bottom: bottom, label: true)
        for tick in scale.ticks {
            let y = scale.position(tick)
            canvas.line(x1: left, y1: y, x2: width - right, y2: y, stroke: ReportPalette.grid)
            canvas.text(CompactNumber.text(tick), x: left - 6, y: y + 4, anchor: "end", size: 10, fill: "#555")
        }
        axis.drawLabels(on: &canvas, y: bottom + 16, maxTicks: 12)
        canvas.line(x1: left, y1: bottom, x2: width - right, y2: bottom, stroke: ReportPalette.axis)
        canvas.line(x1: left, y1: top, x2: left, y2: bottom, stroke: ReportPalette.axis)
        canvas.text("\(series.metric) per \(TimelineChart.bucketName(windowMillis)) window", x: 4, y: top - 5,
                    size: 10, fill: "#555")
        let barWidth = max(1, axis.position(axis.from + bucket) - axis.position(axis.from) - 0.5)
        for point in series.points where point.observed > 0 {
            let y = scale.position(point.observed)
            canvas.rect(x: axis.position(point.time), y: y, width: barWidth, height: bottom - y,
                        fill: ReportPalette.observed)
        }
        func line(_ value: (SeriesPoint) -> Double?) -> [(x: Double, y: Double)?] {
            var result: [(x: Double, y: Double)?] = []
            var previous: Int64?
            for point in series.points {
                // A bucket without any window of the key breaks the line.
                if let previous, point.time - previous > bucket { result.append(nil) }
                previous = point.time
                result.append(value(point).map { (axis.position(point.time + bucket / 2), scale.position($0)) })
            }
            return result
        }
        canvas.polyline(line { $0.expected }, stroke: ReportPalette.expected, width: 1.5)
        canvas.polyline(line { $0.bound }, stroke: ReportPalette.bound, width: 1.5, dash: "5 3")
        // One marker per bucket and detector; several detectors in one bucket stack downwards.
        var marked: [Int64: [String]] = [:]
        for alert in series.alerts {
            let time = alert.time / bucket * bucket
            guard marked[time]?.contains(alert.detector) != true else { continue }
            marked[time, default: []].append(alert.detector)
            canvas.marker(x: axis.position(time) + barWidth / 2, y: top + 2 + 9 * Double(marked[time]!.count - 1),
                          fill: ReportPalette.colour(severity: alert.severity),
                          title: "\(alert.detector) (\(alert.severity)) at \(TimeAxis.label(alert.time, step: 60_000)) UTC")
        }
        return canvas.finish(label: "\(series.metric) of \(series.dimension) \(series.keyName) against its expected band")
    }
}
