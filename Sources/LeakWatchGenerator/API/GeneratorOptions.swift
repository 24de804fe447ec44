/// What to generate: how many days of synthetic CRM / e-commerce logs, from when, how busy, and from which seed.
///
/// The same options always give byte-identical output.
package struct GeneratorOptions: Sendable {
    /// Directory that receives `logs/` and `labels.json` (created if missing).
    package var outputDirectory: String
    /// Number of days; one access and one export file per day.
    package var days: Int = 4
    /// Seed of every random choice.
    package var seed: UInt64 = 1
    /// Mean access events per second over a week (`--rate`); incidents are specified at 1.0 and scale up with it.
    package var accessEventsPerSecond: Double = 1.0
    /// First instant, epoch milliseconds (default 2026-03-02T00:00:00Z, a Monday); rounded down to a minute.
    package var start: Int64 = 1_772_409_600_000
    /// Days of clean history before the first labelled incident or benign event.
    package var warmupDays: Int = 2

    /// Options with defaults, writing into `outputDirectory`.
    package init(outputDirectory: String) {
        self.outputDirectory = outputDirectory
    }
}
