import LeakWatchAlerting
import LeakWatchConfig
import LeakWatchDelivery
import Logging

/// Takes the replay's alerts from the pipeline's (synchronous) callback and hands them, in order, to the
/// configured sinks; at the end waits for delivery, leaving what is still undelivered in the webhook outboxes.
final class ReplayDelivery: Sendable {
    private let continuation: AsyncStream<[Alert]>.Continuation
    private let consumer: Task<DeliveryReport, Never>

    /// What delivery came to, for the run summary.
    struct DeliveryReport {
        var statistics: [SinkStatistics]
        var failure: DeliveryError?
    }

    /// Builds and starts the sinks of `configurations` (standard output when there are none).
    /// - Parameter quiet: leave out standard output.
    static func start(_ configurations: [SinkConfiguration], quiet: Bool) async throws(ConfigError) -> ReplayDelivery {
        let logger = Logger(label: "leakwatch.delivery", factory: { StreamLogHandler.standardError(label: $0) })
        return ReplayDelivery(try await ConfiguredSinks.start(configurations, quiet: quiet, logger: logger))
    }

    private init(_ sinks: ConfiguredSinks) {
        let (stream, continuation) = AsyncStream<[Alert]>.makeStream()
        self.continuation = continuation
        consumer = Task {
            var failure: DeliveryError?
            for await batch in stream {
                do throws(DeliveryError) { try await sinks.all.deliver(batch) } catch { failure = failure ?? error }
            }
            do throws(DeliveryError) { try await sinks.all.flush() } catch { failure = failure ?? error }
            let statistics = await sinks.all.allStatistics()
            await sinks.shutdown()
            return DeliveryReport(statistics: statistics, failure: failure)
        }
    }

    /// Queues a batch for the sinks; returns at once.
    func send(_ alerts: [Alert]) {
        guard !alerts.isEmpty else { return }
        continuation.yield(alerts)
    }

    /// Waits until the sinks have everything (or their drain timeouts pass), reports network sinks on stderr.
    /// - Throws: the first ``DeliveryError`` a sink raised (a file that could not be written), after all others ran.
    func finish() async throws(DeliveryError) {
        continuation.finish()
        let report = await consumer.value
        for sink in report.statistics where sink.retries + sink.outboxAlerts + sink.dropped + sink.deadLettered > 0 {
            StandardError.write(
                "  delivery \(sink.name): \(sink.delivered) delivered, \(sink.retries) retries, \(sink.deadLettered) "
                    + "dead letters, \(sink.outboxAlerts) alerts left in the outbox, \(sink.dropped) dropped\n")
        }
        if let failure = report.failure { throw failure }
    }
}
