import Foundation
import LeakWatchEngine
import Testing

@Suite("live pipeline")
struct LivePipelineTests {
    /// Two inputs of one attack scenario: the access lines split by principal into two files, as two gateways
    /// would write them.
    static func twoFiles() throws -> (directory: URL, files: [(name: String, lines: [String])]) {
        let lines = DeterminismTests.attackStream().lines()
        var first: [String] = []
        var second: [String] = []
        for line in lines {
            if line.contains("\"principal\":\"user-") { second.append(line) } else { first.append(line) }
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("leakwatch-live-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let files = [("a-gateway.jsonl", first), ("b-gateway.jsonl", second)]
        for (name, lines) in files {
            try (lines.joined(separator: "\n") + "\n").write(
                to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return (directory, files)
    }

    static func replay(_ directory: URL, workers: Int) throws -> [String] {
        var options = ReplayOptions(paths: [directory.path])
        options.workers = workers
        let pipeline = ReplayPipeline(
            options: options, aggregator: ShardedAggregator(configuration: EngineConfiguration(), workers: workers))
        var detections: [Detection] = []
        _ = try pipeline.run { detections += $0 }
        return describe(detections)
    }

    @Test("lines delivered a few at a time from two growing files give the alerts of a replay of the whole files")
    func liveEqualsReplay() throws {
        let (directory, files) = try Self.twoFiles()
        defer { try? FileManager.default.removeItem(at: directory) }
        let reference = try Self.replay(directory, workers: 2)
        #expect(!reference.isEmpty)

        for (pieces, workers) in [((37, 53), 2), ((1000, 7), 1)] {
            var options = ReplayOptions(paths: [])
            options.workers = workers
            let live = LivePipeline(
                options: options, aggregator: ShardedAggregator(configuration: EngineConfiguration(), workers: workers))
            let sources = files.map { directory.appendingPathComponent($0.name).path }
            var offsets = [0, 0]
            var wall: Int64 = 0
            var detections: [String] = []
            while offsets[0] < files[0].lines.count || offsets[1] < files[1].lines.count {
                for index in 0..<2 {
                    let lines = files[index].lines
                    let size = index == 0 ? pieces.0 : pieces.1
                    let end = min(lines.count, offsets[index] + size)
                    guard offsets[index] < end else { continue }
                    let text = Array((lines[offsets[index]..<end].joined(separator: "\n") + "\n").utf8)
                    offsets[index] = end
                    text.withUnsafeBytes { live.ingest(source: sources[index], lines: $0, wallMillis: wall) }
                }
                wall += 200
                detections += describe(live.release(wallMillis: wall))
            }
            detections += describe(live.flush())
            #expect(detections == reference, "pieces \(pieces), workers \(workers)")
            #expect(live.pendingEvents == 0)
            #expect(live.statistics.lines == Int64(files[0].lines.count + files[1].lines.count))
        }
    }

    /// A one-worker live pipeline with `live` settings.
    static func pipeline(_ live: LiveOptions) -> LivePipeline {
        LivePipeline(options: ReplayOptions(paths: []), live: live,
                     aggregator: ShardedAggregator(configuration: EngineConfiguration(), workers: 1))
    }

    /// One access line per time (ms after a Monday midnight).
    static func lines(_ times: [Int64]) -> [UInt8] {
        let start: Int64 = 1_772_409_600_000
        return Array(times.map { "{\"ts\":\(start + $0),\"path\":\"/a\",\"principal\":\"p\"}\n" }.joined().utf8)
    }

    @Test("an input that stops delivering holds the others back only until it counts as idle")
    func idleInputStopsHoldingBack() {
        var live = LiveOptions()
        live.idleMillis = 1_000
        let pipeline = Self.pipeline(live)
        let quiet = "quiet.jsonl"
        let busy = "busy.jsonl"
        pipeline.ingest(quiet, times: [0], wallMillis: 0)
        pipeline.ingest(busy, times: [10, 20, 30], wallMillis: 0)
        _ = pipeline.release(wallMillis: 100)
        // The quiet input has reached only time 0: every event waits (one at time 0 could still come from it).
        #expect(pipeline.pendingEvents == 4)
        pipeline.ingest(busy, times: [40], wallMillis: 1_400)
        _ = pipeline.release(wallMillis: 1_500)
        // The quiet input is idle now: everything before the busy input's newest event goes; that one waits for a
        // possible tie from the quiet input.
        #expect(pipeline.pendingEvents == 1)
        _ = pipeline.releaseAll()
        #expect(pipeline.pendingEvents == 0)
        #expect(pipeline.statistics.events == 5)
        pipeline.forgetIdle(wallMillis: 1_400 + live.forgetMillis)
        #expect(pipeline.sourceCount == 0)
    }

    @Test("an input that appears a moment after the first, with older events, is merged in time order, not late")
    func lateAppearingInputIsNotLate() {
        var live = LiveOptions()
        live.idleMillis = 1_000
        let pipeline = Self.pipeline(live)
        // Files created around the start: one has lines at 5 and 10 minutes before the other exists at all.
        pipeline.ingest("first", times: [300_000, 600_000], wallMillis: 0)
        _ = pipeline.release(wallMillis: 100)
        #expect(pipeline.pendingEvents == 2, "nothing goes before the inputs have had time to appear")
        pipeline.ingest("second", times: [0, 60_000, 700_000], wallMillis: 500)
        _ = pipeline.release(wallMillis: 1_100)
        // Past the hold (the first input idle by now), everything before the second input's newest event goes.
        #expect(pipeline.pendingEvents == 1)
        _ = pipeline.releaseAll()
        #expect(pipeline.statistics.events == 5)
        #expect(pipeline.statistics.lateEvents == 0, "the second input's first minutes must not find their windows closed")
    }

    @Test("an input far behind the others does not make the buffer grow past its limit")
    func bufferIsBounded() {
        var live = LiveOptions()
        live.maxPendingEvents = 100
        let pipeline = Self.pipeline(live)
        // A backfill stuck at time 0 holds back a live input; past 100 buffered events everything goes.
        pipeline.ingest("backfill", times: [0], wallMillis: 0)
        pipeline.ingest("live", times: (1...150).map { Int64($0) * 1000 }, wallMillis: 0)
        _ = pipeline.release(wallMillis: 10)
        #expect(pipeline.pendingEvents == 0)
        #expect(pipeline.statistics.forcedReleases == 1)
    }
}

extension LivePipeline {
    /// Ingests one access line per time of `times` (see ``LivePipelineTests/lines(_:)``) as input `source`.
    func ingest(_ source: String, times: [Int64], wallMillis: Int64) {
        LivePipelineTests.lines(times).withUnsafeBytes { ingest(source: source, lines: $0, wallMillis: wallMillis) }
    }
}
