import Dispatch
import LeakWatchIngest
import LeakWatchParsing

/// One open input file during a replay: its reader, a block being decoded ahead in the background, and the
/// parsed events of the current block, consumed from the front by the merge.
final class FileCursor: MergeSource {
    let file: InputFile
    let format: LogFormat
    private let reader: LineBlockReader
    private let parser: EventParser
    private let blockBytes: Int
    private var blocks: [LineBlock]
    private var readyIndex = 0
    private let queue: DispatchQueue
    private let prefetched = DispatchSemaphore(value: 0)
    private var prefetchInFlight = false
    private var prefetchResult: Result<Bool, IngestError> = .success(false)

    /// Parsed chunks of the current block (one per worker), and the key routes of their events.
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
        reader = try LineBlockReader(file: file, maxLineBytes: options.maxLineBytes, framing: peek.framing)
        parser = EventParser(
            format: format, mapping: options.mapping, templater: options.templater, csvColumns: peek.csvColumns)
        blockBytes = options.blockBytes
        blocks = [LineBlock(capacity: options.blockBytes), LineBlock(capacity: options.blockBytes)]
        queue = DispatchQueue(label: "leakwatch.decode")
        // With several workers the block is cut into more chunks than threads, so that a thread slowed by the
        // decoder sharing its core does not hold the others at the barrier (concurrentPerform balances chunks).
        let chunks = workers == 1 ? 1 : workers * Self.chunksPerWorker
        batches = (0..<chunks).map { _ in ParsedBatch(eventCapacity: 1 << 13, arenaCapacity: 1 << 19) }
        routes = Array(repeating: [], count: chunks)
        startPrefetch()
    }

    static let chunksPerWorker = 4

    var stats: IngestStats { reader.stats }

    /// Waits for the block decoded in the background, starts decoding the next one, and parses this one over
    /// `workers` Dispatch workers. Returns false when the file is finished.
    func refill(stages: inout StageSeconds) -> Bool {
        guard !finished else { return false }
        let waitStarted = ReplayPipeline.monotonicSeconds()
        prefetched.wait()
        let parseStarted = ReplayPipeline.monotonicSeconds()
        stages.decodeWait += parseStarted - waitStarted
        defer { stages.parse += ReplayPipeline.monotonicSeconds() - parseStarted }
        prefetchInFlight = false
        let result = prefetchResult
        switch result {
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
        let block = blocks[readyIndex]
        readyIndex ^= 1
        startPrefetch()
        parse(block)
        chunk = 0
        position = 0
        skipEmpty()
        return true
    }

    private func startPrefetch() {
        let target = blocks[readyIndex]
        let reader = UnsafeTransfer(self.reader)
        let this = UnsafeTransfer(self)
        let blockBytes = self.blockBytes
        prefetchInFlight = true
        // Safe: while a prefetch is in flight only the decode queue touches the reader and `target`;
        // `refill` waits on the semaphore before reading either.
        queue.async {
            let outcome: Result<Bool, IngestError>
            do throws(IngestError) {
                outcome = .success(try reader.wrappedValue.fill(target, targetBytes: blockBytes))
            } catch {
                outcome = .failure(error)
            }
            this.wrappedValue.prefetchResult = outcome
            this.wrappedValue.prefetched.signal()
        }
    }

    private func parse(_ block: LineBlock) {
        block.withBytes { bytes in
            ChunkParser.parse(bytes, parser: parser, framing: reader.framing, into: &batches, routes: &routes)
        }
    }

    /// Stops the background decoding before the cursor is dropped.
    func close() {
        if prefetchInFlight {
            prefetched.wait()
            prefetchInFlight = false
        }
    }
}
