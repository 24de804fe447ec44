import LeakWatchParsing
import LeakWatchTestSupport
import Testing

@testable import LeakWatchEngine

/// The merge of several inputs by event time, against a merge written the plain way: one event at a time from the
/// input whose next event is earliest, ties to the input listed first.
@Suite("merge of inputs by event time")
struct TimeMergeTests {
    /// An input of parsed chunks (the event times given), for the merge.
    final class Source: MergeSource {
        var batches: [ParsedBatch]
        var routes: [[KeyRoute]]
        var chunk = 0
        var position = 0

        init(chunks: [[Int64]]) {
            batches = chunks.map { times in
                var batch = ParsedBatch()
                batch.events = times.map { ParsedEvent(timeMillis: $0) }
                return batch
            }
            routes = chunks.map { _ in [] }
            skipEmpty()
        }
    }

    /// (input, chunk, event) of every event the plain merge takes before an input runs out or an event reaches
    /// `before`.
    static func plainMerge(_ inputs: [[[Int64]]], before: Int64) -> [[Int]] {
        let flat = inputs.map { chunks in
            chunks.enumerated().flatMap { chunk, times in times.indices.map { (chunk, $0, times[$0]) } }
        }
        var next = Array(repeating: 0, count: inputs.count)
        var taken: [[Int]] = []
        while true {
            var best = -1
            for input in flat.indices where next[input] < flat[input].count
                && (best < 0 || flat[input][next[input]].2 < flat[best][next[best]].2)
            {
                best = input
            }
            guard best >= 0, flat[best][next[best]].2 < before else { return taken }
            let (chunk, event, _) = flat[best][next[best]]
            taken.append([best, chunk, event])
            next[best] += 1
            if next[best] == flat[best].count { return taken }
        }
    }

    /// (input, chunk, event) of every event of one merge step, in order.
    static func stepMerge(_ inputs: [[[Int64]]], before: Int64) -> [[Int]] {
        let sources = inputs.map { Source(chunks: $0) }
        let step = TimeMerge.step(sources, before: before, limit: Int.max)
        // Map the step's chunk indexes back to (input, chunk).
        var owners: [(Int, Int)] = []
        for (input, chunks) in inputs.enumerated() { owners += chunks.indices.map { (input, $0) } }
        return step.runs.flatMap { run in
            (run.start..<run.end).map { [owners[run.batch].0, owners[run.batch].1, $0] }
        }
    }

    @Test("equal times go to the input listed first; an input out of order is read as written; empty chunks skipped",
          arguments: [Int64.max, 7])
    func matchesPlainMerge(before: Int64) {
        let inputs: [[[Int64]]] = [
            [[1, 3, 3, 5], [], [6, 9]],
            [[1, 2, 3], [3, 4, 10]],
            [[], [0, 3, 3, 2, 8], [8]],
        ]
        #expect(Self.stepMerge(inputs, before: before) == Self.plainMerge(inputs, before: before))
    }

    @Test("randomly interleaved inputs with many equal times merge as the plain merge does")
    func randomInputs() {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<400 {
            // Up to 20 inputs, as many gateways' files.
            let inputs: [[[Int64]]] = (0..<Int(generator.next() % 20 + 1)).map { _ in
                var time: Int64 = 0
                return (0..<Int(generator.next() % 4 + 1)).map { _ in
                    (0..<Int(generator.next() % 6)).map { _ in
                        // Mostly rising, with repeats and an occasional step back.
                        time += Int64(generator.next() % 3) - (generator.next() % 9 == 0 ? 2 : 0)
                        return time
                    }
                }
            }
            let before = generator.next() % 2 == 0 ? Int64.max : Int64(generator.next() % 12)
            #expect(Self.stepMerge(inputs, before: before) == Self.plainMerge(inputs, before: before),
                    "\(inputs) before \(before)")
        }
    }
}
