import Foundation
import LeakWatchGenerator
import LeakWatchTestSupport

/// One generator run in a temporary directory, with helpers to read its files back.
struct GeneratedRun: Sendable {
    let options: GeneratorOptions
    let result: GeneratorResult

    /// Generates into a fresh temporary directory.
    static func make(days: Int, seed: UInt64, rate: Double, warmupDays: Int) throws -> GeneratedRun {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("leakwatch-generator-\(UUID().uuidString)").path
        var options = GeneratorOptions(outputDirectory: RemovedAtExit.register(directory))
        options.days = days
        options.seed = seed
        options.accessEventsPerSecond = rate
        options.warmupDays = warmupDays
        return GeneratedRun(options: options, result: try LogGenerator.generate(options))
    }

    var accessFiles: [String] { result.files.filter { $0.contains("/access-") } }
    var exportFiles: [String] { result.files.filter { $0.contains("/export-") } }
    var labelsPath: String { options.outputDirectory + "/labels.json" }

    /// The decompressed lines of a `.zst` file, via the `zstd` command-line tool.
    static func lines(of path: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/zstd")
        process.arguments = ["-dc", "--", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: path])
        }
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast().map(String.init)
    }

    /// Every line of every file of one kind, parsed as a JSON object.
    func events(_ files: [String]) throws -> [[String: Any]] {
        try files.flatMap { path in
            try Self.lines(of: path).map { line in
                guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                    throw CocoaError(.propertyListReadCorrupt)
                }
                return object
            }
        }
    }

    func labels() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: labelsPath))
        guard let labels = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw CocoaError(.propertyListReadCorrupt)
        }
        return labels
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: options.outputDirectory)
    }
}
