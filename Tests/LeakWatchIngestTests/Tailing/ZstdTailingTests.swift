import Foundation
import LeakWatchIngest
import Testing

@Suite("Tailing zstd files")
struct ZstdTailingTests {
    @Test("frames appended between polls are delivered once each")
    func appendedFrames() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("app.log.zst")
        try append(try zstdFrameBytes([taggedLines("z", 0..<200)], scratch: directory), to: path)
        let harness = TailHarness([path])
        #expect(harness.drain() == splitLines(taggedLines("z", 0..<200)))
        try append(try zstdFrameBytes([taggedLines("z", 200..<250), taggedLines("z", 250..<900)], scratch: directory),
                   to: path)
        #expect(harness.drain() == splitLines(taggedLines("z", 200..<900)))
        #expect(harness.drain().isEmpty)
        #expect(harness.lines == splitLines(taggedLines("z", 0..<900)))
        #expect(harness.tailer.stats.ingest.frames == 3)
    }

    @Test("a frame written in two halves: the first poll waits at the partial frame, the second delivers it")
    func frameInTwoHalves() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("app.log.zst")
        try append(try zstdFrameBytes([taggedLines("z", 0..<10)], scratch: directory), to: path)
        let frame = try zstdFrameBytes([taggedLines("z", 10..<400)], scratch: directory)
        let half = frame.count / 2
        try append(Array(frame[..<half]), to: path)
        let harness = TailHarness([path])
        let first = harness.drain()
        // Lines of the half frame may already decode; none is lost or cut, and nothing is reported as damage.
        #expect(first == Array(splitLines(taggedLines("z", 0..<400)).prefix(first.count)))
        #expect(first.count >= 10 && first.count < 400)
        #expect(harness.tailer.stats[.damaged] == 0)
        let checkpoint = try #require(harness.tailer.checkpoint().entries.first)
        #expect(checkpoint.position.offset <= Int64(try fileSize(path)))
        try append(Array(frame[half...]), to: path)
        harness.drain()
        #expect(harness.lines == splitLines(taggedLines("z", 0..<400)))
        #expect(harness.tailer.stats[.damaged] == 0)
    }

    @Test("a live ZstdFileWriter appending lines and ending frames between polls: every line once, in order")
    func liveWriter() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("live.log.zst")
        var writer = try ZstdFileWriter(path: path, frameBytes: 20_000)
        let harness = TailHarness([path])
        for chunk in 0..<40 {
            try writer.write(randomLines(count: 50, lengths: 10...300, seed: UInt64(chunk)))
            if chunk % 7 == 3 { try writer.endFrame() }
            harness.drain()
        }
        try writer.finish()
        harness.drain()
        let expected = (0..<40).flatMap { splitLines(randomLines(count: 50, lengths: 10...300, seed: UInt64($0))) }
        #expect(harness.lines.count == expected.count)
        #expect(harness.lines == expected)
        #expect(harness.tailer.stats[.damaged] == 0)
    }

    @Test("a partial frame waits through many polls without being taken for damage")
    func longWaitAtPartialFrame() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("app.log.zst")
        let frame = try zstdFrameBytes([randomLines(count: 2000, lengths: 10...200, seed: 9)], scratch: directory)
        try append(Array(frame[..<(frame.count / 3)]), to: path)
        let harness = TailHarness([path])
        for _ in 0..<50 { harness.drain() }
        try append(Array(frame[(frame.count / 3)...]), to: path)
        harness.drain()
        #expect(harness.lines == splitLines(randomLines(count: 2000, lengths: 10...200, seed: 9)))
        #expect(harness.tailer.stats[.damaged] == 0)
    }

    @Test("a line split across two frames appended at different times is delivered whole")
    func lineAcrossFrames() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("app.log.zst")
        try append(try zstdFrameBytes([Array("first\nsec".utf8)], scratch: directory), to: path)
        let harness = TailHarness([path])
        #expect(harness.drain() == byteLines("first"))
        try append(try zstdFrameBytes([Array("ond\nthird\n".utf8)], scratch: directory), to: path)
        #expect(harness.drain() == byteLines("second", "third"))
    }

    @Test("a corrupt frame in the middle is reported and counted; the frames after it are read")
    func corruptFrameInTheMiddle() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("app.log.zst")
        let good = try zstdFrameBytes([taggedLines("z", 0..<100)], scratch: directory)
        var bad = try zstdFrameBytes([taggedLines("bad", 0..<100)], scratch: directory)
        for index in (bad.count / 2)..<(bad.count / 2 + 16) { bad[index] ^= 0x5A }
        let after = try zstdFrameBytes([taggedLines("z", 100..<200)], scratch: directory)
        try append(good, to: path)
        let harness = TailHarness([path])
        harness.drain()
        try append(bad + after, to: path)
        harness.drain()
        try append(try zstdFrameBytes([taggedLines("z", 200..<300)], scratch: directory), to: path)
        harness.drain()
        let kept = harness.lines.filter { $0.starts(with: Array("z ".utf8)) }
        #expect(kept == splitLines(taggedLines("z", 0..<300)))
        let stats = harness.tailer.stats
        #expect(stats[.damaged] == 1)
        #expect(stats.damage[.corruptFrame] == 1)
        let event = try #require(harness.tailer.takeEvents().first { $0.kind == .damaged })
        #expect(event.error?.byteOffset == Int64(good.count))
        #expect(event.path == path)
    }

    @Test("garbage at the end of a growing .zst waits for the next frame, also across a restart")
    func garbageThenFrameAcrossRestart() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("app.log.zst")
        try append(try zstdFrameBytes([taggedLines("z", 0..<50)], scratch: directory), to: path)
        try append(Array("this is not a zstd frame, just text written by mistake\n".utf8), to: path)
        let harness = TailHarness([path])
        harness.drain()
        #expect(harness.tailer.stats.damage[.corruptFrame] == 1)
        let saved = try #require(harness.tailer.checkpoint().entries.first)
        #expect(saved.position.seekingFrame)
        let checkpoint = directory.file("checkpoint")
        try harness.save(to: checkpoint)
        try harness.restart(from: checkpoint)
        try append(try zstdFrameBytes([taggedLines("z", 50..<80)], scratch: directory), to: path)
        harness.drain()
        #expect(harness.lines(startingWith: "") == textLines(taggedLines("z", 0..<80)))
        #expect(harness.tailer.stats[.damaged] == 0)  // the restarted tailer does not report the damage again
    }

    @Test("a zstd file cut inside a frame and rotated away is reported as truncated once idle")
    func truncatedFrameAtRotation() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("app.log.zst")
        let frames = try zstdFrameBytes([taggedLines("z", 0..<50), taggedLines("z", 50..<100)], scratch: directory)
        let firstFrame = try zstdFrameBytes([taggedLines("z", 0..<50)], scratch: directory)
        try append(Array(frames[..<(firstFrame.count + 40)]), to: path)
        let harness = TailHarness([path])
        harness.drain()
        #expect(harness.tailer.stats[.damaged] == 0)  // a partial frame waits while the file may grow
        try FileManager.default.removeItem(atPath: path)
        harness.settle()
        #expect(harness.lines == splitLines(taggedLines("z", 0..<50)))
        let stats = harness.tailer.stats
        #expect(stats[.rotated] == 1)
        #expect(stats.damage[.truncatedFrame] == 1)
        #expect(stats.filesTracked == 0)
    }
}
