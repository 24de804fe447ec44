import LeakWatchConfig
import LeakWatchEngine
import LeakWatchParsing
import Testing

@Suite("YAML configuration")
struct ConfigurationTests {
    @Test("the documented example config loads and equals the defaults")
    func exampleConfigIsTheDefaults() throws {
        let path = String(#filePath.split(separator: "/Tests/")[0]) + "/docs/leakwatch.example.yml"
        let loaded = try LeakWatchConfiguration.load(path: path)
        let defaults = LeakWatchConfiguration()
        #expect(loaded.engine == defaults.engine)
        #expect(loaded.mapping == defaults.mapping)
        #expect(loaded.endpointRules == defaults.endpointRules)
        #expect(loaded.maxLineBytes == defaults.maxLineBytes)
        #expect(loaded.dataClasses == defaults.dataClasses)
        #expect(loaded.monitor == defaults.monitor)
    }

    @Test("the monitor section and input paths are read")
    func monitorSettings() throws {
        let configuration = try LeakWatchConfiguration.parse(yaml: """
            input:
              paths: ["/var/log/gw/*.jsonl*", /var/log/exports]
            monitor:
              state_dir: /tmp/lw
              poll_interval: 50ms
              metrics_address: "[::1]:9100"
            """, file: "m.yml")
        #expect(configuration.monitor.paths == ["/var/log/gw/*.jsonl*", "/var/log/exports"])
        #expect(configuration.monitor.stateDirectory == "/tmp/lw")
        #expect(configuration.monitor.pollMillis == 50)
        #expect(MonitorSettings.splitAddress(configuration.monitor.metricsAddress)! == ("::1", 9100))
    }

    @Test("field mappings with nested paths make any JSON log fit")
    func nestedMappingIsApplied() throws {
        let configuration = try LeakWatchConfiguration.parse(yaml: """
            fields:
              ts: eventTime
              principal: userIdentity.arn
              path: request.uri
            cardinality:
              src_ip: 500
            detectors:
              volume_spike:
                threshold: 6.5
            """, file: "cloud.yml")
        #expect(configuration.engine.cap(for: .sourceIP) == 500)
        #expect(configuration.engine.volumeSpike.threshold == 6.5)
        let line = #"{"eventTime":"2026-03-02T10:00:00Z","userIdentity":{"type":"AssumedRole","arn":"arn:aws:iam::1:role/x"},"request":{"uri":"/v1/items/42"}}"# + "\n"
        let batch = EventParser.parseAll(format: .json, mapping: configuration.mapping, text: Array(line.utf8))
        let event = try #require(batch.events.first)
        #expect(batch.string(for: event.principal) == "arn:aws:iam::1:role/x")
        #expect(batch.string(for: event.endpoint) == "/v1/items/{id}")
        #expect(event.timeMillis == 1_772_445_600_000)
    }

    @Test("errors name the file, the key and what is wrong", arguments: [
        ("engine:\n  window: fifteen\n", "c.yml: engine.window: must be a duration"),
        ("engine:\n  window: 7m\n", "c.yml: engine.window: must divide one hour evenly"),
        ("cardinality:\n  endpoints: 10\n", "c.yml: cardinality.endpoints: unknown key"),
        ("detectors:\n  volume_spike:\n    threshold: high\n", "c.yml: detectors.volume_spike.threshold: must be a number"),
        ("input:\n  format: xml\n", "c.yml: input.format: must be one of auto"),
        ("fields:\n  principal: a..b\n", "c.yml: fields.principal: must be a field name or a dotted path"),
        ("- just\n- a list\n", "c.yml: must be a mapping"),
        ("monitor:\n  metrics_address: localhost\n", "c.yml: monitor.metrics_address: must be host:port"),
        ("monitor:\n  poll_interval: 1ms\n", "c.yml: monitor.poll_interval: must be a duration"),
        ("input:\n  paths: [\"\"]\n", "c.yml: input.paths[0]: must not be empty"),
    ])
    func errorsAreExplained(yaml: String, expected: String) {
        #expect {
            _ = try LeakWatchConfiguration.parse(yaml: yaml, file: "c.yml")
        } throws: { error in
            (error as? ConfigError)?.description.hasPrefix(expected) == true
        }
    }
}
