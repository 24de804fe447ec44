import Metrics

/// A sink's counters, kept twice: as ``SinkStatistics`` the sink can report, and as swift-metrics counters and
/// gauges (labelled `sink=<name>`) that whatever metrics backend the daemon bootstraps exports.
struct SinkMetrics {
    private(set) var statistics: SinkStatistics
    private let deliveredCounter: Counter
    private let retryCounter: Counter
    private let deadLetterCounter: Counter
    private let dropCounter: Counter
    private let corruptCounter: Counter
    private let outboxBatchesGauge: Gauge
    private let outboxAlertsGauge: Gauge

    init(sink name: String) {
        statistics = SinkStatistics(name: name)
        let dimensions = [("sink", name)]
        deliveredCounter = Counter(label: "leakwatch_sink_delivered_alerts_total", dimensions: dimensions)
        retryCounter = Counter(label: "leakwatch_sink_retries_total", dimensions: dimensions)
        deadLetterCounter = Counter(label: "leakwatch_sink_dead_letter_alerts_total", dimensions: dimensions)
        dropCounter = Counter(label: "leakwatch_outbox_dropped_alerts_total", dimensions: dimensions)
        corruptCounter = Counter(label: "leakwatch_outbox_corrupt_batches_total", dimensions: dimensions)
        outboxBatchesGauge = Gauge(label: "leakwatch_outbox_batches", dimensions: dimensions)
        outboxAlertsGauge = Gauge(label: "leakwatch_outbox_alerts", dimensions: dimensions)
    }

    mutating func delivered(_ alerts: Int) {
        statistics.delivered += alerts
        deliveredCounter.increment(by: alerts)
    }

    mutating func retried() {
        statistics.retries += 1
        retryCounter.increment()
    }

    mutating func deadLettered(_ alerts: Int) {
        statistics.deadLettered += alerts
        deadLetterCounter.increment(by: alerts)
    }

    mutating func dropped(_ alerts: Int) {
        statistics.dropped += alerts
        dropCounter.increment(by: alerts)
    }

    mutating func corrupt(_ batches: Int) {
        statistics.corrupt += batches
        corruptCounter.increment(by: batches)
    }

    mutating func outbox(batches: Int, alerts: Int) {
        statistics.outboxBatches = batches
        statistics.outboxAlerts = alerts
        outboxBatchesGauge.record(batches)
        outboxAlertsGauge.record(alerts)
    }
}
