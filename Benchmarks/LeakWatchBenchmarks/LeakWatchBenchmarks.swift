import Benchmark
import Foundation
import LeakWatchEngine
import LeakWatchGenerator
import LeakWatchIngest
import LeakWatchParsing

/// Fixed generated input shared by the benchmarks: one day of CRM traffic (seed 7), decompressed once.
enum Fixture {
    static let directory: String = {
        let path = NSTemporaryDirectory() + "leakwatch-bench-fixture"
        if !FileManager.default.fileExists(atPath: path + "/labels.json") {
            var options = GeneratorOptions(outputDirectory: path)
            options.days = 2
            options.warmupDays = 1
            options.seed = 7
            options.accessEventsPerSecond = 4
            _ = try! LogGenerator.generate(options)
        }
        return path
    }()

    static var accessFile: String {
        let logs = directory + "/logs"
        let names = try! FileManager.default.contentsOfDirectory(atPath: logs).filter { $0.hasPrefix("access-") }.sorted()
        return logs + "/" + names[0]
    }

    /// The first access file's decoded lines (about 40 MB).
    static let lines: [UInt8] = {
        let read = try! LineBlockReader.readAllLines(path: accessFile)
        var bytes: [UInt8] = []
        for line in read.lines {
            bytes.append(contentsOf: line)
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }()

    static let parsed: ParsedBatch = {
        var batch = ParsedBatch()
        lines.withUnsafeBytes { EventParser(format: .json).parse(lines: $0, into: &batch) }
        return batch
    }()
}

let benchmarks: @Sendable () -> Void = {
    let throughput = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(5), maxIterations: 20)

    Benchmark("zstd decompress + line framing (one file)", configuration: throughput) { benchmark in
        let file = InputFile(path: Fixture.accessFile, size: 0)
        let block = LineBlock(capacity: 4 << 20)
        benchmark.startMeasurement()
        let reader = try LineBlockReader(file: file)
        var bytes = 0
        while try reader.fill(block, targetBytes: 4 << 20) { bytes += block.count }
        blackHole(bytes)
    }

    Benchmark("JSON-lines parse (40 MB, reused batch)", configuration: throughput) { benchmark in
        let parser = EventParser(format: .json)
        var batch = ParsedBatch(eventCapacity: 1 << 18, arenaCapacity: 32 << 20)
        Fixture.lines.withUnsafeBytes { parser.parse(lines: $0, into: &batch) }
        benchmark.startMeasurement()
        batch.removeAll()
        Fixture.lines.withUnsafeBytes { parser.parse(lines: $0, into: &batch) }
        blackHole(batch.events.count)
    }

    Benchmark("Combined Log Format parse", configuration: throughput) { benchmark in
        var text: [UInt8] = []
        for index in 0..<200_000 {
            text.append(contentsOf: Array(
                "10.0.\(index % 250).\(index % 199) - user\(index % 97) [17/May/2015:10:05:\(10 + index % 50) +0000] \"GET /api/v2/contacts/\(index) HTTP/1.1\" 200 \(index % 9000) \"-\" \"agent/1.0\"\n".utf8))
        }
        let parser = EventParser(format: .combined)
        var batch = ParsedBatch(eventCapacity: 1 << 18, arenaCapacity: 16 << 20)
        text.withUnsafeBytes { parser.parse(lines: $0, into: &batch) }
        benchmark.startMeasurement()
        batch.removeAll()
        text.withUnsafeBytes { parser.parse(lines: $0, into: &batch) }
        blackHole(batch.events.count)
    }

    Benchmark("endpoint templating", configuration: throughput) { benchmark in
        let templater = EndpointTemplater()
        let paths = (0..<10_000).map { "/api/v2/contacts/\($0 * 7919)/orders/3f2b9c1e-8d4a-4b6e-9f21-\(100_000_000_000 + $0)?page=\($0 % 9)" }
        benchmark.startMeasurement()
        for path in paths { blackHole(templater.template(path, method: "GET")) }
    }

    Benchmark("aggregate + detect (2 workers, parsed day)", configuration: throughput) { benchmark in
        let batch = Fixture.parsed
        benchmark.startMeasurement()
        let aggregator = ShardedAggregator(configuration: EngineConfiguration(), workers: 2)
        blackHole(aggregator.process([EventRun(batch: 0, start: 0, end: batch.events.count)], batches: [batch]).count)
    }

    Benchmark("full replay pipeline (generated 2 days, 2 workers)", configuration: throughput) { benchmark in
        var options = ReplayOptions(paths: [Fixture.directory + "/logs"])
        options.workers = 2
        benchmark.startMeasurement()
        let pipeline = ReplayPipeline(
            options: options, aggregator: ShardedAggregator(configuration: EngineConfiguration(), workers: 2))
        let statistics = try pipeline.run { blackHole($0.count) }
        blackHole(statistics.events)
    }
}
