import Foundation
import LeakWatchIngest
import Testing

/// A ``LogTailer`` driven by a test clock, collecting the lines it delivers.
final class TailHarness {
    private(set) var tailer: LogTailer
    let patterns: [String]
    let options: TailOptions
    /// Seconds on the test clock; every poll advances it by `step`.
    private(set) var now = 1000.0
    /// Every line delivered, in order, with the path of the file it came from.
    private(set) var delivered: [(path: String, line: [UInt8])] = []
    private(set) var batches = 0
    /// How many delivered lines the last saved checkpoint covers.
    private var committed = 0

    init(_ patterns: [String], options: TailOptions = TailHarness.testOptions, checkpoint: TailCheckpoint? = nil) {
        self.patterns = patterns
        self.options = options
        tailer = LogTailer(patterns: patterns, options: options, checkpoint: checkpoint)
    }

    /// Small blocks and short settle and idle times, so tests exercise batching and finishing quickly.
    static var testOptions: TailOptions {
        var options = TailOptions()
        options.batchBytes = 4096
        options.maxBatchesPerPoll = 4
        options.readChunkBytes = 1000
        options.gzipSettleSeconds = 5
        options.rotatedIdleSeconds = 5
        return options
    }

    /// Polls once after `seconds` on the test clock and returns the lines of this poll.
    @discardableResult
    func poll(after seconds: Double = 0.2) -> [[UInt8]] {
        now += seconds
        var lines: [[UInt8]] = []
        for batch in tailer.poll(now: now) {
            batches += 1
            batch.block.withBytes { bytes in
                for line in splitLines(Array(bytes)) {
                    lines.append(line)
                    delivered.append((batch.path, line))
                }
            }
        }
        return lines
    }

    /// Polls until a poll returns nothing and no backlog is left.
    @discardableResult
    func drain(after seconds: Double = 0.2) -> [[UInt8]] {
        var lines = poll(after: seconds)
        while true {
            let more = poll(after: 0)
            if more.isEmpty && !tailer.hasBacklog { return lines }
            lines += more
        }
    }

    /// Polls past the rotated-file idle time and the gzip settle time, twice (the first poll may be the one that
    /// sees a file for the first time), so idle files are finished and settled ones read.
    @discardableResult
    func settle() -> [[UInt8]] {
        let wait = max(options.rotatedIdleSeconds, options.gzipSettleSeconds) + 1
        return drain(after: wait) + drain(after: wait)
    }

    /// Every line delivered so far, in order.
    var lines: [[UInt8]] { delivered.map(\.line) }

    /// The lines delivered so far that start with `prefix`, as text (short failure messages).
    func lines(startingWith prefix: String) -> [String] {
        delivered.map { String(decoding: $0.line, as: UTF8.self) }.filter { $0.hasPrefix(prefix) }
    }

    /// Starts a new tailer from the checkpoint saved at `path`, as a restart after `kill -9` would: lines
    /// delivered since that save are forgotten, like the engine state built from them.
    func restart(from path: String) throws {
        delivered.removeLast(delivered.count - committed)
        let loaded = try #require(try CheckpointFile.load(from: path))
        let bytes = try #require(loaded.sections[TailCheckpoint.sectionName])
        tailer = LogTailer(
            patterns: patterns, options: options, checkpoint: try TailCheckpoint(decoding: bytes, path: path))
    }

    /// Saves the tailer's checkpoint to `path` atomically, with an engine-state section beside it.
    func save(to path: String, engineState: [UInt8] = []) throws {
        let file = CheckpointFile(sections: [
            TailCheckpoint.sectionName: tailer.checkpoint().encoded(),
            "engine.state": engineState,
        ])
        try file.save(to: path)
        committed = delivered.count
    }
}

/// Appends `bytes` to `path` (creating it), as a log writer does.
func append(_ bytes: [UInt8], to path: String) throws {
    if !FileManager.default.fileExists(atPath: path) {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
    }
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(bytes))
}

/// Appends `text` (UTF-8) to `path`.
func append(text: String, to path: String) throws {
    try append(Array(text.utf8), to: path)
}

/// Each element of `frames` compressed as one zstd frame, as bytes to append to a growing `.zst` file.
func zstdFrameBytes(_ frames: [[UInt8]], scratch directory: borrowing TemporaryDirectory) throws -> [UInt8] {
    let path = directory.file("scratch-\(UUID().uuidString).zst")
    try writeZstdFrames(frames, to: path)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try readBytes(path)
}

/// Sets the size of `path` to `size` bytes, as `copytruncate` and `truncate -s` do.
func truncateFile(_ path: String, to size: Int64) throws {
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    try handle.truncate(atOffset: UInt64(size))
}

/// The lines of `bytes` as text, for comparisons with short failure messages.
func textLines(_ bytes: [UInt8]) -> [String] {
    splitLines(bytes).map { String(decoding: $0, as: UTF8.self) }
}

/// `count` numbered lines `"<prefix> <n>"` from `first`, each ending in `\n`.
func taggedLines(_ prefix: String, _ range: Range<Int>) -> [UInt8] {
    Array(range.map { "\(prefix) \($0) {\"path\":\"/api/v1/items/\($0 % 13)\",\"status\":200}\n" }.joined().utf8)
}

/// Nil when `actual` equals `expected`; otherwise where they first differ, for short failure messages.
func firstDifference(_ actual: [String], _ expected: [String]) -> String? {
    guard actual != expected else { return nil }
    let index = zip(actual, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        ?? min(actual.count, expected.count)
    let got = index < actual.count ? actual[index] : "(end)"
    let wanted = index < expected.count ? expected[index] : "(end)"
    return "\(actual.count) lines, expected \(expected.count); first difference at \(index): \(got) != \(wanted)"
}
