/// How many of a replay's threads aggregate in each step; the others parse the next blocks meanwhile.
///
/// Every aggregation worker walks all of a step's events (updating only its own partitions), so each worker added
/// costs one more walk; where aggregation is a small part of the work, fewer workers than threads leave less work
/// in all, and the threads left over parse beside them. The count chosen is the smallest that keeps each
/// aggregation worker's share no longer than a thread's share of the whole step, so that no thread waits for an
/// aggregation worker at the step's end: `threads × aggregation / all work`, rounded up, from the thread seconds
/// of the recent steps. Which workers aggregate never changes the output, only the speed.
struct AggregationShare {
    let threads: Int
    /// Aggregation workers for the next step, `1...threads`.
    private(set) var workers: Int
    /// Thread seconds of aggregation, and of every other task (decoding, parsing), over the recent steps.
    private var aggregation = 0.0
    private var other = 0.0
    private var steps = 0

    /// Weight each step keeps of the steps before it.
    static let memory = 0.8
    /// Steps measured (with every thread aggregating) before the first change.
    static let settlingSteps = 4
    /// A worker is dropped only when the share needs this much less than it (so that a share near a whole
    /// number does not move the partitions between threads every step).
    static let margin = 0.1

    init(threads: Int) {
        self.threads = max(1, threads)
        workers = self.threads
    }

    /// Takes one step's thread seconds into account and chooses the workers for the next step.
    mutating func record(aggregation stepAggregation: Double, other stepOther: Double) {
        aggregation = aggregation * Self.memory + max(0, stepAggregation)
        other = other * Self.memory + max(0, stepOther)
        steps += 1
        guard threads > 1, steps >= Self.settlingSteps, aggregation > 0 else { return }
        // Less a hair, so that a share of exactly three workers' worth, summed in floating point, is three.
        let needed = Double(threads) * aggregation / (aggregation + other) - 1e-6
        if needed > Double(workers) || needed <= Double(workers - 1) - Self.margin {
            workers = max(1, min(threads, Int(needed.rounded(.up))))
        }
    }
}
