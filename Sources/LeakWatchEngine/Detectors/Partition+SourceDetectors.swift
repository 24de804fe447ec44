/// Detectors that read the shape of a window beyond its sums: distinct principals per source, id walks.
extension Partition {
    /// `fan_in`: many distinct principals or tokens from one source whose combined volume is far above the
    /// source's baseline (rate-limit evasion by token spraying). A source first seen after warm-up qualifies on
    /// the absolute floors alone.
    mutating func findFanIn(
        slot: Int, values: UnsafeMutablePointer<Int64>, bucket: Int, dimension: Dimension, warm: Bool,
        engineWarm: Bool, window: Int64, engineStart: Int64
    ) {
        let fanIn = configuration.fanIn
        guard fanIn.enabled, dimension == .sourceIP || dimension == .sourceNetwork else { return }
        let principals = Double(values[Metric.principals.rawValue])
        let requests = Double(values[Metric.requests.rawValue])
        guard principals >= fanIn.minPrincipals, requests >= fanIn.minRequests else { return }
        let expectedPrincipals = baselines.expectation(slot: slot, bucket: bucket, metric: Metric.principals.rawValue)
        if warm {
            let expectedRequests = baselines.expectation(slot: slot, bucket: bucket, metric: Metric.requests.rawValue)
            let rule = SpikeRule(threshold: fanIn.threshold, minRatio: fanIn.minRatio, floor: fanIn.minPrincipals)
            let verdict = rule.judge(metric: .principals, observed: principals, mean: expectedPrincipals.mean,
                                     variance: expectedPrincipals.variance)
            guard verdict.anomalous, requests >= fanIn.minRatio * expectedRequests.mean else { return }
            findings.append(Finding(
                detector: .fanIn, metric: .principals, expected: expectedPrincipals.mean, lower: verdict.lower,
                upper: verdict.upper, score: verdict.score))
        } else if engineWarm {
            let warmupMillis = Int64(configuration.baseline.warmupHours) * SeasonalCalendar.hourMillis
            guard firstWindow[slot] * windowMillis - engineStart >= warmupMillis else { return }
            findings.append(Finding(
                detector: .fanIn, metric: .principals, expected: 0, lower: 0, upper: fanIn.minPrincipals,
                score: principals / fanIn.minPrincipals))
        }
    }

    /// `enumeration`: a principal walking an `{id}` endpoint — many distinct ids in one window, in a long
    /// monotonic run or a dense range, far above the pair's usual request rate.
    mutating func findEnumeration(
        slot: Int, values: UnsafeMutablePointer<Int64>, extras: UnsafeMutablePointer<Int64>, bucket: Int,
        dimension: Dimension, warm: Bool, engineWarm: Bool
    ) {
        let enumeration = configuration.enumeration
        guard enumeration.enabled, dimension == .principalEndpoint, warm || engineWarm else { return }
        let ids = Double(extras[WindowExtras.idCount])
        guard ids >= enumeration.minIDs else { return }
        let distinct = min(ids, WindowExtras.estimate(extras, low: WindowExtras.idBitsLow))
        guard distinct >= enumeration.minDistinctShare * min(ids, 600) else { return }
        let span = Double(extras[WindowExtras.idMax]) - Double(extras[WindowExtras.idMin]) + 1
        let monotonic = Double(extras[WindowExtras.idSteps]) / max(ids - 1, 1)
        let density = ids / max(span, 1)
        guard monotonic >= enumeration.minMonotonicShare || density >= enumeration.minDensity else { return }
        let requests = Double(values[Metric.requests.rawValue])
        let expected = warm ? baselines.expectation(slot: slot, bucket: bucket, metric: Metric.requests.rawValue).mean : 0
        guard requests >= enumeration.minRatio * expected else { return }
        findings.append(Finding(
            detector: .enumeration, metric: .requests, expected: expected, lower: 0,
            upper: max(enumeration.minIDs, enumeration.minRatio * expected),
            score: max(monotonic, density) * 10))
    }
}
