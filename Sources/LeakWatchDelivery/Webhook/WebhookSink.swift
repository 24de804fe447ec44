package import AsyncHTTPClient
package import LeakWatchAlerting
package import Logging

/// Sends alerts to an HTTP endpoint as signed JSON batches, at least once.
///
/// A batch is first written to the ``Outbox`` (durable), then sent in order by one background task. A 2xx
/// removes it; a connection error, timeout, 408, 429 or 5xx is retried after a backoff that honours
/// `Retry-After`; another 4xx moves it to the dead-letter file. The `webhook-id` is derived from the batch's
/// alerts, so every attempt (and a resend after a restart) carries the same id; the timestamp and signature are
/// fresh on each attempt, as receivers reject stale timestamps.
package actor WebhookSink: AlertSink {
    /// What a webhook sink is set up with.
    package struct Settings: Sendable {
        package var name: String
        package var url: String
        /// Signs requests when set; unsigned requests carry `webhook-id` and `webhook-timestamp` only.
        package var secret: StandardWebhookSecret?
        /// Per attempt, connecting included.
        package var timeout: Duration = .seconds(10)
        /// Alerts per request at most.
        package var batchSize = 100
        package var outboxDirectory: String
        package var outboxMaximumBytes = 64 << 20
        /// Default: `dead-letter.jsonl` in the outbox directory.
        package var deadLetterPath: String?
        package var retry = RetryPolicy()
        /// How long ``flush()`` keeps trying before leaving the rest in the outbox.
        package var drainTimeout: Duration = .seconds(30)

        package init(name: String, url: String, outboxDirectory: String) {
            self.name = name
            self.url = url
            self.outboxDirectory = outboxDirectory
        }
    }

    package nonisolated let name: String
    private let settings: Settings
    private let poster: HTTPPoster
    private let signer: StandardWebhookSigner?
    private let clock: DeliveryClock
    private let logger: Logger
    private let outbox: Outbox
    private let deadLetters: DeadLetterFile
    private var metrics: SinkMetrics
    private var sender: Task<Void, Never>?
    /// Failed attempts in a row of the batch at the head of the outbox.
    private var failures = 0
    /// While flushing: retries that would start after this (epoch ms) are left for the next run.
    private var drainDeadline: Int64?
    /// When the sender sleeps before a retry: when it wakes (epoch ms).
    private var sleepingUntil: Int64?
    private var stopped = false

    /// Opens the outbox (loading what an earlier run left) and prepares the sink; call ``start()`` to send what
    /// was left.
    /// - Throws: ``DeliveryError`` when the outbox directory cannot be used.
    package init(
        settings: Settings, client: HTTPClient, clock: DeliveryClock = .system,
        logger: Logger = Logger(label: "leakwatch.delivery", factory: { _ in SwiftLogNoOpLogHandler() })
    ) throws(DeliveryError) {
        name = settings.name
        self.settings = settings
        poster = HTTPPoster(client: client, url: settings.url, timeout: settings.timeout)
        signer = settings.secret.map { StandardWebhookSigner(secret: $0) }
        self.clock = clock
        self.logger = logger
        outbox = try Outbox(directory: settings.outboxDirectory, maximumBytes: settings.outboxMaximumBytes)
        deadLetters = DeadLetterFile(path: settings.deadLetterPath ?? settings.outboxDirectory + "/dead-letter.jsonl")
        metrics = SinkMetrics(sink: settings.name)
        metrics.corrupt(outbox.corruptFiles)
        metrics.outbox(batches: outbox.entries.count, alerts: outbox.alerts)
    }

    /// Starts sending batches left in the outbox by an earlier run.
    package func start() {
        startSender()
    }

    /// Queues the alerts durably in batches of at most `batchSize` and returns; sending happens in the background.
    /// - Throws: ``DeliveryError`` when the outbox cannot be written or the sink was shut down.
    package func deliver(_ alerts: [Alert]) throws(DeliveryError) {
        guard !alerts.isEmpty else { return }
        guard !stopped else {
            throw DeliveryError(.sinkStopped, subject: name, detail: "\(alerts.count) alerts refused")
        }
        var start = 0
        while start < alerts.count {
            let batch = Array(alerts[start..<min(start + settings.batchSize, alerts.count)])
            start += batch.count
            let dropped = try outbox.append(
                id: WebhookPayload.messageID(for: batch), alerts: batch.count, body: WebhookPayload.body(for: batch))
            if !dropped.isEmpty {
                let count = dropped.reduce(0) { $0 + $1.alerts }
                metrics.dropped(count)
                logger.warning("outbox full: dropped the oldest alerts",
                               metadata: ["sink": "\(name)", "outbox.dropped_alerts": "\(count)"])
            }
        }
        updateOutboxMetrics()
        startSender()
    }

    /// Sends what is queued until the outbox is empty or ``Settings/drainTimeout`` has passed; what is left
    /// stays in the outbox for the next run.
    package func flush() async {
        guard !stopped else { return }
        let deadline = clock.nowMillis() + settings.drainTimeout.milliseconds
        drainDeadline = deadline
        defer { drainDeadline = nil }
        startSender()
        guard let sender else { return }
        if let sleepingUntil, sleepingUntil > deadline { sender.cancel() }
        await sender.value
    }

    /// Stops sending (an attempt in flight is cancelled) and releases the outbox; queued batches stay on disk.
    package func shutdown() async {
        stopped = true
        if let sender {
            sender.cancel()
            await sender.value
        }
        outbox.close()
        deadLetters.close()
    }

    package func statistics() -> SinkStatistics { metrics.statistics }

    private func startSender() {
        guard sender == nil, !stopped, !outbox.entries.isEmpty else { return }
        sender = Task { await self.sendQueued() }
    }

    /// The one sending loop: the head batch until it is delivered or refused, then the next.
    private func sendQueued() async {
        defer {
            sender = nil
            sleepingUntil = nil
        }
        while !stopped, !Task.isCancelled, let entry = outbox.entries.first {
            guard let body = outbox.body(of: entry) else {
                metrics.corrupt(1)
                logger.error("unreadable outbox batch set aside",
                             metadata: ["sink": "\(name)", "webhook.id": "\(entry.id)"])
                updateOutboxMetrics()
                continue
            }
            let now = clock.nowMillis()
            let headers = signer?.headers(id: entry.id, timestamp: now / 1000, body: body)
                ?? [("webhook-id", entry.id), ("webhook-timestamp", String(now / 1000))]
            let outcome = await poster.post(body, headers: headers, nowMillis: now)
            switch outcome {
            case .delivered:
                failures = 0
                outbox.remove(entry)
                metrics.delivered(entry.alerts)
            case .rejected(let status, let reason):
                failures = 0
                do {
                    try deadLetters.write(sink: name, id: entry.id, status: status, reason: reason,
                                          alerts: entry.alerts, payload: body, nowMillis: clock.nowMillis())
                } catch {
                    logger.error("cannot write dead letter; batch stays in the outbox",
                                 metadata: ["sink": "\(name)", "error": "\(error)"])
                    return
                }
                outbox.remove(entry)
                metrics.deadLettered(entry.alerts)
                logger.warning("receiver refused a batch; written to the dead-letter file",
                               metadata: ["sink": "\(name)", "webhook.id": "\(entry.id)", "reason": "\(reason)"])
            case .retry(let retryAfter, let reason):
                failures += 1
                metrics.retried()
                let delay = settings.retry.delay(afterFailure: failures, retryAfter: retryAfter, unit: clock.random())
                let wake = clock.nowMillis() + delay.milliseconds
                logger.notice(
                    "delivery failed; will retry",
                    metadata: ["sink": "\(name)", "reason": "\(reason)", "retry.in_ms": "\(delay.milliseconds)"])
                if let drainDeadline, wake > drainDeadline { return }
                sleepingUntil = wake
                do { try await clock.sleep(delay) } catch { return }
                sleepingUntil = nil
            }
            updateOutboxMetrics()
        }
    }

    private func updateOutboxMetrics() {
        metrics.outbox(batches: outbox.entries.count, alerts: outbox.alerts)
    }
}
