extension EventParser {
    /// Fields kept per record when the columns are not known in advance (the header is then read from the text).
    @inlinable
    static var maximumCSVFields: Int { 1_024 }

    /// Parses CSV `text` record by record (a record ends at a `\n` outside quotes) into `batch`.
    ///
    /// Header rows (first field `EVENT_TYPE`) are skipped and not counted; without ``csvColumns`` the first one
    /// seen supplies the columns. Records before any header, with broken quoting or another field count than
    /// the header's are counted as ``ParseErrorReason/malformedCSV``.
    @inlinable
    func parseCSV(_ text: UnsafeRawBufferPointer, scratch: UnsafeMutableRawBufferPointer, into batch: inout ParsedBatch) {
        let capacity = csvColumns?.fieldCount ?? Self.maximumCSVFields
        withUnsafeTemporaryAllocation(of: CSVField.self, capacity: max(capacity, 1)) { fields in
            var parser = csvColumns.map(ELFRecordParser.init(columns:))
            var start = text.count >= 3 && text[0] == 0xEF && text[1] == 0xBB && text[2] == 0xBF ? 3 : 0
            while start < text.count {
                let record = CSVRecordScanner.scan(text, from: start, fields: fields)
                defer { start = record.next }
                if record.blank { continue }
                if !record.malformed && Self.isHeader(text, fields[0]) {
                    if parser == nil, let columns = ELFColumns(header: UnsafeRawBufferPointer(rebasing: text[start...])) {
                        parser = ELFRecordParser(columns: columns)
                    }
                    continue
                }
                batch.lines &+= 1
                guard let parser else {
                    batch.errors.record(.malformedCSV)
                    continue
                }
                let arenaMark = batch.arena.count
                if let failure = parser.parse(
                    text, fields: fields, record: record, templater: templater, scratch: scratch, into: &batch)
                {
                    batch.errors.record(failure)
                    if batch.arena.count > arenaMark { batch.arena.removeSubrange(arenaMark...) }
                }
            }
        }
    }

    /// Whether a record's first field is `EVENT_TYPE`, i.e. the record is a header row.
    @inlinable
    static func isHeader(_ text: UnsafeRawBufferPointer, _ first: CSVField) -> Bool {
        ASCII.equalsIgnoringCase(UnsafeRawBufferPointer(rebasing: text[first.start..<max(first.start, first.end)]), "EVENT_TYPE")
    }
}
