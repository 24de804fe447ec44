extension TimestampParser {
    /// The first 16 bytes of the last RFC 3339 timestamp read (`2026-03-02T14:03`, up to the minute) with the
    /// epoch seconds of that minute: lines written in the same minute then only have their seconds and what
    /// follows read. The value depends on those bytes alone, so a remembered minute is never stale.
    @usableFromInline
    struct MinuteMemo {
        /// Bytes 0..<8 and 8..<16 as little-endian words; 0 (never the start of a valid timestamp) when empty.
        @usableFromInline var head: UInt64 = 0
        @usableFromInline var middle: UInt64 = 0
        @usableFromInline var epochSeconds = 0

        @inlinable
        init() {}
    }

    /// `2026-03-02T14:03:11.204Z`: `T`, `t` or a space between date and time; any number of fraction digits
    /// (milliseconds kept, the rest truncated); `Z`, `±HH:MM`, `±HHMM` or `±HH` offset, or none (read as UTC).
    @inlinable
    static func rfc3339(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        var memo = MinuteMemo()
        return rfc3339(bytes, memo: &memo)
    }

    /// ``rfc3339(_:)``, reusing `memo`'s minute when the timestamp starts with the same 16 bytes, and remembering
    /// this one's otherwise.
    @inlinable
    static func rfc3339(_ bytes: UnsafeRawBufferPointer, memo: inout MinuteMemo) -> Int64? {
        let count = bytes.count
        guard count >= 19 else { return nil }
        let head = SWAR.load(bytes, at: 0)
        let middle = SWAR.load(bytes, at: 8)
        let minuteSeconds: Int
        if head == memo.head && middle == memo.middle {
            minuteSeconds = memo.epochSeconds
        } else {
            guard let seconds = epochSecondsOfMinute(bytes) else { return nil }
            memo.head = head
            memo.middle = middle
            memo.epochSeconds = seconds
            minuteSeconds = seconds
        }
        let second = digits(bytes, at: 17, count: 2)
        guard second >= 0, second <= 60, bytes[16] == UInt8(ascii: ":") else { return nil }

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
            minuteStart: minuteSeconds, second: second, millis: millis, offsetSeconds: offsetSeconds)
    }

    /// Epoch seconds of the minute `YYYY-MM-DD?HH:MM` in the first 16 bytes (UTC wall clock); nil when those bytes
    /// are not a valid date and time of day.
    @inlinable
    static func epochSecondsOfMinute(_ bytes: UnsafeRawBufferPointer) -> Int? {
        let year = digits(bytes, at: 0, count: 4)
        let month = digits(bytes, at: 5, count: 2)
        let day = digits(bytes, at: 8, count: 2)
        let hour = digits(bytes, at: 11, count: 2)
        let minute = digits(bytes, at: 14, count: 2)
        guard year >= 0, month >= 0, day >= 0, hour >= 0, minute >= 0,
            bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[13] == UInt8(ascii: ":")
        else { return nil }
        let separator = bytes[10]
        guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == UInt8(ascii: " ")
        else { return nil }
        return CivilCalendar.epochSeconds(year: year, month: month, day: day, hour: hour, minute: minute)
    }
}
