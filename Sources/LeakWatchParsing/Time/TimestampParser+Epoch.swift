extension TimestampParser {
    /// Values above this are epoch milliseconds, below it epoch seconds (1e11 s is the year 5138; 1e11 ms is 1973).
    @inlinable
    static var millisecondThreshold: Int64 { 100_000_000_000 }

    /// Epoch seconds (fraction allowed, kept to the millisecond) or milliseconds; negative values are refused.
    @inlinable
    static func epoch(_ number: DecimalNumber) -> Int64? {
        guard !number.isNegative, let whole = number.truncated() else { return nil }
        if whole > millisecondThreshold { return whole }
        return number.truncated(scaledBy: 3)
    }
}
