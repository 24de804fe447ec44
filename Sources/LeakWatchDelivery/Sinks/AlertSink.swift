package import LeakWatchAlerting

/// A destination for alerts: standard output, a file, a webhook, Alertmanager.
///
/// Sinks are actors or immutable values; the pipeline hands them batches in order and, before it stops, asks
/// them to flush and shut down.
package protocol AlertSink: Sendable {
    /// The sink's name in logs, metrics and statistics (`webhook:soc`, `file`).
    var name: String { get }

    /// Takes a batch of alerts. Returns once the batch is written or safely queued (a webhook's outbox), not
    /// necessarily once a receiver has it.
    /// - Throws: ``DeliveryError`` when the batch could be neither written nor queued.
    func deliver(_ alerts: [Alert]) async throws(DeliveryError)

    /// Starts background work: sending what an earlier run left in an outbox, periodic resends.
    func start() async

    /// Makes what was delivered durable or sent: fsyncs files; for network sinks waits until the queue is empty
    /// or the sink's drain timeout passes, leaving what is still undelivered in its outbox for the next start.
    func flush() async throws(DeliveryError)

    /// Stops background work (retries, periodic resends) and releases files. The sink takes no more alerts.
    func shutdown() async

    /// Counters for metrics and summaries.
    func statistics() async -> SinkStatistics
}

/// What one sink has done since it started.
package struct SinkStatistics: Sendable, Equatable {
    package var name: String
    /// Alerts written or accepted by the receiver (2xx).
    package var delivered = 0
    /// Attempts that failed and were (or will be) retried: connection errors, timeouts, 408, 429, 5xx.
    package var retries = 0
    /// Alerts rejected by the receiver (a 4xx other than 408/429) and written to the dead-letter file.
    package var deadLettered = 0
    /// Batches waiting in the outbox now.
    package var outboxBatches = 0
    /// Alerts waiting in the outbox now.
    package var outboxAlerts = 0
    /// Alerts dropped because the outbox was full (oldest first).
    package var dropped = 0
    /// Outbox files that could not be read back and were set aside as `.corrupt`.
    package var corrupt = 0

    package init(name: String) { self.name = name }
}
