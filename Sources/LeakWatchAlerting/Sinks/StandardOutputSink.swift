/// Writes alerts as JSON lines to standard output, flushed after each batch.
package struct StandardOutputSink: Sendable {
    package init() {}

    /// Writes each alert on its own line.
    package func send(_ alerts: [Alert]) {
        guard !alerts.isEmpty else { return }
        FileDescriptorWriter.writeAll(1, Self.jsonLines(alerts))
    }

    /// The alerts as JSON lines, each ending in a newline.
    package static func jsonLines(_ alerts: [Alert]) -> [UInt8] {
        var text = ""
        for alert in alerts {
            text += AlertJSONEncoder.encode(alert)
            text += "\n"
        }
        return Array(text.utf8)
    }
}
