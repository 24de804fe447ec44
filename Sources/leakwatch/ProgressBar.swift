#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LeakWatchAlerting
import LeakWatchEngine
import LeakWatchIngest

/// A one-line progress bar on standard error (bytes done of total, rate, time left), drawn only when standard
/// error is a terminal so that logs and pipes never receive it.
final class ProgressBar {
    private let label: String
    private let started: Double
    private var lastDrawn: Double = -1
    private var drawn = false
    /// Seconds between redraws at most.
    static let interval = 0.25

    /// A bar for a job called `label`, or nil when standard error is not a terminal.
    init?(label: String) {
        guard isatty(2) == 1 else { return nil }
        self.label = label
        started = MonotonicClock.seconds()
    }

    /// Redraws the bar for a replay's progress (file bytes read of the total).
    func update(_ progress: ReplayProgress) {
        update(done: progress.bytesRead, total: progress.totalBytes)
    }

    /// Redraws the bar if the last drawing is old enough.
    func update(done: Int64, total: Int64) {
        let now = MonotonicClock.seconds()
        guard now - lastDrawn >= Self.interval else { return }
        lastDrawn = now
        drawn = true
        StandardError.write("\r" + Self.render(label: label, done: done, total: total, elapsed: now - started) + "\u{1B}[K")
    }

    /// Clears the bar's line (before the job prints its own lines).
    func finish() {
        if drawn { StandardError.write("\r\u{1B}[K") }
        drawn = false
    }

    /// The bar's text, e.g. `replay [#########...........]  45%  1.2 GB of 2.7 GB  310.2 MB/s  ETA 0:05`.
    static func render(label: String, done: Int64, total: Int64, elapsed: Double, width: Int = 24) -> String {
        let fraction = total > 0 ? min(1, max(0, Double(done) / Double(total))) : 0
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let percent = Int((fraction * 100).rounded(.down))
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        var text = "\(label) [\(bar)] \(percent < 10 ? "  " : percent < 100 ? " " : "")\(percent)%  "
            + "\(NumberFormatting.bytes(done)) of \(NumberFormatting.bytes(total))"
        if rate > 0 {
            text += "  \(NumberFormatting.fixed(rate / 1e6, digits: 1)) MB/s"
            let left = Double(max(0, total - done)) / rate
            text += "  ETA \(Self.duration(left))"
        }
        return text
    }

    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded(.up))
        let hours = total / 3600
        let minutes = (total % 3600) / 60
        let rest = total % 60
        let mmss = (minutes < 10 && hours > 0 ? "0" : "") + "\(minutes):" + (rest < 10 ? "0" : "") + "\(rest)"
        return hours > 0 ? "\(hours):\(mmss)" : mmss
    }
}
