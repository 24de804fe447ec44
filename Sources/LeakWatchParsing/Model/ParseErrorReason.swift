/// Why a line was skipped. Every skipped line is counted under exactly one reason.
@usableFromInline
package enum ParseErrorReason: Int, CaseIterable, Sendable {
    /// Not a JSON object, unbalanced quotes or braces, bad escape.
    case malformedJSON = 0
    /// A line that does not match the Combined Log Format.
    case malformedCombinedLog
    /// The timestamp field is missing.
    case missingTimestamp
    /// The timestamp field is present but unreadable.
    case invalidTimestamp
    /// An access event without a path (or an unusable one); for CloudTrail without `eventSource` or `eventName`,
    /// for an EventLogFile without `EVENT_TYPE`.
    case missingPath
    /// A numeric field (status, bytes, records) holds something that is not a number.
    case invalidNumber
    /// A line longer than the configured limit (counted by the framer, reported here).
    case lineTooLong
    /// A line in a format other than the one the file was detected or configured as.
    case unknownFormat
    /// A CSV record with an unterminated or stray quote, or another number of fields than the header has.
    case malformedCSV

    /// The snake_case name used in summaries and metrics.
    package var name: String {
        switch self {
        case .malformedJSON: "malformed_json"
        case .malformedCombinedLog: "malformed_combined_log"
        case .missingTimestamp: "missing_timestamp"
        case .invalidTimestamp: "invalid_timestamp"
        case .missingPath: "missing_path"
        case .invalidNumber: "invalid_number"
        case .lineTooLong: "line_too_long"
        case .unknownFormat: "unknown_format"
        case .malformedCSV: "malformed_csv"
        }
    }
}

/// Counts of skipped lines by reason; a fixed-size value so counting never allocates.
@usableFromInline
package struct ParseErrorCounts: Sendable, Equatable {
    @usableFromInline
    package var counts: [Int64]

    package init() {
        counts = Array(repeating: 0, count: ParseErrorReason.allCases.count)
    }

    @inlinable
    package mutating func record(_ reason: ParseErrorReason, count: Int64 = 1) {
        counts[reason.rawValue] &+= count
    }

    package subscript(_ reason: ParseErrorReason) -> Int64 {
        counts[reason.rawValue]
    }

    /// All skipped lines.
    package var total: Int64 { counts.reduce(0, &+) }

    package mutating func add(_ other: ParseErrorCounts) {
        for index in counts.indices { counts[index] &+= other.counts[index] }
    }

    package mutating func reset() {
        for index in counts.indices { counts[index] = 0 }
    }
}
