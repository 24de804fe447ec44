package import LeakWatchIngest
import LeakWatchParsing

/// Replays files at full speed in event time: discover, decode ahead, parse in parallel, merge files by event
/// time, aggregate over the sharded workers, and hand out detections as windows close.
///
/// Files are ordered by their first event time (not their names) and merged event by event while their
/// time ranges overlap, so an access log and an export log of the same day interleave correctly.
package final class ReplayPipeline {
    package let options: ReplayOptions
    package let aggregator: ShardedAggregator
    /// Events handed to the aggregator at once, at most (bounded memory whatever the input).
    let eventsPerStep = 1 << 18

    package init(options: ReplayOptions, aggregator: ShardedAggregator) {
        self.options = options
        self.aggregator = aggregator
    }

    /// Runs the replay; `deliver` receives each batch of detections in order.
    /// - Parameter progress: called after each step with the bytes read so far (for a progress bar).
    /// - Throws: ``IngestError`` when an input path matches nothing. Damaged files are reported in the
    ///   statistics and the run goes on.
    package func run(
        progress: ((ReplayProgress) -> Void)? = nil, deliver: ([Detection]) -> Void
    ) throws(IngestError) -> ReplayStatistics {
        let started = MonotonicClock.seconds()
        var statistics = ReplayStatistics()
        let files = try InputDiscovery.expand(options.paths)
        statistics.files = files.count
        let totalBytes = files.reduce(Int64(0)) { $0 + $1.size }

        var peeks: [FilePeek] = []
        for file in files {
            do throws(IngestError) {
                peeks.append(try FilePeek.peek(file, options: options))
            } catch {
                statistics.damaged.append(.init(path: file.path, error: error))
            }
        }
        // Files without a readable first event still go through (their lines are counted as errors).
        peeks.sort { a, b in
            let ta = a.firstTime ?? Int64.min
            let tb = b.firstTime ?? Int64.min
            return ta != tb ? ta < tb : a.file.path < b.file.path
        }
        for peek in peeks { statistics.formats[peek.format.rawValue, default: 0] += 1 }

        let workers = aggregator.workers
        var pending = peeks[...]
        var active: [FileCursor] = []

        func activate(_ peek: FilePeek) {
            do throws(IngestError) {
                let cursor = try FileCursor(peek: peek, options: options, workers: workers)
                if refill(cursor) { active.append(cursor) } else { retire(cursor) }
            } catch {
                statistics.damaged.append(.init(path: peek.file.path, error: error))
            }
        }

        func refill(_ cursor: FileCursor) -> Bool {
            while cursor.refill(stages: &statistics.stageSeconds) {
                for batch in cursor.batches {
                    statistics.lines &+= batch.lines
                    statistics.events &+= Int64(batch.events.count)
                    statistics.parseErrors.add(batch.errors)
                }
                if !cursor.exhausted { return true }
            }
            return false
        }

        func retire(_ cursor: FileCursor) {
            statistics.ingest.add(cursor.stats)
            statistics.fillTiming.add(cursor.timing)
            if let damage = cursor.damage {
                statistics.damaged.append(.init(path: cursor.file.path, error: damage))
            }
        }

        while true {
            // Refill exhausted cursors (their events were all aggregated in the previous step).
            var index = 0
            while index < active.count {
                if active[index].exhausted && !refill(active[index]) {
                    retire(active.remove(at: index))
                } else {
                    index += 1
                }
            }
            // Open every pending file that starts no later than the earliest head.
            if active.isEmpty {
                guard let next = pending.popFirst() else { break }
                activate(next)
                continue
            }
            let earliest = active.map(\.headTime).min()!
            if let next = pending.first, (next.firstTime ?? Int64.min) <= earliest {
                pending.removeFirst()
                activate(next)
                continue
            }
            let nextStart = pending.first?.firstTime
            let mergeStarted = MonotonicClock.seconds()
            let step = TimeMerge.step(active, before: nextStart ?? Int64.max, limit: eventsPerStep)
            let aggregateStarted = MonotonicClock.seconds()
            statistics.stageSeconds.merge += aggregateStarted - mergeStarted
            let detections = aggregator.process(step.runs, batches: step.batches, routes: step.routes)
            let sinkStarted = MonotonicClock.seconds()
            statistics.stageSeconds.aggregate += sinkStarted - aggregateStarted
            if !detections.isEmpty { deliver(detections) }
            statistics.stageSeconds.sink += MonotonicClock.seconds() - sinkStarted
            if let progress {
                let read = active.reduce(statistics.ingest.compressedBytesRead) { $0 + $1.stats.compressedBytesRead }
                progress(ReplayProgress(bytesRead: read, totalBytes: totalBytes))
            }
        }
        if options.flushAtEnd {
            let detections = aggregator.flush()
            if !detections.isEmpty { deliver(detections) }
        }

        statistics.lateEvents = aggregator.lateEvents
        statistics.parseErrors.record(.lineTooLong, count: statistics.ingest.linesTooLong)
        statistics.keys = aggregator.keysByDimension
        statistics.overflowEvents = aggregator.overflowByDimension
        statistics.seconds = MonotonicClock.seconds() - started
        if aggregator.watermark.hasEvents { statistics.lastEventMillis = aggregator.watermark.newest }
        statistics.firstEventMillis = peeks.compactMap(\.firstTime).min()
        return statistics
    }
}
