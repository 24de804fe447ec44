/// Reads the timestamp shapes LeakWatch meets into epoch milliseconds (UTC), with integer arithmetic only.
///
/// Each function takes exactly the timestamp's bytes and returns nil when they are not a valid timestamp.
@usableFromInline
enum TimestampParser {
    /// Reads `count` ASCII digits at `index`; -1 when any of them is not a digit.
    @inlinable @inline(__always)
    static func digits(_ bytes: UnsafeRawBufferPointer, at index: Int, count: Int) -> Int {
        guard index &+ count <= bytes.count else { return -1 }
        var value = 0
        var offset = 0
        while offset < count {
            let digit = bytes[index &+ offset] &- UInt8(ascii: "0")
            if digit >= 10 { return -1 }
            value = value &* 10 &+ Int(digit)
            offset &+= 1
        }
        return value
    }

    /// A JSON timestamp string: RFC 3339 when it looks like a date, otherwise epoch seconds or milliseconds.
    @inlinable
    static func parseText(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        var memo = MinuteMemo()
        return parseText(bytes, memo: &memo)
    }

    /// ``parseText(_:)`` with a ``MinuteMemo`` kept from line to line.
    @inlinable
    static func parseText(_ bytes: UnsafeRawBufferPointer, memo: inout MinuteMemo) -> Int64? {
        if bytes.count >= 10 && bytes[4] == UInt8(ascii: "-") {
            return rfc3339(bytes, memo: &memo)
        }
        guard let number = DecimalNumber.parse(bytes) else { return nil }
        return epoch(number)
    }
}
