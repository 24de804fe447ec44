package import LeakWatchAlerting

/// Appends alerts as JSON lines to a file (created with its directory if missing); ``flush()`` fsyncs it.
package actor FileSink: AlertSink {
    package nonisolated let name: String
    private let file: AppendOnlyFile
    private var metrics: SinkMetrics

    /// Opens `path` for appending.
    /// - Throws: ``DeliveryError`` `fileUnwritable` when it cannot be opened.
    package init(path: String, name: String = "file") throws(DeliveryError) {
        self.name = name
        file = try AppendOnlyFile(path: path)
        metrics = SinkMetrics(sink: name)
    }

    package func deliver(_ alerts: [Alert]) throws(DeliveryError) {
        guard !alerts.isEmpty else { return }
        try file.append(StandardOutputSink.jsonLines(alerts))
        metrics.delivered(alerts.count)
    }

    package func start() {}

    package func flush() throws(DeliveryError) {
        try file.sync()
    }

    package func shutdown() {
        try? file.sync()
        file.close()
    }

    package func statistics() -> SinkStatistics { metrics.statistics }
}
