import LeakWatchIngest
import LeakWatchParsing

/// The first look at an input file: its format and the time of its first events, so that files can be
/// merged in event-time order whatever their names.
struct FilePeek {
    var file: InputFile
    var format: LogFormat
    /// How the file's records are framed (CSV records, unwrapped CloudTrail `Records`, or lines).
    var framing: RecordFraming
    /// The EventLogFile columns from the header row (``LogFormat/salesforceELF`` only).
    var csvColumns: ELFColumns?
    /// Earliest timestamp among the first events (nil: no readable event at the start).
    var firstTime: Int64?

    static let sampleBytes = 256 << 10
    static let sampledEvents = 64

    /// Detects the format on up to ``sampleBytes`` of decoded bytes, then parses that much of the file as
    /// framed records for the first event times.
    static func peek(_ file: InputFile, options: ReplayOptions) throws(IngestError) -> FilePeek {
        let prefix = try LineBlockReader.decodedPrefix(of: file, maxBytes: sampleBytes)
        let format = prefix.withUnsafeBytes { sample in
            options.format ?? detectedFormat(sample, mapping: options.mapping)
        }
        let framing = prefix.withUnsafeBytes { recordFraming(of: format, sample: $0) }
        let columns = format == .salesforceELF ? prefix.withUnsafeBytes { headerColumns($0) } : nil
        let reader = try LineBlockReader(file: file, maxLineBytes: options.maxLineBytes, framing: framing)
        let block = LineBlock(capacity: sampleBytes)
        _ = try? reader.fill(block, targetBytes: sampleBytes)
        return block.withBytes { bytes in
            let parser = EventParser(
                format: format, mapping: options.mapping, templater: options.templater, csvColumns: columns)
            var batch = ParsedBatch()
            parser.parse(lines: bytes, into: &batch)
            let first = batch.events.prefix(sampledEvents).map(\.timeMillis).min()
            return FilePeek(file: file, format: format, framing: framing, csvColumns: columns, firstTime: first)
        }
    }

    /// The detected format (JSON when nothing is recognised). Per-line CloudTrail stays JSON when the
    /// configuration maps fields of its own (`fields:`), so a mapping written for CloudTrail before it was a
    /// format keeps applying; whole `{"Records":...}` files are always CloudTrail.
    static func detectedFormat(_ sample: UnsafeRawBufferPointer, mapping: FieldMapping) -> LogFormat {
        let format = FormatDetector.detect(sample) ?? .json
        if format == .cloudtrail && mapping != FieldMapping() && !FormatDetector.opensWithRecords(sample) {
            return .json
        }
        return format
    }

    /// CSV records for EventLogFiles; unwrapped records for a CloudTrail file that opens with `{"Records":`
    /// (per-line CloudTrail needs no unwrapping); lines otherwise.
    static func recordFraming(of format: LogFormat, sample: UnsafeRawBufferPointer) -> RecordFraming {
        switch format {
        case .salesforceELF: .csv
        case .cloudtrail: FormatDetector.opensWithRecords(sample) ? .jsonRecords : .lines
        case .json, .combined: .lines
        }
    }

    /// The header row at the start of the file (after any byte-order mark and blank lines).
    static func headerColumns(_ sample: UnsafeRawBufferPointer) -> ELFColumns? {
        var start = 0
        if sample.count >= 3 && sample[0] == 0xEF && sample[1] == 0xBB && sample[2] == 0xBF { start = 3 }
        while start < sample.count && (sample[start] == 0x0A || sample[start] == 0x0D) { start += 1 }
        return ELFColumns(header: UnsafeRawBufferPointer(rebasing: sample[start...]))
    }
}
