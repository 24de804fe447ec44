/// Settings of the windowing, baseline and detection stages; plain values built by the config loader.
package struct EngineConfiguration: Sendable, Equatable {
    /// Tumbling window length in milliseconds (default one minute).
    package var windowMillis: Int64 = 60_000
    /// How far behind the newest event an event may be and still count (default two minutes).
    package var allowedLatenessMillis: Int64 = 120_000
    /// Most keys tracked per dimension; new keys past it fold into the dimension's overflow bucket.
    package var cardinalityCaps: [Dimension: Int] = Dimension.defaultCaps
    /// A key without events for this long (event time) is evicted: its baseline is dropped and its place freed
    /// (default 14 days; 0: never).
    package var evictIdleMillis: Int64 = 14 * 86_400_000
    /// Baseline settings.
    package var baseline = BaselineConfiguration()
    /// `volume_spike` detector settings.
    package var volumeSpike = VolumeSpikeConfiguration()
    /// `synthetic_volume` and `synthetic_destination` settings.
    package var synthetic = SyntheticConfiguration()
    /// `auth_failures` settings.
    package var authFailures = AuthFailuresConfiguration()
    /// `provenance_missing` settings.
    package var provenance = ProvenanceConfiguration()
    /// `new_entity` settings.
    package var newEntity = NewEntityConfiguration()
    /// `off_hours_bulk` settings.
    package var offHours = OffHoursConfiguration()
    /// `fan_in` settings.
    package var fanIn = FanInConfiguration()
    /// `enumeration` settings.
    package var enumeration = EnumerationConfiguration()
    /// `low_and_slow` settings.
    package var lowAndSlow = LowAndSlowConfiguration()

    package init() {}

    /// The cap for one dimension.
    package func cap(for dimension: Dimension) -> Int {
        cardinalityCaps[dimension] ?? Dimension.defaultCaps[dimension] ?? 10_000
    }

    /// A stable text that changes whenever a setting changes the meaning of saved state.
    package var stateFingerprint: String {
        let caps = Dimension.allCases.map { "\($0.name)=\(cap(for: $0))" }.joined(separator: ",")
        return "window=\(windowMillis);lateness=\(allowedLatenessMillis);caps=\(caps);"
            + "tz=\(baseline.timeZoneOffsetMinutes)"
    }
}

/// How baselines learn.
package struct BaselineConfiguration: Sendable, Equatable {
    /// History a key needs before it may alert, in hours (default 24).
    package var warmupHours: Int = 24
    /// Learning rate of a seasonal (hour-of-day x weekday/weekend) bucket once it has a few samples.
    package var seasonalAlpha: Double = 0.2
    /// Learning rate of the key's all-hours baseline once it has a few samples (about 1/72 per hour).
    package var globalAlpha: Double = 0.014
    /// Offset of the local day used for seasonality, in minutes east of UTC.
    package var timeZoneOffsetMinutes: Int = 0
    /// Observations above expected + this many deviations are clipped before they teach the baseline.
    package var winsorizeDeviations: Double = 6
    /// Half-life of a key's recent peak window value, in hours (default three days).
    package var peakHalfLifeHours: Double = 168

    /// Multiplier applied to a peak for each hour that passes.
    package var peakDecayPerHour: Double { peakHalfLifeHours > 0 ? pow2(-1 / peakHalfLifeHours) : 0 }
    /// Multiplier applied to a peak for each day that passes.
    package var peakDecayPerDay: Double { peakHalfLifeHours > 0 ? pow2(-24 / peakHalfLifeHours) : 0 }

    package init() {}
}

/// Settings of the `volume_spike` detector.
package struct VolumeSpikeConfiguration: Sendable, Equatable {
    package var enabled = true
    /// Robust score (deviations above expected) at which a window is anomalous.
    package var threshold: Double = 8
    /// The observed value must also be at least this multiple of expected.
    package var minRatio: Double = 3
    /// ... and above this multiple of the key's own recent peak (so a nightly job that always moves 200k
    /// records is not a spike, while the first 200k pull of a key that never did so is).
    package var minPeakRatio: Double = 1.5
    /// Absolute floors: below them a window is never a spike, whatever the score.
    package var minRequests: Double = 100
    package var minRecords: Double = 10_000
    package var minBytes: Double = 100 * 1_048_576
    /// Consecutive normal windows before an ongoing anomaly is resolved.
    package var resolveAfterWindows: Int = 3

    package init() {}

    /// The absolute floor for a metric (nil: the metric is not checked by this detector).
    package func floor(for metric: Metric) -> Double? {
        switch metric {
        case .requests: minRequests
        case .records: minRecords
        case .bytes: minBytes
        case .syntheticRecords, .clientErrors, .serverErrors, .authFailures, .declared, .principals: nil
        }
    }
}

/// 2^x without Foundation.
func pow2(_ x: Double) -> Double {
    // exp(x ln 2) by a short series around integer parts; precise enough for decay factors.
    let whole = x.rounded(.down)
    let fraction = x - whole
    var result = 1.0
    var term = 1.0
    let y = fraction * 0.6931471805599453
    for n in 1...20 {
        term *= y / Double(n)
        result += term
    }
    var scale = 1.0
    var count = Int(abs(whole))
    while count > 0 {
        scale *= 2
        count -= 1
    }
    return whole < 0 ? result / scale : result * scale
}
