/// Splits RFC 4180 CSV text into records and fields without copying: fields are separated by `,`, records end
/// at a `\n` outside quotes (a `\r` before it is dropped), and a quoted field may hold commas, newlines and
/// doubled quotes.
///
/// An unquoted field may contain a `"` (read as-is, as most CSV readers do); a quoted field that never closes,
/// or a closing quote followed by anything but a separator, makes the record malformed. After a stray byte
/// behind a closing quote the record is taken to end at the next `\n`, so one bad record cannot swallow the rest.
@usableFromInline
enum CSVRecordScanner {
    /// Scans the record starting at `start`, storing up to `fields.count` field spans.
    @inlinable
    static func scan(
        _ text: UnsafeRawBufferPointer, from start: Int, fields: UnsafeMutableBufferPointer<CSVField>
    ) -> CSVRecord {
        let count = text.count
        var index = start
        var fieldCount = 0
        var blank = true
        while true {
            var field = CSVField(start: index, end: index, hasDoubledQuotes: false)
            var terminator = count
            if index < count && text[index] == UInt8(ascii: "\"") {
                blank = false
                field.start = index &+ 1
                index &+= 1
                // Inside quotes: only a quote matters; a doubled one is part of the value.
                while true {
                    index = SWAR.firstIndex(of: UInt8(ascii: "\""), in: text, from: index, end: count)
                    guard index < count else {
                        store(field, at: fieldCount, in: fields)
                        return CSVRecord(fieldCount: fieldCount &+ 1, next: count, malformed: true, blank: false)
                    }
                    if index &+ 1 < count && text[index &+ 1] == UInt8(ascii: "\"") {
                        field.hasDoubledQuotes = true
                        index &+= 2
                        continue
                    }
                    field.end = index
                    index &+= 1
                    break
                }
                if index < count {
                    var byte = text[index]
                    if byte == UInt8(ascii: "\r") && index &+ 1 < count && text[index &+ 1] == UInt8(ascii: "\n") {
                        index &+= 1
                        byte = UInt8(ascii: "\n")
                    }
                    guard byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\n") else {
                        let lineEnd = SWAR.firstIndex(of: UInt8(ascii: "\n"), in: text, from: index, end: count)
                        return CSVRecord(
                            fieldCount: fieldCount &+ 1, next: min(lineEnd &+ 1, count), malformed: true, blank: false)
                    }
                    terminator = index
                }
            } else {
                terminator = SWAR.firstIndex(of: UInt8(ascii: ","), or: UInt8(ascii: "\n"), in: text, from: index, end: count)
                var end = terminator
                if end > index && text[end &- 1] == UInt8(ascii: "\r") && (end == count || text[end] == UInt8(ascii: "\n")) {
                    end &-= 1
                }
                field.end = end
                if blank {
                    var probe = index
                    while probe < end && ASCII.isWhitespace(text[probe]) { probe &+= 1 }
                    if probe < end || (terminator < count && text[terminator] == UInt8(ascii: ",")) { blank = false }
                }
            }
            store(field, at: fieldCount, in: fields)
            fieldCount &+= 1
            if terminator >= count {
                return CSVRecord(fieldCount: fieldCount, next: count, malformed: false, blank: blank)
            }
            index = terminator &+ 1
            if text[terminator] == UInt8(ascii: "\n") {
                return CSVRecord(fieldCount: fieldCount, next: index, malformed: false, blank: blank)
            }
        }
    }

    @inlinable @inline(__always)
    static func store(_ field: CSVField, at index: Int, in fields: UnsafeMutableBufferPointer<CSVField>) {
        if index < fields.count { fields[index] = field }
    }

    /// Calls `body` with a field's value: the bytes as they are, or with each `""` turned into `"` (in stack
    /// scratch) when the field holds doubled quotes.
    @inlinable
    static func withValue<Result>(
        _ text: UnsafeRawBufferPointer, _ field: CSVField, _ body: (UnsafeRawBufferPointer) -> Result
    ) -> Result {
        let raw = UnsafeRawBufferPointer(rebasing: text[field.start..<max(field.start, field.end)])
        guard field.hasDoubledQuotes else { return body(raw) }
        return withUnsafeTemporaryAllocation(byteCount: raw.count, alignment: 1) { scratch in
            var written = 0
            var index = 0
            while index < raw.count {
                let byte = raw[index]
                scratch[written] = byte
                written &+= 1
                // A quote inside a quoted value always comes doubled (the scanner checked): keep one.
                index &+= byte == UInt8(ascii: "\"") ? 2 : 1
            }
            return body(UnsafeRawBufferPointer(rebasing: scratch[0..<written]))
        }
    }
}
