import Foundation
package import LeakWatchAlerting
package import LeakWatchEngine
package import LeakWatchParsing
import Yams

/// Everything a replay (and later the daemon) is configured with, loaded from one YAML file.
package struct LeakWatchConfiguration: Sendable {
    package var format: LogFormat?
    package var mapping = FieldMapping()
    package var endpointRules = EndpointTemplater.Rules()
    package var maxLineBytes = 1 << 20
    package var workers: Int?
    package var engine = EngineConfiguration()
    /// How endpoints map to data classes (severity, GDPR notification deadline).
    package var dataClasses = DataClassRules()
    /// The daemon's inputs, state and polling (`input.paths` and the `monitor` section).
    package var monitor = MonitorSettings()
    /// Where alerts go (`sinks:`); empty means standard output.
    package var sinks: [SinkConfiguration] = []

    /// The documented defaults.
    package init() {}

    /// Loads and validates `path`.
    /// - Throws: ``ConfigError`` naming the file, the key and the problem.
    package static func load(path: String) throws(ConfigError) -> LeakWatchConfiguration {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigError(file: path, key: "", problem: "cannot be read (\(error.localizedDescription))")
        }
        return try parse(yaml: text, file: path)
    }

    /// Parses YAML text (`file` names it in errors).
    package static func parse(yaml text: String, file: String) throws(ConfigError) -> LeakWatchConfiguration {
        let document: Any?
        do {
            document = try Yams.load(yaml: text)
        } catch {
            throw ConfigError(file: file, key: "", problem: "is not valid YAML: \(error)")
        }
        var configuration = LeakWatchConfiguration()
        guard let document else { return configuration }
        let root = ConfigNode(file: file, path: "", value: document)
        let sections = try root.mapping(allowed: ["input", "fields", "endpoints", "engine", "cardinality",
                                                  "baselines", "detectors", "data_classes", "monitor", "sinks"])
        if let input = sections["input"] { try configuration.applyInput(input) }
        if let fields = sections["fields"] { try configuration.applyFields(fields) }
        if let endpoints = sections["endpoints"] { try configuration.applyEndpoints(endpoints) }
        if let engine = sections["engine"] { try configuration.applyEngine(engine) }
        if let caps = sections["cardinality"] { try configuration.applyCardinality(caps) }
        if let baselines = sections["baselines"] { try configuration.applyBaselines(baselines) }
        if let detectors = sections["detectors"] { try configuration.applyDetectors(detectors) }
        if let monitor = sections["monitor"] { try configuration.applyMonitor(monitor) }
        if let classes = sections["data_classes"] {
            let keys = try classes.mapping(allowed: ["payment", "personal", "none"])
            if let list = keys["payment"] { configuration.dataClasses.payment = try list.strings() }
            if let list = keys["personal"] { configuration.dataClasses.personal = try list.strings() }
            if let list = keys["none"] { configuration.dataClasses.none = try list.strings() }
        }
        if let sinks = sections["sinks"] { configuration.sinks = try SinkConfiguration.parseList(sinks) }
        return configuration
    }

    private mutating func applyInput(_ node: ConfigNode) throws(ConfigError) {
        let keys = try node.mapping(allowed: ["format", "max_line_bytes", "kind", "paths"])
        if let paths = keys["paths"] {
            let list = try paths.strings()
            for (index, path) in list.enumerated() where path.isEmpty {
                throw ConfigNode(file: paths.file, path: "\(paths.path)[\(index)]", value: path).error("must not be empty")
            }
            monitor.paths = list
        }
        if let format = keys["format"] {
            let name = try format.string()
            if name == "auto" {
                self.format = nil
            } else if let known = LogFormat(rawValue: name) {
                self.format = known
            } else {
                throw format.error("must be one of \(LogFormat.choices) (got \"\(name)\")")
            }
        }
        if let limit = keys["max_line_bytes"] { maxLineBytes = try limit.integer(minimum: 1024, maximum: 1 << 30) }
        if let kind = keys["kind"] {
            switch try kind.string() {
            case "auto": mapping.kindOverride = nil
            case "access": mapping.kindOverride = .access
            case "export": mapping.kindOverride = .export
            default: throw kind.error("must be auto, access or export")
            }
        }
    }

    private mutating func applyFields(_ node: ConfigNode) throws(ConfigError) {
        let keys = try node.mapping(allowed: Set(FieldMapping.LogicalField.allCases.map(\.rawValue)))
        for field in FieldMapping.LogicalField.allCases {
            guard let path = keys[field.rawValue] else { continue }
            let text = try path.string()
            guard !text.isEmpty, !text.hasPrefix("."), !text.hasSuffix("."), !text.contains("..") else {
                throw path.error("must be a field name or a dotted path like userIdentity.arn (got \"\(text)\")")
            }
            mapping.set(field, path: text)
        }
    }

    private mutating func applyEndpoints(_ node: ConfigNode) throws(ConfigError) {
        let keys = try node.mapping(allowed: ["templates", "numeric_ids", "uuids", "hex", "emails", "tokens", "dates",
                                              "hex_min_length", "token_min_length", "max_segments"])
        if let templates = keys["templates"] {
            let list = try templates.strings()
            for (index, template) in list.enumerated() where !template.hasPrefix("/") {
                throw ConfigNode(file: templates.file, path: "\(templates.path)[\(index)]", value: template)
                    .error("must start with / (got \"\(template)\")")
            }
            endpointRules.templates = list
        }
        if let flag = keys["numeric_ids"] { endpointRules.numericIDs = try flag.bool() }
        if let flag = keys["uuids"] { endpointRules.uuids = try flag.bool() }
        if let flag = keys["hex"] { endpointRules.hexStrings = try flag.bool() }
        if let flag = keys["emails"] { endpointRules.emails = try flag.bool() }
        if let flag = keys["tokens"] { endpointRules.tokens = try flag.bool() }
        if let flag = keys["dates"] { endpointRules.dates = try flag.bool() }
        if let length = keys["hex_min_length"] { endpointRules.hexMinLength = try length.integer(minimum: 4, maximum: 256) }
        if let length = keys["token_min_length"] { endpointRules.tokenMinLength = try length.integer(minimum: 8, maximum: 256) }
        if let count = keys["max_segments"] { endpointRules.maxSegments = try count.integer(minimum: 1, maximum: 64) }
    }

    private mutating func applyEngine(_ node: ConfigNode) throws(ConfigError) {
        let keys = try node.mapping(allowed: ["window", "allowed_lateness", "workers", "evict_idle_after"])
        if let window = keys["window"] {
            engine.windowMillis = try window.duration(minimumMillis: 1000)
            guard SeasonalCalendar.hourMillis % engine.windowMillis == 0 else {
                throw window.error("must divide one hour evenly (e.g. 30s, 1m, 5m, 15m)")
            }
        }
        if let lateness = keys["allowed_lateness"] { engine.allowedLatenessMillis = try lateness.duration(minimumMillis: 0) }
        if let workers = keys["workers"] {
            let count = try workers.integer(minimum: 0, maximum: 64)
            self.workers = count == 0 ? nil : count
        }
        if let idle = keys["evict_idle_after"] {
            let millis = try idle.duration(minimumMillis: 0)
            guard millis == 0 || millis >= SeasonalCalendar.hourMillis,
                  millis == 0 || millis > engine.allowedLatenessMillis + 2 * engine.windowMillis
            else {
                throw idle.error("must be 0s (never) or at least 1h and longer than allowed_lateness (got \"\(idle.describe())\")")
            }
            engine.evictIdleMillis = millis
        }
    }

    private mutating func applyCardinality(_ node: ConfigNode) throws(ConfigError) {
        let keys = try node.mapping(allowed: Set(Dimension.allCases.map(\.name)))
        for dimension in Dimension.allCases {
            if let cap = keys[dimension.name] {
                engine.cardinalityCaps[dimension] = try cap.integer(minimum: 1, maximum: 10_000_000)
            }
        }
    }

    private mutating func applyBaselines(_ node: ConfigNode) throws(ConfigError) {
        let keys = try node.mapping(allowed: ["warmup", "seasonal_alpha", "global_alpha", "timezone_offset_minutes",
                                              "winsorize_deviations", "peak_half_life"])
        if let warmup = keys["warmup"] {
            engine.baseline.warmupHours = Int(try warmup.duration(minimumMillis: 0) / SeasonalCalendar.hourMillis)
        }
        if let alpha = keys["seasonal_alpha"] { engine.baseline.seasonalAlpha = try alpha.number(minimum: 0.001) }
        if let alpha = keys["global_alpha"] { engine.baseline.globalAlpha = try alpha.number(minimum: 0.0001) }
        if let offset = keys["timezone_offset_minutes"] {
            engine.baseline.timeZoneOffsetMinutes = try offset.integer(minimum: -14 * 60, maximum: 14 * 60)
        }
        if let halfLife = keys["peak_half_life"] {
            engine.baseline.peakHalfLifeHours = Double(try halfLife.duration(minimumMillis: 60_000)) / 3_600_000
        }
        if let clip = keys["winsorize_deviations"] { engine.baseline.winsorizeDeviations = try clip.number(minimum: 1) }
    }

    private mutating func applyDetectors(_ node: ConfigNode) throws(ConfigError) {
        let keys = try node.mapping(allowed: ["volume_spike", "synthetic_volume", "synthetic_destination",
                                              "auth_failures", "provenance_missing", "new_entity", "off_hours_bulk",
                                              "fan_in", "enumeration", "low_and_slow"])
        if let spike = keys["volume_spike"] {
            let settings = try spike.mapping(allowed: ["enabled", "threshold", "min_ratio", "min_requests",
                                                       "min_records", "min_bytes", "resolve_after",
                                                       "min_peak_ratio"])
            if let value = settings["enabled"] { engine.volumeSpike.enabled = try value.bool() }
            if let value = settings["threshold"] { engine.volumeSpike.threshold = try value.number(minimum: 0.5) }
            if let value = settings["min_ratio"] { engine.volumeSpike.minRatio = try value.number(minimum: 1) }
            if let value = settings["min_peak_ratio"] { engine.volumeSpike.minPeakRatio = try value.number(minimum: 0) }
            if let value = settings["min_requests"] { engine.volumeSpike.minRequests = try value.number(minimum: 0) }
            if let value = settings["min_records"] { engine.volumeSpike.minRecords = try value.number(minimum: 0) }
            if let value = settings["min_bytes"] { engine.volumeSpike.minBytes = try value.number(minimum: 0) }
            if let value = settings["resolve_after"] {
                engine.volumeSpike.resolveAfterWindows = try value.integer(minimum: 1, maximum: 1440)
            }
        }
        if let node = keys["synthetic_volume"] {
            let settings = try node.mapping(allowed: ["enabled", "threshold", "min_ratio", "min_synthetic_records",
                                                      "share_jump", "min_records_for_share"])
            if let value = settings["enabled"] { engine.synthetic.volumeEnabled = try value.bool() }
            if let value = settings["threshold"] { engine.synthetic.threshold = try value.number(minimum: 0.5) }
            if let value = settings["min_ratio"] { engine.synthetic.minRatio = try value.number(minimum: 1) }
            if let value = settings["min_synthetic_records"] {
                engine.synthetic.minSyntheticRecords = try value.number(minimum: 0)
            }
            if let value = settings["share_jump"] { engine.synthetic.shareJump = try value.number(minimum: 0.01) }
            if let value = settings["min_records_for_share"] {
                engine.synthetic.minRecordsForShare = try value.number(minimum: 1)
            }
        }
        if let node = keys["synthetic_destination"] {
            let settings = try node.mapping(allowed: ["enabled", "allowed_destinations"])
            if let value = settings["enabled"] { engine.synthetic.destinationEnabled = try value.bool() }
            if let value = settings["allowed_destinations"] { engine.synthetic.allowedDestinations = try value.strings() }
        }
        if let node = keys["auth_failures"] {
            let settings = try node.mapping(allowed: ["enabled", "threshold", "min_ratio", "min_failures"])
            if let value = settings["enabled"] { engine.authFailures.enabled = try value.bool() }
            if let value = settings["threshold"] { engine.authFailures.threshold = try value.number(minimum: 0.5) }
            if let value = settings["min_ratio"] { engine.authFailures.minRatio = try value.number(minimum: 1) }
            if let value = settings["min_failures"] { engine.authFailures.minFailures = try value.number(minimum: 1) }
        }
        if let node = keys["provenance_missing"] {
            let settings = try node.mapping(allowed: ["enabled", "usual_share", "current_share_below", "min_requests",
                                                      "ai_principals"])
            if let value = settings["enabled"] { engine.provenance.enabled = try value.bool() }
            if let value = settings["usual_share"] { engine.provenance.usualShare = try value.number(minimum: 0) }
            if let value = settings["current_share_below"] {
                engine.provenance.currentShareBelow = try value.number(minimum: 0)
            }
            if let value = settings["min_requests"] { engine.provenance.minRequests = try value.number(minimum: 1) }
            if let value = settings["ai_principals"] { engine.provenance.aiPrincipals = try value.strings() }
        }
        if let node = keys["new_entity"] {
            let settings = try node.mapping(allowed: ["enabled", "new_for", "min_requests", "min_records"])
            if let value = settings["enabled"] { engine.newEntity.enabled = try value.bool() }
            if let value = settings["new_for"] {
                engine.newEntity.newForMinutes = Int(try value.duration(minimumMillis: 60_000) / 60_000)
            }
            if let value = settings["min_requests"] { engine.newEntity.minRequests = try value.number(minimum: 1) }
            if let value = settings["min_records"] { engine.newEntity.minRecords = try value.number(minimum: 1) }
        }
        if let node = keys["fan_in"] {
            let settings = try node.mapping(allowed: ["enabled", "min_principals", "threshold", "min_ratio",
                                                      "min_requests"])
            if let value = settings["enabled"] { engine.fanIn.enabled = try value.bool() }
            if let value = settings["min_principals"] { engine.fanIn.minPrincipals = try value.number(minimum: 2) }
            if let value = settings["threshold"] { engine.fanIn.threshold = try value.number(minimum: 0.5) }
            if let value = settings["min_ratio"] { engine.fanIn.minRatio = try value.number(minimum: 1) }
            if let value = settings["min_requests"] { engine.fanIn.minRequests = try value.number(minimum: 1) }
        }
        if let node = keys["enumeration"] {
            let settings = try node.mapping(allowed: ["enabled", "min_ids", "min_distinct_share", "min_monotonic_share",
                                                      "min_density", "min_ratio"])
            if let value = settings["enabled"] { engine.enumeration.enabled = try value.bool() }
            if let value = settings["min_ids"] { engine.enumeration.minIDs = try value.number(minimum: 2) }
            if let value = settings["min_distinct_share"] {
                engine.enumeration.minDistinctShare = try value.number(minimum: 0)
            }
            if let value = settings["min_monotonic_share"] {
                engine.enumeration.minMonotonicShare = try value.number(minimum: 0)
            }
            if let value = settings["min_density"] { engine.enumeration.minDensity = try value.number(minimum: 0) }
            if let value = settings["min_ratio"] { engine.enumeration.minRatio = try value.number(minimum: 1) }
        }
        if let node = keys["low_and_slow"] {
            let settings = try node.mapping(allowed: ["enabled", "allowance", "decision_deviations",
                                                      "min_excess_requests", "min_excess_records", "min_hours"])
            if let value = settings["enabled"] { engine.lowAndSlow.enabled = try value.bool() }
            if let value = settings["allowance"] { engine.lowAndSlow.allowance = try value.number(minimum: 0) }
            if let value = settings["decision_deviations"] {
                engine.lowAndSlow.decisionDeviations = try value.number(minimum: 0.5)
            }
            if let value = settings["min_excess_requests"] {
                engine.lowAndSlow.minExcessRequests = try value.number(minimum: 1)
            }
            if let value = settings["min_excess_records"] {
                engine.lowAndSlow.minExcessRecords = try value.number(minimum: 1)
            }
            if let value = settings["min_hours"] { engine.lowAndSlow.minHours = try value.integer(minimum: 1, maximum: 24 * 30) }
        }
        if let node = keys["off_hours_bulk"] {
            let settings = try node.mapping(allowed: ["enabled", "min_records", "min_bytes", "usual_share_below",
                                                      "minimum_history"])
            if let value = settings["enabled"] { engine.offHours.enabled = try value.bool() }
            if let value = settings["min_records"] { engine.offHours.minRecords = try value.number(minimum: 1) }
            if let value = settings["min_bytes"] { engine.offHours.minBytes = try value.number(minimum: 1) }
            if let value = settings["usual_share_below"] {
                engine.offHours.usualShareBelow = try value.number(minimum: 0)
            }
            if let value = settings["minimum_history"] {
                engine.offHours.minimumHistoryHours = Int(try value.duration(minimumMillis: 0) / 3_600_000)
            }
        }
    }
}

extension NSNull: NSNullLike {}
