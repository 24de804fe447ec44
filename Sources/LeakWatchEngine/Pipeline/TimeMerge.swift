import LeakWatchParsing

/// Parsed events of one input waiting to be merged by event time: chunks consumed from the front.
protocol MergeSource: AnyObject {
    /// Parsed chunks, in input order.
    var batches: [ParsedBatch] { get }
    /// The key routes of each chunk's events.
    var routes: [[KeyRoute]] { get }
    /// Merge position: chunk and event index of the next event to hand out.
    var chunk: Int { get set }
    var position: Int { get set }
}

extension MergeSource {
    /// Whether every parsed event has been handed out.
    var exhausted: Bool { chunk >= batches.count }

    /// Time of the next event (the source must not be exhausted).
    var headTime: Int64 { batches[chunk].events[position].timeMillis }

    /// Moves past empty chunks so that `headTime` is valid unless exhausted.
    func skipEmpty() {
        while chunk < batches.count && position >= batches[chunk].events.count {
            chunk += 1
            position = 0
        }
    }
}

/// The merge of several inputs into one event sequence, shared by replay and live monitoring so that both hand
/// the aggregator the same events in the same order.
enum TimeMerge {
    /// One merge step as the aggregator takes it: the runs over the sources' chunks laid end to end.
    ///
    /// Takes events from `sources` in time order (ties: the source listed first) until one source runs out,
    /// `limit` events are taken, or the next event would reach `before`. A source's own events keep their order:
    /// a source is read forward while its events stay below every other source's head, so an input that is not
    /// sorted is merged as written.
    static func step<Source: MergeSource>(
        _ sources: [Source], before: Int64, limit: Int
    ) -> (runs: [EventRun], batches: [ParsedBatch], routes: [[KeyRoute]]) {
        var batches: [ParsedBatch] = []
        var routes: [[KeyRoute]] = []
        var offsets: [Int] = []
        for source in sources {
            offsets.append(batches.count)
            batches.append(contentsOf: source.batches)
            routes.append(contentsOf: source.routes)
        }
        let runs = batches.withUnsafeBufferPointer { chunks in
            sources.count == 1
                ? follow(sources[0], chunks: chunks, before: before, limit: limit)
                : interleave(sources, chunks: chunks, offsets: offsets, before: before, limit: limit)
        }
        return (runs, batches, routes)
    }

    /// The runs of a lone source: its events up to `before` or `limit`, a chunk at a time.
    private static func follow<Source: MergeSource>(
        _ source: Source, chunks: UnsafeBufferPointer<ParsedBatch>, before: Int64, limit: Int
    ) -> [EventRun] {
        var runs: [EventRun] = []
        var taken = 0
        while !source.exhausted && taken < limit {
            let events = chunks.baseAddress.unsafelyUnwrapped + source.chunk
            let count = events.pointee.events.count
            var end = source.position
            while end < count && events.pointee.events[end].timeMillis < before { end += 1 }
            if end == source.position { break }
            runs.append(EventRun(batch: source.chunk, start: source.position, end: end))
            taken += end - source.position
            source.position = end
            if end < count { break }
            source.skipEmpty()
        }
        return runs
    }

    /// The runs of several sources taken in time order. Runs are often one or two events where files interleave
    /// closely (one file per gateway), so the sources' heads and positions are kept in local buffers for the whole
    /// step and events are read through the step's chunk list, not through the sources: a run then costs a few
    /// compares, not a walk over the sources' arrays with their reference counting.
    private static func interleave<Source: MergeSource>(
        _ sources: [Source], chunks: UnsafeBufferPointer<ParsedBatch>, offsets: [Int], before: Int64, limit: Int
    ) -> [EventRun] {
        let count = sources.count
        let base = chunks.baseAddress.unsafelyUnwrapped
        // Per source: its next event's time (Int64.max when exhausted), its current chunk (an index into `chunks`),
        // the end of its chunks there, and its position in the current chunk.
        let heads = UnsafeMutablePointer<Int64>.allocate(capacity: count)
        let current = UnsafeMutablePointer<Int>.allocate(capacity: count * 3)
        defer {
            heads.deallocate()
            current.deallocate()
        }
        let ends = current + count
        let positions = current + 2 * count
        for (index, source) in sources.enumerated() {
            current[index] = offsets[index] + source.chunk
            ends[index] = offsets[index] + source.batches.count
            positions[index] = source.position
            heads[index] = source.exhausted ? Int64.max : base[current[index]].events[positions[index]].timeMillis
        }
        var runs: [EventRun] = []
        runs.reserveCapacity(min(limit, 1 << 16))
        let hints = ChunkPrefetch(batches: chunks)
        var taken = 0
        while taken < limit {
            // The two first heads in (time, source) order, in one pass: the first is taken from; the second bounds
            // the run (it is the least bound of all the others).
            var best = -1
            var bestTime = Int64.max
            var second = -1
            var secondTime = Int64.max
            for index in 0..<count {
                let time = heads[index]
                if time < bestTime {
                    second = best
                    secondTime = bestTime
                    best = index
                    bestTime = time
                } else if time < secondTime {
                    second = index
                    secondTime = time
                }
            }
            guard best >= 0, bestTime < before else { break }
            // Ties go to the source listed first, so a later source's equal timestamp waits.
            let rival = second < 0 ? before : min(before, second < best ? secondTime : secondTime &+ 1)
            let chunk = current[best]
            let batch = base + chunk
            let events = batch.pointee.events.count
            let start = positions[best]
            var end = start &+ 1
            while end < events && batch.pointee.events[end].timeMillis < rival { end &+= 1 }
            runs.append(EventRun(batch: chunk, start: start, end: end))
            taken &+= end &- start
            if end < events {
                hints.prefetchTime(chunk: chunk, index: end &+ ChunkPrefetch.timeDistance)
                positions[best] = end
                heads[best] = batch.pointee.events[end].timeMillis
                continue
            }
            // The chunk is used up: on to the source's next chunk with events, or the source is exhausted.
            var next = chunk &+ 1
            while next < ends[best] && base[next].events.isEmpty { next &+= 1 }
            current[best] = next
            positions[best] = 0
            if next == ends[best] { break }
            heads[best] = base[next].events[0].timeMillis
        }
        for (index, source) in sources.enumerated() {
            source.chunk = current[index] - offsets[index]
            source.position = positions[index]
        }
        return runs
    }
}
