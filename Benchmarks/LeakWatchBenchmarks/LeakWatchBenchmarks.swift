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

    /// The same lines as a plain file.
    static let plainFile: String = {
        let path = directory + "/access-plain.jsonl"
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: Data(lines))
        }
        return path
    }()

    static let parsed: ParsedBatch = {
        var batch = ParsedBatch()
        lines.withUnsafeBytes { EventParser(format: .json).parse(lines: $0, into: &batch) }
        return batch
    }()
}

/// Custom metrics: decoded megabytes per second and events handled per iteration (mallocs per event =
/// `Malloc (total)` / `events`).
enum Rate {
    static let megabytesPerSecond = BenchmarkMetric.custom("MB/s", polarity: .prefersLarger, useScalingFactor: false)
    static let decompressMegabytesPerSecond = BenchmarkMetric.custom(
        "decompress MB/s", polarity: .prefersLarger, useScalingFactor: false)
    static let splitMegabytesPerSecond = BenchmarkMetric.custom(
        "split MB/s", polarity: .prefersLarger, useScalingFactor: false)
    static let events = BenchmarkMetric.custom("events", polarity: .prefersLarger, useScalingFactor: false)

    /// Reads every line of `path` in 4 MiB blocks (the measured part), recording MB/s (the reader does not count
    /// lines, so no events).
    static func readLines(_ benchmark: Benchmark, path: String) throws -> (bytes: Int, timing: FillTiming) {
        let block = LineBlock(capacity: 4 << 20)
        benchmark.startMeasurement()
        let started = MonotonicClock.seconds()
        let reader = try LineBlockReader(file: InputFile(path: path, size: 0))
        var bytes = 0
        while try reader.fill(block, targetBytes: 4 << 20) {
            bytes += block.count
        }
        benchmark.stopMeasurement()
        record(benchmark, bytes: bytes, since: started)
        return (bytes, reader.timing)
    }

    /// Records `bytes` over the seconds since `started` as MB/s.
    static func record(_ benchmark: Benchmark, bytes: Int, since started: Double, metric: BenchmarkMetric = megabytesPerSecond) {
        let seconds = MonotonicClock.seconds() - started
        if seconds > 0 { benchmark.measurement(metric, Int(Double(bytes) / 1e6 / seconds)) }
    }
}

let benchmarks: @Sendable () -> Void = {
    let throughput = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident, Rate.megabytesPerSecond, Rate.events],
        maxDuration: .seconds(5), maxIterations: 20)
    var decoding = throughput
    decoding.metrics += [Rate.decompressMegabytesPerSecond, Rate.splitMegabytesPerSecond]

    Benchmark("zstd decompress + line splitting (one file)", configuration: decoding) { benchmark in
        let read = try Rate.readLines(benchmark, path: Fixture.accessFile)
        benchmark.measurement(Rate.decompressMegabytesPerSecond, Int(Double(read.bytes) / 1e6 / max(read.timing.decode, 1e-9)))
        benchmark.measurement(Rate.splitMegabytesPerSecond, Int(Double(read.bytes) / 1e6 / max(read.timing.split, 1e-9)))
    }

    Benchmark("line splitting (plain file, page cache)", configuration: throughput) { benchmark in
        _ = try Rate.readLines(benchmark, path: Fixture.plainFile)
    }

    Benchmark("JSON-lines parse (40 MB, reused batch)", configuration: throughput) { benchmark in
        let parser = EventParser(format: .json)
        var batch = ParsedBatch(eventCapacity: 1 << 18, arenaCapacity: 32 << 20)
        Fixture.lines.withUnsafeBytes { parser.parse(lines: $0, into: &batch) }
        benchmark.startMeasurement()
        let started = MonotonicClock.seconds()
        batch.removeAll()
        Fixture.lines.withUnsafeBytes { parser.parse(lines: $0, into: &batch) }
        benchmark.stopMeasurement()
        Rate.record(benchmark, bytes: Fixture.lines.count, since: started)
        benchmark.measurement(Rate.events, batch.events.count)
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
        let started = MonotonicClock.seconds()
        batch.removeAll()
        text.withUnsafeBytes { parser.parse(lines: $0, into: &batch) }
        benchmark.stopMeasurement()
        Rate.record(benchmark, bytes: text.count, since: started)
        benchmark.measurement(Rate.events, batch.events.count)
    }

    Benchmark("endpoint templating (bytes in, bytes out)", configuration: throughput) { benchmark in
        let templater = EndpointTemplater()
        var text: [UInt8] = []
        var bounds: [Range<Int>] = []
        for index in 0..<100_000 {
            let start = text.count
            text.append(contentsOf: Array(
                "/api/v2/contacts/\(index * 7919)/orders/3f2b9c1e-8d4a-4b6e-9f21-\(100_000_000_000 + index)?page=\(index % 9)".utf8))
            bounds.append(start..<text.count)
        }
        let method = Array("GET".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(1 << 12)
        benchmark.startMeasurement()
        let started = MonotonicClock.seconds()
        var written = 0
        text.withUnsafeBytes { bytes in
            method.withUnsafeBytes { method in
                for range in bounds {
                    output.removeAll(keepingCapacity: true)
                    templater.write(method: method, path: UnsafeRawBufferPointer(rebasing: bytes[range]), into: &output)
                    written &+= output.count
                }
            }
        }
        benchmark.stopMeasurement()
        Rate.record(benchmark, bytes: text.count, since: started)
        benchmark.measurement(Rate.events, bounds.count)
        blackHole(written)
    }

    Benchmark("aggregate + detect, steady state (2 workers, second half of a parsed day)", configuration: throughput) {
        benchmark in
        let batch = Fixture.parsed
        let half = batch.events.count / 2
        // Keys, windows and baselines exist after the first half: what is measured is the steady state.
        let aggregator = ShardedAggregator(configuration: EngineConfiguration(), workers: 2)
        blackHole(aggregator.process([EventRun(batch: 0, start: 0, end: half)], batches: [batch]).count)
        var routes: [KeyRoute] = []
        KeyRoute.compute(batch, into: &routes)
        benchmark.startMeasurement()
        let started = MonotonicClock.seconds()
        let detections = aggregator.process(
            [EventRun(batch: 0, start: half, end: batch.events.count)], batches: [batch], routes: [routes])
        benchmark.stopMeasurement()
        Rate.record(benchmark, bytes: Fixture.lines.count / 2, since: started)
        benchmark.measurement(Rate.events, batch.events.count - half)
        blackHole(detections.count)
    }

    Benchmark("full replay pipeline (generated 2 days, 2 workers)", configuration: throughput) { benchmark in
        var options = ReplayOptions(paths: [Fixture.directory + "/logs"])
        options.workers = 2
        benchmark.startMeasurement()
        let pipeline = ReplayPipeline(
            options: options, aggregator: ShardedAggregator(configuration: EngineConfiguration(), workers: 2))
        let statistics = try pipeline.run { blackHole($0.count) }
        benchmark.stopMeasurement()
        benchmark.measurement(Rate.megabytesPerSecond, Int(statistics.rawMegabytesPerSecond))
        benchmark.measurement(Rate.events, Int(statistics.events))
    }
}
