/// Locale-free, deterministic number text for alerts (the same bytes on every machine).
package enum NumberFormatting {
    /// `x` with exactly `digits` decimals (rounded half away from zero); integers print without decimals.
    package static func fixed(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9.0e18 else { return String(Int64(value)) }
        let units = Int64(scaled)
        let whole = units / Int64(scale)
        let part = units % Int64(scale)
        let sign = value < 0 && units != 0 ? "-" : ""
        if digits == 0 { return sign + String(whole) }
        var decimals = String(part)
        while decimals.count < digits { decimals = "0" + decimals }
        return "\(sign)\(whole).\(decimals)"
    }

    /// A JSON number: integral values without a fraction, others with two decimals.
    package static func json(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 9.0e15 { return String(Int64(value)) }
        return fixed(value, digits: 2)
    }

    /// `48,213` style grouping for sentences (fractions rounded to whole units).
    package static func grouped(_ value: Double) -> String {
        let digits = fixed(value.rounded(), digits: 0)
        var result = ""
        let negative = digits.hasPrefix("-")
        let body = Array(negative ? digits.dropFirst() : Substring(digits))
        for (index, character) in body.enumerated() {
            if index > 0 && (body.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return (negative ? "-" : "") + result
    }

    /// `7.9 MB` style sizes in decimal units (B, kB, MB, GB).
    package static func bytes(_ count: Int64) -> String {
        let value = Double(count)
        if value >= 1e9 { return fixed(value / 1e9, digits: 2) + " GB" }
        if value >= 1e6 { return fixed(value / 1e6, digits: 1) + " MB" }
        if value >= 1e3 { return fixed(value / 1e3, digits: 1) + " kB" }
        return "\(count) B"
    }
}
