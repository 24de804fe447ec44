extension TimestampParser {
    /// An EventLogFile `TIMESTAMP`, UTC: `yyyyMMddHHmmss` with an optional fraction (`20150726222419.439`;
    /// milliseconds kept, further digits truncated).
    @inlinable
    static func salesforce(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        let count = bytes.count
        // All fourteen digits as one number (it fits easily), then taken apart field by field.
        let stamp = digits(bytes, at: 0, count: 14)
        guard stamp >= 0 else { return nil }
        var millis = 0
        if count > 14 {
            guard bytes[14] == UInt8(ascii: "."), count > 15 else { return nil }
            var index = 15
            var scale = 100
            while index < count {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                millis &+= Int(digit) &* scale
                scale /= 10
                index &+= 1
            }
        }
        return CivilCalendar.epochMillis(
            year: stamp / 10_000_000_000, month: stamp / 100_000_000 % 100, day: stamp / 1_000_000 % 100,
            hour: stamp / 10_000 % 100, minute: stamp / 100 % 100, second: stamp % 100, millis: millis,
            offsetSeconds: 0)
    }
}
