/// Values of one dimension's overflow bucket in one window of one partition (summed across partitions later).
package struct OverflowPartial: Sendable {
    package var dimension: Dimension
    package var window: Int64
    package var values: [Int64]
}

extension Partition {
    /// Closes window `window`: judges every key that had events in it, teaches the baselines, opens or resolves
    /// anomaly episodes, and hands over the window's overflow values.
    /// - Parameter engineStart: time of the engine's first event (its own warm-up counts from there).
    package mutating func closeWindow(
        _ window: Int64, engineStart: Int64, detections: inout [Detection], overflow: inout [OverflowPartial]
    ) {
        let ring = Int(floorModulo(window, Int64(ringSize)))
        let pool = pools + ring
        let count = pool.pointee.count
        if count > 0 {
            let closing = ClosingWindow(window: window, windowMillis: windowMillis, calendar: calendar,
                                        engineStart: engineStart, warmupHours: configuration.baseline.warmupHours)
            let slots = pool.pointee.slots
            var entry = 0
            while entry < count {
                if entry &+ Self.prefetchDistance < count {
                    prefetchForClose(slot: Int(slots[entry &+ Self.prefetchDistance]))
                }
                if entry &+ 1 < count { baselines.prefetchSeasonal(slot: Int(slots[entry &+ 1]), bucket: closing.bucket) }
                evaluate(slot: Int(slots[entry]), closing, pool: pool, entry: entry, detections: &detections)
                entry += 1
            }
        }
        if !activeEpisodes.isEmpty {
            settleQuietEpisodes(window: window, detections: &detections)
        }
        pool.pointee.removeAll()
        for dimension in Dimension.all {
            let position = Int(dimension.rawValue) * ringSize + ring
            guard overflowWindow[position] == window else { continue }
            let base = position * Self.metrics
            overflow.append(OverflowPartial(
                dimension: dimension, window: window, values: Array(overflowValues[base..<(base + Self.metrics)])))
            overflowWindow[position] = -1
        }
        let windowsPerHour = SeasonalCalendar.hourMillis / windowMillis
        if floorModulo(window + 1, windowsPerHour) == 0 { evictIdleKeys(before: window + 1) }
    }

    /// How many keys ahead of the one being judged its state is asked for.
    static let prefetchDistance = 3

    private mutating func evaluate(
        slot: Int, _ closing: ClosingWindow, pool: UnsafeMutablePointer<WindowPool>, entry: Int,
        detections: inout [Detection]
    ) {
        let values = pool.pointee.values.base + entry * Self.metrics
        let window = closing.window
        let windowStart = closing.start
        let hour = closing.hour
        let engineStart = closing.engineStart
        let dimension = Dimension(rawValue: dimensions[slot]) ?? .endpoint
        let tracksExcess = configuration.lowAndSlow.enabled
            && (dimension == .principal || dimension == .principalEndpoint)
        baselines.advance(slot: slot, to: hour, windowsPerHour: windowsPerHour, calendar: calendar,
                          configuration: configuration.baseline,
                          lowAndSlow: tracksExcess ? configuration.lowAndSlow : nil)
        let bucket = closing.bucket
        let warm = baselines.foldedHours[slot] >= Int32(clamping: configuration.baseline.warmupHours)
        let engineWarm = closing.engineWarm
        let extras = pool.pointee.extras.base + entry * WindowExtras.stride
        if dimension == .sourceIP || dimension == .sourceNetwork {
            values[Metric.principals.rawValue] = Int64(
                WindowExtras.estimate(extras, low: WindowExtras.principalBitsLow).rounded())
        }

        findings.removeAll(keepingCapacity: true)
        // A principal's networks are tracked for novelty only: their volume is judged on the principal's own key.
        let judgesVolume = dimension != .principalSourceNetwork
        if warm && judgesVolume {
            findSpikes(slot: slot, values: values, hour: hour, bucket: bucket, dimension: dimension)
            findSyntheticShift(slot: slot, values: values, bucket: bucket)
            findMissingProvenance(slot: slot, values: values, dimension: dimension)
            findOffHoursBulk(slot: slot, values: values, hour: hour, bucket: bucket, dimension: dimension)
        } else if dimension == .principal && aiPrincipals.contains(keyHashes[slot]) {
            findMissingProvenance(slot: slot, values: values, dimension: dimension)
        }
        findFanIn(slot: slot, values: values, bucket: bucket, dimension: dimension, warm: warm,
                  engineWarm: engineWarm, window: window, engineStart: engineStart)
        findEnumeration(slot: slot, values: values, extras: extras, bucket: bucket, dimension: dimension,
                        warm: warm, engineWarm: engineWarm)
        if tracksExcess && baselines.excessAlarm[slot] != 0 {
            // The excess pairs are (requests, records) per key; report records when they crossed their floor.
            let records = baselines.excess[slot * 2 + 1] >= configuration.lowAndSlow.minExcessRecords
            let metric: Metric = records ? .records : .requests
            findings.append(Finding(
                detector: .lowAndSlow, metric: metric,
                expected: baselines.expectation(slot: slot, bucket: bucket, metric: metric.rawValue).mean,
                lower: 0, upper: 0, score: baselines.excess[slot * 2 + (records ? 1 : 0)]))
        }
        if engineWarm {
            findNewEntity(slot: slot, values: values, window: window, engineStart: engineStart, dimension: dimension)
            findSyntheticDestination(slot: slot, values: values, dimension: dimension)
        }

        if tracing.active {
            trace(slot: slot, values: values, hour: hour, bucket: bucket, warm: warm, windowStart: windowStart)
        }

        // Spikes stay out of the baseline so that an attack does not teach itself as normal; novelty findings
        // (a new key, a new synthetic destination, odd hours, missing provenance) do teach it, so they alert once.
        baselines.countActiveWindow(slot: slot)
        if findings.contains(where: { $0.detector.excludesWindow }) {
            baselines.exclude(slot: slot, values: values)
        } else {
            baselines.learnWindow(slot: slot, bucket: bucket, values: values, warm: warm,
                                  winsorizeDeviations: configuration.baseline.winsorizeDeviations)
        }
        lastEvaluated[slot] = window
        updateEpisodes(slot: slot, pool: pool, entry: entry, windowStart: windowStart, bucket: bucket,
                       detections: &detections)
    }

    private mutating func updateEpisodes(
        slot: Int, pool: UnsafeMutablePointer<WindowPool>, entry: Int, windowStart: Int64, bucket: Int,
        detections: inout [Detection]
    ) {
        let first = slot * Self.detectors
        if findings.isEmpty {
            // The common case: nothing found and no episode open for this key.
            var open = false
            for episode in first..<(first + Self.detectors) where episodeStart[episode] != Self.noEpisode {
                open = true
                break
            }
            if !open { return }
        }
        for detector in DetectorKind.all {
            let episode = first + detector.index
            if let finding = findings.first(where: { $0.detector == detector }) {
                normalStreak[episode] = 0
                guard episodeStart[episode] == Self.noEpisode else { continue }
                episodeStart[episode] = windowStart
                episodeMetric[episode] = UInt8(finding.metric.rawValue)
                activeEpisodes.append(Int32(episode))
                detections.append(makeDetection(
                    slot: slot, pool: pool, entry: entry, status: .firing, finding: finding, windowStart: windowStart))
            } else if episodeStart[episode] != Self.noEpisode && windowIsNormal(for: detector, slot: slot) {
                normalStreak[episode] += 1
                if normalStreak[episode] >= Int32(clamping: configuration.volumeSpike.resolveAfterWindows) {
                    resolve(episode: episode, pool: pool, entry: entry, windowStart: windowStart, bucket: bucket,
                            detections: &detections)
                }
            }
        }
    }

    /// Keys in an anomaly episode that had no events in this window count a normal (quiet) window.
    private mutating func settleQuietEpisodes(window: Int64, detections: inout [Detection]) {
        let windowStart = window * windowMillis
        let bucket = calendar.bucket(hour: calendar.hourIndex(windowStart))
        for episode in activeEpisodes.map(Int.init) where lastEvaluated[episode / Self.detectors] != window
            && DetectorKind.all[episode % Self.detectors].settlesWhenQuiet
        {
            normalStreak[episode] += 1
            if normalStreak[episode] >= Int32(clamping: configuration.volumeSpike.resolveAfterWindows) {
                resolve(episode: episode, pool: nil, entry: 0, windowStart: windowStart, bucket: bucket,
                        detections: &detections)
            }
        }
    }

    private mutating func resolve(
        episode: Int, pool: UnsafeMutablePointer<WindowPool>?, entry: Int, windowStart: Int64, bucket: Int,
        detections: inout [Detection]
    ) {
        let slot = episode / Self.detectors
        let detector = DetectorKind.all[episode % Self.detectors]
        let metric = Metric(rawValue: Int(episodeMetric[episode])) ?? .requests
        let expectation = baselines.expectation(slot: slot, bucket: bucket, metric: metric.rawValue)
        let finding = Finding(detector: detector, metric: metric, expected: expectation.mean, lower: 0, upper: 0,
                              score: 0)
        var detection = makeDetection(
            slot: slot, pool: pool, entry: entry, status: .resolved, finding: finding, windowStart: windowStart)
        detection.episodeStart = episodeStart[episode]
        detections.append(detection)
        episodeStart[episode] = Self.noEpisode
        normalStreak[episode] = 0
        if let position = activeEpisodes.firstIndex(of: Int32(episode)) { activeEpisodes.remove(at: position) }
    }

    private func makeDetection(
        slot: Int, pool: UnsafeMutablePointer<WindowPool>?, entry: Int, status: DetectionStatus, finding: Finding,
        windowStart: Int64
    ) -> Detection {
        var totals = WindowTotals()
        var entries: [ContributorEntry] = []
        if let pool {
            let values = pool.pointee.values.base + entry * Self.metrics
            totals.requests = values[0]
            totals.bytes = values[1]
            totals.records = values[2]
            totals.syntheticRecords = values[3]
            totals.clientErrors = values[4]
            totals.serverErrors = values[5]
            totals.authFailures = values[6]
            totals.declared = values[7]
            totals.principals = values[8]
            let sketch = pool.pointee.contributors.base + entry * ContributorSketch.width
            for index in 0..<ContributorSketch.width where sketch[index].hash != 0 { entries.append(sketch[index]) }
        }
        return Detection(
            detector: finding.detector, status: status, dimension: Dimension(rawValue: dimensions[slot]) ?? .endpoint,
            keyHash: keyHashes[slot], keyName: names[slot], windowStart: windowStart, windowMillis: windowMillis,
            episodeStart: windowStart, metric: finding.metric, observed: Double(totals.value(finding.metric)),
            expected: finding.expected, lower: finding.lower, upper: finding.upper, score: finding.score,
            totals: totals, contributorEntries: entries)
    }
}

extension Partition {
    /// Whether a window without a finding counts toward resolving an open episode of `detector`. Missing
    /// provenance is resolved only by declared traffic, not by undeclared requests below the alert count.
    func windowIsNormal(for detector: DetectorKind, slot: Int) -> Bool {
        switch detector {
        case .provenanceMissing: undeclaredRun[slot] == 0
        case .lowAndSlow: baselines.excessAlarm[slot] == 0
        default: true
        }
    }
}

extension DetectorKind {
    /// Whether windows without events count toward resolving an episode (a slow flow that stopped declaring
    /// provenance stays in its episode between requests).
    var settlesWhenQuiet: Bool { self != .provenanceMissing && self != .lowAndSlow }

    /// Whether a finding of this detector keeps the window out of the baseline.
    var excludesWindow: Bool {
        switch self {
        case .volumeSpike, .syntheticVolume, .authFailures, .fanIn, .enumeration: true
        case .syntheticDestination, .provenanceMissing, .newEntity, .offHoursBulk, .lowAndSlow: false
        }
    }
}

/// What every key closing in one window shares, worked out once per window instead of once per key.
struct ClosingWindow {
    let window: Int64
    /// Start of the window, epoch ms.
    let start: Int64
    /// Local hour index of the window's start, and its seasonal bucket.
    let hour: Int64
    let bucket: Int
    /// Time of the engine's first event (its own warm-up counts from there).
    let engineStart: Int64
    /// Whether the engine has seen its warm-up hours of events by this window.
    let engineWarm: Bool

    init(window: Int64, windowMillis: Int64, calendar: SeasonalCalendar, engineStart: Int64, warmupHours: Int) {
        self.window = window
        start = window * windowMillis
        hour = calendar.hourIndex(start)
        bucket = calendar.bucket(hour: hour)
        self.engineStart = engineStart
        engineWarm = engineStart != Int64.min
            && start - engineStart >= Int64(warmupHours) * SeasonalCalendar.hourMillis
    }
}
