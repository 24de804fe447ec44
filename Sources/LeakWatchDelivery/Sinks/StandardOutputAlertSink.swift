package import LeakWatchAlerting

/// ``StandardOutputSink`` as an ``AlertSink``: JSON lines on stdout, written as each batch arrives.
package struct StandardOutputAlertSink: AlertSink {
    package let name = "stdout"
    private let output = StandardOutputSink()

    package init() {}

    package func deliver(_ alerts: [Alert]) {
        output.send(alerts)
    }

    package func start() {}

    package func flush() {}

    package func shutdown() {}

    package func statistics() -> SinkStatistics { SinkStatistics(name: name) }
}
