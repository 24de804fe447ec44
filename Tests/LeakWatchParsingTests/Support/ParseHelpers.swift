import LeakWatchParsing

/// Parses `text` (lines joined by `\n`, a final newline added) with a fresh batch.
func parse(
    _ text: String, format: LogFormat = .json, mapping: FieldMapping = FieldMapping(),
    templater: EndpointTemplater = EndpointTemplater()
) -> ParsedBatch {
    let parser = EventParser(format: format, mapping: mapping, templater: templater)
    var batch = ParsedBatch()
    let bytes = Array((text.hasSuffix("\n") ? text : text + "\n").utf8)
    bytes.withUnsafeBytes { parser.parse(lines: $0, into: &batch) }
    return batch
}

/// The only error reason counted in `batch`, or nil when there is none (or more than one line failed).
func singleError(_ batch: ParsedBatch) -> ParseErrorReason? {
    ParseErrorReason.allCases.first { batch.errors[$0] == 1 && batch.errors.total == 1 }
}

extension ParsedBatch {
    /// The key's text, or nil when absent.
    func text(_ key: KeyRef) -> String? {
        key.isPresent ? string(for: key) : nil
    }
}
