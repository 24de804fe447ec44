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
    /// Lines are parsed from the sample in two pieces: the lines in about this many bytes first, which usually
    /// hold ``sampledEvents`` events, then the rest only if they do not.
    static let firstPieceBytes = 32 << 10

    /// The first look at each of `files`, in order, on `threads` threads: an archive rotated hourly has thousands
    /// of files, each looked at before the replay starts.
    static func peek(
        _ files: [InputFile], options: ReplayOptions, threads: Int
    ) -> [Result<FilePeek, IngestError>] {
        var outcomes = [Result<FilePeek, IngestError>?](repeating: nil, count: files.count)
        outcomes.withUnsafeMutableBufferPointer { outcomes in
            // Safe: each task writes only its own element, and the buffer outlives the run.
            let shared = UnsafeTransfer(outcomes)
            ParallelTasks.run(tasks: files.count, threads: threads) { index in
                let file = files[index]
                shared.wrappedValue[index] = Result { () throws(IngestError) in
                    try FilePeek.peek(file, options: options)
                }
            }
        }
        return outcomes.map { $0! }  // every task sets its element
    }

    /// Detects the format on up to ``sampleBytes`` of decoded bytes, then parses the first records of those bytes
    /// for the first event times: lines straight from them, other framings through a reader.
    static func peek(_ file: InputFile, options: ReplayOptions) throws(IngestError) -> FilePeek {
        var prefix = try LineBlockReader.decodedPrefix(of: file, maxBytes: sampleBytes)
        let format = prefix.withUnsafeBytes { sample in
            options.format ?? detectedFormat(sample, mapping: options.mapping)
        }
        let framing = prefix.withUnsafeBytes { recordFraming(of: format, sample: $0) }
        let columns = format == .salesforceELF ? prefix.withUnsafeBytes { headerColumns($0) } : nil
        let parser = EventParser(
            format: format, mapping: options.mapping, templater: options.templater, csvColumns: columns)
        var peek = FilePeek(file: file, format: format, framing: framing, csvColumns: columns, firstTime: nil)
        // Lines need no reader: they are cut from the sample already decoded (no line of it can be too long for
        // the reader, which would skip it). Other framings, or a sample without a whole line, go through a reader.
        if framing == .lines && options.maxLineBytes >= sampleBytes {
            // A whole file's last line is ended, as a reader ends it.
            if prefix.count < sampleBytes, let last = prefix.last, last != UInt8(ascii: "\n") {
                prefix.append(UInt8(ascii: "\n"))
            }
            peek.firstTime = prefix.withUnsafeBytes { firstTime(ofLines: $0, parser: parser) }
            if peek.firstTime != nil { return peek }
        }
        let reader = try LineBlockReader(file: file, maxLineBytes: options.maxLineBytes, framing: framing)
        let block = LineBlock(capacity: sampleBytes)
        _ = try? reader.fill(block, targetBytes: sampleBytes)
        peek.firstTime = block.withBytes { bytes in
            var batch = ParsedBatch()
            parser.parse(lines: bytes, into: &batch)
            return earliestSampledTime(batch)
        }
        return peek
    }

    /// The earliest time among the first ``sampledEvents`` events of `batch`.
    static func earliestSampledTime(_ batch: ParsedBatch) -> Int64? {
        batch.events.prefix(sampledEvents).map(\.timeMillis).min()
    }

    /// The earliest time among the first ``sampledEvents`` events of the lines of `sample` up to its last newline:
    /// the same events a reader's block of the sample gives.
    static func firstTime(ofLines sample: UnsafeRawBufferPointer, parser: EventParser) -> Int64? {
        guard let lastNewline = sample.lastIndex(of: UInt8(ascii: "\n")) else { return nil }
        let lines = UnsafeRawBufferPointer(rebasing: sample[...lastNewline])
        var batch = ParsedBatch()
        let cut = ChunkParser.lineStart(atOrAfter: min(firstPieceBytes, lines.count), in: lines)
        parser.parse(lines: UnsafeRawBufferPointer(rebasing: lines[..<cut]), into: &batch)
        if batch.events.count < sampledEvents && cut < lines.count {
            parser.parse(lines: UnsafeRawBufferPointer(rebasing: lines[cut...]), into: &batch)
        }
        return earliestSampledTime(batch)
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
