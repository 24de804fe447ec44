import Dispatch
package import LeakWatchParsing

/// Event-time windows per key over a fixed set of partitions, spread over Dispatch workers.
///
/// Every worker walks the whole event sequence of a batch in order, so all of them see the same watermark and
/// close the same windows at the same event; each only updates the keys of the partitions it owns, so no lock
/// is taken on the per-event path. Detections are merged and sorted after the barrier, which makes the output
/// the same for any worker count and any batch boundaries.
package final class ShardedAggregator {
    /// Fixed number of partitions (a power of two; keys go by the top bits of their salted hash).
    package static let partitionCount = 64
    static let partitionShift: UInt64 = 58

    package let configuration: EngineConfiguration
    package let workers: Int
    /// The workers that aggregate in the next step: `0..<activeWorkers` (all of them unless a caller that runs
    /// other work beside the aggregation chose fewer, see ``setActiveWorkers(_:)``).
    package private(set) var activeWorkers: Int
    /// The partitions, in memory this aggregator owns (workers mutate disjoint elements without locks).
    package let partitions: UnsafeMutableBufferPointer<Partition>
    /// Holds one key per dimension: the overflow bucket, summed across partitions.
    package internal(set) var overflowPartition: Partition
    package internal(set) var watermark = Watermark()
    package private(set) var acceptedEvents: Int64 = 0
    package private(set) var lateEvents: Int64 = 0

    let ringSize: Int64
    /// The worker that owns each partition during a phase. Rebalanced between phases by the work each partition
    /// had (a hot key makes its partition busy); which worker does a partition's work never changes the output.
    var owner: [Int]
    /// Events observed per worker x partition during the current phase (rows padded apart, so that workers do not
    /// share cache lines).
    let partitionLoad: UnsafeMutablePointer<Int64>
    static let loadStride = partitionCount + 16
    var workerDetections: [[Detection]]
    var workerOverflow: [[OverflowPartial]]
    var workerWatermarks: [Watermark]
    var workerLate: [Int64]
    var workerAccepted: [Int64]
    var closedWindows: [Int64] = []

    /// - Parameters:
    ///   - configuration: windows, caps, baselines, detectors.
    ///   - workers: Dispatch workers (at least 1; at most ``partitionCount``).
    package init(configuration: EngineConfiguration, workers: Int) {
        self.configuration = configuration
        self.workers = max(1, min(workers, Self.partitionCount))
        activeWorkers = self.workers
        partitions = .allocate(capacity: Self.partitionCount)
        for index in 0..<Self.partitionCount {
            (partitions.baseAddress! + index).initialize(
                to: Partition(index: index, configuration: configuration, capDivisor: Self.partitionCount))
        }
        overflowPartition = Partition(index: -1, configuration: configuration, capDivisor: 1)
        let latenessWindows = (configuration.allowedLatenessMillis + configuration.windowMillis - 1)
            / configuration.windowMillis
        ringSize = latenessWindows + 2
        owner = (0..<Self.partitionCount).map { $0 % max(1, min(workers, Self.partitionCount)) }
        partitionLoad = .allocate(capacity: self.workers * Self.loadStride)
        partitionLoad.initialize(repeating: 0, count: self.workers * Self.loadStride)
        workerDetections = Array(repeating: [], count: self.workers)
        workerOverflow = Array(repeating: [], count: self.workers)
        workerWatermarks = Array(repeating: Watermark(), count: self.workers)
        workerLate = Array(repeating: 0, count: self.workers)
        workerAccepted = Array(repeating: 0, count: self.workers)
    }

    deinit {
        for index in 0..<Self.partitionCount { partitions[index].release() }
        _ = partitions.deinitialize()
        partitions.deallocate()
        overflowPartition.release()
        partitionLoad.deallocate()
    }

    /// Replaces the partitions and watermark with restored state (the aggregator takes ownership).
    package func restore(partitions restored: [Partition], overflow: Partition, watermark restoredMark: Watermark,
                         acceptedEvents accepted: Int64, lateEvents late: Int64) {
        precondition(restored.count == Self.partitionCount)
        for index in 0..<Self.partitionCount {
            partitions[index].release()
            partitions[index] = restored[index]
        }
        overflowPartition.release()
        overflowPartition = overflow
        watermark = restoredMark
        acceptedEvents = accepted
        lateEvents = late
    }

    @inlinable
    static func partitionIndex(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> 58) }

    /// Feeds `runs` (events of `batches`, in order) through the windows; returns the detections of every window
    /// that closed, in deterministic order. `routes[i]` holds the ``KeyRoute`` of every event of `batches[i]`.
    package func process(_ runs: [EventRun], batches: [ParsedBatch], routes: [[KeyRoute]]) -> [Detection] {
        // Safe: each worker touches only its own partitions and its own element of the per-worker arrays;
        // `batches` and `routes` are read-only here; concurrentPerform returns only when every worker is done.
        let this = UnsafeTransfer(self)
        let input = UnsafeTransfer((runs, batches, routes))
        beginStep()
        DispatchQueue.concurrentPerform(iterations: activeWorkers) { worker in
            let (runs, batches, routes) = input.wrappedValue
            this.wrappedValue.runWorker(worker, runs: runs, batches: batches, routes: routes)
        }
        return finishStep()
    }

    /// Starts a step taken apart, for a caller that runs the workers among other tasks:
    /// ``runWorker(_:runs:batches:routes:)`` must then run once for every worker in `0..<activeWorkers` (on any
    /// threads, at once or in turn), and ``finishStep()`` after all of them, as ``process(_:batches:routes:)`` does.
    func beginStep() { prepareWorkers() }

    /// Ends a step: the detections of every window that closed, in deterministic order.
    func finishStep() -> [Detection] { collect() }

    /// Has the first `count` workers (at least one, at most ``workers``) aggregate from the next step on, the
    /// partitions dealt out among them. Every worker walks every event, so fewer workers do less work in all; a
    /// caller that keeps the other threads busy with other tasks (parsing) may want fewer. Which workers own
    /// which partitions never changes the output.
    package func setActiveWorkers(_ count: Int) {
        let count = max(1, min(count, workers))
        guard count != activeWorkers else { return }
        activeWorkers = count
        for partition in 0..<Self.partitionCount { owner[partition] = partition % count }
    }

    /// ``process(_:batches:routes:)`` computing the routes itself (tests and small inputs).
    package func process(_ runs: [EventRun], batches: [ParsedBatch]) -> [Detection] {
        let routes = batches.map { batch in
            var routes: [KeyRoute] = []
            KeyRoute.compute(batch, into: &routes)
            return routes
        }
        return process(runs, batches: batches, routes: routes)
    }

    /// Closes every window that is still open (end of input, when no state is saved for a later run).
    package func flush() -> [Detection] {
        guard watermark.hasEvents else { return [] }
        let last = floorDivide(watermark.newest, configuration.windowMillis)
        let this = UnsafeTransfer(self)
        prepareWorkers()
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let aggregator = this.wrappedValue
            var mark = aggregator.watermark
            aggregator.closeWindows(worker: worker, through: last, mark: &mark)
            aggregator.workerWatermarks[worker] = mark
        }
        return collect()
    }

    private func prepareWorkers() {
        closedWindows.removeAll(keepingCapacity: true)
        for worker in 0..<workers {
            workerDetections[worker].removeAll(keepingCapacity: true)
            workerOverflow[worker].removeAll(keepingCapacity: true)
            workerLate[worker] = 0
            workerAccepted[worker] = 0
        }
    }

    /// Worker `worker`'s share of a step: walks every event of `runs` and updates the partitions it owns.
    func runWorker(_ worker: Int, runs: [EventRun], batches: [ParsedBatch], routes: [[KeyRoute]]) {
        var mark = watermark
        var late: Int64 = 0
        var accepted: Int64 = 0
        let windowMillis = configuration.windowMillis
        let lateness = configuration.allowedLatenessMillis
        // Events come nearly in time order, so the divisions that place an event are done once per window, not
        // per event (both out of line, which keeps the per-event loop small enough for the compiler to inline
        // the counting into it): the watermark moves on when an event reaches `closeAt`, and `place` keeps the
        // current window's bounds.
        var closeAt = mark.closedThrough == Int64.min ? Int64.min : Self.closeTime(after: mark.closedThrough,
                                                                                  windowMillis, lateness)
        var place = WindowPlace(windowMillis: windowMillis, ringSize: ringSize)
        // A local copy: reading the class's `owner` per event would cost a dynamic exclusivity check each time.
        let owners = owner
        // A lone worker owns every partition: it needs no ownership test, nor the loads that rebalance workers.
        let alone = activeWorkers == 1
        // Chunks and their routes are reached through pointers, not copied out of their arrays nor opened with a
        // buffer closure: a run is often one or two events where files interleave closely, and either cost a
        // retain and a release of the chunk's buffers per run (5 % of a replay of four gateways' files).
        let hints = ChunkPrefetch(batches: batches, routes: routes)
        owners.withUnsafeBufferPointer { owners in
            batches.withUnsafeBufferPointer { batches in
                routes.withUnsafeBufferPointer { routes in
                    for (number, run) in runs.enumerated() {
                        if number &+ ChunkPrefetch.runDistance < runs.count {
                            hints.prefetch(runs[number &+ ChunkPrefetch.runDistance])
                        }
                        let batch = batches.baseAddress.unsafelyUnwrapped + run.batch
                        let chunkRoutes = routes.baseAddress.unsafelyUnwrapped + run.batch
                        var index = run.start
                        while index < run.end {
                            let event = batch.pointee.events[index]
                            let route = chunkRoutes.pointee[index]
                            index &+= 1
                            let time = event.timeMillis
                            if mark.first == Int64.min { mark.first = time }
                            if time > mark.newest {
                                mark.newest = time
                                if time >= closeAt {
                                    closeAt = moveWatermark(to: time, worker: worker, mark: &mark)
                                }
                            }
                            if !place.holds(time) { place.move(to: time) }
                            if place.window <= mark.closedThrough {
                                late &+= 1
                                continue
                            }
                            accepted &+= 1
                            observe(event, route: route, batch: batch, window: place.window,
                                    ringPosition: place.ringPosition, worker: worker, owners: owners, alone: alone)
                        }
                    }
                }
            }
        }
        workerWatermarks[worker] = mark
        workerLate[worker] = late
        workerAccepted[worker] = accepted
    }

    /// Moves the watermark on to an event at `time` (the newest yet, at or past the close time): on the first
    /// event, sets the last window no event can reach any more; later, closes the windows that no event can reach
    /// now. Returns the next close time.
    @inline(never)
    private func moveWatermark(to time: Int64, worker: Int, mark: inout Watermark) -> Int64 {
        let windowMillis = configuration.windowMillis
        let lateness = configuration.allowedLatenessMillis
        let closable = floorDivide(time - lateness, windowMillis) - 1
        if mark.closedThrough == Int64.min {
            mark.closedThrough = closable
        } else if closable > mark.closedThrough {
            closeWindows(worker: worker, through: closable, mark: &mark)
        }
        return Self.closeTime(after: mark.closedThrough, windowMillis, lateness)
    }

    /// One bit per dimension whose key the event has (its hash is not 0).
    @inline(__always)
    static func presentBits(_ route: KeyRoute) -> UInt32 {
        func bit(_ hash: UInt64, _ dimension: Dimension) -> UInt32 {
            (hash != 0 ? 1 : 0) &<< UInt32(dimension.rawValue)
        }
        return bit(route.endpoint, .endpoint) | bit(route.principal, .principal)
            | bit(route.principalEndpoint, .principalEndpoint) | bit(route.sourceIP, .sourceIP)
            | bit(route.destination, .destination) | bit(route.sourceNetwork, .sourceNetwork)
            | bit(route.principalSourceNetwork, .principalSourceNetwork)
    }

    /// The bit of `dimension` when `hash` is a key (not 0) whose partition `worker` owns, else 0.
    @inline(__always)
    static func ownedBit(_ hash: UInt64, _ dimension: Dimension, _ worker: Int, _ owners: UnsafeBufferPointer<Int>)
        -> UInt32
    {
        let present: UInt32 = hash != 0 ? 1 : 0
        let mine: UInt32 = owners[partitionIndex(hash)] == worker ? 1 : 0
        return (present & mine) &<< UInt32(dimension.rawValue)
    }

    /// The event time from which window `closedThrough + 1` can close: the time at which
    /// `floorDivide(time - lateness, windowMillis) - 1`, the last window no event may still reach, passes
    /// `closedThrough`.
    /// (`Int64.max` when that lies beyond the clock: an event at `Int64.max` then checks and closes nothing.)
    @inline(__always)
    static func closeTime(after closedThrough: Int64, _ windowMillis: Int64, _ lateness: Int64) -> Int64 {
        let (windowsEnd, overflow) = saturatingSum(closedThrough, 2).multipliedReportingOverflow(by: windowMillis)
        return overflow ? Int64.max : saturatingSum(windowsEnd, lateness)
    }

    /// `a + b`, or `Int64.max` where that overflows (`b` is not negative).
    @inline(__always)
    static func saturatingSum(_ a: Int64, _ b: Int64) -> Int64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int64.max : sum
    }

    /// - Parameter batch: the event's chunk, read only to name a key seen for the first time.
    @inline(__always)
    private func observe(
        _ event: ParsedEvent, route: KeyRoute, batch: UnsafePointer<ParsedBatch>, window: Int64, ringPosition: Int,
        worker: Int, owners: UnsafeBufferPointer<Int>, alone: Bool
    ) {
        // The event's keys that this worker owns, one bit per dimension, found without a branch per key: with
        // several workers, whether a key is this worker's is a coin flip, which a branch would mispredict.
        var keys = alone ? Self.presentBits(route) : Self.ownedBit(route.endpoint, .endpoint, worker, owners)
            | Self.ownedBit(route.principal, .principal, worker, owners)
            | Self.ownedBit(route.principalEndpoint, .principalEndpoint, worker, owners)
            | Self.ownedBit(route.sourceIP, .sourceIP, worker, owners)
            | Self.ownedBit(route.destination, .destination, worker, owners)
            | Self.ownedBit(route.sourceNetwork, .sourceNetwork, worker, owners)
            | Self.ownedBit(route.principalSourceNetwork, .principalSourceNetwork, worker, owners)
        while keys != 0 {
            let dimension = Dimension.all[keys.trailingZeroBitCount]
            keys &= keys &- 1
            let hash = route[dimension]
            let partition = Self.partitionIndex(hash)
            if !alone { partitionLoad[worker &* Self.loadStride &+ partition] &+= 1 }
            partitions[partition].observe(
                event, batch: batch, dimension: dimension, hash: hash, contributor: route[dimension.contributor],
                window: window, ringPosition: ringPosition)
        }
    }

    /// Closes the windows after `mark.closedThrough` up to `through` in this worker's partitions. Only the first
    /// windows of a long gap can hold events or settle episodes; the rest are skipped in one step.
    private func closeWindows(worker: Int, through: Int64, mark: inout Watermark) {
        let firstOpen = mark.closedThrough == Int64.min ? through : mark.closedThrough + 1
        let busyWindows = ringSize + Int64(configuration.volumeSpike.resolveAfterWindows) + 1
        let lastIndividual = min(through, firstOpen + busyWindows - 1)
        var window = firstOpen
        while window <= lastIndividual {
            var partition = 0
            while partition < Self.partitionCount {
                if owner[partition] == worker {
                    partitions[partition].closeWindow(
                        window, engineStart: mark.first, detections: &workerDetections[worker],
                        overflow: &workerOverflow[worker])
                }
                partition += 1
            }
            if worker == 0 { closedWindows.append(window) }
            window += 1
        }
        mark.closedThrough = through
    }

    private func collect() -> [Detection] {
        watermark = workerWatermarks[0]
        lateEvents &+= workerLate[0]
        acceptedEvents &+= workerAccepted[0]
        var detections: [Detection] = []
        for worker in 0..<workers { detections.append(contentsOf: workerDetections[worker]) }
        detections.append(contentsOf: closeOverflowWindows())
        for index in detections.indices { resolveContributors(&detections[index]) }
        detections.sort(by: Detection.precedes)
        rebalance()
        return detections
    }

    /// Gives the busiest partitions of the last phase to the least loaded workers (longest first), so that a few
    /// hot keys do not leave one worker waiting for another at the barrier.
    private func rebalance() {
        guard self.workers > 1 else { return }
        var loads = [Int64](repeating: 0, count: Self.partitionCount)
        for worker in 0..<self.workers {
            for partition in 0..<Self.partitionCount {
                loads[partition] &+= partitionLoad[worker * Self.loadStride + partition]
                partitionLoad[worker * Self.loadStride + partition] = 0
            }
        }
        let workers = activeWorkers
        guard workers > 1, loads.contains(where: { $0 > 0 }) else { return }
        let order = (0..<Self.partitionCount).sorted { a, b in loads[a] != loads[b] ? loads[a] > loads[b] : a < b }
        var totals = [Int64](repeating: 0, count: workers)
        for partition in order {
            var lightest = 0
            for worker in 1..<workers where totals[worker] < totals[lightest] { lightest = worker }
            owner[partition] = lightest
            // Every partition costs something at window close, even without events.
            totals[lightest] &+= loads[partition] &+ 1
        }
    }

    /// Sums the partitions' overflow values per window and judges them as one key per dimension.
    private func closeOverflowWindows() -> [Detection] {
        var detections: [Detection] = []
        var partials: [OverflowPartial] = []
        for worker in 0..<workers { partials.append(contentsOf: workerOverflow[worker]) }
        for window in closedWindows {
            for dimension in Dimension.allCases
            where partials.contains(where: { $0.window == window && $0.dimension == dimension }) {
                var sum = [Int64](repeating: 0, count: Metric.count)
                for partial in partials where partial.window == window && partial.dimension == dimension {
                    for metric in 0..<Metric.count { sum[metric] &+= partial.values[metric] }
                }
                overflowPartition.addAggregate(
                    hash: KeyNaming.hash(of: dimension, name: KeyNaming.overflowName),
                    name: KeyNaming.overflowName, dimension: dimension, window: window, values: sum)
            }
            var unused: [OverflowPartial] = []
            overflowPartition.closeWindow(
                window, engineStart: watermark.first, detections: &detections, overflow: &unused)
        }
        return detections
    }

    private func resolveContributors(_ detection: inout Detection) {
        guard !detection.contributorEntries.isEmpty else { return }
        let dimension = detection.dimension.contributor
        let metric = detection.metric
        let total = Double(max(1, detection.totals.value(metric == .bytes || metric == .records ? metric : .requests)))
        var contributors: [Contributor] = detection.contributorEntries.map { entry in
            let name = partitions[Self.partitionIndex(entry.hash)].name(of: entry.hash) ?? KeyNaming.overflowName
            let value: Int64 = switch metric {
            case .bytes: entry.bytes
            case .records: entry.records
            default: entry.requests
            }
            return Contributor(dimension: dimension, name: name, requests: entry.requests, bytes: entry.bytes,
                               records: entry.records, share: min(1, Double(value) / total))
        }
        contributors.sort { a, b in a.share != b.share ? a.share > b.share : a.name < b.name }
        detection.contributors = contributors
    }

    /// Keys tracked per dimension (overflow buckets not included).
    package var keysByDimension: [Dimension: Int] {
        var result: [Dimension: Int] = [:]
        for dimension in Dimension.allCases {
            result[dimension] = partitions.reduce(0) { $0 + $1.keysPerDimension[Int(dimension.rawValue)] }
        }
        return result
    }

    /// Events counted in overflow buckets per dimension.
    package var overflowByDimension: [Dimension: Int64] {
        var result: [Dimension: Int64] = [:]
        for dimension in Dimension.allCases {
            result[dimension] = partitions.reduce(0) { $0 + $1.overflowEvents[Int(dimension.rawValue)] }
        }
        return result
    }
}
