package import AsyncHTTPClient
import Foundation
package import LeakWatchConfig
package import Logging

/// The sinks a configuration asks for, built and started, with the one HTTP client the network sinks share.
package struct ConfiguredSinks: Sendable {
    /// All the sinks, fed together.
    package let all: FanOutSink
    private let client: HTTPClient?

    /// Builds and starts the sinks (webhooks begin sending what an earlier run left in their outbox).
    /// - Parameters:
    ///   - configurations: the `sinks:` list; empty means standard output.
    ///   - quiet: leave out standard output sinks.
    ///   - environment: where `secret_env` variables are looked up.
    /// - Throws: ``ConfigError`` naming the config key when a secret cannot be read, a file or outbox cannot be
    ///   opened.
    package static func start(
        _ configurations: [SinkConfiguration], quiet: Bool = false,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        clock: DeliveryClock = .system,
        logger: Logger = Logger(label: "leakwatch.delivery", factory: { _ in SwiftLogNoOpLogHandler() })
    ) async throws(ConfigError) -> ConfiguredSinks {
        let configurations =
            configurations.isEmpty ? [SinkConfiguration(kind: .stdout, name: "stdout")] : configurations
        let networked = configurations.contains { $0.kind == .webhook || $0.kind == .alertmanager }
        let client = networked ? makeHTTPClient() : nil
        var sinks: [any AlertSink] = []
        do throws(ConfigError) {
            for configuration in configurations where !(quiet && configuration.kind == .stdout) {
                sinks.append(
                    try make(configuration, client: client, environment: environment, clock: clock, logger: logger))
            }
        } catch {
            for sink in sinks { await sink.shutdown() }
            try? await client?.shutdown()
            throw error
        }
        let all = FanOutSink(sinks)
        await all.start()
        return ConfiguredSinks(all: all, client: client)
    }

    /// An HTTP client as the network sinks want it: redirects are not followed (a 3xx is a refusal), and a
    /// connection that cannot be made fails the attempt at once, so the sink's own retry policy (backoff,
    /// counting, outbox) decides what happens next instead of the client retrying until the timeout.
    package static func makeHTTPClient() -> HTTPClient {
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow)
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Shuts the sinks down, then the HTTP client.
    package func shutdown() async {
        await all.shutdown()
        try? await client?.shutdown()
    }

    private static func make(
        _ configuration: SinkConfiguration, client: HTTPClient?, environment: [String: String], clock: DeliveryClock,
        logger: Logger
    ) throws(ConfigError) -> any AlertSink {
        let name = configuration.name
        let retry = RetryPolicy(initialDelay: .milliseconds(configuration.retryInitialMillis),
                                maximumDelay: .milliseconds(configuration.retryMaximumMillis))
        switch configuration.kind {
        case .stdout:
            return StandardOutputAlertSink()
        case .file:
            do {
                return try FileSink(path: configuration.path, name: name)
            } catch {
                throw ConfigError(file: configuration.file, key: configuration.key + ".path",
                                  problem: error.description)
            }
        case .webhook:
            var settings = WebhookSink.Settings(name: name, url: configuration.url,
                                                outboxDirectory: configuration.outboxDirectory)
            if let text = try configuration.readSecret(environment: environment) {
                do { settings.secret = try StandardWebhookSecret(text) } catch {
                    throw ConfigError(file: configuration.file, key: configuration.secretKey,
                                      problem: error.description)
                }
            }
            settings.timeout = .milliseconds(configuration.timeoutMillis)
            settings.batchSize = configuration.batchSize
            settings.outboxMaximumBytes = configuration.outboxMaximumBytes
            settings.deadLetterPath = configuration.deadLetterPath
            settings.retry = retry
            settings.drainTimeout = .milliseconds(configuration.drainTimeoutMillis)
            do {
                return try WebhookSink(settings: settings, client: client!, clock: clock, logger: logger)
            } catch {
                throw ConfigError(file: configuration.file, key: configuration.key + ".outbox.directory",
                                  problem: error.description)
            }
        case .alertmanager:
            var settings = AlertmanagerSink.Settings(name: name, url: configuration.url)
            settings.timeout = .milliseconds(configuration.timeoutMillis)
            settings.resendInterval = .milliseconds(configuration.resendIntervalMillis)
            settings.retry = retry
            settings.drainTimeout = .milliseconds(configuration.drainTimeoutMillis)
            return AlertmanagerSink(settings: settings, client: client!, clock: clock, logger: logger)
        }
    }
}
