/// One labelled incident or benign event, as written to `labels.json`.
struct LabelEntry: Sendable {
    var type: String
    var window: TimeWindow
    /// `(name, value)` pairs among `principal`, `endpoint`, `src_ip`, `destination`; written sorted by name.
    var keys: [(String, String)]
    /// Detectors expected to catch it (empty for benign events).
    var detectors: [String]
    var description: String
}
