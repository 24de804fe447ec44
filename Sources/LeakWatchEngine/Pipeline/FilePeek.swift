import LeakWatchIngest
import LeakWatchParsing

/// The first look at an input file: its format and the time of its first events, so that files can be
/// merged in event-time order whatever their names.
struct FilePeek {
    var file: InputFile
    var format: LogFormat
    /// Earliest timestamp among the first events (nil: no readable event at the start).
    var firstTime: Int64?

    static let sampleBytes = 256 << 10
    static let sampledEvents = 64

    /// Reads up to ``sampleBytes`` of decoded lines.
    static func peek(_ file: InputFile, options: ReplayOptions) throws(IngestError) -> FilePeek {
        let reader = try LineBlockReader(file: file, maxLineBytes: options.maxLineBytes)
        let block = LineBlock(capacity: sampleBytes)
        _ = try? reader.fill(block, targetBytes: sampleBytes)
        return block.withBytes { bytes in
            let format = options.format ?? FormatDetector.detect(bytes) ?? .json
            let parser = EventParser(format: format, mapping: options.mapping, templater: options.templater)
            var batch = ParsedBatch()
            parser.parse(lines: bytes, into: &batch)
            let first = batch.events.prefix(sampledEvents).map(\.timeMillis).min()
            return FilePeek(file: file, format: format, firstTime: first)
        }
    }
}
