package import AsyncHTTPClient
package import LeakWatchAlerting
import LeakWatchEngine
package import Logging

/// Posts alerts to Alertmanager's `/api/v2/alerts`: firing ones with `startsAt`, resolved ones with `endsAt`.
///
/// Alertmanager forgets alerts on restart and ends those not heard of for a while, so every active alert is
/// re-sent each ``Settings/resendInterval`` with `endsAt` four intervals ahead, as Prometheus does; a
/// resolution is re-sent until Alertmanager has accepted it. Failed posts are retried at the next resend.
package actor AlertmanagerSink: AlertSink {
    /// What an Alertmanager sink is set up with.
    package struct Settings: Sendable {
        package var name: String
        /// Alertmanager's base URL (`http://127.0.0.1:9093`); `/api/v2/alerts` is appended unless present.
        package var url: String
        package var timeout: Duration = .seconds(10)
        package var resendInterval: Duration = .seconds(60)
        package var retry = RetryPolicy()
        /// How long ``flush()`` keeps retrying unaccepted alerts.
        package var drainTimeout: Duration = .seconds(30)

        package init(name: String, url: String) {
            self.name = name
            self.url = url
        }

        var alertsURL: String {
            if url.hasSuffix("/api/v2/alerts") { return url }
            return (url.hasSuffix("/") ? String(url.dropLast()) : url) + "/api/v2/alerts"
        }
    }

    package nonisolated let name: String
    private let settings: Settings
    private let poster: HTTPPoster
    private let clock: DeliveryClock
    private let logger: Logger
    private var metrics: SinkMetrics
    /// Firing alerts by id.
    private var active: [String: AlertmanagerAlert] = [:]
    /// Resolutions Alertmanager has not accepted yet, by id.
    private var unacknowledged: [String: AlertmanagerAlert] = [:]
    /// Whether a firing alert was not accepted yet (the next resend carries it).
    private var firingUnsent = false
    private var resender: Task<Void, Never>?

    package init(
        settings: Settings, client: HTTPClient, clock: DeliveryClock = .system,
        logger: Logger = Logger(label: "leakwatch.delivery", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        name = settings.name
        self.settings = settings
        poster = HTTPPoster(client: client, url: settings.alertsURL, timeout: settings.timeout)
        self.clock = clock
        self.logger = logger
        metrics = SinkMetrics(sink: settings.name)
    }

    /// Starts the periodic resend of active alerts.
    package func start() {
        guard resender == nil else { return }
        resender = Task {
            while !Task.isCancelled {
                do { try await clock.sleep(settings.resendInterval) } catch { return }
                _ = await resend()
            }
        }
    }

    /// Posts the batch's firing and resolved alerts at once.
    package func deliver(_ alerts: [Alert]) async {
        guard !alerts.isEmpty else { return }
        var changed: [AlertmanagerAlert] = []
        var resolvedIDs: [String] = []
        for alert in alerts {
            switch alert.detection.status {
            case .firing:
                let firing = AlertmanagerAlert(firing: alert)
                active[alert.id] = firing
                changed.append(firing)
            case .resolved:
                let firedWith = active.removeValue(forKey: alert.id)?.labels
                let resolved = AlertmanagerAlert(resolved: alert, firedWith: firedWith)
                unacknowledged[alert.id] = resolved
                resolvedIDs.append(alert.id)
                changed.append(resolved)
            }
        }
        if await post(changed) {
            for id in resolvedIDs { unacknowledged[id] = nil }
        } else {
            firingUnsent = true
        }
    }

    /// Retries what Alertmanager has not accepted until it does or ``Settings/drainTimeout`` passes.
    package func flush() async {
        let deadline = clock.nowMillis() + settings.drainTimeout.milliseconds
        var failures = 0
        while firingUnsent || !unacknowledged.isEmpty {
            if await resend() { return }
            failures += 1
            let delay = settings.retry.delay(afterFailure: failures, retryAfter: nil, unit: clock.random())
            guard clock.nowMillis() + delay.milliseconds <= deadline else { return }
            do { try await clock.sleep(delay) } catch { return }
        }
    }

    package func shutdown() async {
        if let resender {
            resender.cancel()
            await resender.value
        }
        resender = nil
    }

    package func statistics() -> SinkStatistics { metrics.statistics }

    /// Sends every active alert and every unaccepted resolution; true when Alertmanager accepted them.
    private func resend() async -> Bool {
        let alerts = active.sorted { $0.key < $1.key }.map(\.value)
            + unacknowledged.sorted { $0.key < $1.key }.map(\.value)
        guard !alerts.isEmpty else { return true }
        let sentResolutions = Set(unacknowledged.keys)
        guard await post(alerts) else { return false }
        firingUnsent = false
        for id in sentResolutions { unacknowledged[id] = nil }
        return true
    }

    /// One POST; a refusal is logged and counted and not retried (Alertmanager found the alerts invalid).
    private func post(_ alerts: [AlertmanagerAlert]) async -> Bool {
        let now = clock.nowMillis()
        let firingEndsAt = now + 4 * settings.resendInterval.milliseconds
        let body = AlertmanagerAlert.body(alerts, firingEndsAt: firingEndsAt)
        switch await poster.post(body, headers: [], nowMillis: now) {
        case .delivered:
            metrics.delivered(alerts.count)
            return true
        case .retry(_, let reason):
            metrics.retried()
            logger.notice("Alertmanager unavailable; will resend", metadata: ["sink": "\(name)", "reason": "\(reason)"])
            return false
        case .rejected(_, let reason):
            metrics.deadLettered(alerts.count)
            logger.error("Alertmanager refused alerts", metadata: ["sink": "\(name)", "reason": "\(reason)"])
            return true
        }
    }
}
