package import LeakWatchAlerting
package import LeakWatchEngine

/// Turns the traced window points of the chosen keys into drawable series.
package enum SeriesBuilder {
    /// - Parameters:
    ///   - keys: the chosen keys, in display order.
    ///   - points: traced points of those keys (any order).
    ///   - alerts: the run's alerts (firing ones become markers on their key).
    ///   - span: first and last event time of the run (sets the common bucket width).
    ///   - windowMillis: the engine window.
    ///   - maxPoints: most points per series.
    package static func build(
        keys: [ChosenKey], points: [KeyTracePoint], alerts: [Alert], span: (first: Int64, last: Int64),
        windowMillis: Int64, maxPoints: Int
    ) -> [KeySeries] {
        let bucket = Downsampling.bucketMillis(span: span.last - span.first, windowMillis: windowMillis,
                                               maxPoints: maxPoints)
        var byKey: [UInt64: [KeyTracePoint]] = [:]
        for point in points { byKey[point.keyHash, default: []].append(point) }
        return keys.map { key in
            let own = (byKey[key.keyHash] ?? []).sorted { $0.windowStart < $1.windowStart }
            let keyAlerts = alerts.filter { $0.detection.status == .firing && $0.detection.keyHash == key.keyHash }
            let records = metricIsRecords(own, alerts: keyAlerts)
            let windows = own.map { point in
                SeriesPoint(
                    time: point.windowStart, observed: records ? point.records : point.requests,
                    expected: records ? point.expectedRecords : point.expectedRequests,
                    bound: records ? point.recordsBound : point.requestsBound)
            }
            return KeySeries(
                keyHash: key.keyHash, dimension: key.dimension.name, keyName: displayName(key), reasons: key.reasons,
                metric: records ? "records" : "requests", bucketMillis: bucket,
                points: Downsampling.downsample(windows, bucketMillis: bucket),
                alerts: keyAlerts.map(ReportMarks.mark))
        }
    }

    /// Records when most of the key's volume alerts were on records, or (no such alerts) when it moved more
    /// records than requests; requests otherwise.
    static func metricIsRecords(_ points: [KeyTracePoint], alerts: [Alert]) -> Bool {
        let onRecords = alerts.filter { $0.detection.metric == .records }.count
        let onRequests = alerts.filter { $0.detection.metric == .requests }.count
        if onRecords != onRequests { return onRecords > onRequests }
        return points.reduce(0) { $0 + $1.records } > points.reduce(0) { $0 + $1.requests }
    }

    static func displayName(_ key: ChosenKey) -> String {
        guard let split = key.name.firstIndex(of: KeyNaming.pairSeparator) else { return key.name }
        return key.name[..<split] + " " + key.name[key.name.index(after: split)...]
    }
}

/// Reduces alerts to chart marks.
package enum ReportMarks {
    /// The mark of a firing alert: at the start of the window it found anomalous.
    package static func mark(_ alert: Alert) -> AlertMark {
        AlertMark(time: alert.detection.windowStart, detector: alert.detection.detector.rawValue,
                  severity: alert.severity.rawValue, keyHash: alert.detection.keyHash)
    }
}
