import ArgumentParser
import LeakWatchGenerator

/// `leakwatch generate`: deterministic, labelled CRM/e-commerce logs.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write deterministic CRM/e-commerce access and export logs (zstd) with labelled incidents.")

    @Option(name: .long, help: "Output directory (logs/ and labels.json are written inside).")
    var out: String

    @Option(name: .long, help: "Days of traffic.")
    var days: Int = 4

    @Option(name: .long, help: "Random seed; the same seed gives byte-identical files.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Mean access events per second over a week.")
    var rate: Double = 1.0

    @Option(name: .long, help: "Days of warm-up before the first incident.")
    var warmupDays: Int = 2

    func validate() throws {
        guard days >= 1 else { throw ValidationError("--days must be at least 1") }
        guard rate > 0 else { throw ValidationError("--rate must be positive") }
        guard warmupDays >= 0 && warmupDays < days else { throw ValidationError("--warmup-days must be below --days") }
    }

    func run() throws {
        var options = GeneratorOptions(outputDirectory: out)
        options.days = days
        options.seed = seed
        options.accessEventsPerSecond = rate
        options.warmupDays = warmupDays
        let result = try LogGenerator.generate(options)
        StandardError.write(
            "generated \(result.files.count) files: \(result.accessEvents) access and \(result.exportEvents) export "
                + "events, \(result.rawBytes) bytes raw, \(result.compressedBytes) compressed, "
                + "\(result.incidents) labelled incidents\n")
    }
}
