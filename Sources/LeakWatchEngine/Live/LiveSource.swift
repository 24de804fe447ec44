import LeakWatchParsing

/// One followed input of a live pipeline: its parser and the parsed events not yet handed to the aggregator.
final class LiveSource: MergeSource {
    /// The input's name (its identity: a file's device and inode).
    let name: String
    /// The path it was first read under.
    let path: String
    /// Earliest time among its first events (Int64.max before any): with `path`, its place among the inputs.
    private(set) var firstTime = Int64.max
    /// Nil until the first lines arrive, when the format is detected (unless it was configured).
    private(set) var parser: EventParser?
    /// The format the parser reads (nil before the first lines).
    private(set) var format: LogFormat?
    /// The header row the parser maps columns by (EventLogFile CSV), kept for a restart mid-file.
    private(set) var header: [UInt8] = []
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

    init(name: String, path: String, options: ReplayOptions) {
        self.name = name
        self.path = path
        self.options = options
        forcedFormat = options.format
    }

    /// Where the input sorts among the inputs.
    var rank: (Int64, String) { (firstTime, path) }

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
            // As a replay detects a file (see FilePeek), on the first lines the tailer delivers. Lines are framed
            // by newlines here: CSV records with quoted newlines and whole CloudTrail `Records` documents need the
            // replay's framing.
            let format = forcedFormat ?? FilePeek.detectedFormat(lines, mapping: options.mapping)
            if format == .salesforceELF, let end = lines.firstIndex(of: UInt8(ascii: "\n")) {
                header = Array(lines[0...end])
            }
            makeParser(format)
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
        if firstTime == Int64.max {
            // As a replay places a file (FilePeek): by the earliest of its first events.
            firstTime = fresh.lazy.flatMap(\.events).prefix(64).map(\.timeMillis).min() ?? Int64.max
        }
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

    private func makeParser(_ format: LogFormat) {
        self.format = format
        let columns = header.isEmpty ? nil : header.withUnsafeBytes { FilePeek.headerColumns($0) }
        parser = EventParser(format: format, mapping: options.mapping, templater: options.templater, csvColumns: columns)
    }

    /// Puts back what a checkpoint saved (see `LivePipeline+State`).
    func restore(
        format: LogFormat?, header: [UInt8], firstTime: Int64, newestTime: Int64, pending: ParsedBatch,
        wallMillis: Int64
    ) {
        self.header = header
        self.firstTime = firstTime
        if let format { makeParser(format) }
        self.newestTime = newestTime
        lastDataWall = wallMillis
        var routes: [KeyRoute] = []
        KeyRoute.compute(pending, into: &routes)
        batches = [pending]
        self.routes = [routes]
        chunk = 0
        position = 0
        skipEmpty()
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
