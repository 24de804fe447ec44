/// How `leakwatch monitor` runs: what it follows, where it keeps its checkpoint, how often it looks.
package struct MonitorSettings: Sendable, Equatable {
    /// Files, directories and globs to follow (`input.paths`).
    package var paths: [String] = []
    /// Where the checkpoint (read positions, baselines, open incidents) and the alert outbox live.
    package var stateDirectory = "/var/lib/leakwatch"
    /// How often the inputs are polled for new lines.
    package var pollMillis: Int64 = 200
    /// How often a checkpoint is saved (and always on shutdown).
    package var checkpointMillis: Int64 = 5_000
    /// Wall-clock time without new lines after which an input stops holding back the merge of the others.
    package var inputIdleMillis: Int64 = 5_000
    /// `host:port` of the `/metrics` and `/healthz` endpoints; empty turns them off.
    package var metricsAddress = "127.0.0.1:9464"

    package init() {}
}

extension LeakWatchConfiguration {
    mutating func applyMonitor(_ node: ConfigNode) throws(ConfigError) {
        let keys = try node.mapping(allowed: ["state_dir", "poll_interval", "checkpoint_interval", "input_idle",
                                              "metrics_address"])
        if let directory = keys["state_dir"] {
            let text = try directory.string()
            guard !text.isEmpty else { throw directory.error("must name a directory") }
            monitor.stateDirectory = text
        }
        if let interval = keys["poll_interval"] { monitor.pollMillis = try interval.duration(minimumMillis: 10) }
        if let interval = keys["checkpoint_interval"] {
            monitor.checkpointMillis = try interval.duration(minimumMillis: 100)
        }
        if let idle = keys["input_idle"] { monitor.inputIdleMillis = try idle.duration(minimumMillis: 0) }
        if let address = keys["metrics_address"] {
            let text = try address.string()
            guard text.isEmpty || MonitorSettings.splitAddress(text) != nil else {
                throw address.error("must be host:port with a port from 1 to 65535, or empty (got \"\(text)\")")
            }
            monitor.metricsAddress = text
        }
    }
}

extension MonitorSettings {
    /// `host:port` (`[::1]:9464` for IPv6) split into its parts; nil when malformed.
    package static func splitAddress(_ text: String) -> (host: String, port: Int)? {
        guard let colon = text.lastIndex(of: ":") else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty, let port = Int(text[text.index(after: colon)...]), (1...65_535).contains(port) else {
            return nil
        }
        return (host, port)
    }
}
