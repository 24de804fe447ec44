/// Timestamp reading for code off the hot path (labels, tools), using the same parser as log lines.
package enum Timestamps {
    /// Epoch milliseconds of an RFC 3339 time (fraction and offset optional), or nil.
    package static func parse(rfc3339 text: String) -> Int64? {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBytes { TimestampParser.rfc3339(UnsafeRawBufferPointer($0)) }
    }

    /// Epoch milliseconds of a Common Log Format date (`17/May/2015:10:05:43 +0000`, without the brackets), or nil.
    package static func parse(commonLog text: String) -> Int64? {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBytes { TimestampParser.commonLog(UnsafeRawBufferPointer($0)) }
    }
}
