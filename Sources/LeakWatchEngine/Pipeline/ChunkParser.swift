import LeakWatchIngest
import LeakWatchParsing

/// Parses a run of whole lines in parallel: cut into as many chunks as there are batches, each parsed into its
/// own batch, with the key routes of its events.
enum ChunkParser {
    /// Replaces the contents of `batches` and `routes` (equal counts) with the events of `bytes`, chunk by chunk
    /// in record order, on as many threads as there are chunks. Storage is reused.
    static func parse(
        _ bytes: UnsafeRawBufferPointer, parser: EventParser, framing: RecordFraming = .lines,
        into batches: inout [ParsedBatch], routes: inout [[KeyRoute]]
    ) {
        let bounds = chunkBounds(bytes, chunks: batches.count, framing: framing)
        batches.withUnsafeMutableBufferPointer { output in
            routes.withUnsafeMutableBufferPointer { routeOutput in
                ParallelTasks.run(tasks: output.count, threads: output.count) { index in
                    parseChunk(index, of: bytes, bounds: bounds, parser: parser, into: output, routes: routeOutput)
                }
            }
        }
    }

    /// Parses chunk `index` of `bytes` (cut at `bounds`) into `batches[index]` and `routes[index]`. Different
    /// chunks may be parsed on different threads at once: each writes only its own elements.
    static func parseChunk(
        _ index: Int, of bytes: UnsafeRawBufferPointer, bounds: [Int], parser: EventParser,
        into batches: UnsafeMutableBufferPointer<ParsedBatch>, routes: UnsafeMutableBufferPointer<[KeyRoute]>
    ) {
        batches[index].removeAll()
        let slice = UnsafeRawBufferPointer(rebasing: bytes[bounds[index]..<bounds[index + 1]])
        parser.parse(lines: slice, into: &batches[index])
        KeyRoute.compute(batches[index], into: &routes[index])
    }

    /// Splits `bytes` (complete records) into `chunks` ranges that end on record ends: newlines, or for CSV
    /// newlines outside quotes.
    static func chunkBounds(_ bytes: UnsafeRawBufferPointer, chunks: Int, framing: RecordFraming) -> [Int] {
        if framing == .csv { return CSVRecordEnds.chunkBounds(bytes, chunks: chunks) }
        var bounds = [0]
        let count = bytes.count
        for index in 1..<max(chunks, 1) {
            bounds.append(lineStart(atOrAfter: max(bounds[bounds.count - 1], count * index / chunks), in: bytes))
        }
        bounds.append(count)
        return bounds
    }

    /// The first line start (0, or just after a newline) at or after `offset`, or `bytes.count`.
    static func lineStart(atOrAfter offset: Int, in bytes: UnsafeRawBufferPointer) -> Int {
        var cut = offset
        while cut < bytes.count && cut > 0 && bytes[cut - 1] != UInt8(ascii: "\n") { cut += 1 }
        return cut
    }
}
