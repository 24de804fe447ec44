extension TimestampParser {
    /// The Common Log Format date between the brackets: `17/May/2015:10:05:43 +0000`.
    @inlinable
    static func commonLog(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        guard bytes.count == 26 else { return nil }
        let day = digits(bytes, at: 0, count: 2)
        let year = digits(bytes, at: 7, count: 4)
        let hour = digits(bytes, at: 12, count: 2)
        let minute = digits(bytes, at: 15, count: 2)
        let second = digits(bytes, at: 18, count: 2)
        let offsetHours = digits(bytes, at: 22, count: 2)
        let offsetMinutes = digits(bytes, at: 24, count: 2)
        let sign = bytes[21]
        guard day >= 0, year >= 0, hour >= 0, minute >= 0, second >= 0, offsetHours >= 0, offsetMinutes >= 0,
            bytes[2] == UInt8(ascii: "/"), bytes[6] == UInt8(ascii: "/"), bytes[11] == UInt8(ascii: ":"),
            bytes[14] == UInt8(ascii: ":"), bytes[17] == UInt8(ascii: ":"), bytes[20] == UInt8(ascii: " "),
            sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), offsetMinutes <= 59
        else { return nil }
        let month = monthNumber(bytes[3], bytes[4], bytes[5])
        guard month > 0 else { return nil }
        var offsetSeconds = offsetHours &* 3_600 &+ offsetMinutes &* 60
        if sign == UInt8(ascii: "-") { offsetSeconds = -offsetSeconds }
        return CivilCalendar.epochMillis(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second, millis: 0,
            offsetSeconds: offsetSeconds)
    }

    /// `Jan`...`Dec` (any letter case) to 1...12; 0 for anything else.
    @inlinable
    static func monthNumber(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Int {
        let key = UInt32(ASCII.lowercased(first)) << 16 | UInt32(ASCII.lowercased(second)) << 8
            | UInt32(ASCII.lowercased(third))
        switch key {
        case 0x6A_616E: return 1  // jan
        case 0x66_6562: return 2  // feb
        case 0x6D_6172: return 3  // mar
        case 0x61_7072: return 4  // apr
        case 0x6D_6179: return 5  // may
        case 0x6A_756E: return 6  // jun
        case 0x6A_756C: return 7  // jul
        case 0x61_7567: return 8  // aug
        case 0x73_6570: return 9  // sep
        case 0x6F_6374: return 10  // oct
        case 0x6E_6F76: return 11  // nov
        case 0x64_6563: return 12  // dec
        default: return 0
        }
    }
}
