extension TimestampParser {
    /// `2026-03-02T14:03:11.204Z`: `T`, `t` or a space between date and time; any number of fraction digits
    /// (milliseconds kept, the rest truncated); `Z`, `±HH:MM`, `±HHMM` or `±HH` offset, or none (read as UTC).
    @inlinable
    static func rfc3339(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        let count = bytes.count
        guard count >= 19 else { return nil }
        let year = digits(bytes, at: 0, count: 4)
        let month = digits(bytes, at: 5, count: 2)
        let day = digits(bytes, at: 8, count: 2)
        let hour = digits(bytes, at: 11, count: 2)
        let minute = digits(bytes, at: 14, count: 2)
        let second = digits(bytes, at: 17, count: 2)
        guard year >= 0, month >= 0, day >= 0, hour >= 0, minute >= 0, second >= 0,
            bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":")
        else { return nil }
        let separator = bytes[10]
        guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == UInt8(ascii: " ")
        else { return nil }

        var index = 19
        var millis = 0
        if index < count && (bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",")) {
            index &+= 1
            var fractionDigits = 0
            while index < count {
                let digit = bytes[index] &- UInt8(ascii: "0")
                if digit >= 10 { break }
                if fractionDigits < 3 { millis = millis &* 10 &+ Int(digit) }
                fractionDigits &+= 1
                index &+= 1
            }
            guard fractionDigits > 0 else { return nil }
            while fractionDigits < 3 {
                millis &*= 10
                fractionDigits &+= 1
            }
        }

        var offsetSeconds = 0
        if index < count {
            let designator = bytes[index]
            if designator == UInt8(ascii: "Z") || designator == UInt8(ascii: "z") {
                index &+= 1
            } else if designator == UInt8(ascii: "+") || designator == UInt8(ascii: "-") {
                let offsetHours = digits(bytes, at: index &+ 1, count: 2)
                guard offsetHours >= 0 && offsetHours <= 23 else { return nil }
                index &+= 3
                var offsetMinutes = 0
                if index < count {
                    if bytes[index] == UInt8(ascii: ":") { index &+= 1 }
                    offsetMinutes = digits(bytes, at: index, count: 2)
                    guard offsetMinutes >= 0 && offsetMinutes <= 59 else { return nil }
                    index &+= 2
                }
                offsetSeconds = offsetHours &* 3_600 &+ offsetMinutes &* 60
                if designator == UInt8(ascii: "-") { offsetSeconds = -offsetSeconds }
            } else {
                return nil
            }
        }
        guard index == count else { return nil }
        return CivilCalendar.epochMillis(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second, millis: millis,
            offsetSeconds: offsetSeconds)
    }
}
