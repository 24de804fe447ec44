import Foundation
package import LeakWatchAlerting
import LeakWatchConfig
package import Logging
import ServiceLifecycle
import LeakWatchIngest
import UnixSignals

/// `leakwatch monitor` as a service: polls the inputs, delivers alerts, checkpoints every few seconds and on
/// shutdown, and reloads its configuration on SIGHUP (a configuration that does not load is rejected and the
/// running one kept).
package final class MonitorService: Service {
    /// Where alerts go; called in order, one batch at a time. It must not return before the alerts are
    /// delivered or safely spooled, since the checkpoint that follows makes their lines count as done.
    package typealias Deliver = @Sendable ([Alert]) async -> Void

    let configPath: String
    let workers: Int?
    let stateIn: String?
    let logger: Logger
    let deliver: Deliver
    let status: MonitorStatus

    /// - Parameters:
    ///   - configPath: the YAML file, read at start and on every SIGHUP.
    ///   - workers: Dispatch workers (nil: the configuration's, else the core count).
    ///   - stateIn: a replay's saved state to start from when no checkpoint exists yet.
    package init(
        configPath: String, workers: Int?, stateIn: String?, logger: Logger, status: MonitorStatus,
        deliver: @escaping Deliver
    ) {
        self.configPath = configPath
        self.workers = workers
        self.stateIn = stateIn
        self.logger = logger
        self.status = status
        self.deliver = deliver
    }

    package func run() async throws {
        let configuration = try LeakWatchConfiguration.load(path: configPath)
        var engine = try EngineQueue(makeRuntime(configuration))
        let reloads = await UnixSignalsSequence(trapping: .sighup)
        let hangups = ReloadFlag()
        let watcher = Task {
            for await _ in reloads { hangups.raise() }
        }
        defer { watcher.cancel() }

        var lastCheckpoint = Self.wallMillis()
        var poll = configuration.monitor.pollMillis
        var checkpointEvery = configuration.monitor.checkpointMillis
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let now = Self.wallMillis()
            let (alerts, backlog, counters, events) = try await engine.run { runtime in
                let alerts = runtime.step(wallMillis: now)
                return (alerts, runtime.hasBacklog, runtime.counters, runtime.takeTailEvents())
            }
            status.update(counters)
            for event in events { log(event) }
            if !alerts.isEmpty { await deliver(alerts) }
            if now - lastCheckpoint >= checkpointEvery {
                // A failed save (a full disk) is logged and retried at the next interval; /healthz says 503 until
                // one succeeds. Nothing is lost meanwhile: the last good checkpoint still stands.
                do {
                    try await checkpoint(engine)
                    status.setHealthy(true)
                } catch {
                    logger.error("checkpoint failed", metadata: ["error": "\(error)"])
                    status.setHealthy(false)
                }
                lastCheckpoint = now
            }
            if hangups.take() {
                if let reloaded = await reload(current: engine) {
                    engine = reloaded.engine
                    poll = reloaded.configuration.monitor.pollMillis
                    checkpointEvery = reloaded.configuration.monitor.checkpointMillis
                }
            }
            if !backlog { try? await Task.sleep(for: .milliseconds(poll)) }
        }
        try await checkpoint(engine)
        logger.info("stopped after a final checkpoint")
    }

    /// Saves the checkpoint (every alert of earlier steps has been delivered or spooled by now).
    private func checkpoint(_ engine: EngineQueue<MonitorRuntime>) async throws {
        let counters = try await engine.run { runtime in
            try runtime.saveCheckpoint()
            return runtime.counters
        }
        status.update(counters)
    }

    /// Loads the configuration again; on success checkpoints the running engine and resumes a new one from that
    /// checkpoint with the new settings. Returns nil (keeping the running one) when anything fails.
    private func reload(
        current: EngineQueue<MonitorRuntime>
    ) async -> (engine: EngineQueue<MonitorRuntime>, configuration: LeakWatchConfiguration)? {
        let configuration: LeakWatchConfiguration
        do {
            configuration = try LeakWatchConfiguration.load(path: configPath)
        } catch {
            logger.error("SIGHUP: configuration rejected, keeping the running one", metadata: ["error": "\(error)"])
            status.recordReload(success: false)
            return nil
        }
        do {
            try await checkpoint(current)
            let runtime = try makeRuntime(configuration)
            logger.info("SIGHUP: configuration reloaded", metadata: ["config": "\(configPath)"])
            status.recordReload(success: true)
            return (EngineQueue(runtime), configuration)
        } catch {
            logger.error("SIGHUP: new configuration cannot take over, keeping the running one",
                         metadata: ["error": "\(error)"])
            status.recordReload(success: false)
            return nil
        }
    }

    /// Logs what happened to a followed file: damage and unreadable files as errors, rotation as notices.
    private func log(_ event: TailEvent) {
        let metadata: Logger.Metadata = ["file": "\(event.path)", "event": "\(event.kind.rawValue)"]
        switch event.kind {
        case .damaged, .unreadable, .notCompressed:
            logger.error("input damaged or unreadable: \(event)", metadata: metadata)
        case .truncated, .rotated, .copyAdopted:
            logger.notice("input \(event.kind.rawValue)", metadata: metadata)
        case .discovered, .resumed, .finished:
            logger.info("input \(event.kind.rawValue)", metadata: metadata)
        }
    }

    private func makeRuntime(_ configuration: LeakWatchConfiguration) throws -> MonitorRuntime {
        let workers = self.workers ?? configuration.workers ?? ProcessInfo.processInfo.activeProcessorCount
        let runtime = try MonitorRuntime(configuration: configuration, workers: workers, stateIn: stateIn)
        logger.info("following inputs", metadata: [
            "paths": "\(configuration.monitor.paths)", "workers": "\(workers)",
            "state": "\(runtime.checkpointPath)", "resumed": "\(runtime.counters.resumedFromCheckpoint)",
        ])
        return runtime
    }

    static func wallMillis() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }
}

/// A SIGHUP seen and not yet acted on.
final class ReloadFlag: @unchecked Sendable {
    // Safe: guarded by `lock`.
    private let lock = NSLock()
    private var raised = false

    func raise() {
        lock.withLock { raised = true }
    }

    /// Whether a SIGHUP came since the last call.
    func take() -> Bool {
        lock.withLock {
            defer { raised = false }
            return raised
        }
    }
}
