package import LeakWatchParsing

/// The monitor's engine front: lines of followed inputs arrive as they are written; their events are merged by
/// event time exactly as a replay of the same files merges them, and handed to the aggregator.
///
/// An input holds the merge back until its events are known: events are released only up to the newest event
/// time that every active input has reached, so that a file written a little behind another does not make its
/// events late. An input that delivered nothing for ``LiveOptions/idleMillis`` of wall-clock time stops holding
/// the others back (its later events merge when they come, counted late if their windows have closed).
///
/// Which inputs exist is only known after a while: files created around the daemon's start appear a moment apart.
/// So for ``LiveOptions/idleMillis`` after the first lines (or after a checkpoint is restored) nothing is released,
/// and an input that shows up in that time is merged in time order instead of finding its first windows closed.
package final class LivePipeline {
    package let options: ReplayOptions
    package let live: LiveOptions
    package let aggregator: ShardedAggregator
    private(set) var sources: [LiveSource] = []
    private var sourceByName: [String: LiveSource] = [:]
    package private(set) var statistics = LiveStatistics()
    /// Wall-clock time of the first lines or of the restore (Int64.min before either): the start of the hold.
    private var startWall = Int64.min

    package init(options: ReplayOptions, live: LiveOptions = LiveOptions(), aggregator: ShardedAggregator) {
        self.options = options
        self.live = live
        self.aggregator = aggregator
    }

    /// Parses `lines` (whole lines, as a tailer delivers them) of the input named `source` and buffers their
    /// events. An input is registered on its first lines and ordered as a replay orders files, by the time of its
    /// first events and then by `path`; that order breaks ties between events of equal time.
    package func ingest(source name: String, path: String? = nil, lines: UnsafeRawBufferPointer, wallMillis: Int64) {
        guard lines.count > 0 else { return }
        if startWall == Int64.min { startWall = wallMillis }
        let chunks = lines.count >= live.parallelParseBytes ? aggregator.workers * 2 : 1
        let source: LiveSource
        let isNew: Bool
        if let known = sourceByName[name] {
            source = known
            isNew = false
        } else {
            source = LiveSource(name: name, path: path ?? name, options: options)
            isNew = true
        }
        let (count, errors) = source.ingest(lines, chunks: chunks, wallMillis: wallMillis)
        if isNew {
            let rank = source.rank
            sources.insert(source, at: sources.firstIndex { rank < $0.rank } ?? sources.endIndex)
            sourceByName[name] = source
        }
        statistics.lines &+= count
        statistics.bytes &+= Int64(lines.count)
        statistics.parseErrors.add(errors)
    }

    /// Replaces every input (restoring a checkpoint at `wallMillis`, when the hold starts again).
    func replaceSources(_ restored: [LiveSource], wallMillis: Int64) {
        startWall = wallMillis
        sources = restored
        sourceByName = Dictionary(restored.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// Inputs currently known (registered and not yet forgotten).
    package var sourceCount: Int { sources.count }

    /// Hands every buffered event that may go (see the type's description) to the aggregator; returns the
    /// detections of the windows that closed.
    package func release(wallMillis: Int64) -> [Detection] {
        var horizon = Int64.max
        for source in sources where source.newestTime != Int64.min {
            let idle = wallMillis - source.lastDataWall >= live.idleMillis
            if !idle { horizon = min(horizon, source.newestTime) }
        }
        if horizon == Int64.max && !sources.contains(where: { !$0.exhausted }) { return [] }
        if pendingEvents > live.maxPendingEvents {
            // An input far behind the others (a backfill) must not make the buffer grow without bound: release
            // everything, and let its older events count as late.
            statistics.forcedReleases &+= 1
            return drain(before: Int64.max)
        }
        // The inputs that exist may not all have been seen yet (see the type's description).
        if startWall == Int64.min || wallMillis - startWall < live.idleMillis { return [] }
        // Events before the horizon may go: every active source has reached it. Events at it wait, since an equal
        // time may still come from a source listed earlier.
        return drain(before: horizon)
    }

    /// Hands every buffered event to the aggregator (before a checkpoint or at shutdown, so that the saved read
    /// positions and the saved baselines cover the same lines).
    package func releaseAll() -> [Detection] {
        drain(before: Int64.max)
    }

    /// Closes every open window (end of a bounded run; a daemon keeps them open across restarts).
    package func flush() -> [Detection] {
        var detections = releaseAll()
        detections += aggregator.flush()
        return detections
    }

    /// Events buffered and not yet aggregated.
    package var pendingEvents: Int { sources.reduce(0) { $0 + $1.pendingEvents } }

    private func drain(before limit: Int64) -> [Detection] {
        var detections: [Detection] = []
        while true {
            let ready = sources.filter { !$0.exhausted }
            guard !ready.isEmpty else { break }
            let step = TimeMerge.step(ready, before: limit, limit: live.eventsPerStep)
            guard !step.runs.isEmpty else { break }
            statistics.events &+= Int64(step.runs.reduce(0) { $0 + $1.end - $1.start })
            detections += aggregator.process(step.runs, batches: step.batches, routes: step.routes)
        }
        for source in sources { source.compact() }
        statistics.lateEvents = aggregator.lateEvents
        return detections
    }

    /// Forgets inputs that have nothing buffered and delivered nothing for `forgetMillis` (a rotated-away file
    /// read to its end), so a daemon's list of inputs does not grow with every rotation.
    package func forgetIdle(wallMillis: Int64) {
        let forget = sources.filter { $0.exhausted && wallMillis - $0.lastDataWall >= live.forgetMillis }
        guard !forget.isEmpty else { return }
        for source in forget { sourceByName[source.name] = nil }
        sources.removeAll { $0.exhausted && wallMillis - $0.lastDataWall >= live.forgetMillis }
    }
}

/// Live pipeline settings.
package struct LiveOptions: Sendable {
    /// Wall-clock time without new lines after which an input stops holding the merge back; also how long
    /// nothing is released after the first lines or a restore, while inputs created a moment apart appear.
    package var idleMillis: Int64 = 5_000
    /// Wall-clock time without new lines after which an input with nothing buffered is forgotten.
    package var forgetMillis: Int64 = 10 * 60_000
    /// Deliveries at least this large are parsed over the workers in parallel.
    package var parallelParseBytes = 256 << 10
    /// Events handed to the aggregator at once, at most.
    package var eventsPerStep = 1 << 18
    /// Buffered events beyond which everything is released at once, whatever the inputs have reached.
    package var maxPendingEvents = 2_000_000

    package init() {}
}

/// What a live pipeline has read so far.
package struct LiveStatistics: Sendable {
    package var bytes: Int64 = 0
    package var lines: Int64 = 0
    package var events: Int64 = 0
    package var lateEvents: Int64 = 0
    /// Times the buffer reached ``LiveOptions/maxPendingEvents`` and was released whole.
    package var forcedReleases: Int64 = 0
    package var parseErrors = ParseErrorCounts()

    package init() {}
}
