import Dispatch
import LeakWatchIngest
import LeakWatchParsing

/// Parses a run of whole lines in parallel: cut into as many chunks as there are batches, each parsed by one
/// Dispatch worker into its own batch, with the key routes of its events.
enum ChunkParser {
    /// Replaces the contents of `batches` and `routes` (equal counts) with the events of `bytes`, chunk by chunk
    /// in record order. Storage is reused. CSV chunks end on record ends (a newline outside quotes).
    static func parse(
        _ bytes: UnsafeRawBufferPointer, parser: EventParser, framing: RecordFraming = .lines,
        into batches: inout [ParsedBatch], routes: inout [[KeyRoute]]
    ) {
        let chunks = batches.count
        let bounds = framing == .csv
            ? CSVRecordEnds.chunkBounds(bytes, chunks: chunks) : chunkBounds(bytes, chunks: chunks)
        batches.withUnsafeMutableBufferPointer { output in
            routes.withUnsafeMutableBufferPointer { routeOutput in
                // Safe: each worker writes only its own elements; `bytes` is read-only and outlives the call.
                let shared = UnsafeTransfer((output, routeOutput, bytes, bounds))
                DispatchQueue.concurrentPerform(iterations: chunks) { index in
                    let (output, routeOutput, bytes, bounds) = shared.wrappedValue
                    output[index].removeAll()
                    let slice = UnsafeRawBufferPointer(rebasing: bytes[bounds[index]..<bounds[index + 1]])
                    parser.parse(lines: slice, into: &output[index])
                    KeyRoute.compute(output[index], into: &routeOutput[index])
                }
            }
        }
    }

    /// Splits `bytes` (complete lines) into `chunks` ranges that end on newlines.
    static func chunkBounds(_ bytes: UnsafeRawBufferPointer, chunks: Int) -> [Int] {
        var bounds = [0]
        let count = bytes.count
        for index in 1..<max(chunks, 1) {
            var cut = max(bounds[bounds.count - 1], count * index / chunks)
            while cut < count && cut > 0 && bytes[cut - 1] != UInt8(ascii: "\n") { cut += 1 }
            bounds.append(cut)
        }
        bounds.append(count)
        return bounds
    }
}
