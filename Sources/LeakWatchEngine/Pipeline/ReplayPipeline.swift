package import LeakWatchIngest
import LeakWatchParsing

/// Replays files at full speed in event time: discover, decode ahead, parse in parallel, merge files by event
/// time, aggregate over the sharded workers, and hand out detections as windows close.
///
/// Files are ordered by their first event time (not their names) and merged event by event while their
/// time ranges overlap, so an access log and an export log of the same day interleave correctly. While a step is
/// aggregated, the files it uses up or leaves low parse their next block on the same threads.
package final class ReplayPipeline {
    package let options: ReplayOptions
    package let aggregator: ShardedAggregator
    /// Events handed to the aggregator at once, at most (bounded memory whatever the input).
    let eventsPerStep = 1 << 18
    /// How many threads aggregate in each step.
    private var aggregationShare: AggregationShare

    package init(options: ReplayOptions, aggregator: ShardedAggregator) {
        self.options = options
        self.aggregator = aggregator
        aggregationShare = AggregationShare(threads: aggregator.workers)
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
        for (file, outcome) in zip(files, FilePeek.peek(files, options: options, threads: aggregator.workers)) {
            switch outcome {
            case .success(let peek): peeks.append(peek)
            case .failure(let error): statistics.damaged.append(.init(path: file.path, error: error))
            }
        }
        // Files without a readable first event still go through (their lines are counted as errors).
        peeks.sort { a, b in
            let ta = a.firstTime ?? Int64.min
            let tb = b.firstTime ?? Int64.min
            return ta != tb ? ta < tb : a.file.path < b.file.path
        }
        for peek in peeks { statistics.formats[peek.format.rawValue, default: 0] += 1 }
        let blockBytes = Self.blockBytes(for: peeks, base: options.blockBytes)

        let workers = aggregator.workers
        let buffers = CursorBuffers()
        var pending = peeks[...]
        var active: [FileCursor] = []
        // The next file to open, opened ahead so that its first block is decoded beside a step (nil cursor: it
        // could not be opened ahead; opening it again in turn reports why).
        var ahead: (index: Int, cursor: FileCursor?)?

        func activate(_ index: Int) {
            let peek = peeks[index]
            defer { ahead = nil }
            do throws(IngestError) {
                let cursor: FileCursor
                if let opened = ahead, opened.index == index, let openedCursor = opened.cursor {
                    cursor = openedCursor
                } else {
                    cursor = try FileCursor(
                        peek: peek, options: options, blockBytes: blockBytes[index], workers: workers, buffers: buffers)
                }
                // A file opened ahead may have parsed its first block already (see `fileToParseAhead`).
                if !cursor.exhausted || refill(cursor) { active.append(cursor) } else { retire(cursor) }
            } catch {
                statistics.damaged.append(.init(path: peek.file.path, error: error))
            }
        }

        /// The next pending file, opened if it is not yet, when its first block still has to be decoded.
        func fileToDecodeAhead() -> FileCursor? {
            guard let index = pending.indices.first else { return nil }
            if ahead?.index != index {
                let cursor = try? FileCursor(
                    peek: peeks[index], options: options, blockBytes: blockBytes[index], workers: workers,
                    buffers: buffers)
                ahead = (index, cursor)
            }
            guard let cursor = ahead?.cursor, cursor.needsFirstBlock else { return nil }
            return cursor
        }

        /// The next pending file's first refill, when the open files have no block left to parse: the step that
        /// aggregates their last events would otherwise have no parsing beside it, and the file would parse its
        /// first block on its own when it is opened, with no aggregation beside that. Only once its first block is
        /// decoded (beside an earlier step), and only until it has parsed events. It parses into the chunks the open
        /// files kept for refills they will not make.
        func fileToParseAhead() -> FileCursor.Refill? {
            guard let index = pending.indices.first, ahead?.index == index, let cursor = ahead?.cursor,
                !cursor.needsFirstBlock, cursor.exhausted, !active.contains(where: \.hasBlocksToParse)
            else { return nil }
            for file in active { cursor.takeFreeChunks(of: file) }
            return cursor.beginRefill()
        }

        /// Counts the lines and events of the chunks a refill just added.
        func count(_ cursor: FileCursor) {
            for batch in cursor.batches[cursor.committed] {
                statistics.lines &+= batch.lines
                statistics.events &+= Int64(batch.events.count)
                statistics.parseErrors.add(batch.errors)
            }
        }

        func refill(_ cursor: FileCursor) -> Bool {
            while cursor.refill(workers: workers, stages: &statistics.stageSeconds) {
                count(cursor)
                if !cursor.exhausted { return true }
            }
            return false
        }

        func retire(_ cursor: FileCursor) {
            cursor.release()
            if let next = ahead?.cursor { cursor.handChunks(to: next) }
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
                guard let next = pending.indices.first else { break }
                pending.removeFirst()
                activate(next)
                continue
            }
            let earliest = active.map(\.headTime).min()!
            if let next = pending.indices.first, (peeks[next].firstTime ?? Int64.min) <= earliest {
                pending.removeFirst()
                activate(next)
                continue
            }
            let nextStart = pending.first?.firstTime
            let mergeStarted = MonotonicClock.seconds()
            let step = TimeMerge.step(active, before: nextStart ?? Int64.max, limit: eventsPerStep)
            statistics.stageSeconds.merge += MonotonicClock.seconds() - mergeStarted
            // The files this step empties or leaves low parse their next block while it is aggregated.
            var refills = active.filter(\.wantsRefill).compactMap { $0.beginRefill() }
            if let first = fileToParseAhead() { refills.append(first) }
            statistics.aggregationWorkerSteps[aggregator.activeWorkers, default: 0] += 1
            let detections = aggregate(
                step, beside: refills, decodingAhead: fileToDecodeAhead(), stages: &statistics.stageSeconds)
            for refill in refills {
                refill.cursor.commitRefill()
                count(refill.cursor)
            }
            let sinkStarted = MonotonicClock.seconds()
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

    /// Aggregates one step on the workers, with the tasks of `refills` (the next blocks of files the step empties
    /// or leaves low) and the decoding of `ahead`'s first block (the next file to open) on the same threads:
    /// aggregation first, decoding and parsing in the gaps, one barrier for all. `stages` gets the thread seconds of
    /// aggregation and parsing (decoding is timed by the readers). The step's timings choose how many threads
    /// aggregate in the next one (``AggregationShare``).
    private func aggregate(
        _ step: (runs: [EventRun], batches: [ParsedBatch], routes: [[KeyRoute]]), beside refills: [FileCursor.Refill],
        decodingAhead ahead: FileCursor?, stages: inout StageSeconds
    ) -> [Detection] {
        let threads = aggregator.workers
        let workers = aggregator.activeWorkers
        let aheadTask = ahead == nil ? -1 : workers
        var firstTask = [ahead == nil ? workers : workers + 1]
        for refill in refills { firstTask.append(firstTask[firstTask.count - 1] + refill.taskCount) }
        let tasks = firstTask[firstTask.count - 1]
        let seconds = ThreadSeconds(tasks: tasks)
        // Every task's whole time (decoding included), for choosing the next step's aggregation workers.
        let busy = ThreadSeconds(tasks: tasks)
        let aggregator = self.aggregator
        aggregator.beginStep()
        Self.withRunners(refills[...], []) { runners in
            ParallelTasks.run(tasks: tasks, threads: threads) { task in
                let started = MonotonicClock.seconds()
                defer { busy.record(task, MonotonicClock.seconds() - started) }
                if task < workers {
                    aggregator.runWorker(task, runs: step.runs, batches: step.batches, routes: step.routes)
                    seconds.record(task, MonotonicClock.seconds() - started)
                    return
                }
                if task == aheadTask {
                    ahead?.decodeFirstBlock()
                    return
                }
                var refill = 0
                while task >= firstTask[refill + 1] { refill += 1 }
                seconds.record(task, runners[refill](task - firstTask[refill]))
            }
        }
        stages.aggregate += seconds.total(0..<workers)
        stages.parse += seconds.total(firstTask[0]..<tasks)
        let detections = aggregator.finishStep()
        aggregationShare.record(aggregation: busy.total(0..<workers), other: busy.total(workers..<tasks))
        aggregator.setActiveWorkers(aggregationShare.workers)
        return detections
    }

    /// Calls `body` with the task runners of every refill, each valid during the call.
    private static func withRunners(
        _ refills: ArraySlice<FileCursor.Refill>, _ runners: [(Int) -> Double], _ body: ([(Int) -> Double]) -> Void
    ) {
        guard let first = refills.first else { return body(runners) }
        first.withTasks { run in
            withoutActuallyEscaping(run) { run in withRunners(refills.dropFirst(), runners + [run], body) }
        }
    }
}
