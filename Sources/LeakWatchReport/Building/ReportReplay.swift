package import LeakWatchAlerting
package import LeakWatchEngine
import LeakWatchIngest

/// Replays the run's input again, in process, with another configuration or with some keys traced: the
/// extra runs a tuning report needs. Each run starts from a fresh aggregator, so runs do not influence each other.
package struct ReportReplay {
    package var options: ReplayOptions
    package var rules: DataClassRules
    /// Readies each new aggregator before its run (e.g. loads the warm state the main run started from).
    package var prepare: (ShardedAggregator) throws -> Void

    package init(
        options: ReplayOptions, rules: DataClassRules, prepare: @escaping (ShardedAggregator) throws -> Void = { _ in }
    ) {
        self.options = options
        self.rules = rules
        self.prepare = prepare
    }

    /// What one extra run found.
    package struct Outcome {
        /// Every alert of the run, in order (not grouped into incidents).
        package var alerts: [Alert]
        /// Window points of the traced keys.
        package var points: [KeyTracePoint]
    }

    /// Replays with `configuration`, tracing the keys in `trace`.
    /// - Throws: ``ReportError`` when the input cannot be read or the aggregator cannot be prepared.
    package func run(
        configuration: EngineConfiguration, trace: Set<UInt64> = [], stage: String
    ) throws(ReportError) -> Outcome {
        let aggregator = ShardedAggregator(configuration: configuration, workers: options.workers)
        do { try prepare(aggregator) } catch { throw ReportError(stage: stage, problem: "\(error)") }
        if !trace.isEmpty { aggregator.startTracing(keys: trace, tally: false) }
        var alerts: [Alert] = []
        do throws(IngestError) {
            _ = try ReplayPipeline(options: options, aggregator: aggregator).run { detections in
                alerts.append(contentsOf: detections.map { Alert($0, rules: rules) })
            }
        } catch {
            throw ReportError(stage: stage, problem: error.description)
        }
        return Outcome(alerts: alerts, points: trace.isEmpty ? [] : aggregator.tracedPoints())
    }
}
