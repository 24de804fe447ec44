import Foundation
package import LeakWatchAlerting
package import LeakWatchConfig
package import LeakWatchEngine
package import LeakWatchIngest
import LeakWatchParsing

/// The daemon's synchronous core: follows the inputs, feeds their lines through the live pipeline, turns closed
/// windows into grouped alerts, and saves read positions, baselines and open incidents together in one
/// checkpoint.
///
/// Exactly-once counting: a checkpoint saves the positions after the last lines read together with everything
/// those lines became (baselines and open windows, the events read but not yet merged, open incidents), in one
/// atomic file. After a crash the daemon restarts from that file and reads exactly the lines after it, merging
/// them as an uninterrupted run would. Alerts raised since the last checkpoint are raised again with the same
/// ids, so every alert is delivered at least once.
///
/// Not thread-safe: one owner (the monitor service's engine queue) calls it.
package final class MonitorRuntime {
    package let configuration: LeakWatchConfiguration
    package let workers: Int
    let tailer: LogTailer
    let live: LivePipeline
    let aggregator: ShardedAggregator
    let grouper = IncidentGrouper()
    /// `<state_dir>/checkpoint`.
    package let checkpointPath: String
    package private(set) var counters = MonitorCounters()

    /// The checkpoint file's name inside the state directory.
    package static let checkpointFileName = "checkpoint"

    /// Builds the runtime, resuming from `<state_dir>/checkpoint` when it exists, else from a replay's saved
    /// state in `stateIn` (baselines only: every input is then read from its start), else cold.
    /// - Throws: ``MonitorError`` when the state directory cannot be made or a saved state does not load.
    package init(configuration: LeakWatchConfiguration, workers: Int, stateIn: String? = nil) throws(MonitorError) {
        self.configuration = configuration
        self.workers = workers
        let settings = configuration.monitor
        checkpointPath = (settings.stateDirectory as NSString).appendingPathComponent(Self.checkpointFileName)
        do {
            try FileManager.default.createDirectory(atPath: settings.stateDirectory, withIntermediateDirectories: true)
        } catch {
            throw MonitorError.stateDirectory(path: settings.stateDirectory, problem: error.localizedDescription)
        }
        aggregator = ShardedAggregator(configuration: configuration.engine, workers: workers)
        var options = ReplayOptions(paths: settings.paths)
        options.format = configuration.format
        options.mapping = configuration.mapping
        options.templater = EndpointTemplater(rules: configuration.endpointRules)
        options.maxLineBytes = configuration.maxLineBytes
        options.workers = workers
        var liveOptions = LiveOptions()
        liveOptions.idleMillis = settings.inputIdleMillis
        live = LivePipeline(options: options, live: liveOptions, aggregator: aggregator)
        var tailOptions = TailOptions()
        tailOptions.maxLineBytes = configuration.maxLineBytes

        var positions: TailCheckpoint?
        do {
            if let bytes = try AtomicFile.read(checkpointPath) {
                let file = try CheckpointFile(decoding: bytes, path: checkpointPath)
                positions = try Self.restore(
                    file, aggregator: aggregator, live: live, grouper: grouper, path: checkpointPath,
                    wallMillis: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
                counters.resumedFromCheckpoint = true
            } else if let stateIn {
                try EngineStateStore.load(into: aggregator, directory: stateIn)
                try grouper.load(directory: stateIn)
            }
        } catch {
            throw MonitorError.state("\(error)")
        }
        tailer = LogTailer(patterns: settings.paths, options: tailOptions, checkpoint: positions)
    }

    /// One round: reads what is new, parses it, releases what every input has reached, and returns the alerts of
    /// the windows that closed (grouped into incidents, in deterministic order).
    /// - Parameters:
    ///   - wallMillis: wall-clock time in epoch ms (lag and input idleness are measured with it).
    package func step(wallMillis: Int64) -> [Alert] {
        let batches = tailer.poll()
        for batch in batches {
            let name = "\(batch.file.key.device):\(batch.file.key.inode)"
            batch.block.withBytes { live.ingest(source: name, path: batch.path, lines: $0, wallMillis: wallMillis) }
        }
        let alerts = alerts(from: live.release(wallMillis: wallMillis))
        live.forgetIdle(wallMillis: wallMillis)
        update(wallMillis: wallMillis)
        return alerts
    }

    /// Whether the last poll left input unread (the next step should come at once).
    package var hasBacklog: Bool { tailer.hasBacklog }

    /// Saves read positions, baselines, buffered events and open incidents in one atomic file (temporary file,
    /// fsync, rename). The alerts of earlier steps must be delivered or spooled first: their lines count as done.
    /// - Throws: ``MonitorError`` naming the file and the step that failed.
    package func saveCheckpoint() throws(MonitorError) {
        let incidents: [UInt8]
        do {
            incidents = try grouper.encoded()
        } catch {
            throw MonitorError.state("incidents cannot be encoded: \(error)")
        }
        let file = CheckpointFile(sections: [
            Self.tailSection: tailer.checkpoint().encoded(),
            Self.engineSection: EngineStateStore.encoded(aggregator),
            Self.liveSection: live.encoded(),
            Self.incidentsSection: incidents,
        ])
        do throws(StateError) {
            try file.save(to: checkpointPath)
        } catch {
            throw MonitorError.state(error.description)
        }
        counters.checkpoints += 1
    }

    /// What the tailer noticed since the last call (rotations, truncations, damage), for the log.
    package func takeTailEvents() -> [TailEvent] { tailer.takeEvents() }

    static let tailSection = "tail"
    static let engineSection = "engine"
    static let incidentsSection = "incidents"
    static let liveSection = "live"

    private static func restore(
        _ file: CheckpointFile, aggregator: ShardedAggregator, live: LivePipeline, grouper: IncidentGrouper,
        path: String, wallMillis: Int64
    ) throws(StateError) -> TailCheckpoint {
        guard let tail = file.sections[tailSection], let engine = file.sections[engineSection],
              let buffered = file.sections[liveSection]
        else {
            throw StateError(path: path, problem: "checkpoint lacks the tail, engine or live section")
        }
        let positions = try TailCheckpoint(decoding: tail, path: path)
        try EngineStateStore.restore(aggregator, from: engine, path: path)
        try live.restore(from: buffered, path: path, wallMillis: wallMillis)
        if let incidents = file.sections[incidentsSection] {
            do {
                try grouper.restore(from: incidents)
            } catch {
                throw StateError(path: path, problem: "incidents section cannot be read: \(error)")
            }
        }
        return positions
    }

    private func alerts(from detections: [Detection]) -> [Alert] {
        guard !detections.isEmpty else { return [] }
        var alerts = detections.map { Alert($0, rules: configuration.dataClasses) }
        grouper.assign(&alerts)
        for alert in alerts where alert.detection.status == .firing {
            counters.alertsByDetector[alert.detection.detector.rawValue, default: 0] += 1
        }
        return alerts
    }

    private func update(wallMillis: Int64) {
        counters.live = live.statistics
        counters.tail = tailer.stats
        counters.pendingEvents = live.pendingEvents
        counters.keys = aggregator.keysByDimension
        if aggregator.watermark.hasEvents {
            counters.newestEventMillis = aggregator.watermark.newest
            counters.lagSeconds = Double(max(0, wallMillis - aggregator.watermark.newest)) / 1000
        }
    }
}

/// What the daemon has done so far, for `/metrics` and the log.
package struct MonitorCounters: Sendable {
    package var live = LiveStatistics()
    package var tail = TailStats()
    package var pendingEvents = 0
    package var keys: [LeakWatchEngine.Dimension: Int] = [:]
    package var alertsByDetector: [String: Int64] = [:]
    package var checkpoints: Int64 = 0
    package var newestEventMillis: Int64?
    /// Wall-clock time minus the newest event time aggregated.
    package var lagSeconds: Double = 0
    package var resumedFromCheckpoint = false

    package init() {}
}

/// Why the daemon cannot start or save.
package enum MonitorError: Error, CustomStringConvertible, Sendable {
    case stateDirectory(path: String, problem: String)
    case state(String)

    package var description: String {
        switch self {
        case .stateDirectory(let path, let problem): "\(path): state directory cannot be created: \(problem)"
        case .state(let problem): problem
        }
    }
}
