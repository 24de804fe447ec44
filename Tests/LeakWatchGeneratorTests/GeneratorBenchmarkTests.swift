import Foundation
import LeakWatchGenerator
import Testing

/// Measures generation speed when `LEAKWATCH_GENERATOR_BENCH` names an output directory (off by default; run it
/// with `swift test -c release`). Prints, never asserts on time.
@Suite struct GeneratorBenchmarkTests {
    static let directory = ProcessInfo.processInfo.environment["LEAKWATCH_GENERATOR_BENCH"]

    @Test(.enabled(if: directory != nil))
    func measureThroughput() throws {
        let environment = ProcessInfo.processInfo.environment
        var options = GeneratorOptions(outputDirectory: try #require(Self.directory))
        options.days = Int(environment["LEAKWATCH_GENERATOR_DAYS"] ?? "") ?? 4
        options.accessEventsPerSecond = Double(environment["LEAKWATCH_GENERATOR_RATE"] ?? "") ?? 1
        let clock = ContinuousClock()
        var result: GeneratorResult?
        let elapsed = try clock.measure { result = try LogGenerator.generate(options) }
        let generated = try #require(result)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        print(
            "generated \(generated.accessEvents) access + \(generated.exportEvents) export events, "
                + "raw \(generated.rawBytes) bytes, compressed \(generated.compressedBytes) bytes in "
                + "\(seconds) s: \(Double(generated.rawBytes) / seconds / 1e6) MB/s raw, "
                + "\(generated.incidents) incidents")
    }
}
