/// How a ``LineBlockReader`` cuts decoded bytes into the units the parser reads, one per line.
package enum RecordFraming: Sendable, Equatable {
    /// One record per `\n`-terminated line (JSON lines, Combined Log Format, per-line CloudTrail).
    case lines
    /// RFC 4180 CSV: a record ends at a `\n` outside double quotes, so a quoted field may hold newlines.
    /// Blocks and chunks end on record ends; the record's bytes are left as they are.
    case csv
    /// JSON documents `{"Records":[{...},{...}]}` (CloudTrail files, on one line or pretty-printed, several
    /// in a row allowed): each element of a top-level object's array becomes one line of its own, its
    /// newlines turned into spaces; the wrapper is dropped.
    case jsonRecords
}
