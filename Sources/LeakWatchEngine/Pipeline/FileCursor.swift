import LeakWatchIngest
import LeakWatchParsing

/// One open input file during a replay: its reader, two blocks (one being parsed while the next is decoded), the
/// parsed chunks not yet merged, consumed from the front by the merge, and a spare set of chunks that the next
/// block is parsed into.
///
/// A refill is a set of tasks run on the `workers` threads: task 0 decodes the block after the one being parsed,
/// the others parse that block's chunks into the spare set. The parsed chunks stay untouched until
/// ``commitRefill()`` appends the spare set to them, so the refill can run while the aggregation still reads them,
/// and it may start before the file's parsed events run out (``wantsRefill``). With one worker the tasks run in turn
/// on one core.
final class FileCursor: MergeSource {
    let file: InputFile
    let format: LogFormat
    private let reader: LineBlockReader
    private let parser: EventParser
    private let blockBytes: Int
    private var blocks: [LineBlock]
    private var readyIndex = 0
    /// Outcome of decoding `blocks[readyIndex]`: true when it holds lines; nil until the first block is decoded.
    private var decoded: Result<Bool, IngestError>?

    /// Parsed chunks not yet merged (the first `chunk` of them used up), and the key routes of their events.
    var batches: [ParsedBatch]
    var routes: [[KeyRoute]]
    /// Where a refill parses the next block (appended to the parsed chunks on commit).
    private var spareBatches: [ParsedBatch]
    private var spareRoutes: [[KeyRoute]]
    /// Used-up chunks kept for the next refills, storage and all.
    private var freeBatches: [ParsedBatch] = []
    private var freeRoutes: [[KeyRoute]] = []
    /// Events the last refill parsed.
    private var lastRefillEvents = 0
    /// The chunks of `batches` that the last commit added.
    private(set) var committed: Range<Int> = 0..<0
    /// Merge position: chunk and event index of the next event to hand out.
    var chunk = 0
    var position = 0
    /// The reader hit its end (or damage): nothing more will be parsed.
    private(set) var finished = false
    private(set) var damage: IngestError?

    /// Where the blocks come from, and go back to when the file is closed (``release()``).
    private let buffers: CursorBuffers

    /// - Parameter blockBytes: decoded bytes per block (see ``ReplayPipeline/blockBytes(for:base:)``).
    init(
        peek: FilePeek, options: ReplayOptions, blockBytes: Int, workers: Int, buffers: CursorBuffers
    ) throws(IngestError) {
        self.buffers = buffers
        self.file = peek.file
        self.format = peek.format
        reader = try LineBlockReader(file: file, maxLineBytes: options.maxLineBytes, framing: peek.framing)
        parser = EventParser(
            format: format, mapping: options.mapping, templater: options.templater, csvColumns: peek.csvColumns)
        self.blockBytes = blockBytes
        blocks = [buffers.block(capacity: blockBytes), buffers.block(capacity: blockBytes)]
        // With several workers the block is cut into many more chunks than threads, so that a thread that decodes
        // or aggregates joins the parse late without holding the others back, and the last task of a step is short.
        chunks = workers == 1 ? 1 : workers * Self.chunksPerWorker
        // The chunks' memory is taken at the first refill, not here: a file opened ahead holds only its reader
        // and blocks until it is merged.
        batches = []
        routes = []
        spareBatches = []
        spareRoutes = []
    }

    private let chunks: Int

    /// Hands the blocks back for the next files; the cursor must not be used afterwards.
    func release() {
        for block in blocks { buffers.keep(block) }
        blocks = []
    }

    /// Fills the spare set up to one chunk per parse task: used-up chunks first, new ones (sized for a block's
    /// share) when there are none.
    private func takeSpareChunks() {
        while spareBatches.count < chunks {
            spareBatches.append(freeBatches.popLast() ?? ParsedBatch(eventCapacity: 1 << 13, arenaCapacity: 1 << 19))
            spareRoutes.append(freeRoutes.popLast() ?? [])
        }
    }

    /// Moves the used-up chunks kept for refills of `other`, a file with no block left to parse, to this file's
    /// keeping, so that its next refill reuses their storage instead of taking new memory beside them.
    func takeFreeChunks(of other: FileCursor) {
        freeBatches.append(contentsOf: other.freeBatches)
        freeRoutes.append(contentsOf: other.freeRoutes)
        other.freeBatches.removeAll()
        other.freeRoutes.removeAll()
    }

    /// Hands every chunk of this finished file (all of its events aggregated) to `other`, the next file to open,
    /// for its refills: an archive rotated hourly then parses each file into the storage of the one before instead
    /// of faulting in new memory and unmapping the old. `other` keeps at most two sets of chunks spare.
    func handChunks(to other: FileCursor) {
        let room = 2 * other.chunks - other.freeBatches.count
        guard room > 0 else { return }
        let batchesLeft = batches + spareBatches + freeBatches
        let routesLeft = routes + spareRoutes + freeRoutes
        other.freeBatches.append(contentsOf: batchesLeft.prefix(room))
        other.freeRoutes.append(contentsOf: routesLeft.prefix(room))
        batches = []
        routes = []
        spareBatches = []
        spareRoutes = []
        freeBatches = []
        freeRoutes = []
    }

    /// Whether the file should parse its next block in this step: when its parsed events are used up or less than
    /// half a block's are left. Files that overlap in time (one per gateway) use up their blocks at about the same
    /// step; parsing each as soon as it runs low, not when it runs out, puts their parsing in the step that
    /// aggregates their events instead of in steps with next to nothing to aggregate beside it.
    var wantsRefill: Bool {
        guard !finished else { return false }
        if exhausted { return true }
        var left = batches[chunk].events.count - position
        for index in (chunk + 1)..<batches.count { left += batches[index].events.count }
        return left < lastRefillEvents / 2
    }

    static let chunksPerWorker = 8

    var stats: IngestStats { reader.stats }
    var timing: FillTiming { reader.timing }

    /// Parses the decoded block over `workers` threads while the next one is decoded, and makes it current.
    /// Returns false when the file is finished. `stages.parse` gets the parse tasks' thread seconds.
    func refill(workers: Int, stages: inout StageSeconds) -> Bool {
        guard let refill = beginRefill() else { return false }
        refill.run(threads: workers, parseSeconds: &stages.parse)
        commitRefill()
        return true
    }

    /// Whether a block is decoded, or may still be, that the file has not parsed yet.
    var hasBlocksToParse: Bool {
        guard !finished else { return false }
        switch decoded {
        case nil, .success(true): return true
        case .success(false), .failure: return false
        }
    }

    /// Whether the file's first block is still to be decoded (see ``decodeFirstBlock()``).
    var needsFirstBlock: Bool { decoded == nil }

    /// Decodes the file's first block, if that is not done yet. A replay calls it ahead, beside the step before
    /// the file is opened, so that opening it does not wait for the decoder; otherwise the first refill does it.
    func decodeFirstBlock() {
        if decoded == nil { decoded = Self.fill(reader, blocks[0], targetBytes: blockBytes) }
    }

    /// Starts parsing the decoded block into the spare chunks: the returned tasks are run (on any threads, beside
    /// other work), then ``commitRefill()`` makes the block current. Nil when the file is finished.
    func beginRefill() -> Refill? {
        guard !finished else { return nil }
        decodeFirstBlock()
        guard let outcome = decoded else { return nil }  // set by decodeFirstBlock()
        switch outcome {
        case .failure(let error):
            damage = error
            finished = true
            return nil
        case .success(false):
            finished = true
            return nil
        case .success(true):
            break
        }
        takeSpareChunks()
        let block = blocks[readyIndex]
        readyIndex ^= 1
        return Refill(cursor: self, block: block, next: blocks[readyIndex])
    }

    /// Appends the chunks parsed by the last ``beginRefill()`` (its tasks must all have run) to those not yet
    /// merged, and keeps the used-up ones for later refills. Their storage is emptied by the parse that reuses it,
    /// when nothing else holds it any more.
    func commitRefill() {
        for index in 0..<chunk {
            freeBatches.append(batches[index])
            freeRoutes.append(routes[index])
        }
        batches.removeFirst(chunk)
        routes.removeFirst(chunk)
        chunk = 0
        let first = batches.count
        lastRefillEvents = spareBatches.reduce(0) { $0 + $1.events.count }
        batches.append(contentsOf: spareBatches)
        routes.append(contentsOf: spareRoutes)
        spareBatches.removeAll(keepingCapacity: true)
        spareRoutes.removeAll(keepingCapacity: true)
        committed = first..<batches.count
        skipEmpty()
    }

    /// The tasks of one refill: task 0 decodes the block after the one being parsed, task `i` > 0 parses chunk
    /// `i - 1` of it into the cursor's spare chunks. Tasks write disjoint state, so they may run at once.
    final class Refill {
        let cursor: FileCursor
        let block: LineBlock
        let next: LineBlock
        let bounds: [Int]
        /// One decode task and one parse task per chunk.
        let taskCount: Int

        fileprivate init(cursor: FileCursor, block: LineBlock, next: LineBlock) {
            self.cursor = cursor
            self.block = block
            self.next = next
            let chunks = cursor.spareBatches.count
            bounds = block.withBytes { bytes in
                ChunkParser.chunkBounds(bytes, chunks: chunks, framing: cursor.reader.framing)
            }
            taskCount = chunks + 1
        }

        /// Calls `body` with a runner of the tasks, valid only during the call (it holds the spare chunks open
        /// for writing); the runner returns the thread seconds of parse tasks (0 for the decode task).
        func withTasks<R>(_ body: (_ run: (Int) -> Double) -> R) -> R {
            let cursor = self.cursor
            let reader = cursor.reader
            let parser = cursor.parser
            let blockBytes = cursor.blockBytes
            let next = self.next
            let bounds = self.bounds
            var decoded: Result<Bool, IngestError> = .success(false)
            let result = block.withBytes { bytes in
                cursor.spareBatches.withUnsafeMutableBufferPointer { output in
                    cursor.spareRoutes.withUnsafeMutableBufferPointer { routeOutput in
                        withUnsafeMutablePointer(to: &decoded) { decodedPointer in
                            // Safe: every task writes disjoint state (the reader, `next` and `decoded`, or its own
                            // chunk's elements), and the pointers are used only inside this call.
                            let shared = UnsafeTransfer((output, routeOutput, decodedPointer))
                            return body { task in
                                let (output, routeOutput, decodedPointer) = shared.wrappedValue
                                if task == 0 {
                                    decodedPointer.pointee = FileCursor.fill(reader, next, targetBytes: blockBytes)
                                    return 0
                                }
                                let started = MonotonicClock.seconds()
                                ChunkParser.parseChunk(
                                    task - 1, of: bytes, bounds: bounds, parser: parser, into: output,
                                    routes: routeOutput)
                                return MonotonicClock.seconds() - started
                            }
                        }
                    }
                }
            }
            cursor.decoded = decoded
            return result
        }

        /// Runs every task on at most `threads` threads; adds the parse tasks' thread seconds to `parseSeconds`.
        func run(threads: Int, parseSeconds: inout Double) {
            let tasks = taskCount
            let seconds = ThreadSeconds(tasks: tasks)
            withTasks { run in
                ParallelTasks.run(tasks: tasks, threads: threads) { task in seconds.record(task, run(task)) }
            }
            parseSeconds += seconds.total
        }
    }

    fileprivate static func fill(
        _ reader: LineBlockReader, _ block: LineBlock, targetBytes: Int
    ) -> Result<Bool, IngestError> {
        do throws(IngestError) {
            return .success(try reader.fill(block, targetBytes: targetBytes))
        } catch {
            return .failure(error)
        }
    }
}
