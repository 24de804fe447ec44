#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes alerts as JSON lines to standard output, flushed after each batch.
package struct StandardOutputSink {
    package init() {}

    /// Writes each alert on its own line.
    package func send(_ alerts: [Alert]) {
        guard !alerts.isEmpty else { return }
        var text = ""
        for alert in alerts {
            text += AlertJSONEncoder.encode(alert)
            text += "\n"
        }
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { raw in
            var written = 0
            while written < raw.count {
                let n = write(1, raw.baseAddress! + written, raw.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return
                }
                written += n
            }
        }
    }
}
