/// A spike rule: a window is anomalous when its robust score, its ratio to expected and an absolute floor are all
/// exceeded. `volume_spike`, `synthetic_volume` and `auth_failures` are spike rules on different metrics.
///
/// The score is robust: (observed - expected) / effective deviation, where the deviation is the learned one,
/// widened by a tenth of the expected level (traffic grows), by Poisson noise for counts of requests, and by one
/// unit, so that a quiet key does not alert on a handful of events.
package struct SpikeRule: Sendable, Equatable {
    package var threshold: Double
    package var minRatio: Double
    package var floor: Double

    package init(threshold: Double, minRatio: Double, floor: Double) {
        self.threshold = threshold
        self.minRatio = minRatio
        self.floor = floor
    }

    /// The effective deviation used to score a value against `mean`/`variance`.
    @inlinable
    package static func deviation(metric: Metric, mean: Double, variance: Double) -> Double {
        let poisson = metric == .bytes ? 0 : max(mean, 0)
        let relative = 0.1 * mean
        return (max(variance, 0) + relative * relative + poisson).squareRoot() + unit(metric: metric)
    }

    /// The smallest deviation of `metric`: one kilobyte for bytes, one for counts.
    @inlinable
    package static func unit(metric: Metric) -> Double {
        metric == .bytes ? 1024 : 1
    }

    /// A value never above ``deviation(metric:mean:variance:)`` as computed, whatever the variance: a tenth of the
    /// (non-negative) mean, a hair less to stay below through rounding, plus the unit; without a square root.
    @inlinable
    package static func deviationFloor(metric: Metric, mean: Double) -> Double {
        0.0999 * max(mean, 0) + unit(metric: metric)
    }

    /// The verdict for one metric of one window.
    package struct Verdict: Sendable {
        package var anomalous: Bool
        package var score: Double
        package var lower: Double
        package var upper: Double
    }

    @inlinable
    package func judge(metric: Metric, observed: Double, mean: Double, variance: Double) -> Verdict {
        let deviation = Self.deviation(metric: metric, mean: mean, variance: variance)
        let score = (observed - mean) / deviation
        let upper = mean + threshold * deviation
        let lower = max(0, mean - threshold * deviation)
        let anomalous = score >= threshold && observed >= floor && observed >= minRatio * max(mean, 0)
        return Verdict(anomalous: anomalous, score: score, lower: lower, upper: upper)
    }
}

extension VolumeSpikeConfiguration {
    /// The spike rule for one of the volume metrics.
    package func rule(for metric: Metric) -> SpikeRule? {
        guard let floor = floor(for: metric) else { return nil }
        return SpikeRule(threshold: threshold, minRatio: minRatio, floor: floor)
    }
}
