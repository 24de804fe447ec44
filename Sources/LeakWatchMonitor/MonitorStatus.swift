import Foundation
import LeakWatchEngine
import LeakWatchParsing
import LeakWatchIngest
import Metrics

/// The daemon's health and counters as swift-metrics values (exported on `/metrics` by whatever metrics backend
/// is bootstrapped), and the latest state for `/healthz`.
package final class MonitorStatus: @unchecked Sendable {
    // Safe: every stored property is guarded by `lock`.
    private let lock = NSLock()
    private var last = MonitorCounters()
    private var lastUpdateWall = Date.distantPast
    private var healthy = true

    private let lines = Counter(label: "leakwatch_lines_read_total")
    private let bytes = Counter(label: "leakwatch_bytes_read_total")
    private let events = Counter(label: "leakwatch_events_total")
    private let late = Counter(label: "leakwatch_late_events_total")
    private let checkpoints = Counter(label: "leakwatch_checkpoints_total")
    private let forced = Counter(label: "leakwatch_forced_releases_total")
    private let lag = Gauge(label: "leakwatch_lag_seconds")
    private let pending = Gauge(label: "leakwatch_pending_events")
    private let files = Gauge(label: "leakwatch_files_tracked")

    package init() {}

    /// Publishes new counters (called after each engine step).
    package func update(_ counters: MonitorCounters) {
        lock.withLock {
            lines.increment(by: Int64(max(0, counters.live.lines - last.live.lines)))
            bytes.increment(by: Int64(max(0, counters.live.bytes - last.live.bytes)))
            events.increment(by: Int64(max(0, counters.live.events - last.live.events)))
            late.increment(by: Int64(max(0, counters.live.lateEvents - last.live.lateEvents)))
            checkpoints.increment(by: Int64(max(0, counters.checkpoints - last.checkpoints)))
            forced.increment(by: Int64(max(0, counters.live.forcedReleases - last.live.forcedReleases)))
            lag.record(counters.lagSeconds)
            pending.record(counters.pendingEvents)
            files.record(counters.tail.filesTracked)
            for (index, count) in counters.live.parseErrors.counts.enumerated() {
                let delta = count - last.live.parseErrors.counts[index]
                guard delta > 0, let reason = ParseErrorReason(rawValue: index)?.name else { continue }
                Counter(label: "leakwatch_parse_errors_total", dimensions: [("reason", reason)]).increment(by: delta)
            }
            for (detector, count) in counters.alertsByDetector {
                let delta = count - (last.alertsByDetector[detector] ?? 0)
                if delta > 0 {
                    Counter(label: "leakwatch_alerts_total", dimensions: [("detector", detector)]).increment(by: delta)
                }
            }
            for (kind, count) in counters.tail.events {
                let delta = count - (last.tail.events[kind] ?? 0)
                if delta > 0 {
                    Counter(label: "leakwatch_tail_events_total", dimensions: [("kind", kind.rawValue)])
                        .increment(by: delta)
                }
            }
            for (dimension, count) in counters.keys {
                Gauge(label: "leakwatch_keys_tracked", dimensions: [("dimension", dimension.name)]).record(count)
            }
            last = counters
            lastUpdateWall = Date()
        }
    }

    /// Counts a SIGHUP reload.
    package func recordReload(success: Bool) {
        Counter(label: "leakwatch_config_reloads_total", dimensions: [("result", success ? "ok" : "rejected")])
            .increment()
    }

    /// Marks the daemon unhealthy (a checkpoint failed) or healthy again.
    package func setHealthy(_ value: Bool) {
        lock.withLock { healthy = value }
    }

    /// The `/healthz` answer: ok while the engine loop has reported within `staleAfter` seconds.
    package func health(staleAfter: Double = 30) -> (ok: Bool, body: String) {
        lock.withLock {
            let age = Date().timeIntervalSince(lastUpdateWall)
            let ok = healthy && age <= staleAfter
            let body = "{\"status\":\"\(ok ? "ok" : "unhealthy")\",\"lag_seconds\":\(last.lagSeconds),"
                + "\"files_tracked\":\(last.tail.filesTracked),\"events\":\(last.live.events),"
                + "\"checkpoints\":\(last.checkpoints)}"
            return (ok, body)
        }
    }
}
