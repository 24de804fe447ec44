/// Values of one dimension's overflow bucket in one window of one partition (summed across partitions later).
package struct OverflowPartial: Sendable {
    package var dimension: Dimension
    package var window: Int64
    package var values: [Int64]
}

extension Partition {
    /// Closes window `window`: judges every key that had events in it against its baseline, teaches the
    /// baseline, opens or resolves anomaly episodes, and hands over the window's overflow values.
    package mutating func closeWindow(_ window: Int64, detections: inout [Detection], overflow: inout [OverflowPartial]) {
        let ring = Int(floorModulo(window, Int64(ringSize)))
        let pool = pools + ring
        let count = pool.pointee.count
        var entry = 0
        while entry < count {
            evaluate(slot: Int(pool.pointee.slots[entry]), window: window, pool: pool, entry: entry,
                     detections: &detections)
            entry += 1
        }
        if !activeEpisodes.isEmpty {
            settleQuietEpisodes(window: window, detections: &detections)
        }
        pool.pointee.removeAll()
        for dimension in Dimension.allCases {
            let position = Int(dimension.rawValue) * ringSize + ring
            guard overflowWindow[position] == window else { continue }
            let base = position * Self.metrics
            overflow.append(OverflowPartial(
                dimension: dimension, window: window, values: Array(overflowValues[base..<(base + Self.metrics)])))
            overflowWindow[position] = -1
        }
    }

    private mutating func evaluate(
        slot: Int, window: Int64, pool: UnsafeMutablePointer<WindowPool>, entry: Int, detections: inout [Detection]
    ) {
        let values = pool.pointee.values.base + entry * Self.metrics
        let windowStart = window * windowMillis
        let hour = calendar.hourIndex(windowStart)
        baselines.advance(slot: slot, to: hour, windowsPerHour: windowsPerHour, calendar: calendar,
                          configuration: configuration.baseline)
        let bucket = calendar.bucket(hour: hour)
        let warm = baselines.foldedHours[slot] >= Int32(clamping: configuration.baseline.warmupHours)

        var spike: (metric: Metric, verdict: VolumeSpikeDetector.Verdict, mean: Double)?
        if warm && detector.configuration.enabled {
            for metric in VolumeSpikeDetector.metrics {
                let observed = Double(values[metric.rawValue])
                // Cheap rejection first: most windows are below the absolute floor.
                guard let floor = detector.configuration.floor(for: metric), observed >= floor else { continue }
                let expectation = baselines.expectation(slot: slot, bucket: bucket, metric: metric.rawValue)
                let verdict = detector.judge(
                    metric: metric, observed: observed, mean: expectation.mean, variance: expectation.variance)
                let peak = baselines.recentPeak(slot: slot, metric: metric.rawValue, hour: hour)
                let unprecedented = observed > detector.configuration.minPeakRatio * peak
                if verdict.anomalous && unprecedented && (spike == nil || verdict.score > spike!.verdict.score) {
                    spike = (metric, verdict, expectation.mean)
                }
            }
        }

        baselines.countActiveWindow(slot: slot)
        if spike != nil {
            baselines.exclude(slot: slot)
        } else {
            for metric in Metric.allCases {
                let raw = Double(values[metric.rawValue])
                var value = raw
                if warm && value > 0 {
                    let expectation = baselines.expectation(slot: slot, bucket: bucket, metric: metric.rawValue)
                    if value > expectation.mean {
                        let clip = expectation.mean + configuration.baseline.winsorizeDeviations
                            * VolumeSpikeDetector.deviation(
                                metric: metric, mean: expectation.mean, variance: expectation.variance)
                        value = min(value, clip)
                    }
                }
                baselines.learn(slot: slot, metric: metric.rawValue, value: value, raw: raw)
            }
        }
        lastEvaluated[slot] = window

        if let spike {
            normalStreak[slot] = 0
            guard episodeStart[slot] == Self.noEpisode else { return }
            episodeStart[slot] = windowStart
            episodeMetric[slot] = UInt8(spike.metric.rawValue)
            activeEpisodes.append(Int32(slot))
            detections.append(makeDetection(
                slot: slot, pool: pool, entry: entry, status: .firing, metric: spike.metric, windowStart: windowStart,
                expected: spike.mean, verdict: spike.verdict))
        } else if episodeStart[slot] != Self.noEpisode {
            normalStreak[slot] += 1
            if normalStreak[slot] >= Int32(clamping: detector.configuration.resolveAfterWindows) {
                resolve(slot: slot, pool: pool, entry: entry, windowStart: windowStart, bucket: bucket,
                        detections: &detections)
            }
        }
    }

    /// Keys in an anomaly episode that had no events in this window count a normal (quiet) window.
    private mutating func settleQuietEpisodes(window: Int64, detections: inout [Detection]) {
        let windowStart = window * windowMillis
        let bucket = calendar.bucket(hour: calendar.hourIndex(windowStart))
        for slot in activeEpisodes.map(Int.init) where lastEvaluated[slot] != window {
            normalStreak[slot] += 1
            if normalStreak[slot] >= Int32(clamping: detector.configuration.resolveAfterWindows) {
                resolve(slot: slot, pool: nil, entry: 0, windowStart: windowStart, bucket: bucket,
                        detections: &detections)
            }
        }
    }

    private mutating func resolve(
        slot: Int, pool: UnsafeMutablePointer<WindowPool>?, entry: Int, windowStart: Int64, bucket: Int,
        detections: inout [Detection]
    ) {
        let metric = Metric(rawValue: Int(episodeMetric[slot])) ?? .requests
        let expectation = baselines.expectation(slot: slot, bucket: bucket, metric: metric.rawValue)
        let observed = pool.map { Double($0.pointee.values[entry * Self.metrics + metric.rawValue]) } ?? 0
        let verdict = detector.judge(
            metric: metric, observed: observed, mean: expectation.mean, variance: expectation.variance)
        var detection = makeDetection(
            slot: slot, pool: pool, entry: entry, status: .resolved, metric: metric, windowStart: windowStart,
            expected: expectation.mean, verdict: verdict)
        detection.episodeStart = episodeStart[slot]
        detections.append(detection)
        episodeStart[slot] = Self.noEpisode
        normalStreak[slot] = 0
        if let position = activeEpisodes.firstIndex(of: Int32(slot)) { activeEpisodes.remove(at: position) }
    }

    private func makeDetection(
        slot: Int, pool: UnsafeMutablePointer<WindowPool>?, entry: Int, status: DetectionStatus, metric: Metric,
        windowStart: Int64, expected: Double, verdict: VolumeSpikeDetector.Verdict
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
            let sketch = pool.pointee.contributors.base + entry * ContributorSketch.width
            for index in 0..<ContributorSketch.width where sketch[index].hash != 0 { entries.append(sketch[index]) }
        }
        return Detection(
            detector: .volumeSpike, status: status, dimension: Dimension(rawValue: dimensions[slot]) ?? .endpoint,
            keyHash: keyHashes[slot], keyName: names[slot], windowStart: windowStart, windowMillis: windowMillis,
            episodeStart: windowStart, metric: metric, observed: Double(totals.value(metric)), expected: expected,
            lower: verdict.lower, upper: verdict.upper, score: verdict.score, totals: totals,
            contributorEntries: entries)
    }
}
