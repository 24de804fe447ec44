import Foundation
import LeakWatchIngest
import LeakWatchTestSupport
import Testing

@Suite("Tailing under random writes, rotations and crashes")
struct RandomizedTailingTests {
    /// The writer side of the scenario: a plain log rotated by rename (the writer going on writing to the old file
    /// for a while) or copytruncate, and a zstd log that grows by frames, some written in two halves, rotated the
    /// same two ways.
    final class Writers {
        let directory: String
        var plainLines = 0
        var zstdLines = 0
        var rotations = 0
        /// Bytes still to write to finish a half-written line or frame.
        var plainRest: [UInt8] = []
        var zstdRest: [UInt8] = []
        /// Where plain lines go: the live name, or for a few more appends the file just renamed away.
        var plainTarget: String?
        var lateAppends = 0
        var written: [String] = []

        init(directory: String) { self.directory = directory }

        var plain: String { directory + "/r.log" }
        var zstd: String { directory + "/r.zst" }

        func appendPlain(lines count: Int, cutAt cut: Int?) throws {
            let lines = taggedLines("p", plainLines..<(plainLines + count))
            written += textLines(lines)
            plainLines += count
            let bytes = plainRest + lines
            // A writer late on a renamed file writes whole lines: a rotated file idle for long with half a line is
            // finished, that half delivered as a line.
            let split = plainTarget == nil ? min(cut ?? bytes.count, bytes.count) : bytes.count
            try append(Array(bytes[..<split]), to: plainTarget ?? plain)
            plainRest = Array(bytes[split...])
            lateAppends -= 1
            if lateAppends <= 0 && plainRest.isEmpty { plainTarget = nil }
        }

        func appendZstd(lines count: Int, halves: Bool, scratch: borrowing TemporaryDirectory) throws {
            let lines = taggedLines("z", zstdLines..<(zstdLines + count))
            written += textLines(lines)
            zstdLines += count
            let frame = zstdRest + (try zstdFrameBytes([lines], scratch: scratch))
            let split = halves ? frame.count / 2 : frame.count
            try append(Array(frame[..<split]), to: zstd)
            zstdRest = Array(frame[split...])
        }

        func completeHalves() throws {
            try append(plainRest, to: plainTarget ?? plain)
            try append(zstdRest, to: zstd)
            plainRest = []
            zstdRest = []
        }

        /// Rotates the plain log between whole lines; after a rename the writer may go on with the old file.
        func rotatePlain(copyTruncate: Bool, lateAppends late: Int) throws {
            guard plainRest.isEmpty, plainTarget == nil, FileManager.default.fileExists(atPath: plain) else { return }
            rotations += 1
            let rotated = plain + ".\(rotations)"
            try rotate(plain, to: rotated, copyTruncate: copyTruncate)
            if !copyTruncate && late > 0 {
                plainTarget = rotated
                lateAppends = late
            }
        }

        /// Rotates the zstd log between whole frames.
        func rotateZstd(copyTruncate: Bool) throws {
            guard zstdRest.isEmpty, FileManager.default.fileExists(atPath: zstd) else { return }
            rotations += 1
            try rotate(zstd, to: zstd + ".\(rotations)", copyTruncate: copyTruncate)
        }

        private func rotate(_ path: String, to rotated: String, copyTruncate: Bool) throws {
            if copyTruncate {
                try FileManager.default.copyItem(atPath: path, toPath: rotated)
                try truncateFile(path, to: 0)
            } else {
                try FileManager.default.moveItem(atPath: path, toPath: rotated)
            }
        }
    }

    @Test("every line written is delivered exactly once", arguments: Array(UInt64(1)...UInt64(40)))
    func exactlyOnce(seed: UInt64) throws {
        let directory = try TemporaryDirectory()
        let writers = Writers(directory: directory.path)
        var random = SeededGenerator(seed: seed)
        var options = TailHarness.testOptions
        options.idleCloseSeconds = 2  // descriptors closed and reopened often
        let harness = TailHarness([writers.plain + "*", writers.zstd + "*"], options: options)
        let checkpoint = directory.file("checkpoint")
        try harness.save(to: checkpoint)
        for _ in 0..<200 {
            switch Int.random(in: 0..<11, using: &random) {
            case 0..<3:
                let cut = Bool.random(using: &random) ? Int.random(in: 1..<400, using: &random) : nil
                try writers.appendPlain(lines: Int.random(in: 1..<40, using: &random), cutAt: cut)
            case 3..<5:
                try writers.appendZstd(
                    lines: Int.random(in: 1..<60, using: &random), halves: Bool.random(using: &random),
                    scratch: directory)
            case 5:
                try writers.rotatePlain(
                    copyTruncate: Bool.random(using: &random), lateAppends: Int.random(in: 0...2, using: &random))
            case 6: try writers.rotateZstd(copyTruncate: Bool.random(using: &random))
            case 7: try harness.save(to: checkpoint)
            case 8: try harness.restart(from: checkpoint)
            default: harness.drain(after: Double.random(in: 0...3, using: &random))
            }
        }
        try writers.completeHalves()
        harness.drain()
        harness.settle()
        // Lines of a rotated file and of its successor may interleave: compare as sorted lists (each line once).
        #expect(firstDifference(harness.lines(startingWith: "").sorted(), writers.written.sorted()) == nil)
    }
}
