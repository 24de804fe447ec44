import LeakWatchParsing

/// One followed input of a live pipeline: its parser and the parsed events not yet handed to the aggregator.
final class LiveSource: MergeSource {
    /// The input's name (a path), for reports.
    let name: String
    /// Nil until the first lines arrive, when the format is detected (unless it was configured).
    private(set) var parser: EventParser?
    private let forcedFormat: LogFormat?
    private let options: ReplayOptions

    var batches: [ParsedBatch] = []
    var routes: [[KeyRoute]] = []
    var chunk = 0
    var position = 0
    /// Newest event time parsed from this source (Int64.min before any).
    private(set) var newestTime = Int64.min
    /// Wall-clock time (ms) the source last delivered lines.
    private(set) var lastDataWall: Int64 = Int64.min
    /// Emptied batches kept for reuse, so steady polling allocates nothing new.
    private var spare: [ParsedBatch] = []
    static let spareLimit = 64

    init(name: String, options: ReplayOptions) {
        self.name = name
        self.options = options
        forcedFormat = options.format
    }

    /// Buffered events not yet handed out.
    var pendingEvents: Int {
        var count = 0
        var index = chunk
        while index < batches.count {
            count += batches[index].events.count - (index == chunk ? position : 0)
            index += 1
        }
        return count
    }

    /// Parses `lines` (whole lines) into new chunks behind the pending ones; returns the chunks' line and error
    /// counts.
    func ingest(_ lines: UnsafeRawBufferPointer, chunks: Int, wallMillis: Int64) -> (lines: Int64, errors: ParseErrorCounts) {
        lastDataWall = wallMillis
        if parser == nil {
            let format = forcedFormat ?? FormatDetector.detect(lines) ?? .json
            parser = EventParser(format: format, mapping: options.mapping, templater: options.templater)
        }
        compact()
        var fresh: [ParsedBatch] = []
        for _ in 0..<chunks {
            fresh.append(spare.popLast() ?? ParsedBatch(eventCapacity: 1 << 10, arenaCapacity: 1 << 16))
        }
        var freshRoutes: [[KeyRoute]] = Array(repeating: [], count: chunks)
        ChunkParser.parse(lines, parser: parser!, into: &fresh, routes: &freshRoutes)
        var counted: Int64 = 0
        var errors = ParseErrorCounts()
        for batch in fresh {
            counted &+= batch.lines
            errors.add(batch.errors)
            for event in batch.events where event.timeMillis > newestTime { newestTime = event.timeMillis }
        }
        batches.append(contentsOf: fresh)
        routes.append(contentsOf: freshRoutes)
        skipEmpty()
        return (counted, errors)
    }

    /// Drops the chunks already handed out (keeping their storage for reuse).
    func compact() {
        guard chunk > 0 else { return }
        for index in 0..<min(chunk, batches.count) where spare.count < Self.spareLimit {
            // Swapped out rather than copied, so that emptying it keeps its storage instead of copying it.
            var batch = ParsedBatch()
            swap(&batch, &batches[index])
            batch.removeAll()
            spare.append(batch)
        }
        batches.removeFirst(min(chunk, batches.count))
        routes.removeFirst(min(chunk, routes.count))
        chunk = 0
    }
}
