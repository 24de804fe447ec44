/// The line formats the parser reads.
package enum LogFormat: String, Sendable, CaseIterable {
    /// One JSON object per line (canonical LeakWatch fields, or mapped ones).
    case json
    /// Apache / nginx Combined Log Format, or the plain Common Log Format.
    case combined
    /// Salesforce Event Monitoring EventLogFile CSV: a header row naming the columns, then RFC 4180 records.
    case salesforceELF = "salesforce_elf"
    /// AWS CloudTrail: one event object per line (also Logstash exports with `@timestamp`), or whole
    /// `{"Records":[...]}` files, whose records the reader frames one per line.
    case cloudtrail

    /// The names accepted by `--format` and `input.format`, for help texts and errors.
    package static var choices: String { (["auto"] + allCases.map(\.rawValue)).joined(separator: ", ") }
}
