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
    /// A run of one source's chunk.
    struct Run {
        var source: Int
        var chunk: Int
        var start: Int
        var end: Int
    }

    /// One merge step as the aggregator takes it: the runs over the sources' chunks laid end to end.
    static func step<Source: MergeSource>(
        _ sources: [Source], before: Int64, limit: Int
    ) -> (runs: [EventRun], batches: [ParsedBatch], routes: [[KeyRoute]]) {
        let runs = merge(sources, before: before, limit: limit)
        var batches: [ParsedBatch] = []
        var routes: [[KeyRoute]] = []
        var offsets: [Int] = []
        for source in sources {
            offsets.append(batches.count)
            batches.append(contentsOf: source.batches)
            routes.append(contentsOf: source.routes)
        }
        let mapped = runs.map { EventRun(batch: offsets[$0.source] + $0.chunk, start: $0.start, end: $0.end) }
        return (mapped, batches, routes)
    }

    /// Takes events from `sources` in time order (ties: the source listed first) until one source runs out,
    /// `limit` events are taken, or the next event would reach `before`.
    ///
    /// A source's own events keep their order: a source is read forward while its events stay below every other
    /// source's head, so an input that is not sorted is merged as written.
    static func merge<Source: MergeSource>(_ sources: [Source], before: Int64, limit: Int) -> [Run] {
        var runs: [Run] = []
        var taken = 0
        if sources.count == 1 {
            let source = sources[0]
            while !source.exhausted && taken < limit {
                let events = source.batches[source.chunk].events
                var end = source.position
                while end < events.count && events[end].timeMillis < before { end += 1 }
                if end == source.position { break }
                runs.append(Run(source: 0, chunk: source.chunk, start: source.position, end: end))
                taken += end - source.position
                source.position = end
                if end < events.count { break }
                source.skipEmpty()
            }
            return runs
        }
        while taken < limit {
            var best = -1
            var bestTime = Int64.max
            for (index, source) in sources.enumerated() where !source.exhausted && source.headTime < bestTime {
                best = index
                bestTime = source.headTime
            }
            guard best >= 0, bestTime < before else { break }
            var rival = before
            for (index, source) in sources.enumerated() where index != best && !source.exhausted {
                // Ties go to the source listed first, so a later source's equal timestamp waits.
                let head = source.headTime
                let bound = index < best ? head : head &+ 1
                rival = min(rival, bound)
            }
            let source = sources[best]
            let events = source.batches[source.chunk].events
            var end = source.position
            while end < events.count && events[end].timeMillis < rival { end += 1 }
            if end == source.position { end += 1 }
            runs.append(Run(source: best, chunk: source.chunk, start: source.position, end: end))
            taken += end - source.position
            source.position = end
            source.skipEmpty()
            if source.exhausted { break }
        }
        return runs
    }
}
