/// Salesforce record ids in URIs (`/sobjects/EventLogFile/0AT300000000YUNGA2/LogFile`): the general endpoint
/// rules do not template them (they are neither numeric, hex nor long tokens), so the EventLogFile parser
/// replaces them with `{id}` before templating.
@usableFromInline
enum SalesforceID {
    /// Whether `segment` looks like a 15- or 18-character record id: letters and digits only, at least three
    /// digits, and a digit in the first two characters (every key prefix has one: `001`, `0AT`, `00O`, `a0B`).
    @inlinable
    static func matches(_ segment: UnsafeRawBufferPointer) -> Bool {
        let count = segment.count
        guard count == 15 || count == 18 else { return false }
        guard ASCII.isDigit(segment[0]) || ASCII.isDigit(segment[1]) else { return false }
        var digits = 0
        var index = 0
        while index < count {
            let byte = segment[index]
            if ASCII.isDigit(byte) {
                digits &+= 1
            } else if !ASCII.isLetter(byte) {
                return false
            }
            index &+= 1
        }
        return digits >= 3
    }

    /// Writes `path` with every record-id segment replaced by `{id}` (the output is never longer: an id has at
    /// least 15 bytes); the query string is copied as it is.
    @inlinable
    static func replaceIDs(in path: UnsafeRawBufferPointer, to writer: inout ByteWriter) {
        let count = path.count
        let end = SWAR.firstIndex(of: UInt8(ascii: "?"), or: UInt8(ascii: "#"), in: path, from: 0, end: count)
        var index = 0
        while index < end {
            let segmentEnd = SWAR.firstIndex(of: UInt8(ascii: "/"), in: path, from: index, end: end)
            let segment = UnsafeRawBufferPointer(rebasing: path[index..<segmentEnd])
            writer.write(matches(segment) ? ASCII.bytes("{id}") : segment)
            guard segmentEnd < end else { break }
            writer.write(UInt8(ascii: "/"))
            index = segmentEnd &+ 1
        }
        writer.write(UnsafeRawBufferPointer(rebasing: path[end..<count]))
    }
}
