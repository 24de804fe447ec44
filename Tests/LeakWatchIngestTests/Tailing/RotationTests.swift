import Foundation
import LeakWatchIngest
import LeakWatchTestSupport
import Testing

@Suite("Tailing across rotation and truncation")
struct RotationTests {
    @Test("rename rotation: the old file is read to its end (lines written after the rename too), the new one from 0")
    func renameRotation() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("app.log")
        try append(taggedLines("old", 0..<100), to: path)
        let harness = TailHarness([path])
        harness.drain()
        try append(taggedLines("old", 100..<120), to: path)
        try FileManager.default.moveItem(atPath: path, toPath: directory.file("app.log.1"))
        // The writer still has the old file open and keeps writing to it for a while.
        try append(taggedLines("old", 120..<150), to: directory.file("app.log.1"))
        try append(taggedLines("new", 0..<30), to: path)
        harness.drain()
        try append(taggedLines("old", 150..<160) + Array("old unterminated".utf8), to: directory.file("app.log.1"))
        try append(taggedLines("new", 30..<60), to: path)
        harness.drain()
        harness.settle()

        let old = taggedLines("old", 0..<160) + Array("old unterminated".utf8)
        #expect(harness.lines(startingWith: "old") == textLines(old))
        #expect(harness.lines(startingWith: "new") == textLines(taggedLines("new", 0..<60)))
        let stats = harness.tailer.stats
        #expect(stats[.rotated] == 1)
        #expect(stats[.finished] == 1)
        #expect(stats[.truncated] == 0)
        #expect(stats.filesTracked == 1)  // the rotated file is closed and forgotten once finished
    }

    @Test("rename rotation where the rotated name also matches the glob: followed by identity, not read twice")
    func renameWithinGlob() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("app.log")
        try append(taggedLines("old", 0..<100), to: path)
        let harness = TailHarness([directory.path + "/app.log*"])
        harness.drain()
        try FileManager.default.moveItem(atPath: path, toPath: directory.file("app.log.1"))
        try append(taggedLines("old", 100..<110), to: directory.file("app.log.1"))
        try append(taggedLines("new", 0..<10), to: path)
        harness.drain()
        harness.settle()
        #expect(harness.lines(startingWith: "old") == textLines(taggedLines("old", 0..<110)))
        #expect(harness.lines(startingWith: "new") == textLines(taggedLines("new", 0..<10)))
        // Restarting from the checkpoint reads nothing again: the finished rotated file is remembered.
        let checkpoint = directory.file("checkpoint")
        try harness.save(to: checkpoint)
        try harness.restart(from: checkpoint)
        #expect(harness.settle().isEmpty)
    }

    @Test("copytruncate with the copy matched by the glob: nothing lost, nothing read twice")
    func copyTruncateWithCopy() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("app.log")
        try append(taggedLines("old", 0..<100), to: path)
        let harness = TailHarness([directory.path + "/app.log*"])
        harness.drain()
        // Written after the last poll, so only the copy still holds these lines once the original is truncated.
        try append(taggedLines("old", 100..<140) + Array("old 140 half".utf8), to: path)
        try FileManager.default.copyItem(atPath: path, toPath: directory.file("app.log.1"))
        try truncateFile(path, to: 0)
        try append(taggedLines("new", 0..<20), to: path)
        harness.drain()
        harness.settle()
        let old = taggedLines("old", 0..<140) + Array("old 140 half".utf8)
        #expect(harness.lines(startingWith: "old") == textLines(old))
        #expect(harness.lines(startingWith: "new") == textLines(taggedLines("new", 0..<20)))
        let stats = harness.tailer.stats
        #expect(stats[.truncated] == 1)
        #expect(stats[.copyAdopted] == 1)
    }

    @Test("copytruncate seen in two polls (copy first, truncation later): the copy waits, then continues")
    func copyBeforeTruncate() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("app.log")
        try append(taggedLines("old", 0..<100), to: path)
        let harness = TailHarness([directory.path + "/app.log*"])
        harness.drain()
        try FileManager.default.copyItem(atPath: path, toPath: directory.file("app.log.1"))
        try append(taggedLines("old", 100..<105), to: path)  // written between the copy and the truncation
        harness.drain()
        try truncateFile(path, to: 0)
        try append(taggedLines("new", 0..<5), to: path)
        harness.drain()
        harness.settle()
        #expect(harness.lines(startingWith: "old") == textLines(taggedLines("old", 0..<105)))
        #expect(harness.lines(startingWith: "new") == textLines(taggedLines("new", 0..<5)))
    }

    @Test("a file truncated in place (no copy) is counted and read again from its start")
    func truncatedInPlace() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("app.log")
        try append(taggedLines("old", 0..<100), to: path)
        let harness = TailHarness([path])
        harness.drain()
        try truncateFile(path, to: 0)
        harness.drain()
        try append(taggedLines("new", 0..<10), to: path)
        #expect(harness.drain() == splitLines(taggedLines("new", 0..<10)))
        #expect(harness.tailer.stats[.truncated] == 1)
    }

    @Test("a file rewritten in place past the old size is caught by its fingerprint")
    func rewrittenInPlace() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("app.log")
        try append(taggedLines("old", 0..<10), to: path)
        let harness = TailHarness([path])
        harness.drain()
        try truncateFile(path, to: 0)
        try append(taggedLines("new", 0..<50), to: path)
        #expect(harness.drain() == splitLines(taggedLines("new", 0..<50)))
        #expect(harness.tailer.stats[.truncated] == 1)
    }

    @Test("a .zst file replaced by garbage is reported and skipped; the other files keep being read")
    func replacedByGarbage() throws {
        let directory = try TemporaryDirectory()
        let zst = directory.file("a.log.zst")
        let plain = directory.file("b.log")
        try append(try zstdFrameBytes([taggedLines("z", 0..<20)], scratch: directory), to: zst)
        try append(taggedLines("b", 0..<20), to: plain)
        let harness = TailHarness([directory.path + "/*.log*"])
        harness.drain()
        var generator = SeededGenerator(seed: 3)
        let garbage = (0..<5000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        try directory.write("incoming", garbage)
        try FileManager.default.removeItem(atPath: zst)
        try FileManager.default.moveItem(atPath: directory.file("incoming"), toPath: zst)
        try append(taggedLines("b", 20..<40), to: plain)
        harness.drain()
        harness.settle()
        try append(taggedLines("b", 40..<60), to: plain)
        harness.drain()
        #expect(harness.lines(startingWith: "z") == textLines(taggedLines("z", 0..<20)))
        #expect(harness.lines(startingWith: "b") == textLines(taggedLines("b", 0..<60)))
        #expect(harness.lines.count == 80)
        #expect(harness.tailer.stats[.notCompressed] == 1)
    }

    @Test("zstd copytruncate: the copy continues from the original's frame position")
    func zstdCopyTruncate() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("app.log.zst")
        // Larger than fingerprintBytes once compressed, as a copy is recognised by a full fingerprint.
        try append(try zstdFrameBytes([taggedLines("old", 0..<3000)], scratch: directory), to: path)
        let harness = TailHarness([directory.path + "/app.log*"])
        harness.drain()
        try append(try zstdFrameBytes([taggedLines("old", 3000..<3050)], scratch: directory), to: path)
        try FileManager.default.copyItem(atPath: path, toPath: directory.file("app.log.1.zst"))
        try truncateFile(path, to: 0)
        try append(try zstdFrameBytes([taggedLines("new", 0..<30)], scratch: directory), to: path)
        harness.drain()
        harness.settle()
        #expect(harness.lines(startingWith: "old") == textLines(taggedLines("old", 0..<3050)))
        #expect(harness.lines(startingWith: "new") == textLines(taggedLines("new", 0..<30)))
    }
}
