/// Why a tuning report could not be made.
package struct ReportError: Error, CustomStringConvertible {
    /// What was being done (`trace replay`, `sweep volume_spike.threshold=4`, `write report.html`).
    package var stage: String
    package var problem: String

    package init(stage: String, problem: String) {
        self.stage = stage
        self.problem = problem
    }

    package var description: String { "report: \(stage): \(problem)" }
}
