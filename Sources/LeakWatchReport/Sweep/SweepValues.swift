import LeakWatchAlerting

/// Which values a threshold sweep tries: the current value and neighbours on a geometric ladder around it
/// (a factor of √2 per step, so five points span half to twice the current value), rounded to two
/// significant digits (and to whole numbers for counts) and kept within the range the configuration accepts.
package enum SweepValues {
    /// `count` values around `current`, ascending, always including `current` itself; fewer when rounding or
    /// the range makes neighbours coincide.
    package static func around(
        _ current: Double, count: Int, minimum: Double, maximum: Double, integral: Bool
    ) -> [Double] {
        guard count > 1 else { return [current] }
        let below = (count - 1) / 2
        let base = current > 0 ? current : max(minimum, 1)
        var values: [Double] = [current]
        for step in -below...(count - 1 - below) where step != 0 {
            var value = base * power(2.0.squareRoot(), step)
            value = roundedToTwoDigits(value)
            if integral { value = value.rounded() }
            value = min(max(value, minimum), maximum)
            values.append(value)
        }
        var unique: [Double] = []
        for value in values.sorted() where unique.last != value { unique.append(value) }
        return unique
    }

    /// `value` rounded to two significant digits (0.0707 -> 0.071, 5.657 -> 5.7, 11.31 -> 11).
    package static func roundedToTwoDigits(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return value }
        // Scale by whole powers of ten, so that 0.45 comes back as the literal 0.45 (a division of integers).
        var up = 1.0
        var down = 1.0
        while value * up / down >= 100 { down *= 10 }
        while value * up / down < 10 { up *= 10 }
        return (value * up / down).rounded() * down / up
    }

    /// The value as written in YAML: whole numbers without a fraction, others with at most four decimals.
    package static func text(_ value: Double, integral: Bool) -> String {
        if integral || value == value.rounded() { return NumberFormatting.fixed(value, digits: 0) }
        return CompactNumber.withoutTrailingZeros(NumberFormatting.fixed(value, digits: 4))
    }

    private static func power(_ base: Double, _ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(exponent) { result *= base }
        return exponent < 0 ? 1 / result : result
    }
}
