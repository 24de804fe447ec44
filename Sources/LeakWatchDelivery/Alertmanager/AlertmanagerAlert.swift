import LeakWatchAlerting
import LeakWatchEngine

/// An alert as Alertmanager's API v2 takes it (`POST /api/v2/alerts`).
///
/// Labels identify the alert to Alertmanager (its fingerprint), so they hold only what stays the same for an
/// episode: `alertname` (`leakwatch_<detector>`), `leakwatch_id`, `detector`, `dimension`, `key`, `severity`
/// and `data_class`. The sentence, containment hint and numbers go in annotations.
struct AlertmanagerAlert: Sendable, Equatable {
    var labels: [(String, String)]
    var annotations: [(String, String)]
    /// Epoch ms: the start of the episode.
    var startsAt: Int64
    /// Epoch ms when resolved; nil while firing (the sink sends "now + a few resend intervals").
    var endsAt: Int64?

    /// The firing alert.
    init(firing alert: Alert) {
        labels = Self.labels(alert, severity: alert.severity)
        annotations = Self.annotations(alert)
        startsAt = alert.detection.episodeStart
        endsAt = nil
    }

    /// The resolution of `alert`, under the labels it fired with when they are known (a resolution's own severity
    /// is `info`, which would make it a different alert to Alertmanager).
    init(resolved alert: Alert, firedWith labels: [(String, String)]?) {
        self.labels = labels ?? Self.labels(alert, severity: nil)
        annotations = Self.annotations(alert)
        startsAt = alert.detection.episodeStart
        endsAt = max(alert.detection.windowEnd, startsAt + 1)
    }

    static func labels(_ alert: Alert, severity: Severity?) -> [(String, String)] {
        let detection = alert.detection
        var labels = [
            ("alertname", "leakwatch_\(detection.detector.rawValue)"), ("leakwatch_id", alert.id),
            ("detector", detection.detector.rawValue), ("dimension", detection.dimension.name),
            ("key", detection.keyName), ("data_class", alert.context.dataClass.rawValue),
        ]
        if let severity { labels.append(("severity", severity.rawValue)) }
        return labels.sorted { $0.0 < $1.0 }
    }

    static func annotations(_ alert: Alert) -> [(String, String)] {
        var annotations = [("summary", alert.summary), ("containment", alert.context.containment)]
        if let notifyBy = alert.context.notifyBy { annotations.append(("notify_by", TimeFormatting.rfc3339(notifyBy))) }
        if !alert.incident.isEmpty { annotations.append(("incident", alert.incident)) }
        return annotations
    }

    /// The JSON object; a firing alert ends at `firingEndsAt` unless resent before.
    func json(firingEndsAt: Int64) -> String {
        var object = JSONObjectWriter()
        object.field("labels", raw: Self.map(labels))
        object.field("annotations", raw: Self.map(annotations))
        object.field("startsAt", TimeFormatting.rfc3339(startsAt))
        object.field("endsAt", TimeFormatting.rfc3339(endsAt ?? firingEndsAt))
        return object.finish()
    }

    /// The request body for several alerts.
    static func body(_ alerts: [AlertmanagerAlert], firingEndsAt: Int64) -> [UInt8] {
        Array(("[" + alerts.map { $0.json(firingEndsAt: firingEndsAt) }.joined(separator: ",") + "]").utf8)
    }

    private static func map(_ pairs: [(String, String)]) -> String {
        var object = JSONObjectWriter()
        for (key, value) in pairs { object.field(key, value) }
        return object.finish()
    }

    static func == (lhs: AlertmanagerAlert, rhs: AlertmanagerAlert) -> Bool {
        lhs.labels.elementsEqual(rhs.labels, by: ==) && lhs.annotations.elementsEqual(rhs.annotations, by: ==)
            && lhs.startsAt == rhs.startsAt && lhs.endsAt == rhs.endsAt
    }
}
