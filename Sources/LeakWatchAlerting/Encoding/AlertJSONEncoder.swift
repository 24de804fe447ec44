import LeakWatchEngine

/// Writes an alert as one JSON object on one line, fields in a fixed order (schema in `docs/alerts.md`).
package enum AlertJSONEncoder {
    /// The alert's JSON text, without a trailing newline.
    package static func encode(_ alert: Alert) -> String {
        let detection = alert.detection
        var json = JSONObjectWriter()
        json.field("schema", raw: String(Alert.schemaVersion))
        json.field("id", alert.id)
        json.field("status", detection.status.rawValue)
        json.field("detector", detection.detector.rawValue)
        json.field("severity", alert.severity.rawValue)
        json.field("time", TimeFormatting.rfc3339(detection.windowEnd))
        var window = JSONObjectWriter()
        window.field("start", TimeFormatting.rfc3339(detection.windowStart))
        window.field("end", TimeFormatting.rfc3339(detection.windowEnd))
        window.field("seconds", raw: String(detection.windowMillis / 1000))
        json.field("window", raw: window.finish())
        json.field("episode_start", TimeFormatting.rfc3339(detection.episodeStart))
        json.field("key", raw: keyObject(detection))
        json.field("metric", detection.metric.name)
        json.field("observed", raw: NumberFormatting.json(detection.observed))
        json.field("expected", raw: NumberFormatting.fixed(detection.expected, digits: 2))
        var band = JSONObjectWriter()
        band.field("lower", raw: NumberFormatting.fixed(detection.lower, digits: 2))
        band.field("upper", raw: NumberFormatting.fixed(detection.upper, digits: 2))
        json.field("band", raw: band.finish())
        json.field("score", raw: NumberFormatting.fixed(detection.score, digits: 2))
        json.field("summary", alert.summary)
        json.field("evidence", raw: evidenceObject(detection))
        json.field("data_class", alert.context.dataClass.rawValue)
        if let notifyBy = alert.context.notifyBy { json.field("notify_by", TimeFormatting.rfc3339(notifyBy)) }
        json.field("containment", alert.context.containment)
        if !alert.incident.isEmpty { json.field("incident", alert.incident) }
        return json.finish()
    }

    static func keyObject(_ detection: Detection) -> String {
        var key = JSONObjectWriter()
        key.field("dimension", detection.dimension.name)
        if let pair = detection.keyPair {
            key.field("principal", pair.principal)
            key.field(detection.dimension == .principalEndpoint ? Dimension.endpoint.name : Dimension.sourceNetwork.name,
                      pair.other)
        } else {
            key.field(detection.dimension.name, detection.keyName)
        }
        return key.finish()
    }

    static func evidenceObject(_ detection: Detection) -> String {
        var evidence = JSONObjectWriter()
        var totals = JSONObjectWriter()
        totals.field("requests", raw: String(detection.totals.requests))
        totals.field("bytes", raw: String(detection.totals.bytes))
        totals.field("records", raw: String(detection.totals.records))
        totals.field("synthetic_records", raw: String(detection.totals.syntheticRecords))
        totals.field("status_4xx", raw: String(detection.totals.clientErrors))
        totals.field("status_5xx", raw: String(detection.totals.serverErrors))
        totals.field("auth_failures", raw: String(detection.totals.authFailures))
        totals.field("declared_provenance", raw: String(detection.totals.declared))
        evidence.field("window_totals", raw: totals.finish())
        let label = detection.dimension.contributor.name
        var list = "["
        for (index, contributor) in detection.contributors.enumerated() {
            var item = JSONObjectWriter()
            item.field(label, contributor.name)
            item.field("share", raw: NumberFormatting.fixed(contributor.share, digits: 3))
            item.field("requests", raw: String(contributor.requests))
            item.field("records", raw: String(contributor.records))
            item.field("bytes", raw: String(contributor.bytes))
            if index > 0 { list += "," }
            list += item.finish()
        }
        list += "]"
        evidence.field("top_\(label)s", raw: list)
        return evidence.finish()
    }
}

/// Appends `"key":value` pairs in the order given.
package struct JSONObjectWriter {
    private var text = "{"
    package init() {}
    private var first = true

    package mutating func field(_ key: String, _ value: String) {
        field(key, raw: JSONString.quoted(value))
    }

    package mutating func field(_ key: String, raw value: String) {
        if !first { text += "," }
        first = false
        text += JSONString.quoted(key) + ":" + value
    }

    package func finish() -> String { text + "}" }
}

/// JSON string quoting per RFC 8259 (control characters escaped, everything else as UTF-8).
package enum JSONString {
    package static func quoted(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case let control where control.value < 0x20:
                let hex = Array("0123456789abcdef")
                result += "\\u00" + String(hex[Int(control.value >> 4)]) + String(hex[Int(control.value & 0xf)])
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
