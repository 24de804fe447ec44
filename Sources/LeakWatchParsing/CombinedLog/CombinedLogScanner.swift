/// Finds the fields of a Combined Log Format line:
/// `IP IDENT USER [date] "METHOD PATH PROTO" STATUS SIZE "referer" "agent"`.
///
/// Referer and agent are optional (plain Common Log Format); anything after the agent is ignored. Quoted fields
/// honour backslash escapes (`\"`, `\\`), and a line wrapped in one more pair of quotes is unwrapped.
@usableFromInline
enum CombinedLogScanner {
    /// The fields of `line` (no newline, trimmed), or nil when it is not a Combined / Common Log Format line.
    ///
    /// - Parameter quotes: the line's quote bitmap (``CompactLineScanner/mapQuotes(_:into:)``) when the line has no
    ///   backslash; quoted fields then end at their next quote bit instead of being searched.
    @inlinable
    static func scan(
        _ line: UnsafeRawBufferPointer, quotes: UnsafeMutablePointer<UInt64>? = nil
    ) -> CombinedLogFields? {
        var start = 0
        var end = line.count
        if end > 0 && line[0] == UInt8(ascii: "\"") {
            start = 1
            if end > 1 && line[end &- 1] == UInt8(ascii: "\"") { end &-= 1 }
        }
        var index = start
        let host = token(line, from: &index, end: end)
        guard !host.isEmpty, spaces(line, from: &index, end: end) else { return nil }
        let ident = token(line, from: &index, end: end)
        guard !ident.isEmpty, spaces(line, from: &index, end: end) else { return nil }
        var user = token(line, from: &index, end: end)
        guard !user.isEmpty, spaces(line, from: &index, end: end) else { return nil }
        if user.count == 1 && line[user.lowerBound] == UInt8(ascii: "-") { user = user.lowerBound..<user.lowerBound }

        guard index < end, line[index] == UInt8(ascii: "[") else { return nil }
        let dateStart = index &+ 1
        index = SWAR.firstIndex(of: UInt8(ascii: "]"), in: line, from: dateStart, end: end)
        guard index < end else { return nil }
        let date = dateStart..<index
        index &+= 1
        guard spaces(line, from: &index, end: end) else { return nil }

        guard let request = quoted(line, from: &index, end: end, quotes: quotes), spaces(line, from: &index, end: end)
        else {
            return nil
        }
        let statusRange = token(line, from: &index, end: end)
        guard let status = number(line, statusRange), status <= Int64(Int32.max) else { return nil }
        _ = spaces(line, from: &index, end: end)
        let sizeRange = token(line, from: &index, end: end)
        guard let size = number(line, sizeRange) else { return nil }

        // Optional referer and agent: when a quoted field starts it must also end.
        _ = spaces(line, from: &index, end: end)
        if index < end && line[index] == UInt8(ascii: "\"") {
            guard quoted(line, from: &index, end: end, quotes: quotes) != nil else { return nil }
            _ = spaces(line, from: &index, end: end)
            if index < end && line[index] == UInt8(ascii: "\"") {
                guard quoted(line, from: &index, end: end, quotes: quotes) != nil else { return nil }
            }
        }
        return CombinedLogFields(
            host: host, user: user, date: date, request: request, status: Int32(status), size: size)
    }

    /// The run of non-space bytes at `index`.
    @inlinable
    static func token(_ line: UnsafeRawBufferPointer, from index: inout Int, end: Int) -> Range<Int> {
        let start = index
        index = SWAR.firstIndex(of: UInt8(ascii: " "), in: line, from: start, end: end)
        return start..<index
    }

    /// Moves past one or more spaces; false when there is none.
    @inlinable
    static func spaces(_ line: UnsafeRawBufferPointer, from index: inout Int, end: Int) -> Bool {
        let start = index
        while index < end && line[index] == UInt8(ascii: " ") {
            index &+= 1
        }
        return index > start
    }

    /// At a quote: the bytes up to the closing unescaped quote (index moves past it); nil when unterminated.
    ///
    /// - Parameter quotes: the quote bitmap of a line without backslashes, or nil.
    @inlinable
    static func quoted(
        _ line: UnsafeRawBufferPointer, from index: inout Int, end: Int, quotes: UnsafeMutablePointer<UInt64>?
    ) -> Range<Int>? {
        guard index < end, line[index] == UInt8(ascii: "\"") else { return nil }
        let start = index &+ 1
        if let quotes {
            let close = CompactLineScanner.nextQuote(from: start, quotes: quotes, count: end)
            guard close >= 0 && close < end else {
                index = end
                return nil
            }
            index = close &+ 1
            return start..<close
        }
        index = start
        // Eight bytes at a time to the next quote or backslash; an escaped byte is stepped over.
        while index < end {
            index = SWAR.firstIndex(of: UInt8(ascii: "\""), or: UInt8(ascii: "\\"), in: line, from: index, end: end)
            guard index < end else { break }
            if line[index] == UInt8(ascii: "\"") {
                let range = start..<index
                index &+= 1
                return range
            }
            index &+= 2
        }
        index = end
        return nil
    }

    /// Digits as a number, `-` as 0; nil for anything else.
    @inlinable
    static func number(_ line: UnsafeRawBufferPointer, _ range: Range<Int>) -> Int64? {
        guard !range.isEmpty, range.count <= 18 else { return nil }
        if range.count == 1 && line[range.lowerBound] == UInt8(ascii: "-") { return 0 }
        var value: Int64 = 0
        var index = range.lowerBound
        while index < range.upperBound {
            let digit = line[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value &* 10 &+ Int64(digit)
            index &+= 1
        }
        return value
    }
}
