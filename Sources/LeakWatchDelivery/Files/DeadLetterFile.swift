import LeakWatchAlerting

/// Where batches a receiver refused for good are kept, one JSON line each:
/// `{"time":…,"sink":…,"webhook_id":…,"status":400,"reason":"HTTP 400: …","alerts":N,"payload":{…}}`.
///
/// Opened on the first refusal, so no empty file appears while all goes well; synced after every record,
/// since refusals are rare and each one is an alert someone did not get.
final class DeadLetterFile {
    let path: String
    private var file: AppendOnlyFile?

    init(path: String) {
        self.path = path
    }

    /// Appends one refused batch. `payload` is the JSON request body as sent.
    func write(
        sink: String, id: String, status: Int, reason: String, alerts: Int, payload: [UInt8], nowMillis: Int64
    ) throws(DeliveryError) {
        if file == nil { file = try AppendOnlyFile(path: path) }
        var record = JSONObjectWriter()
        record.field("time", TimeFormatting.rfc3339(nowMillis))
        record.field("sink", sink)
        record.field("webhook_id", id)
        record.field("status", raw: String(status))
        record.field("reason", reason)
        record.field("alerts", raw: String(alerts))
        record.field("payload", raw: String(decoding: payload, as: UTF8.self))
        try file?.append(Array((record.finish() + "\n").utf8))
        try file?.sync()
    }

    func close() {
        file?.close()
        file = nil
    }
}
