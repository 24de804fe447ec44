import LeakWatchAlerting
import LeakWatchEngine

/// Maps event time (epoch ms, UTC) onto a pixel range and picks round tick times (whole hours or days).
package struct TimeAxis: Sendable, Equatable {
    package var from: Int64
    package var to: Int64
    package var start: Double
    package var end: Double

    package init(from: Int64, to: Int64, start: Double, end: Double) {
        self.from = from
        self.to = max(to, from + 1)
        self.start = start
        self.end = end
    }

    /// Pixel position of `time`.
    package func position(_ time: Int64) -> Double {
        start + (end - start) * Double(time - from) / Double(to - from)
    }

    static let steps: [Int64] = [1, 2, 3, 6, 12, 24, 48, 96, 168, 336, 720].map { $0 * 3_600_000 }

    /// Tick times on whole multiples of a step from the ladder (1 hour to 30 days), at most `maxTicks` of them.
    package func ticks(maxTicks: Int) -> (step: Int64, times: [Int64]) {
        let span = to - from
        let step = Self.steps.first { span / $0 <= Int64(max(1, maxTicks)) } ?? Self.steps.last!
        var time = (floorDivide(from, step) + 1) * step
        if time - step == from { time = from }
        var times: [Int64] = []
        while time <= to {
            times.append(time)
            time += step
        }
        return (step, times)
    }

    /// Draws tick marks hanging from `y - 16` and tick labels on the baseline `y`, the end labels pulled inside the
    /// plot so that none is cut off.
    func drawLabels(on canvas: inout SVGCanvas, y: Double, maxTicks: Int) {
        let ticks = ticks(maxTicks: maxTicks)
        for tick in ticks.times {
            let x = position(tick)
            let anchor = x > end - 30 ? "end" : x < start + 30 ? "start" : "middle"
            canvas.line(x1: x, y1: y - 16, x2: x, y2: y - 12, stroke: ReportPalette.axis)
            canvas.text(Self.label(tick, step: ticks.step), x: x, y: y, anchor: anchor, size: 10, fill: "#444")
        }
    }

    /// Shades the warm-up (from the start of the axis to `warmupEnd`) between `top` and `bottom`.
    func shadeWarmup(on canvas: inout SVGCanvas, until warmupEnd: Int64?, top: Double, bottom: Double,
                     label: Bool) {
        guard let warmupEnd, warmupEnd > from else { return }
        let x = position(min(warmupEnd, to))
        canvas.rect(x: start, y: top, width: x - start, height: bottom - top, fill: ReportPalette.warmup)
        if label { canvas.text("warm-up", x: start + 4, y: bottom - 4, size: 10, fill: "#8a8f98") }
    }

    /// `03-02` for day steps, `03-02 14:00` for shorter ones (UTC).
    package static func label(_ time: Int64, step: Int64) -> String {
        let text = TimeFormatting.rfc3339(time, fraction: false)  // 2026-03-02T14:00:00Z
        let day = String(text.dropFirst(5).prefix(5))
        if step % 86_400_000 == 0 { return day }
        return day + " " + String(text.dropFirst(11).prefix(5))
    }
}
