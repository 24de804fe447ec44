package import LeakWatchEngine

/// The main threshold of one detector: how to read it from and write it into the engine configuration, its
/// YAML key, and the range the configuration loader accepts.
package struct SweepParameter: Sendable {
    package var detector: DetectorKind
    /// Key under `detectors.<detector>` (as in `docs/leakwatch.example.yml`).
    package var key: String
    package var minimum: Double
    package var maximum: Double
    /// Whether the value is a count (written without decimals).
    package var integral: Bool
    let get: @Sendable (EngineConfiguration) -> Double
    let set: @Sendable (inout EngineConfiguration, Double) -> Void

    /// The parameter's value in `configuration`.
    package func value(in configuration: EngineConfiguration) -> Double { get(configuration) }

    /// `configuration` with the parameter set to `value`.
    package func applying(_ value: Double, to configuration: EngineConfiguration) -> EngineConfiguration {
        var changed = configuration
        set(&changed, value)
        return changed
    }

    /// The YAML lines that set the parameter to `value`.
    package func yaml(_ value: Double) -> String {
        "detectors:\n  \(detector.rawValue):\n    \(key): \(SweepValues.text(value, integral: integral))"
    }

    /// Whether the detector is turned on in `configuration` (a disabled detector is not swept).
    package func isEnabled(in configuration: EngineConfiguration) -> Bool {
        switch detector {
        case .volumeSpike: configuration.volumeSpike.enabled
        case .syntheticVolume: configuration.synthetic.volumeEnabled
        case .syntheticDestination: configuration.synthetic.destinationEnabled
        case .provenanceMissing: configuration.provenance.enabled
        case .newEntity: configuration.newEntity.enabled
        case .authFailures: configuration.authFailures.enabled
        case .offHoursBulk: configuration.offHours.enabled
        case .fanIn: configuration.fanIn.enabled
        case .enumeration: configuration.enumeration.enabled
        case .lowAndSlow: configuration.lowAndSlow.enabled
        }
    }

    /// One parameter per detector that has a numeric threshold, in detector-name order (`synthetic_destination`
    /// has none: it alerts on any first synthetic export). Minimums follow the configuration loader.
    package static let all: [SweepParameter] = [
        SweepParameter(
            detector: .authFailures, key: "threshold", minimum: 0.5, maximum: 1_000, integral: false,
            get: { $0.authFailures.threshold }, set: { $0.authFailures.threshold = $1 }),
        SweepParameter(
            detector: .enumeration, key: "min_ids", minimum: 2, maximum: 1_000_000, integral: true,
            get: { $0.enumeration.minIDs }, set: { $0.enumeration.minIDs = $1 }),
        SweepParameter(
            detector: .fanIn, key: "min_principals", minimum: 2, maximum: 1_000_000, integral: true,
            get: { $0.fanIn.minPrincipals }, set: { $0.fanIn.minPrincipals = $1 }),
        SweepParameter(
            detector: .lowAndSlow, key: "decision_deviations", minimum: 0.5, maximum: 1_000, integral: false,
            get: { $0.lowAndSlow.decisionDeviations }, set: { $0.lowAndSlow.decisionDeviations = $1 }),
        SweepParameter(
            detector: .newEntity, key: "min_requests", minimum: 1, maximum: 1_000_000_000, integral: true,
            get: { $0.newEntity.minRequests }, set: { $0.newEntity.minRequests = $1 }),
        SweepParameter(
            detector: .offHoursBulk, key: "min_records", minimum: 1, maximum: 1_000_000_000_000, integral: true,
            get: { $0.offHours.minRecords }, set: { $0.offHours.minRecords = $1 }),
        SweepParameter(
            detector: .provenanceMissing, key: "current_share_below", minimum: 0.001, maximum: 1, integral: false,
            get: { $0.provenance.currentShareBelow }, set: { $0.provenance.currentShareBelow = $1 }),
        SweepParameter(
            detector: .syntheticVolume, key: "threshold", minimum: 0.5, maximum: 1_000, integral: false,
            get: { $0.synthetic.threshold }, set: { $0.synthetic.threshold = $1 }),
        SweepParameter(
            detector: .volumeSpike, key: "threshold", minimum: 0.5, maximum: 1_000, integral: false,
            get: { $0.volumeSpike.threshold }, set: { $0.volumeSpike.threshold = $1 }),
    ]
}
