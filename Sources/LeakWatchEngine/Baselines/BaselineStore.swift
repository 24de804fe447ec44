/// Seasonal, robust, decaying baselines for every key of a partition, in flat storage (one stride per key).
///
/// Each key learns, per metric, the mean and variance of its per-window value across all hours and — once it has
/// been active in a few hours — per seasonal bucket (hour of day x weekday/weekend). Learning happens hour by
/// hour: the windows of an hour are summed as they close (zero windows add nothing, so idle keys cost nothing),
/// and the hour is folded in when the key's next hour begins. Anomalous windows are left out and large values are
/// clipped first, so an attack does not teach itself as normal. Keys seen only in passing (scanners, one-off
/// addresses) never get the seasonal table, which keeps memory proportional to the keys that matter.
package struct BaselineStore {
    static let metrics = Metric.count
    static let buckets = SeasonalCalendar.bucketCount
    /// Idle hours folded one by one at most; beyond that the key has long been quiet and further zeros change little.
    static let maxIdleHoursFolded: Int64 = 24 * 14
    /// Hours with events a key needs before it gets seasonal buckets.
    static let activeHoursForSeasonal: Int32 = 3
    static let seasonalStride = buckets * metrics
    /// requests, bytes, records, synthetic records: the metrics whose hour-of-day peaks are tracked.
    static let volumeMetrics = 4

    // Current hour, per key.
    package var hour = GrowableStorage<Int64>()
    package var hourSums = GrowableStorage<Double>()
    package var hourSquares = GrowableStorage<Double>()
    package var hourExcluded = GrowableStorage<Int32>()
    // All-hours baseline, per key (x metric).
    package var globalLevel = GrowableStorage<Double>()
    package var globalVariance = GrowableStorage<Double>()
    package var foldedHours = GrowableStorage<Int32>()
    package var activeHours = GrowableStorage<Int32>()
    /// Largest clean window value per key x metric, decaying with the configured half-life.
    package var peak = GrowableStorage<Double>()
    /// Largest clean window value of the current hour, per key x volume metric.
    package var hourMax = GrowableStorage<Double>()
    /// Windows of the current hour with events, per key.
    package var hourActiveWindows = GrowableStorage<Int32>()
    /// Share of windows with events (learned like the all-hours baseline), per key.
    package var activeFraction = GrowableStorage<Double>()
    /// Decaying peak per row x hour of day x volume metric (for promoted keys).
    package var hourOfDayPeak = GrowableStorage<Float>()
    /// Cumulative hourly excess (CUSUM) of requests and records per key, and whether it crossed the alarm.
    package var excess = GrowableStorage<Double>()
    package var excessAlarm = GrowableStorage<UInt8>()
    /// Hours in a row in which the cumulative excess grew, per key.
    package var excessHours = GrowableStorage<Int32>()
    /// Slow reference of hourly requests and records (level and variance) per key, for the CUSUM.
    package var referenceLevel = GrowableStorage<Double>()
    package var referenceVariance = GrowableStorage<Double>()
    /// Memory of the CUSUM reference, in hours.
    static let referenceHours = 168.0
    /// Row of the key in the seasonal tables, or -1.
    package var seasonalRow = GrowableStorage<Int32>()
    // Seasonal tables, per row x bucket (x metric).
    package var level = GrowableStorage<Float>()
    package var variance = GrowableStorage<Float>()
    package var bucketSamples = GrowableStorage<UInt16>()
    /// Seasonal rows of evicted keys, reused by the next promotion (so churn does not grow the tables).
    package var freeRows: [Int32] = []

    package init() {}

    /// Frees the storage (called once by the owner).
    package func release() {
        hour.release(); hourSums.release(); hourSquares.release(); hourExcluded.release()
        globalLevel.release(); globalVariance.release(); foldedHours.release(); activeHours.release()
        peak.release(); hourMax.release(); hourActiveWindows.release(); activeFraction.release()
        hourOfDayPeak.release(); excess.release(); excessAlarm.release(); excessHours.release();
        referenceLevel.release(); referenceVariance.release(); seasonalRow.release(); level.release(); variance.release(); bucketSamples.release()
    }

    /// Adds storage for a new key whose first window lies in `hour`.
    package mutating func append(hour firstHour: Int64) {
        hour.append(firstHour)
        hourSums.append(repeating: 0, count: Self.metrics)
        hourSquares.append(repeating: 0, count: Self.metrics)
        hourExcluded.append(0)
        globalLevel.append(repeating: 0, count: Self.metrics)
        globalVariance.append(repeating: 0, count: Self.metrics)
        foldedHours.append(0)
        activeHours.append(0)
        peak.append(repeating: 0, count: Self.metrics)
        hourMax.append(repeating: 0, count: Self.volumeMetrics)
        hourActiveWindows.append(0)
        activeFraction.append(0)
        excess.append(repeating: 0, count: 2)
        excessAlarm.append(0)
        excessHours.append(0)
        referenceLevel.append(repeating: 0, count: 2)
        referenceVariance.append(repeating: 0, count: 2)
        seasonalRow.append(-1)
    }

    /// Gives `slot` (of an evicted key) fresh storage for a new key whose first window lies in `hour`.
    package mutating func reset(slot: Int, hour firstHour: Int64) {
        retire(slot: slot)
        hour[slot] = firstHour
        for metric in 0..<Self.metrics {
            let index = slot * Self.metrics + metric
            hourSums[index] = 0; hourSquares[index] = 0; globalLevel[index] = 0; globalVariance[index] = 0
            peak[index] = 0
        }
        for metric in 0..<Self.volumeMetrics { hourMax[slot * Self.volumeMetrics + metric] = 0 }
        hourExcluded[slot] = 0; foldedHours[slot] = 0; activeHours[slot] = 0; hourActiveWindows[slot] = 0
        activeFraction[slot] = 0; excessAlarm[slot] = 0; excessHours[slot] = 0
        for pair in 0..<2 {
            excess[slot * 2 + pair] = 0; referenceLevel[slot * 2 + pair] = 0; referenceVariance[slot * 2 + pair] = 0
        }
    }

    /// Releases the seasonal row of an evicted key.
    package mutating func retire(slot: Int) {
        if seasonalRow[slot] >= 0 { freeRows.append(seasonalRow[slot]) }
        seasonalRow[slot] = -1
    }

    /// Folds every finished hour before `currentHour` into the baselines of `slot`.
    /// - Parameter lowAndSlow: when given, each finished hour also updates the key's cumulative excess.
    @inlinable
    package mutating func advance(
        slot: Int, to currentHour: Int64, windowsPerHour: Double, calendar: SeasonalCalendar,
        configuration: BaselineConfiguration, lowAndSlow: LowAndSlowConfiguration? = nil
    ) {
        if currentHour > hour[slot] {
            foldFinishedHours(slot: slot, to: currentHour, windowsPerHour: windowsPerHour, calendar: calendar,
                              configuration: configuration, lowAndSlow: lowAndSlow)
        }
    }

    @usableFromInline
    mutating func foldFinishedHours(
        slot: Int, to currentHour: Int64, windowsPerHour: Double, calendar: SeasonalCalendar,
        configuration: BaselineConfiguration, lowAndSlow: LowAndSlowConfiguration?
    ) {
        let started = hour[slot]
        let base = slot * Self.metrics
        let effective = max(1, windowsPerHour - Double(hourExcluded[slot]))
        if hourSums[base] > 0 || hourExcluded[slot] > 0 { activeHours[slot] += 1 }
        if seasonalRow[slot] < 0 && activeHours[slot] >= Self.activeHoursForSeasonal { promote(slot: slot) }
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * Self.metrics) { scratch in
            let means = scratch.baseAddress!
            let variances = scratch.baseAddress! + Self.metrics
            for metric in 0..<Self.metrics {
                let mean = hourSums[base + metric] / effective
                means[metric] = mean
                variances[metric] = max(0, hourSquares[base + metric] / effective - mean * mean)
            }
            let active = Double(hourActiveWindows[slot]) / windowsPerHour
            foldPeaks(slot: slot, hour: started, calendar: calendar, configuration: configuration, clear: false)
            if let lowAndSlow {
                accumulateExcess(slot: slot, means: means, windowsPerHour: windowsPerHour,
                                 configuration: configuration, lowAndSlow: lowAndSlow)
            }
            fold(slot: slot, hour: started, means: means, variances: variances, activeShare: active,
                 calendar: calendar, configuration: configuration)
            // The hours in between had no events for this key: they teach zeros.
            scratch.update(repeating: 0)
            let idleEnd = min(currentHour, started + 1 + Self.maxIdleHoursFolded)
            var idle = started + 1
            while idle < idleEnd {
                foldPeaks(slot: slot, hour: idle, calendar: calendar, configuration: configuration, clear: true)
                if let lowAndSlow {
                    accumulateExcess(slot: slot, means: means, windowsPerHour: windowsPerHour,
                                     configuration: configuration, lowAndSlow: lowAndSlow)
                }
                fold(slot: slot, hour: idle, means: means, variances: variances, activeShare: 0, calendar: calendar,
                     configuration: configuration)
                idle += 1
            }
        }
        for metric in 0..<Self.metrics {
            hourSums[base + metric] = 0
            hourSquares[base + metric] = 0
        }
        hourExcluded[slot] = 0
        hourActiveWindows[slot] = 0
        for metric in 0..<Self.volumeMetrics { hourMax[slot * Self.volumeMetrics + metric] = 0 }
        hour[slot] = currentHour
    }

    /// Folds the hour's largest window values into the key's hour-of-day peaks (a day has passed since that
    /// hour's peak was last refreshed, so it decays by a day's worth first).
    private mutating func foldPeaks(
        slot: Int, hour foldedHour: Int64, calendar: SeasonalCalendar, configuration: BaselineConfiguration,
        clear: Bool
    ) {
        let row = Int(seasonalRow[slot])
        guard row >= 0 else { return }
        let hourOfDay = Int(floorModulo(foldedHour, 24))
        let dayDecay = Float(configuration.peakDecayPerDay)
        let base = (row * 24 + hourOfDay) * Self.volumeMetrics
        for metric in 0..<Self.volumeMetrics {
            let observed = clear ? 0 : Float(hourMax[slot * Self.volumeMetrics + metric])
            hourOfDayPeak[base + metric] = max(hourOfDayPeak[base + metric] * dayDecay, observed)
        }
    }

    /// One hour of the CUSUM: the hour's requests and records beyond the key's all-hours expectation (plus an
    /// allowance) accumulate; ordinary hours drain it. Crossing the decision level sets the alarm, which the
    /// `low_and_slow` detector reports; draining to zero clears it.
    private mutating func accumulateExcess(
        slot: Int, means: UnsafeMutablePointer<Double>, windowsPerHour: Double, configuration: BaselineConfiguration,
        lowAndSlow: LowAndSlowConfiguration
    ) {
        var alarm = false
        var grew = false
        let learning = max(1 / (Double(foldedHours[slot]) + 1), 1.0 / Self.referenceHours)
        for (index, metric) in [Metric.requests, Metric.records].enumerated() {
            // The reference is a slow baseline of the key's hourly totals (about a week of memory), so that a
            // drip is still excess days after it began; the seasonal buckets would learn it within a day or two.
            // Its deviation is measured on hourly totals, so ordinary busy hours of a day stay within the
            // allowance and quiet hours drain what they added.
            let position = slot * 2 + index
            let observedHour = means[metric.rawValue] * windowsPerHour
            let expectedHour = referenceLevel[position]
            let deviation = max(referenceVariance[position], 0).squareRoot() + max(expectedHour, 0).squareRoot() + 1
            if foldedHours[slot] >= Int32(clamping: configuration.warmupHours) {
                let increment = observedHour - expectedHour - lowAndSlow.allowance * deviation
                if increment > 0 { grew = true }
                excess[position] = max(0, excess[position] + increment)
                let floor = metric == .requests ? lowAndSlow.minExcessRequests : lowAndSlow.minExcessRecords
                if excess[position] >= lowAndSlow.decisionDeviations * deviation && excess[position] >= floor {
                    alarm = true
                }
            }
            let change = observedHour - expectedHour
            referenceLevel[position] += learning * change
            referenceVariance[position] += learning * (change * change - referenceVariance[position])
        }
        let drained = excess[slot * 2] == 0 && excess[slot * 2 + 1] == 0
        // Hours in a row in which the excess grew: a drip grows it every hour, while one burst followed by
        // ordinary hours leaves a positive but shrinking excess that must not alarm later.
        excessHours[slot] = grew ? excessHours[slot] &+ 1 : 0
        alarm = alarm && excessHours[slot] >= Int32(clamping: lowAndSlow.minHours)
        excessAlarm[slot] = alarm ? 1 : (drained ? 0 : excessAlarm[slot])
    }

    /// Gives the key seasonal buckets, seeded from its all-hours baseline.
    private mutating func promote(slot: Int) {
        if let row = freeRows.popLast() {
            seasonalRow[slot] = row
            let start = Int(row)
            for bucket in 0..<Self.buckets {
                bucketSamples[start * Self.buckets + bucket] = 0
                for metric in 0..<Self.metrics {
                    level[(start * Self.buckets + bucket) * Self.metrics + metric] = Float(globalLevel[slot * Self.metrics + metric])
                    variance[(start * Self.buckets + bucket) * Self.metrics + metric] = Float(globalVariance[slot * Self.metrics + metric])
                }
            }
            for hourOfDay in 0..<24 {
                for metric in 0..<Self.volumeMetrics {
                    hourOfDayPeak[(start * 24 + hourOfDay) * Self.volumeMetrics + metric] = Float(peak[slot * Self.metrics + metric])
                }
            }
            return
        }
        let row = Int32(bucketSamples.count / Self.buckets)
        seasonalRow[slot] = row
        for _ in 0..<Self.buckets {
            for metric in 0..<Self.metrics {
                level.append(Float(globalLevel[slot * Self.metrics + metric]))
                variance.append(Float(globalVariance[slot * Self.metrics + metric]))
            }
        }
        bucketSamples.append(repeating: 0, count: Self.buckets)
        for _ in 0..<24 {
            for metric in 0..<Self.volumeMetrics { hourOfDayPeak.append(Float(peak[slot * Self.metrics + metric])) }
        }
    }

    private mutating func fold(
        slot: Int, hour foldedHour: Int64, means: UnsafeMutablePointer<Double>,
        variances: UnsafeMutablePointer<Double>, activeShare: Double, calendar: SeasonalCalendar,
        configuration: BaselineConfiguration
    ) {
        let peakDecay = configuration.peakDecayPerHour
        for metric in 0..<Self.metrics { peak[slot * Self.metrics + metric] *= peakDecay }
        let hours = Double(foldedHours[slot])
        let globalAlpha = max(1 / (hours + 1), configuration.globalAlpha)
        let globalBase = slot * Self.metrics
        for metric in 0..<Self.metrics {
            let mean = means[metric]
            let oldGlobal = globalLevel[globalBase + metric]
            let deviation = mean - oldGlobal
            let observedVariance = variances[metric] + (hours > 0 ? deviation * deviation : 0)
            globalLevel[globalBase + metric] = oldGlobal + globalAlpha * deviation
            globalVariance[globalBase + metric] += globalAlpha * (observedVariance - globalVariance[globalBase + metric])
        }
        activeFraction[slot] += globalAlpha * (activeShare - activeFraction[slot])
        if foldedHours[slot] < Int32.max { foldedHours[slot] += 1 }

        let row = Int(seasonalRow[slot])
        guard row >= 0 else { return }
        let bucket = calendar.bucket(hour: foldedHour)
        let sampleIndex = row * Self.buckets + bucket
        let samples = Double(bucketSamples[sampleIndex])
        let seasonalAlpha = max(1 / (samples + 1), configuration.seasonalAlpha)
        let seasonalBase = sampleIndex * Self.metrics
        for metric in 0..<Self.metrics {
            let mean = means[metric]
            let oldLevel = Double(level[seasonalBase + metric])
            let deviation = mean - oldLevel
            let observedVariance = variances[metric] + (samples > 0 ? deviation * deviation : 0)
            level[seasonalBase + metric] = Float(oldLevel + seasonalAlpha * deviation)
            let oldVariance = Double(variance[seasonalBase + metric])
            variance[seasonalBase + metric] = Float(oldVariance + seasonalAlpha * (observedVariance - oldVariance))
        }
        if bucketSamples[sampleIndex] < UInt16.max { bucketSamples[sampleIndex] += 1 }
    }

    /// Expected per-window mean and variance of `metric` for `slot` in seasonal `bucket`: the bucket's own
    /// estimate, blended with the all-hours one while the bucket has few samples.
    ///
    /// Always inlined, like ``usualActivity(slot:bucket:metric:)`` and ``recentPeak(slot:metric:hour:)``: called
    /// as a function on the store that a mutating `Partition` holds, each call first copied the whole store.
    @inlinable @inline(__always)
    package func expectation(slot: Int, bucket: Int, metric: Int) -> (mean: Double, variance: Double) {
        let globalIndex = slot * Self.metrics + metric
        let row = Int(seasonalRow[slot])
        guard row >= 0 else { return (globalLevel[globalIndex], globalVariance[globalIndex]) }
        let sampleIndex = row * Self.buckets + bucket
        return blend(globalIndex: globalIndex, seasonalIndex: sampleIndex * Self.metrics + metric,
                     weight: bucketWeight(sampleIndex: sampleIndex))
    }

    /// How much a seasonal bucket (`row * buckets + bucket`) counts against the all-hours baseline: in full from
    /// three samples on.
    @inlinable @inline(__always)
    package func bucketWeight(sampleIndex: Int) -> Double {
        min(Double(bucketSamples[sampleIndex]), 3) / 3
    }

    /// The seasonal level and variance at `seasonalIndex`, blended by `weight` with the all-hours ones at
    /// `globalIndex`.
    @inlinable @inline(__always)
    package func blend(globalIndex: Int, seasonalIndex: Int, weight: Double) -> (mean: Double, variance: Double) {
        let mean = weight * Double(level[seasonalIndex]) + (1 - weight) * globalLevel[globalIndex]
        let spread = weight * Double(variance[seasonalIndex]) + (1 - weight) * globalVariance[globalIndex]
        return (mean, spread)
    }

    /// How active the key usually is in this hour of day and the hours beside it (same weekday/weekend kind):
    /// the largest seasonal level among them; nil while the key has no seasonal table.
    @inlinable @inline(__always)
    package func usualActivity(slot: Int, bucket: Int, metric: Int) -> Double? {
        let row = Int(seasonalRow[slot])
        guard row >= 0 else { return nil }
        let dayKind = bucket >= 24 ? 24 : 0
        let hourOfDay = bucket - dayKind
        var usual = 0.0
        for offset in [23, 0, 1] {
            let neighbour = dayKind + (hourOfDay + offset) % 24
            usual = max(usual, Double(level[(row * Self.buckets + neighbour) * Self.metrics + metric]))
        }
        return usual
    }

    /// Adds one clean window of `slot` (`values` in ``Metric`` order) to the current hour: each value that is not
    /// zero (a zero teaches nothing: the hour's sums and the peaks stay as they are; most metrics of most windows
    /// are zero), clipped first, once the key is `warm`, to `winsorizeDeviations` effective deviations above its
    /// ``expectation(slot:bucket:metric:)``. The same as ``learn(slot:metric:value:raw:)`` per metric with that
    /// clip, with the key's seasonal row and bucket weight read once instead of per metric.
    @inlinable
    package mutating func learnWindow(
        slot: Int, bucket: Int, values: UnsafeMutablePointer<Int64>, warm: Bool, winsorizeDeviations: Double
    ) {
        let row = Int(seasonalRow[slot])
        let sampleIndex = row &* Self.buckets &+ bucket
        let weight = warm && row >= 0 ? bucketWeight(sampleIndex: sampleIndex) : 0
        var metric = 0
        while metric < Self.metrics {
            defer { metric &+= 1 }
            if values[metric] == 0 { continue }
            let raw = Double(values[metric])
            var value = raw
            if warm {
                // As `expectation(slot:bucket:metric:)` has it.
                let globalIndex = slot &* Self.metrics &+ metric
                let (mean, spread) = row >= 0
                    ? blend(globalIndex: globalIndex, seasonalIndex: sampleIndex &* Self.metrics &+ metric, weight: weight)
                    : (globalLevel[globalIndex], globalVariance[globalIndex])
                let kind = Metric(rawValue: metric).unsafelyUnwrapped
                // Up to the deviation's floor above the mean the clip cannot bite (most windows): no square root.
                if value > mean + winsorizeDeviations * SpikeRule.deviationFloor(metric: kind, mean: mean) {
                    let clip = mean + winsorizeDeviations * SpikeRule.deviation(metric: kind, mean: mean, variance: spread)
                    value = min(value, clip)
                }
            }
            learn(slot: slot, metric: metric, value: value, raw: raw)
        }
    }

    /// Adds one window's (already clipped) value to the current hour; `raw` (unclipped) may raise the peaks.
    @inlinable
    package mutating func learn(slot: Int, metric: Int, value: Double, raw: Double) {
        let index = slot * Self.metrics + metric
        hourSums[index] += value
        hourSquares[index] += value * value
        if raw > peak[index] { peak[index] = raw }
        if metric < Self.volumeMetrics {
            let hourIndex = slot * Self.volumeMetrics + metric
            if raw > hourMax[hourIndex] { hourMax[hourIndex] = raw }
        }
    }

    /// Counts a window with events in the current hour.
    @inlinable
    package mutating func countActiveWindow(slot: Int) {
        hourActiveWindows[slot] += 1
    }

    /// The largest value of `metric` the key moved recently in a window like this one: at this hour of the day
    /// or the hours beside it (peaks decay by the configured half-life), and — in proportion to how bursty the
    /// key is (how rarely it is active) — at any hour. A spike must exceed this by the detector's peak ratio, so
    /// a nightly job that always moves 200k records is not one, while the first such pull of a key is.
    @inlinable @inline(__always)
    package func recentPeak(slot: Int, metric: Int, hour: Int64) -> Double {
        let anyHour = peak[slot * Self.metrics + metric]
        let burstiness = max(0, 1 - activeFraction[slot])
        let row = Int(seasonalRow[slot])
        guard row >= 0, metric < Self.volumeMetrics else { return anyHour }
        let hourOfDay = Int(floorModulo(hour, 24))
        var seasonal: Float = 0
        for offset in [23, 0, 1] {
            let index = (row * 24 + (hourOfDay + offset) % 24) * Self.volumeMetrics + metric
            seasonal = max(seasonal, hourOfDayPeak[index])
        }
        return max(Double(seasonal), burstiness * anyHour)
    }

    /// Leaves one window out of the current hour (it was anomalous). Its values still reach the hour-of-day
    /// peaks, which only take effect from the next day on: the same burst at the same hour tomorrow is the key's
    /// pattern (it alerted once), while the rest of today's episode, and any other hour, are still judged. For a
    /// bursty key (one that is rarely active, like an export job at varying hours) they also reach the any-hour
    /// peak: its bursts are single windows, so the next one of the same size is its pattern too.
    @inlinable
    package mutating func exclude(slot: Int, values: UnsafeMutablePointer<Int64>) {
        hourExcluded[slot] += 1
        let bursty = activeFraction[slot] < Self.burstyActiveFraction
        for metric in 0..<Self.volumeMetrics {
            let index = slot * Self.volumeMetrics + metric
            let value = Double(values[metric])
            if value > hourMax[index] { hourMax[index] = value }
            if bursty && value > peak[slot * Self.metrics + metric] { peak[slot * Self.metrics + metric] = value }
        }
    }

    /// Keys active in fewer than this share of windows are bursty.
    package static let burstyActiveFraction = 0.25
}
