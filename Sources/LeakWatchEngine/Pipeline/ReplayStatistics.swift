package import LeakWatchIngest
package import LeakWatchParsing

/// What a replay read, skipped and found; printed as the run summary.
package struct ReplayStatistics: Sendable {
    /// A file that could not be read to its end.
    package struct Damage: Sendable {
        package var path: String
        package var error: IngestError
    }

    package var files = 0
    package var ingest = IngestStats()
    package var lines: Int64 = 0
    package var events: Int64 = 0
    package var parseErrors = ParseErrorCounts()
    package var lateEvents: Int64 = 0
    package var damaged: [Damage] = []
    package var formats: [String: Int] = [:]
    package var seconds: Double = 0
    package var keys: [Dimension: Int] = [:]
    package var overflowEvents: [Dimension: Int64] = [:]
    /// Seconds spent in each stage after decoding.
    package var stageSeconds = StageSeconds()
    /// Thread seconds spent decompressing and splitting lines.
    package var fillTiming = FillTiming()
    /// Steps by the number of threads that aggregated them (the others parsed meanwhile; see
    /// ``ShardedAggregator/setActiveWorkers(_:)``).
    package var aggregationWorkerSteps: [Int: Int] = [:]
    package var firstEventMillis: Int64?
    package var lastEventMillis: Int64?

    package init() {}

    /// Raw (decoded) megabytes per second.
    package var rawMegabytesPerSecond: Double { seconds > 0 ? Double(ingest.rawBytes) / 1e6 / seconds : 0 }
    /// Events per second.
    package var eventsPerSecond: Double { seconds > 0 ? Double(events) / seconds : 0 }
}

/// Where a replay's time went after decoding.
package struct StageSeconds: Sendable {
    /// Thread seconds parsing chunks (beside decoding and the aggregation, with two workers or more).
    package var parse: Double = 0
    /// Wall seconds of the coordinator merging files by event time.
    package var merge: Double = 0
    /// Thread seconds of the aggregation workers (windows, baselines, detectors).
    package var aggregate: Double = 0
    /// Wall seconds handing detections out.
    package var sink: Double = 0

    package init() {}
}

/// How far a replay has come: file bytes read (compressed, as on disk) of the total found at the start.
package struct ReplayProgress: Sendable {
    package var bytesRead: Int64
    package var totalBytes: Int64
}
