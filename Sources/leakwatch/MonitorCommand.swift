import ArgumentParser
import Foundation
import LeakWatchAlerting
import LeakWatchConfig
import LeakWatchDelivery
import LeakWatchMonitor
import Logging
import Metrics
import Prometheus
import ServiceLifecycle
import UnixSignals

/// `leakwatch monitor`: the continuous daemon.
struct MonitorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitor",
        abstract: "Follow growing and rotating logs, keep baselines, and deliver alerts as they happen.",
        discussion: """
            Reads input.paths from the configuration, checkpoints read positions and baselines to \
            monitor.state_dir every few seconds and on shutdown (SIGTERM, SIGINT), and reloads the configuration \
            on SIGHUP (a configuration that does not load is rejected and the running one kept; sinks change on a \
            restart). Alerts go to the configured sinks (stdout as JSON lines when there are none: see \
            docs/delivery.md); logs go to stderr. /metrics and /healthz are served on monitor.metrics_address.

            Example:
              leakwatch monitor --config /etc/leakwatch/leakwatch.yml
            """)

    @Option(name: .long, help: "YAML configuration file (see docs/leakwatch.example.yml).")
    var config: String

    @Option(name: .long, help: "Dispatch workers for parsing and aggregation (default: the config's, else the core count).")
    var workers: Int?

    @Option(name: .long, help: "Start from a replay's --state-out directory when no checkpoint exists yet.")
    var stateIn: String?

    func validate() throws {
        if let workers, workers < 1 || workers > 64 { throw ValidationError("--workers must be between 1 and 64") }
        do {
            let settings = try LeakWatchConfiguration.load(path: config)
            if settings.monitor.paths.isEmpty {
                throw ValidationError("\(config): input.paths: must list the files, directories or globs to follow")
            }
        } catch let error as ConfigError {
            throw ValidationError(error.description)
        }
    }

    func run() async throws {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .info
            return handler
        }
        let logger = Logger(label: "leakwatch.monitor")
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let settings = try LeakWatchConfiguration.load(path: config)
        let status = MonitorStatus()
        let sinks: ConfiguredSinks
        do {
            sinks = try await ConfiguredSinks.start(settings.sinks, logger: Logger(label: "leakwatch.delivery"))
        } catch {
            throw ValidationError(error.description)
        }
        let monitor = MonitorService(
            configPath: config, workers: workers, stateIn: stateIn, logger: logger, status: status,
            deliver: { alerts in
                // Returns once every sink has the alerts: printed, written, or spooled in a webhook's outbox.
                do throws(DeliveryError) {
                    try await sinks.all.deliver(alerts)
                } catch {
                    logger.error("alert delivery failed", metadata: ["error": "\(error)"])
                }
            })
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(service: monitor, successTerminationBehavior: .gracefullyShutdownGroup,
                  failureTerminationBehavior: .gracefullyShutdownGroup)
        ]
        if let address = MonitorSettings.splitAddress(settings.monitor.metricsAddress) {
            services.append(.init(service: MetricsServer(
                host: address.host, port: address.port, registry: registry, status: status, logger: logger)))
        }
        let group = ServiceGroup(configuration: .init(
            services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch {
            await Self.close(sinks, logger: logger)
            throw error
        }
        await Self.close(sinks, logger: logger)
    }

    /// Gives the sinks their drain time, then shuts them down (undelivered alerts stay in the outboxes).
    private static func close(_ sinks: ConfiguredSinks, logger: Logger) async {
        do throws(DeliveryError) {
            try await sinks.all.flush()
        } catch {
            logger.error("alert delivery failed at shutdown", metadata: ["error": "\(error)"])
        }
        await sinks.shutdown()
    }
}
