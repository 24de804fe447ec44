import Foundation
import LeakWatchIngest
import Testing

@Suite("Restarting from a checkpoint")
struct CheckpointRestartTests {
    /// A day in the life of two logs, one plain and one zstd: appends, partial lines and frames, an over-long
    /// line, a rename rotation with late writes, a copytruncate of the zstd file.
    static let steps: [@Sendable (TemporaryDirectoryFiles) throws -> Void] = [
        { files in
            try append(taggedLines("a", 0..<50) + Array("a 50 par".utf8), to: files.plain)
            try append(try files.frames([taggedLines("z", 0..<3000)]), to: files.zstd)
        },
        { files in
            try append(text: "tial\n", to: files.plain)
            let frame = try files.frames([taggedLines("z", 3000..<3200)])
            try append(Array(frame[..<(frame.count / 2)]), to: files.zstd)
            files.pending = Array(frame[(frame.count / 2)...])
        },
        { files in
            try append(files.pending, to: files.zstd)
            try append([UInt8](repeating: UInt8(ascii: "x"), count: 3000), to: files.plain)  // over-long, unfinished
        },
        { files in
            try append(Array("xxxx\n".utf8) + taggedLines("a", 51..<80), to: files.plain)
            try append(try files.frames([Array("z partial ".utf8), Array("frame line\n".utf8)]), to: files.zstd)
        },
        { files in
            try FileManager.default.moveItem(atPath: files.plain, toPath: files.plain + ".1")
            try append(taggedLines("a", 80..<90), to: files.plain + ".1")
            try append(taggedLines("a", 90..<95), to: files.plain)
        },
        { files in
            try append(taggedLines("a", 95..<120), to: files.plain)
            try append(try files.frames([taggedLines("z", 3200..<3300)]), to: files.zstd)
            try FileManager.default.copyItem(atPath: files.zstd, toPath: files.zstd + ".1")
            try truncateFile(files.zstd, to: 0)
            try append(try files.frames([taggedLines("z", 3300..<3400)]), to: files.zstd)
        },
        { files in
            try append(taggedLines("a", 120..<130), to: files.plain)
            try append(try files.frames([taggedLines("z", 3400..<3500)]), to: files.zstd)
        },
    ]

    /// Lines delivered by running every step with a poll after each, restarting where `crashes` says. Lines of
    /// different files (a rotated file and its successor) may interleave, so runs are compared as sorted lists:
    /// each line exactly once.
    static func run(savingAfter saves: Set<Int>, crashingAfter crashes: Set<Int>) throws -> [String] {
        let directory = try TemporaryDirectory()
        let files = TemporaryDirectoryFiles(directory: directory.path)
        var options = TailHarness.testOptions
        options.maxLineBytes = 1000
        let harness = TailHarness([files.plain + "*", files.zstd + "*"], options: options)
        let checkpoint = directory.file("leakwatch.checkpoint")
        try harness.save(to: checkpoint)
        for (index, step) in steps.enumerated() {
            try step(files)
            harness.drain()
            if saves.contains(index) { try harness.save(to: checkpoint) }
            if crashes.contains(index) { try harness.restart(from: checkpoint) }
        }
        harness.settle()
        return harness.lines(startingWith: "")
    }

    static let expected: [String] =
        textLines(taggedLines("a", 0..<50)) + ["a 50 partial"] + textLines(taggedLines("a", 51..<130))
        + textLines(taggedLines("z", 0..<3200)) + ["z partial frame line"] + textLines(taggedLines("z", 3200..<3500))

    @Test("uninterrupted, every line is delivered once")
    func uninterrupted() throws {
        let lines = try Self.run(savingAfter: [], crashingAfter: [])
        #expect(firstDifference(lines.sorted(), Self.expected.sorted()) == nil)
    }

    @Test("a crash one step after a checkpoint loses and repeats nothing", arguments: 0..<steps.count)
    func crashAfterCheckpoint(step: Int) throws {
        let lines = try Self.run(savingAfter: [step], crashingAfter: [step + 1])
        #expect(firstDifference(lines.sorted(), Self.expected.sorted()) == nil)
    }

    @Test("checkpoint and restart after every step")
    func restartEveryStep() throws {
        let all = Set(0..<Self.steps.count)
        let lines = try Self.run(savingAfter: all, crashingAfter: all)
        #expect(firstDifference(lines.sorted(), Self.expected.sorted()) == nil)
    }

    @Test("a crash before the first checkpoint starts again from every file's beginning")
    func crashBeforeAnyCheckpoint() throws {
        let lines = try Self.run(savingAfter: [], crashingAfter: [2])
        #expect(firstDifference(lines.sorted(), Self.expected.sorted()) == nil)
    }
}

/// The two log paths of the restart scenario, and a place to keep bytes between steps.
final class TemporaryDirectoryFiles {
    let directory: String
    var pending: [UInt8] = []

    init(directory: String) { self.directory = directory }

    var plain: String { directory + "/a.log" }
    var zstd: String { directory + "/b.log.zst" }

    /// `frames` compressed as one zstd frame each.
    func frames(_ frames: [[UInt8]]) throws -> [UInt8] {
        let path = directory + "/scratch.zst"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try writeZstdFrames(frames, to: path)
        return try readBytes(path)
    }
}
