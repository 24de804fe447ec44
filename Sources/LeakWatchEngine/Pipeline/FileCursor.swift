import LeakWatchIngest
import LeakWatchParsing

/// One open input file during a replay: its reader, two blocks (one being parsed while the next is decoded), and
/// the parsed events of the current block, consumed from the front by the merge.
///
/// Decompression of the next block runs as one more task beside the chunk parses of the current one, on the same
/// `workers` threads: one worker decodes then parses, on one core; two or more overlap decoding with parsing.
final class FileCursor: MergeSource {
    let file: InputFile
    let format: LogFormat
    private let reader: LineBlockReader
    private let parser: EventParser
    private let blockBytes: Int
    private let workers: Int
    private var blocks: [LineBlock]
    private var readyIndex = 0
    /// Outcome of decoding `blocks[readyIndex]`: true when it holds lines.
    private var decoded: Result<Bool, IngestError>

    /// Parsed chunks of the current block, and the key routes of their events.
    var batches: [ParsedBatch]
    var routes: [[KeyRoute]]
    /// Merge position: chunk and event index of the next event to hand out.
    var chunk = 0
    var position = 0
    /// The reader hit its end (or damage): nothing more will be parsed.
    private(set) var finished = false
    private(set) var damage: IngestError?

    init(peek: FilePeek, options: ReplayOptions, workers: Int) throws(IngestError) {
        self.file = peek.file
        self.format = peek.format
        self.workers = workers
        reader = try LineBlockReader(file: file, maxLineBytes: options.maxLineBytes, framing: peek.framing)
        parser = EventParser(
            format: format, mapping: options.mapping, templater: options.templater, csvColumns: peek.csvColumns)
        blockBytes = options.blockBytes
        blocks = [LineBlock(capacity: options.blockBytes), LineBlock(capacity: options.blockBytes)]
        // With several workers the block is cut into more chunks than threads, so that the thread that decodes
        // the next block joins the parse late without holding the others back.
        let chunks = workers == 1 ? 1 : workers * Self.chunksPerWorker
        batches = (0..<chunks).map { _ in ParsedBatch(eventCapacity: 1 << 13, arenaCapacity: 1 << 19) }
        routes = Array(repeating: [], count: chunks)
        decoded = Self.fill(reader, blocks[0], targetBytes: blockBytes)
    }

    static let chunksPerWorker = 4

    var stats: IngestStats { reader.stats }
    var timing: FillTiming { reader.timing }

    /// Parses the decoded block over the workers while the next one is decoded. Returns false when the file is
    /// finished.
    func refill(stages: inout StageSeconds) -> Bool {
        guard !finished else { return false }
        switch decoded {
        case .failure(let error):
            damage = error
            finished = true
            return false
        case .success(false):
            finished = true
            return false
        case .success(true):
            break
        }
        let started = MonotonicClock.seconds()
        defer { stages.parse += MonotonicClock.seconds() - started }
        let block = blocks[readyIndex]
        readyIndex ^= 1
        let next = blocks[readyIndex]
        let reader = self.reader
        let parser = self.parser
        let blockBytes = self.blockBytes
        var nextDecoded: Result<Bool, IngestError> = .success(false)
        block.withBytes { bytes in
            let bounds = ChunkParser.chunkBounds(bytes, chunks: batches.count, framing: reader.framing)
            batches.withUnsafeMutableBufferPointer { output in
                routes.withUnsafeMutableBufferPointer { routeOutput in
                    // Task 0 decodes the next block into the other buffer; tasks 1... parse the chunks of this one.
                    // Safe: every task writes disjoint state (the reader and `next`, or its own chunk's elements).
                    withUnsafeMutablePointer(to: &nextDecoded) { result in
                        let shared = UnsafeTransfer((output, routeOutput, result))
                        ParallelTasks.run(tasks: output.count + 1, threads: workers) { task in
                            let (output, routeOutput, result) = shared.wrappedValue
                            if task == 0 {
                                result.pointee = Self.fill(reader, next, targetBytes: blockBytes)
                            } else {
                                ChunkParser.parseChunk(
                                    task - 1, of: bytes, bounds: bounds, parser: parser, into: output,
                                    routes: routeOutput)
                            }
                        }
                    }
                }
            }
        }
        decoded = nextDecoded
        chunk = 0
        position = 0
        skipEmpty()
        return true
    }

    private static func fill(_ reader: LineBlockReader, _ block: LineBlock, targetBytes: Int) -> Result<Bool, IngestError> {
        do throws(IngestError) {
            return .success(try reader.fill(block, targetBytes: targetBytes))
        } catch {
            return .failure(error)
        }
    }
}
