package import LeakWatchParsing

/// The keys whose salted hash falls in one of the engine's fixed partitions, with their open windows,
/// baselines and anomaly episodes.
///
/// The number of partitions is fixed (``ShardedAggregator/partitionCount``), whatever the worker count, so which
/// keys share a cardinality budget never depends on the workers: that is what makes the output identical for
/// any `--workers`. A partition lives in memory owned by the aggregator and is only ever touched by the one worker
/// that owns it during a phase, or by the coordinator between phases. Its per-key state is in
/// ``GrowableStorage`` (no copy-on-write or exclusivity checks per event); ``release()`` frees it.
package struct Partition {
    // The fields every event reads come first and together (56 bytes: one cache line, or two where a partition
    // starts mid-line), instead of spread over the struct: stored properties are laid out in declaration order.
    var table = KeyTable()
    /// Per key x ring position: the window held there and the key's entry in that window's pool.
    var ring = GrowableStorage<RingSlot>()
    /// One pool of active keys per ring position.
    var pools: UnsafeMutablePointer<WindowPool>
    package let index: Int
    let ringSize: Int
    let windowMillis: Int64
    let capPerDimension: [Int]
    let calendar: SeasonalCalendar
    let configuration: EngineConfiguration
    let windowsPerHour: Double

    // Per key.
    package internal(set) var names: [String] = []
    var keyHashes = GrowableStorage<UInt64>()
    var dimensions = GrowableStorage<UInt8>()
    var lastEvaluated = GrowableStorage<Int64>()
    /// Window of the key's first event.
    var firstWindow = GrowableStorage<Int64>()
    /// Whether `new_entity` already reported the key (it reports a key once).
    var reportedNew = GrowableStorage<UInt8>()
    /// Requests in a row (across windows) that did not declare provenance, for `provenance_missing`.
    var undeclaredRun = GrowableStorage<Int64>()
    // Per key x detector: the open anomaly episode, if any.
    var episodeStart = GrowableStorage<Int64>()
    var episodeMetric = GrowableStorage<UInt8>()
    var normalStreak = GrowableStorage<Int32>()
    package var baselines = BaselineStore()
    /// Open episodes as `slot * detectors + detector`.
    var activeEpisodes: [Int32] = []
    /// Scratch for one window's findings (kept to avoid allocating per window).
    var findings: [Finding] = []
    /// Tuning-report tracing (off unless ``ShardedAggregator/startTracing(keys:tally:)`` turned it on).
    var tracing = KeyTracing()
    /// Salted hashes of configured AI-integration principals and allowed synthetic destinations.
    let aiPrincipals: Set<UInt64>
    let allowedSyntheticDestinations: Set<UInt64>
    /// Slots of evicted keys, reused by the next new keys (most recently freed first).
    var freeSlots: [Int32] = []
    /// Evicted keys, remembered in brief.
    var retired: RetiredKeys
    /// Windows a key may stay without events before it is evicted; 0: never.
    let evictIdleWindows: Int64
    // Per dimension.
    package internal(set) var keysPerDimension: [Int]
    package internal(set) var overflowEvents: [Int64]
    var overflowWindow: [Int64]
    var overflowValues: [Int64]

    static let noEpisode = Int64.min
    static let metrics = Metric.count
    static let detectors = DetectorKind.allCases.count

    package init(index: Int, configuration: EngineConfiguration, capDivisor: Int) {
        self.index = index
        self.configuration = configuration
        windowMillis = configuration.windowMillis
        let latenessWindows = (configuration.allowedLatenessMillis + configuration.windowMillis - 1)
            / configuration.windowMillis
        ringSize = Int(latenessWindows) + 2
        capPerDimension = Dimension.allCases.map { dimension in
            let cap = configuration.cap(for: dimension)
            return (cap + capDivisor - 1) / capDivisor
        }
        retired = RetiredKeys(capacity: Self.retiredPerKey * capPerDimension.reduce(0, +))
        evictIdleWindows = configuration.evictIdleMillis / configuration.windowMillis
        calendar = SeasonalCalendar(timeZoneOffsetMinutes: configuration.baseline.timeZoneOffsetMinutes)
        windowsPerHour = Double(SeasonalCalendar.hourMillis) / Double(configuration.windowMillis)
        pools = .allocate(capacity: ringSize)
        for position in 0..<ringSize { (pools + position).initialize(to: WindowPool()) }
        aiPrincipals = Set(configuration.provenance.aiPrincipals.map { KeyNaming.hash(of: .principal, name: $0) })
        allowedSyntheticDestinations = Set(
            configuration.synthetic.allowedDestinations.map { KeyNaming.hash(of: .destination, name: $0) })
        findings.reserveCapacity(DetectorKind.allCases.count)
        keysPerDimension = Array(repeating: 0, count: Dimension.allCases.count)
        overflowEvents = Array(repeating: 0, count: Dimension.allCases.count)
        overflowWindow = Array(repeating: -1, count: Dimension.allCases.count * ringSize)
        overflowValues = Array(repeating: 0, count: Dimension.allCases.count * ringSize * Self.metrics)
    }

    /// Frees the partition's storage; it must not be used afterwards.
    package func release() {
        keyHashes.release(); dimensions.release(); lastEvaluated.release(); firstWindow.release()
        reportedNew.release(); undeclaredRun.release()
        episodeStart.release()
        episodeMetric.release(); normalStreak.release(); ring.release()
        for position in 0..<ringSize { pools[position].release() }
        pools.deinitialize(count: ringSize)
        pools.deallocate()
        baselines.release()
    }

    /// Number of keys tracked.
    package var keyCount: Int { names.count - freeSlots.count }

    /// The name of the key with salted hash `hash`, if this partition tracks it.
    package func name(of hash: UInt64) -> String? {
        guard let slot = table.find(hash) else { return nil }
        return names[Int(slot)]
    }

    // MARK: - Observing events

    /// Adds one event to the window `window` (at `ringPosition`, its place in the ring) of the key (`dimension`,
    /// `hash`), creating the key if the dimension's budget allows, else counting the event in the dimension's
    /// overflow bucket. `batch` is the event's chunk, read only to name a key seen for the first time.
    @inlinable
    package mutating func observe(
        _ event: ParsedEvent, batch: UnsafePointer<ParsedBatch>, dimension: Dimension, hash: UInt64,
        contributor: UInt64, window: Int64, ringPosition: Int
    ) {
        let pool = pools + ringPosition
        let entryIndex: Int32
        // The bucket caches the key's entry in the last window it was counted in. A window's pool is emptied only
        // when the window closes, and no event of a closed window gets here (it counts as late), so a cached
        // entry whose window matches is still the key's.
        if let found = table.lookup(hash) {
            if found.cachedWindow == window {
                entryIndex = found.cachedEntry
            } else {
                entryIndex = entry(slot: Int(found.slot), window: window, ringPosition: ringPosition)
                table.cache(at: found.index, window: window, entry: entryIndex)
            }
        } else {
            guard keysPerDimension[Int(dimension.rawValue)] < capPerDimension[Int(dimension.rawValue)] else {
                addOverflow(event, dimension: dimension, window: window)
                return
            }
            let slot = addKey(hash: hash, name: KeyNaming.name(of: dimension, event: event, batch: batch.pointee),
                              dimension: dimension, window: window)
            entryIndex = entry(slot: slot, window: window, ringPosition: ringPosition)
        }
        let index = Int(entryIndex)
        Self.count(event, into: pool.pointee.values.base + index * Self.metrics)
        if (dimension == .sourceIP || dimension == .sourceNetwork) && contributor != 0 {
            WindowExtras.mark(pool.pointee.extras.base + index * WindowExtras.stride,
                              low: WindowExtras.principalBitsLow, hash: contributor)
        } else if dimension == .principalEndpoint && event.resourceID >= 0 {
            WindowExtras.recordID(pool.pointee.extras.base + index * WindowExtras.stride, id: event.resourceID)
        }
        if contributor != 0 {
            ContributorSketch.add(
                pool.pointee.contributors.base + index * ContributorSketch.width, hash: contributor,
                bytes: event.bytes, records: event.records)
        }
    }

    /// The key's entry in the pool of `window` (at `ringPosition`), opened on the key's first event in that
    /// window.
    @inlinable
    mutating func entry(slot: Int, window: Int64, ringPosition: Int) -> Int32 {
        let position = slot * ringSize + ringPosition
        var held = ring[position]
        if held.window != window {
            held = RingSlot(window: window, entry: pools[ringPosition].open(slot: Int32(slot)))
            ring[position] = held
        }
        return held.entry
    }

    /// Where the ring position of `window` is.
    @inlinable
    func ringPosition(of window: Int64) -> Int { Int(floorModulo(window, Int64(ringSize))) }

    /// Adds a pre-aggregated window of values (used for overflow buckets, which are summed across partitions).
    package mutating func addAggregate(hash: UInt64, name: String, dimension: Dimension, window: Int64, values: [Int64]) {
        let slot: Int
        if let found = table.find(hash) {
            slot = Int(found)
        } else {
            slot = addKey(hash: hash, name: name, dimension: dimension, window: window)
        }
        let ringPosition = ringPosition(of: window)
        let entry = entry(slot: slot, window: window, ringPosition: ringPosition)
        let target = pools[ringPosition].values.base + Int(entry) * Self.metrics
        for metric in 0..<Self.metrics { target[metric] &+= values[metric] }
    }

    @usableFromInline
    mutating func addOverflow(_ event: ParsedEvent, dimension: Dimension, window: Int64) {
        let dimensionIndex = Int(dimension.rawValue)
        overflowEvents[dimensionIndex] &+= 1
        let ring = Int(floorModulo(window, Int64(ringSize)))
        let entry = dimensionIndex * ringSize + ring
        let base = entry * Self.metrics
        if overflowWindow[entry] != window {
            overflowWindow[entry] = window
            for metric in 0..<Self.metrics { overflowValues[base + metric] = 0 }
        }
        overflowValues.withUnsafeMutableBufferPointer { Self.count(event, into: $0.baseAddress! + base) }
    }

    /// Adds one event to a window's values (laid out in ``Metric`` order; distinct principals are set at close).
    @inlinable
    static func count(_ event: ParsedEvent, into values: UnsafeMutablePointer<Int64>) {
        values[Metric.requests.rawValue] &+= 1
        values[Metric.bytes.rawValue] &+= event.bytes
        values[Metric.records.rawValue] &+= event.records
        values[Metric.syntheticRecords.rawValue] &+= event.syntheticRecords
        if event.status >= 400 && event.status < 500 { values[Metric.clientErrors.rawValue] &+= 1 }
        if event.status >= 500 && event.status < 600 { values[Metric.serverErrors.rawValue] &+= 1 }
        if event.status == 401 || event.status == 403 { values[Metric.authFailures.rawValue] &+= 1 }
        if event.provenance != .undeclared { values[Metric.declared.rawValue] &+= 1 }
    }

    @usableFromInline
    mutating func addKey(hash: UInt64, name: String, dimension: Dimension, window: Int64) -> Int {
        let hour = calendar.hourIndex(window * windowMillis)
        let slot: Int
        if let free = freeSlots.popLast() {
            slot = Int(free)
            baselines.reset(slot: slot, hour: hour)
        } else {
            slot = names.count
            names.append("")
            keyHashes.append(0)
            dimensions.append(0)
            lastEvaluated.append(0)
            firstWindow.append(0)
            reportedNew.append(0)
            undeclaredRun.append(0)
            episodeStart.append(repeating: 0, count: Self.detectors)
            episodeMetric.append(repeating: 0, count: Self.detectors)
            normalStreak.append(repeating: 0, count: Self.detectors)
            ring.append(repeating: .unused, count: ringSize)
            baselines.append(hour: hour)
        }
        table.insert(hash, slot: Int32(slot))
        names[slot] = name
        keyHashes[slot] = hash
        dimensions[slot] = dimension.rawValue
        lastEvaluated[slot] = Int64.min
        // A key back after eviction keeps its first sighting: it is not new.
        let returning = retired.count > 0 ? retired.take(hash) : nil
        firstWindow[slot] = returning ?? window
        reportedNew[slot] = returning == nil ? 0 : 1
        undeclaredRun[slot] = 0
        for detector in 0..<Self.detectors {
            episodeStart[slot * Self.detectors + detector] = Self.noEpisode
            episodeMetric[slot * Self.detectors + detector] = UInt8(Metric.requests.rawValue)
            normalStreak[slot * Self.detectors + detector] = 0
        }
        for position in 0..<ringSize {
            ring[slot * ringSize + position] = .unused
        }
        keysPerDimension[Int(dimension.rawValue)] += 1
        return slot
    }
}
