extension TimestampParser {
    /// The minute of the last Common Log Format date read in a parse call: lines of one minute then differ only
    /// in their seconds, which is all that is read of them.
    @usableFromInline
    struct CommonLogMemo {
        /// Bytes 0..<8 and 8..<16 of the date as little-endian words; `head` is 0 (never the start of a valid date)
        /// when empty.
        @usableFromInline var head: UInt64 = 0
        @usableFromInline var middle: UInt64 = 0
        /// Bytes 16, 17 and 20..<26 (the minute's last digit, `:` and the offset), seconds masked out.
        @usableFromInline var tail: UInt64 = 0
        /// The minute as ``CivilCalendar/epochSeconds(year:month:day:hour:minute:)`` gives it, and the offset.
        @usableFromInline var minuteStart = 0
        @usableFromInline var offsetSeconds = 0

        @inlinable
        init() {}
    }

    /// The Common Log Format date between the brackets: `17/May/2015:10:05:43 +0000`.
    @inlinable
    static func commonLog(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        var memo = CommonLogMemo()
        return commonLog(bytes, memo: &memo)
    }

    /// ``commonLog(_:)``, reusing `memo`'s minute when the date differs from the one remembered there only in its
    /// seconds, and remembering this one's otherwise.
    @inlinable
    static func commonLog(_ bytes: UnsafeRawBufferPointer, memo: inout CommonLogMemo) -> Int64? {
        guard bytes.count == 26 else { return nil }
        let head = SWAR.load(bytes, at: 0)
        let middle = SWAR.load(bytes, at: 8)
        let tail = SWAR.load(bytes, at: 16) & 0xFFFF | SWAR.load(bytes, at: 18) & ~0xFFFF
        let second = digits(bytes, at: 18, count: 2)
        guard second >= 0, second <= 60 else { return nil }
        if head != memo.head || middle != memo.middle || tail != memo.tail {
            guard let minute = commonLogMinute(bytes) else { return nil }
            memo.head = head
            memo.middle = middle
            memo.tail = tail
            (memo.minuteStart, memo.offsetSeconds) = minute
        }
        return CivilCalendar.epochMillis(
            minuteStart: memo.minuteStart, second: second, millis: 0, offsetSeconds: memo.offsetSeconds)
    }

    /// The minute of a 26-byte Common Log Format date (as ``CivilCalendar/epochSeconds(year:month:day:hour:minute:)``
    /// gives it) and its offset in seconds; nil when anything but the seconds is not a valid date.
    @inlinable
    static func commonLogMinute(_ bytes: UnsafeRawBufferPointer) -> (minuteStart: Int, offsetSeconds: Int)? {
        let day = digits(bytes, at: 0, count: 2)
        let year = digits(bytes, at: 7, count: 4)
        let hour = digits(bytes, at: 12, count: 2)
        let minute = digits(bytes, at: 15, count: 2)
        let offsetHours = digits(bytes, at: 22, count: 2)
        let offsetMinutes = digits(bytes, at: 24, count: 2)
        let sign = bytes[21]
        guard day >= 0, year >= 0, hour >= 0, minute >= 0, offsetHours >= 0, offsetMinutes >= 0,
            bytes[2] == UInt8(ascii: "/"), bytes[6] == UInt8(ascii: "/"), bytes[11] == UInt8(ascii: ":"),
            bytes[14] == UInt8(ascii: ":"), bytes[17] == UInt8(ascii: ":"), bytes[20] == UInt8(ascii: " "),
            sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), offsetMinutes <= 59
        else { return nil }
        let month = monthNumber(bytes[3], bytes[4], bytes[5])
        guard month > 0,
            let minuteStart = CivilCalendar.epochSeconds(year: year, month: month, day: day, hour: hour, minute: minute)
        else { return nil }
        var offsetSeconds = offsetHours &* 3_600 &+ offsetMinutes &* 60
        if sign == UInt8(ascii: "-") { offsetSeconds = -offsetSeconds }
        return (minuteStart, offsetSeconds)
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
