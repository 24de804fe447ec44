import Crypto
import LeakWatchAlerting
import LeakWatchEngine

/// The body of a webhook request and its stable message id.
///
/// The body is `{"type":"leakwatch.alerts","timestamp":<time of the newest alert>,"data":{"schema":1,
/// "alerts":[<alert>,...]}}`, each alert as in `docs/alerts.md`; it depends only on the alerts, so a batch sent
/// again (a retry, a restart) is byte for byte the same.
enum WebhookPayload {
    static let eventType = "leakwatch.alerts"

    static func body(for alerts: [Alert]) -> [UInt8] {
        var list = "["
        for (index, alert) in alerts.enumerated() {
            if index > 0 { list += "," }
            list += AlertJSONEncoder.encode(alert)
        }
        list += "]"
        var data = JSONObjectWriter()
        data.field("schema", raw: String(Alert.schemaVersion))
        data.field("alerts", raw: list)
        var root = JSONObjectWriter()
        root.field("type", eventType)
        let newest = alerts.map(\.detection.windowEnd).max() ?? 0
        root.field("timestamp", TimeFormatting.rfc3339(newest))
        root.field("data", raw: data.finish())
        return Array(root.finish().utf8)
    }

    /// `msg_` and 32 hex digits of SHA-256 over the alerts' ids and statuses: the same batch always gets the same
    /// `webhook-id`, so a receiver can drop a batch it has already processed.
    static func messageID(for alerts: [Alert]) -> String {
        var hash = SHA256()
        for alert in alerts {
            hash.update(data: Array("\(alert.id) \(alert.detection.status.rawValue)\n".utf8))
        }
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = Array("msg_".utf8)
        for byte in hash.finalize().prefix(16) {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0xf)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
