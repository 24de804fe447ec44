/// `volume_spike`: a window whose requests, records or bytes are far above the key's seasonal expectation.
///
/// The score is robust: (observed - expected) / effective deviation, where the deviation is the learned one,
/// widened by a tenth of the expected level (traffic grows), by Poisson noise for request counts, and by one
/// unit, so that a quiet key does not alert on a handful of events. A window is a spike only if the score,
/// the ratio to expected and the metric's absolute floor are all exceeded.
package struct VolumeSpikeDetector: Sendable {
    package let configuration: VolumeSpikeConfiguration

    package init(configuration: VolumeSpikeConfiguration) {
        self.configuration = configuration
    }

    /// The metrics this detector checks.
    package static let metrics: [Metric] = [.requests, .records, .bytes]

    /// The effective deviation used to score a value against `mean`/`variance`.
    @inlinable
    package static func deviation(metric: Metric, mean: Double, variance: Double) -> Double {
        let poisson = metric == .requests ? max(mean, 0) : 0
        let unit: Double = metric == .bytes ? 1024 : 1
        let relative = 0.1 * mean
        return (max(variance, 0) + relative * relative + poisson).squareRoot() + unit
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
        let upper = mean + configuration.threshold * deviation
        let lower = max(0, mean - configuration.threshold * deviation)
        guard let floor = configuration.floor(for: metric) else {
            return Verdict(anomalous: false, score: score, lower: lower, upper: upper)
        }
        let anomalous = score >= configuration.threshold && observed >= floor
            && observed >= configuration.minRatio * max(mean, 0)
        return Verdict(anomalous: anomalous, score: score, lower: lower, upper: upper)
    }
}
