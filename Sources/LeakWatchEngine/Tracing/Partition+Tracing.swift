/// Tracing for the tuning report: the busiest keys of a run, and the series of a few chosen keys.
extension Partition {
    /// Records one evaluated window of `slot` for tracing; call before the window teaches the baselines.
    mutating func trace(slot: Int, values: UnsafeMutablePointer<Int64>, hour: Int64, bucket: Int, warm: Bool,
                        windowStart: Int64) {
        let requests = values[Metric.requests.rawValue]
        let records = values[Metric.records.rawValue]
        if tracing.tallies {
            if slot >= tracing.requestTally.count {
                let missing = slot + 1 - tracing.requestTally.count
                tracing.requestTally.append(contentsOf: repeatElement(0, count: missing))
                tracing.recordTally.append(contentsOf: repeatElement(0, count: missing))
            }
            tracing.requestTally[slot] &+= requests
            tracing.recordTally[slot] &+= records
        }
        let hash = keyHashes[slot]
        guard !tracing.traced.isEmpty, tracing.traced.contains(hash) else { return }
        let requestsExpectation = baselines.expectation(slot: slot, bucket: bucket, metric: Metric.requests.rawValue)
        let recordsExpectation = baselines.expectation(slot: slot, bucket: bucket, metric: Metric.records.rawValue)
        let judgesVolume = warm && configuration.volumeSpike.enabled
            && Dimension(rawValue: dimensions[slot]) != .principalSourceNetwork
        tracing.points.append(KeyTracePoint(
            keyHash: hash, windowStart: windowStart, requests: Double(requests), records: Double(records),
            expectedRequests: requestsExpectation.mean, expectedRecords: recordsExpectation.mean,
            requestsBound: judgesVolume
                ? spikeBound(.requests, expectation: requestsExpectation, slot: slot, hour: hour) : nil,
            recordsBound: judgesVolume
                ? spikeBound(.records, expectation: recordsExpectation, slot: slot, hour: hour) : nil))
    }

    /// The smallest value `volume_spike` alerts at: above the score threshold, the ratio to expected, the
    /// absolute floor and the recent-peak ratio, all at once.
    private func spikeBound(
        _ metric: Metric, expectation: (mean: Double, variance: Double), slot: Int, hour: Int64
    ) -> Double? {
        let spike = configuration.volumeSpike
        guard let rule = spike.rule(for: metric) else { return nil }
        let deviation = SpikeRule.deviation(metric: metric, mean: expectation.mean, variance: expectation.variance)
        let peak = baselines.recentPeak(slot: slot, metric: metric.rawValue, hour: hour)
        return max(expectation.mean + rule.threshold * deviation, rule.minRatio * max(expectation.mean, 0),
                   rule.floor, spike.minPeakRatio * peak)
    }
}
