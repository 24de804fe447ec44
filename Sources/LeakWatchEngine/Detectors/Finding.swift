/// One detector's verdict that a window of a key is anomalous.
package struct Finding: Sendable {
    package var detector: DetectorKind
    package var metric: Metric
    package var expected: Double
    package var lower: Double
    package var upper: Double
    package var score: Double
}
