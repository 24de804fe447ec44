/// Maps values from zero to a "nice" maximum onto a pixel range, with round tick values (1, 2, 5 x 10^k steps).
package struct LinearScale: Sendable, Equatable {
    /// Tick values from 0 to the nice maximum, ascending.
    package var ticks: [Double]
    /// Pixel positions of 0 and of the top tick (for a y axis: the bottom and the top of the plot).
    package var start: Double
    package var end: Double

    /// A scale whose top tick is the first round value at or above `maxValue`, with about `tickCount` steps.
    package init(maxValue: Double, tickCount: Int = 4, start: Double, end: Double) {
        let top = maxValue.isFinite && maxValue > 0 ? maxValue : 1
        let step = Self.niceStep(top / Double(max(1, tickCount)))
        var ticks: [Double] = [0]
        while ticks.last! < top * (1 - 1e-9) { ticks.append(Double(ticks.count) * step) }
        self.ticks = ticks
        self.start = start
        self.end = end
    }

    /// The nice maximum (the top tick).
    package var maximum: Double { ticks.last! }

    /// Pixel position of `value` (values above the maximum are held at the end).
    package func position(_ value: Double) -> Double {
        let clamped = min(max(value, 0), maximum)
        return start + (end - start) * clamped / maximum
    }

    /// The smallest 1, 2 or 5 x 10^k at or above `rough` (positive).
    package static func niceStep(_ rough: Double) -> Double {
        guard rough > 0, rough.isFinite else { return 1 }
        var magnitude = 1.0
        while magnitude > rough { magnitude /= 10 }
        while magnitude * 10 <= rough { magnitude *= 10 }
        for factor in [1.0, 2, 5, 10] where factor * magnitude >= rough * (1 - 1e-12) { return factor * magnitude }
        return 10 * magnitude
    }
}
