internal import CMemoryHints

extension Partition {
    /// Asks for the per-key state that judging the key in `slot` at window close reads (its partition fields and
    /// baselines), some keys before it is judged: the closing window's keys are known in advance, while their
    /// state lies scattered over a dozen arrays, each read costing a cache miss when it is reached.
    ///
    /// Always inlined, as the other reads of the partition at window close: called as a function on the
    /// partition inside a mutating method, it would first copy the whole partition struct.
    @inline(__always)
    func prefetchForClose(slot: Int) {
        leakwatch_prefetch(dimensions.base + slot)
        leakwatch_prefetch(keyHashes.base + slot)
        leakwatch_prefetch(lastEvaluated.base + slot)
        leakwatch_prefetch(firstWindow.base + slot)
        leakwatch_prefetch(undeclaredRun.base + slot)
        leakwatch_prefetch(episodeStart.base + slot &* Self.detectors)
        baselines.prefetch(slot: slot)
    }
}

extension BaselineStore {
    /// Asks for the key's current hour and all-hours baseline (see ``Partition/prefetchForClose(slot:)``).
    @inline(__always)
    func prefetch(slot: Int) {
        let first = slot &* Self.metrics
        let last = first &+ Self.metrics &- 1
        // A key's nine metrics may span two cache lines: ask for the first and the last.
        leakwatch_prefetch(hourSums.base + first); leakwatch_prefetch(hourSums.base + last)
        leakwatch_prefetch(hourSquares.base + first); leakwatch_prefetch(hourSquares.base + last)
        leakwatch_prefetch(globalLevel.base + first); leakwatch_prefetch(globalLevel.base + last)
        leakwatch_prefetch(globalVariance.base + first); leakwatch_prefetch(globalVariance.base + last)
        leakwatch_prefetch(peak.base + first); leakwatch_prefetch(peak.base + last)
        leakwatch_prefetch(hourMax.base + slot &* Self.volumeMetrics)
        leakwatch_prefetch(seasonalRow.base + slot)
        leakwatch_prefetch(hour.base + slot)
        leakwatch_prefetch(foldedHours.base + slot)
        leakwatch_prefetch(activeFraction.base + slot)
        leakwatch_prefetch(hourActiveWindows.base + slot)
    }

    /// Asks for the key's seasonal level and variance in `bucket`, once its seasonal row is at hand.
    @inline(__always)
    func prefetchSeasonal(slot: Int, bucket: Int) {
        let row = Int(seasonalRow[slot])
        guard row >= 0 else { return }
        let index = (row &* Self.buckets &+ bucket) &* Self.metrics
        leakwatch_prefetch(level.base + index)
        leakwatch_prefetch(variance.base + index)
        leakwatch_prefetch(bucketSamples.base + (row &* Self.buckets &+ bucket))
    }
}
