import LeakWatchAlerting

/// Short numbers for axis labels: `950`, `1.2k`, `35k`, `4.1M`, `0.25`.
enum CompactNumber {
    static func text(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= 1e9 { return trimmed(value / 1e9) + "G" }
        if magnitude >= 1e6 { return trimmed(value / 1e6) + "M" }
        if magnitude >= 1e3 { return trimmed(value / 1e3) + "k" }
        return trimmed(value)
    }

    /// At most two decimals, none when they are zero.
    private static func trimmed(_ value: Double) -> String {
        let digits = abs(value) >= 100 ? 0 : abs(value) >= 10 ? 1 : 2
        return withoutTrailingZeros(NumberFormatting.fixed(value, digits: digits))
    }

    /// `2.50` -> `2.5`, `3.00` -> `3`; text without a decimal point is returned as is.
    static func withoutTrailingZeros(_ number: String) -> String {
        guard number.contains(".") else { return number }
        var text = number
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
