import LeakWatchConfig
import LeakWatchDelivery
import Testing

@Suite("sinks: section of the YAML configuration")
struct SinkConfigurationTests {
    @Test("every sink type with its settings; unnamed sinks of one type get distinct names")
    func fullExample() throws {
        let configuration = try LeakWatchConfiguration.parse(yaml: """
            sinks:
              - type: stdout
              - type: file
                path: /var/log/leakwatch/alerts.jsonl
              - type: file
                path: /var/log/leakwatch/copy.jsonl
              - type: webhook
                name: soc
                url: https://soc.example.com/hooks/leakwatch
                secret_env: LEAKWATCH_WEBHOOK_SECRET
                timeout: 5s
                batch_size: 50
                outbox:
                  directory: /var/lib/leakwatch/outbox/soc
                  max_bytes: 1048576
                dead_letter: /var/lib/leakwatch/soc-dead-letter.jsonl
                retry:
                  initial: 2s
                  max: 10m
                drain_timeout: 1m
              - type: alertmanager
                url: http://127.0.0.1:9093
                resend_interval: 30s
            """, file: "leakwatch.yml")
        let sinks = configuration.sinks
        #expect(sinks.map(\.name) == ["stdout", "file-1", "file-2", "soc", "alertmanager"])
        #expect(sinks.map(\.kind) == [.stdout, .file, .file, .webhook, .alertmanager])
        let webhook = sinks[3]
        #expect(webhook.url == "https://soc.example.com/hooks/leakwatch")
        #expect(webhook.secret == .environment("LEAKWATCH_WEBHOOK_SECRET"))
        #expect(webhook.timeoutMillis == 5000 && webhook.batchSize == 50 && webhook.drainTimeoutMillis == 60_000)
        #expect(webhook.outboxDirectory == "/var/lib/leakwatch/outbox/soc" && webhook.outboxMaximumBytes == 1 << 20)
        #expect(webhook.deadLetterPath == "/var/lib/leakwatch/soc-dead-letter.jsonl")
        #expect(webhook.retryInitialMillis == 2000 && webhook.retryMaximumMillis == 600_000)
        #expect(sinks[4].resendIntervalMillis == 30_000)
        #expect(LeakWatchConfiguration().sinks.isEmpty)
    }

    @Test("mistakes name the file, the key and the problem", arguments: [
        ("sinks:\n  - type: pager", "leakwatch.yml: sinks[0].type: must be one of stdout, file, webhook, alertmanager (got \"pager\")"),
        ("sinks:\n  - path: x", "leakwatch.yml: sinks[0]: needs a type (one of stdout, file, webhook, alertmanager)"),
        ("sinks:\n  - type: file", "leakwatch.yml: sinks[0]: file sinks need a path"),
        ("sinks:\n  - type: stdout\n    url: http://x", "leakwatch.yml: sinks[0].url: is not used by stdout sinks (they take: name, type)"),
        ("sinks:\n  - type: webhook\n    url: ftp://x\n", "leakwatch.yml: sinks[0].url: must be an http:// or https:// URL (got \"ftp://x\")"),
        ("sinks:\n  - type: webhook\n    url: http://x\n", "leakwatch.yml: sinks[0]: webhook sinks need outbox.directory (where undelivered alerts wait across restarts)"),
        ("sinks:\n  - type: webhook\n    url: http://x\n    secret_env: A\n    secret_file: /b\n    outbox: {directory: /o}", "leakwatch.yml: sinks[0].secret_file: give secret_env or secret_file, not both"),
        ("sinks:\n  - type: webhook\n    url: http://x\n    timeout: soon\n    outbox: {directory: /o}", "leakwatch.yml: sinks[0].timeout: must be a duration like \"1m\", \"90s\" or \"2h\" (got \"soon\")"),
        ("sinks:\n  - type: stdout\n    name: a\n  - type: stdout\n    name: a", "leakwatch.yml: sinks[1].name: \"a\" names two sinks"),
        ("sinks: stdout", "leakwatch.yml: sinks: must be a list"),
    ])
    func errors(yaml: String, message: String) {
        let error = #expect(throws: ConfigError.self) { try LeakWatchConfiguration.parse(yaml: yaml, file: "leakwatch.yml") }
        #expect(error?.description == message)
    }

    @Test("a webhook secret comes from the environment or a file; a missing one is an error naming its key")
    func secrets() async throws {
        let outbox = ReceivedAlerts.temporaryDirectory()
        let yaml = "sinks:\n  - type: webhook\n    url: http://127.0.0.1:9/\n    secret_env: LW_TEST_SECRET\n"
            + "    outbox:\n      directory: \(outbox)\n"
        let configuration = try LeakWatchConfiguration.parse(yaml: yaml, file: "leakwatch.yml")
        let error = await #expect(throws: ConfigError.self) {
            _ = try await ConfiguredSinks.start(configuration.sinks, environment: [:])
        }
        #expect(error?.description == "leakwatch.yml: sinks[0].secret_env: environment variable LW_TEST_SECRET is not set or empty")
        #expect(try configuration.sinks[0].readSecret(environment: ["LW_TEST_SECRET": "whsec_c2VjcmV0"]) == "whsec_c2VjcmV0")

        let bad = await #expect(throws: ConfigError.self) {
            _ = try await ConfiguredSinks.start(configuration.sinks, environment: ["LW_TEST_SECRET": "whsec_%%%"])
        }
        #expect(bad?.key == "sinks[0].secret_env")

        let sinks = try await ConfiguredSinks.start(configuration.sinks, environment: ["LW_TEST_SECRET": "s3cret"])
        #expect(sinks.all.sinks.map(\.name) == ["webhook"])
        await sinks.shutdown()

        var fromFile = configuration.sinks[0]
        fromFile.secret = .file(outbox + "/missing-secret")
        let missing = #expect(throws: ConfigError.self) { try fromFile.readSecret() }
        #expect(missing?.key == "sinks[0].secret_file")
    }
}
