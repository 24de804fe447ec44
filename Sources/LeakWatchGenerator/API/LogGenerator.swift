internal import Dispatch
internal import Foundation
internal import Synchronization

/// Generates synthetic access and export logs of a CRM / e-commerce API with labelled incidents.
package enum LogGenerator {
    /// Writes `<out>/logs/access-YYYYMMDD.jsonl.zst`, `<out>/logs/export-YYYYMMDD.jsonl.zst` (one of each per day,
    /// events in time order, multi-frame zstd) and `<out>/labels.json`.
    ///
    /// Output is a function of the options alone: the same options give byte-identical files. Days are written
    /// in parallel.
    /// - Parameter options: what to generate and where.
    /// - Returns: the files written and their sizes and event counts.
    /// - Throws: ``GeneratorError`` for unusable options or an unwritable directory, `IngestError` if a file
    ///   cannot be written.
    package static func generate(_ options: GeneratorOptions) throws -> GeneratorResult {
        try validate(options)
        let logs = options.outputDirectory + "/logs"
        do {
            try FileManager.default.createDirectory(atPath: logs, withIntermediateDirectories: true)
        } catch {
            throw GeneratorError(logs, "cannot create directory: \(error.localizedDescription)")
        }
        let scenario = ScenarioPlanner.plan(options)
        let outcomes = Mutex([Result<DayOutput, any Error>?](repeating: nil, count: options.days))
        DispatchQueue.concurrentPerform(iterations: options.days) { day in
            let outcome = Result { try DayWriter(scenario: scenario, day: day).write(logsDirectory: logs) }
            outcomes.withLock { $0[day] = outcome }
        }
        var result = GeneratorResult(incidents: scenario.incidents.count)
        for outcome in outcomes.withLock({ $0 }) {
            guard let outcome else { continue }
            let day = try outcome.get()
            result.files += [day.accessPath, day.exportPath]
            result.accessEvents += day.accessEvents
            result.exportEvents += day.exportEvents
            result.rawBytes += day.rawBytes
            result.compressedBytes += day.compressedBytes
        }
        let labels = options.outputDirectory + "/labels.json"
        do {
            try Data(LabelsWriter.json(for: scenario).utf8).write(to: URL(fileURLWithPath: labels))
        } catch {
            throw GeneratorError(labels, "cannot write: \(error.localizedDescription)")
        }
        result.files.append(labels)
        return result
    }

    private static func validate(_ options: GeneratorOptions) throws {
        guard options.days >= 1 && options.days <= 3_660 else {
            throw GeneratorError("days", "must be between 1 and 3660 (got \(options.days))")
        }
        guard options.accessEventsPerSecond.isFinite && options.accessEventsPerSecond > 0
            && options.accessEventsPerSecond <= 1_000_000
        else {
            throw GeneratorError("rate", "must be a positive number of events per second (got "
                + "\(options.accessEventsPerSecond))")
        }
        guard options.warmupDays >= 0 else {
            throw GeneratorError("warmupDays", "must not be negative (got \(options.warmupDays))")
        }
        guard !options.outputDirectory.isEmpty else {
            throw GeneratorError("outputDirectory", "must not be empty")
        }
    }
}
