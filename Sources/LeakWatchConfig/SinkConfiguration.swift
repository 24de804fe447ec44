import Foundation

/// Where alerts go: one entry of the `sinks:` list (see `docs/delivery.md`). Plain values; the delivery module
/// builds the sinks from them.
package struct SinkConfiguration: Sendable, Equatable {
    package enum Kind: String, Sendable, CaseIterable {
        case stdout, file, webhook, alertmanager
    }

    /// Where a webhook's signing secret is read from (never the command line or the config file itself).
    package enum SecretSource: Sendable, Equatable {
        /// An environment variable's value.
        case environment(String)
        /// A file's content (trailing newlines ignored).
        case file(String)
    }

    package var kind: Kind
    /// Names the sink in logs and metrics; defaults to the type, or `type-<index>` when the type repeats.
    package var name: String
    /// `file`: the alerts file (JSON lines, appended).
    package var path = ""
    /// `webhook`: the endpoint; `alertmanager`: the base URL.
    package var url = ""
    package var secret: SecretSource?
    package var timeoutMillis: Int64 = 10_000
    /// `webhook`: alerts per request at most.
    package var batchSize = 100
    /// `webhook`: where undelivered batches wait (required for webhooks).
    package var outboxDirectory = ""
    package var outboxMaximumBytes = 64 << 20
    /// `webhook`: refused batches (default `dead-letter.jsonl` in the outbox directory).
    package var deadLetterPath: String?
    package var retryInitialMillis: Int64 = 1000
    package var retryMaximumMillis: Int64 = 300_000
    /// `alertmanager`: how often active alerts are re-sent.
    package var resendIntervalMillis: Int64 = 60_000
    /// How long delivery may go on when the run ends before the rest is left in the outbox.
    package var drainTimeoutMillis: Int64 = 30_000
    /// The config file and key of this entry (`leakwatch.yml`, `sinks[1]`), for errors found later (a missing
    /// secret).
    package var file = ""
    package var key = ""

    package init(kind: Kind, name: String) {
        self.kind = kind
        self.name = name
    }

    /// Reads the secret.
    /// - Throws: ``ConfigError`` naming the key when the variable is unset or empty or the file cannot be read.
    package func readSecret(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigError) -> String? {
        switch secret {
        case nil:
            return nil
        case .environment(let variable):
            guard let value = environment[variable], !value.isEmpty else {
                throw ConfigError(file: file, key: secretKey,
                                  problem: "environment variable \(variable) is not set or empty")
            }
            return value
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path), !data.isEmpty else {
                throw ConfigError(file: file, key: secretKey, problem: "cannot read \(path) (or it is empty)")
            }
            return String(decoding: data, as: UTF8.self)
        }
    }

    /// The dotted key the secret was configured under, for errors.
    package var secretKey: String {
        if case .file = secret { return key + ".secret_file" }
        return key + ".secret_env"
    }

    /// The keys each type takes.
    static func allowedKeys(_ kind: Kind) -> Set<String> {
        let common: Set<String> = ["type", "name"]
        switch kind {
        case .stdout: return common
        case .file: return common.union(["path"])
        case .webhook:
            return common.union(["url", "secret_env", "secret_file", "timeout", "batch_size", "outbox", "dead_letter",
                                 "retry", "drain_timeout"])
        case .alertmanager: return common.union(["url", "timeout", "resend_interval", "retry", "drain_timeout"])
        }
    }
}

extension SinkConfiguration {
    /// Parses the `sinks:` list.
    static func parseList(_ node: ConfigNode) throws(ConfigError) -> [SinkConfiguration] {
        var sinks: [SinkConfiguration] = []
        var unnamed: [Int] = []
        for (index, item) in try node.items().enumerated() {
            let sink = try parse(item)
            if sink.name.isEmpty { unnamed.append(index) }
            sinks.append(sink)
        }
        for index in unnamed {
            let kind = sinks[index].kind
            let repeated = unnamed.filter { sinks[$0].kind == kind }.count > 1
            sinks[index].name = repeated ? "\(kind.rawValue)-\(index)" : kind.rawValue
        }
        var seen: Set<String> = []
        for sink in sinks where !seen.insert(sink.name).inserted {
            throw ConfigError(file: node.file, key: sink.key + ".name", problem: "\"\(sink.name)\" names two sinks")
        }
        return sinks
    }

    private static func parse(_ node: ConfigNode) throws(ConfigError) -> SinkConfiguration {
        let all = Kind.allCases.reduce(into: Set<String>()) { $0.formUnion(allowedKeys($1)) }
        let keys = try node.mapping(allowed: all)
        guard let typeNode = keys["type"] else {
            throw node.error("needs a type (one of \(Kind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let typeName = try typeNode.string()
        guard let kind = Kind(rawValue: typeName) else {
            let names = Kind.allCases.map(\.rawValue).joined(separator: ", ")
            throw typeNode.error("must be one of \(names) (got \"\(typeName)\")")
        }
        for (key, child) in keys where !allowedKeys(kind).contains(key) {
            let allowed = allowedKeys(kind).sorted().joined(separator: ", ")
            throw child.error("is not used by \(typeName) sinks (they take: \(allowed))")
        }
        var sink = SinkConfiguration(kind: kind, name: try keys["name"]?.string() ?? "")
        sink.file = node.file
        sink.key = node.path
        if let path = keys["path"] { sink.path = try path.string() }
        if let url = keys["url"] { sink.url = try url.httpURL() }
        if let timeout = keys["timeout"] { sink.timeoutMillis = try timeout.duration(minimumMillis: 100) }
        if let size = keys["batch_size"] { sink.batchSize = try size.integer(minimum: 1, maximum: 10_000) }
        if let drain = keys["drain_timeout"] { sink.drainTimeoutMillis = try drain.duration(minimumMillis: 0) }
        if let resend = keys["resend_interval"] { sink.resendIntervalMillis = try resend.duration(minimumMillis: 1000) }
        if let path = keys["dead_letter"] { sink.deadLetterPath = try path.string() }
        try sink.applySecret(keys)
        if let outbox = keys["outbox"] {
            let settings = try outbox.mapping(allowed: ["directory", "max_bytes"])
            if let directory = settings["directory"] { sink.outboxDirectory = try directory.string() }
            if let bytes = settings["max_bytes"] { sink.outboxMaximumBytes = try bytes.integer(minimum: 65_536) }
        }
        if let retry = keys["retry"] {
            let settings = try retry.mapping(allowed: ["initial", "max"])
            if let initial = settings["initial"] { sink.retryInitialMillis = try initial.duration(minimumMillis: 1) }
            if let maximum = settings["max"] {
                sink.retryMaximumMillis = try maximum.duration(minimumMillis: sink.retryInitialMillis)
            }
        }
        try sink.checkRequired(node)
        return sink
    }

    private mutating func applySecret(_ keys: [String: ConfigNode]) throws(ConfigError) {
        if let variable = keys["secret_env"] { secret = .environment(try variable.string()) }
        if let path = keys["secret_file"] {
            guard secret == nil else { throw path.error("give secret_env or secret_file, not both") }
            secret = .file(try path.string())
        }
    }

    private func checkRequired(_ node: ConfigNode) throws(ConfigError) {
        switch kind {
        case .stdout:
            break
        case .file:
            if path.isEmpty { throw node.error("file sinks need a path") }
        case .webhook:
            if url.isEmpty { throw node.error("webhook sinks need a url") }
            if outboxDirectory.isEmpty {
                throw node.error("webhook sinks need outbox.directory (where undelivered alerts wait across restarts)")
            }
        case .alertmanager:
            if url.isEmpty { throw node.error("alertmanager sinks need a url (like http://127.0.0.1:9093)") }
        }
    }
}

extension ConfigNode {
    /// An absolute http or https URL with a host.
    func httpURL() throws(ConfigError) -> String {
        let text = try string()
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = url.host, !host.isEmpty
        else { throw error("must be an http:// or https:// URL (got \"\(text)\")") }
        return text
    }
}
