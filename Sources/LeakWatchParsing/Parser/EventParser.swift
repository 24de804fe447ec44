internal import CByteScan

/// Parses runs of log lines of one format into a reusable ``ParsedBatch``.
///
/// Each non-blank line either appends one ``ParsedEvent`` or counts one ``ParseErrorReason``; key bytes go to the
/// batch arena. Nothing is allocated per line once the batch's arrays have grown to their working size.
package struct EventParser: Sendable {
    /// The format every line is read as.
    package let format: LogFormat
    /// The JSON field mapping (unused for ``LogFormat/combined``).
    package let mapping: FieldMapping
    /// How paths become endpoint keys.
    package let templater: EndpointTemplater
    @usableFromInline let json: JSONLineParser
    @usableFromInline let combined: CombinedLineParser
    /// The EventLogFile columns of the file (``LogFormat/salesforceELF`` only; nil: read from a header row
    /// in the parsed text).
    package let csvColumns: ELFColumns?
    @usableFromInline let cloudTrail: CloudTrailRecordParser

    /// - Parameters:
    ///   - format: the line format.
    ///   - mapping: where the logical fields are in a JSON line.
    ///   - templater: the endpoint templating rules.
    ///   - csvColumns: for ``LogFormat/salesforceELF``, the columns of the file's header row (chunks after the
    ///     first have no header of their own).
    package init(
        format: LogFormat, mapping: FieldMapping = FieldMapping(), templater: EndpointTemplater = EndpointTemplater(),
        csvColumns: ELFColumns? = nil
    ) {
        self.format = format
        self.mapping = mapping
        self.templater = templater
        self.json = JSONLineParser(mapping: mapping)
        self.combined = CombinedLineParser()
        self.csvColumns = csvColumns
        self.cloudTrail = CloudTrailRecordParser()
    }

    /// Parses `lines` (zero or more `\n`-terminated lines; a final line without `\n` is read too) into `batch`.
    ///
    /// A `\r` before `\n` and blank lines are ignored; every other line adds 1 to `batch.lines`. For
    /// ``LogFormat/salesforceELF`` a line is a CSV record, which may span several `\n` inside quotes, and header
    /// rows are skipped without being counted.
    @inlinable
    package func parse(lines: UnsafeRawBufferPointer, into batch: inout ParsedBatch) {
        guard lines.count > 0 else { return }
        if format == .salesforceELF {
            withUnsafeTemporaryAllocation(byteCount: Self.scratchSize, alignment: 16) { scratch in
                parseCSV(lines, scratch: scratch, into: &batch)
            }
            return
        }
        json.table.withView { keys in
            withUnsafeTemporaryAllocation(of: JSONValueSpan.self, capacity: LogicalField.slotCount) { captures in
                captures.initialize(repeating: .absent)
                withUnsafeTemporaryAllocation(byteCount: Self.scratchSize, alignment: 16) { scratch in
                    // One word more than a line's map, so that a search can read the word after the last.
                    let mapWords = CompactLineScanner.mapWords + 1
                    withUnsafeTemporaryAllocation(of: UInt64.self, capacity: mapWords) { quoteMap in
                        quoteMap.initialize(repeating: 0)
                        withUnsafeTemporaryAllocation(of: KeyMemo.Entry.self, capacity: KeyMemo.allocation) { entries in
                            withUnsafeTemporaryAllocation(byteCount: LineShapes.byteCount, alignment: 8) { shapes in
                                parseLines(
                                    lines, keys: keys, captures: captures, scratch: scratch,
                                    quoteMap: quoteMap.baseAddress.unsafelyUnwrapped,
                                    recent: KeyMemo(entries: entries.baseAddress.unsafelyUnwrapped),
                                    shapes: LineShapes(memory: shapes.baseAddress.unsafelyUnwrapped), into: &batch)
                            }
                        }
                    }
                }
            }
        }
    }

    /// Bytes of stack scratch per `parse` call for endpoint templates (paths up to about 4 KB use it).
    @inlinable
    static var scratchSize: Int { 16_384 }

    @inlinable
    func parseLines(
        _ lines: UnsafeRawBufferPointer, keys: JSONKeyTableView, captures: UnsafeMutableBufferPointer<JSONValueSpan>,
        scratch: UnsafeMutableRawBufferPointer, quoteMap: UnsafeMutablePointer<UInt64>, recent: KeyMemo,
        shapes: LineShapes, into batch: inout ParsedBatch
    ) {
        let count = lines.count
        var lineStart = 0
        var minutes = TimestampParser.MinuteMemo()
        var commonLogMinutes = TimestampParser.CommonLogMemo()
        while lineStart < count {
            let lineEnd = Self.lineEnd(in: lines, from: lineStart)
            var start = lineStart
            var end = lineEnd
            lineStart = lineEnd &+ 1
            while start < end && ASCII.isWhitespace(lines[start]) {
                start &+= 1
            }
            while end > start && ASCII.isWhitespace(lines[end &- 1]) {
                end &-= 1
            }
            if start == end { continue }
            batch.lines &+= 1
            let line = UnsafeRawBufferPointer(rebasing: lines[start..<end])
            let arenaMark = batch.arena.count
            let failure: ParseErrorReason?
            switch format {
            case .json:
                failure = json.parse(
                    line, keys: keys, captures: captures, templater: templater, scratch: scratch,
                    recent: recent, minutes: &minutes, quoteMap: quoteMap, shapes: shapes, into: &batch)
            case .combined:
                failure = combined.parse(
                    line, templater: templater, scratch: scratch, recent: recent, minutes: &commonLogMinutes,
                    quoteMap: quoteMap, into: &batch)
            case .cloudtrail:
                failure = cloudTrail.parse(line, into: &batch)
            case .salesforceELF:
                failure = .malformedCSV  // unreachable: CSV text goes through parseCSV
            }
            if let failure {
                batch.errors.record(failure)
                if batch.arena.count > arenaMark {
                    batch.arena.removeSubrange(arenaMark...)
                    // Remembered keys may point at the bytes just taken back.
                    recent.clear()
                }
            }
        }
    }

    /// Index of the `\n` that ends the line starting at `start`, or `lines.count`: through libc's `memchr`, which
    /// glibc vectorizes for the CPU it runs on; the lines about a kilobyte ahead are asked into the cache on the
    /// way (see `leakwatch_find_line_end`). Not inlinable: inlinable code cannot name an internal import.
    @usableFromInline
    static func lineEnd(in lines: UnsafeRawBufferPointer, from start: Int) -> Int {
        let base = lines.baseAddress.unsafelyUnwrapped.assumingMemoryBound(to: UInt8.self)
        return start &+ leakwatch_find_line_end(base + start, lines.count &- start)
    }

    /// Parses a whole text (for tests and small inputs).
    package static func parseAll(
        format: LogFormat, mapping: FieldMapping = FieldMapping(), csvColumns: ELFColumns? = nil, text: [UInt8]
    ) -> ParsedBatch {
        let parser = EventParser(format: format, mapping: mapping, csvColumns: csvColumns)
        var batch = ParsedBatch()
        text.withUnsafeBytes { parser.parse(lines: $0, into: &batch) }
        return batch
    }
}
