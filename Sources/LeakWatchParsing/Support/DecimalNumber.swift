/// A decimal number read from bytes as `mantissa × 10^exponent`, so integer and milli-unit values can be taken
/// with integer arithmetic only (no `Double`, no rounding surprises).
@usableFromInline
struct DecimalNumber {
    @usableFromInline var mantissa: UInt64
    @usableFromInline var exponent: Int
    @usableFromInline var isNegative: Bool

    @inlinable
    init(mantissa: UInt64, exponent: Int, isNegative: Bool) {
        self.mantissa = mantissa
        self.exponent = exponent
        self.isNegative = isNegative
    }

    /// Parses all of `bytes` as a JSON number (`-12`, `3.5`, `1e3`); nil when anything else is there.
    ///
    /// Digits past the 18th significant one only move the exponent, so very long fractions truncate.
    @inlinable
    static func parse(_ bytes: UnsafeRawBufferPointer) -> DecimalNumber? {
        let count = bytes.count
        var index = 0
        var negative = false
        if index < count && bytes[index] == UInt8(ascii: "-") {
            negative = true
            index &+= 1
        }
        let limit: UInt64 = 100_000_000_000_000_000
        var mantissa: UInt64 = 0
        var exponent = 0
        let integerStart = index
        while index < count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            if digit >= 10 { break }
            if mantissa < limit {
                mantissa = mantissa &* 10 &+ UInt64(digit)
            } else {
                exponent &+= 1
            }
            index &+= 1
        }
        if index == integerStart { return nil }
        if index < count && bytes[index] == UInt8(ascii: ".") {
            index &+= 1
            let fractionStart = index
            while index < count {
                let digit = bytes[index] &- UInt8(ascii: "0")
                if digit >= 10 { break }
                if mantissa < limit {
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                    exponent &-= 1
                }
                index &+= 1
            }
            if index == fractionStart { return nil }
        }
        if index < count && bytes[index] | 0x20 == UInt8(ascii: "e") {
            index &+= 1
            var exponentNegative = false
            if index < count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index &+= 1
            }
            let exponentStart = index
            var value = 0
            while index < count {
                let digit = bytes[index] &- UInt8(ascii: "0")
                if digit >= 10 { break }
                if value < 100_000 { value = value &* 10 &+ Int(digit) }
                index &+= 1
            }
            if index == exponentStart { return nil }
            exponent &+= exponentNegative ? -value : value
        }
        if index != count { return nil }
        return DecimalNumber(mantissa: mantissa, exponent: exponent, isNegative: negative)
    }

    /// The value times `10^scale`, truncated toward zero; nil when it does not fit an `Int64`.
    @inlinable
    func truncated(scaledBy scale: Int = 0) -> Int64? {
        if mantissa == 0 { return 0 }
        var value = mantissa
        var power = exponent &+ scale
        if power < -20 { return 0 }
        while power > 0 {
            let (product, overflow) = value.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            value = product
            power &-= 1
        }
        while power < 0 {
            value /= 10
            power &+= 1
        }
        guard value <= UInt64(Int64.max) else { return nil }
        return isNegative ? -Int64(value) : Int64(value)
    }
}
