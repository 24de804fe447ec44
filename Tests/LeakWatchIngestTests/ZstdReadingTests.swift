import Foundation
import LeakWatchIngest
import Testing

@Suite("zstd files")
struct ZstdReadingTests {
    @Test("many frames written by ZstdFileWriter (no content size)")
    func multiFrameWriter() throws {
        let directory = try TemporaryDirectory()
        let source = numberedLines(5000)
        let path = directory.file("a.log.zst")
        let frameEnds = try writeZstd(source, to: path, frameBytes: 10_000)
        #expect(frameEnds.count > 20)
        #expect(!zstdFrameDeclaresContentSize(try readBytes(path)))
        let result = try readBlocks(path, targetBytes: 7000)
        #expect(result.error == nil)
        #expect(result.lines == splitLines(source))
        #expect(result.bytes == source)
        #expect(result.lines.count == 5000)
        #expect(result.stats.frames == Int64(frameEnds.count))
        #expect(result.stats.rawBytes == Int64(source.count))
        #expect(result.stats.compressedBytesRead == frameEnds.last)
        #expect(result.frameBoundaryOffset == frameEnds.last)
        #expect(result.contractViolations.isEmpty)
    }

    @Test("the reader reports zstd")
    func detectsZstd() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("a.zst")
        try writeZstd(numberedLines(10), to: path, frameBytes: 1 << 20)
        let reader = try LineBlockReader(file: InputFile(path: path, size: 0))
        #expect(reader.compression == .zstd)
    }

    @Test("zstd CLI output with content size, and streamed from stdin without it")
    func zstdCommandLine() throws {
        let directory = try TemporaryDirectory()
        let source = randomLines(count: 20_000, lengths: 0...300, seed: 7)
        let plain = try directory.write("a.log", source)
        let withSize = directory.file("with-size.zst")
        let streamed = directory.file("streamed.zst")
        try runTool("/usr/bin/zstd", ["-q", "-c", plain], stdoutTo: withSize)
        try runTool("/usr/bin/zstd", ["-q", "-c"], stdinFrom: plain, stdoutTo: streamed)
        #expect(zstdFrameDeclaresContentSize(try readBytes(withSize)))
        #expect(!zstdFrameDeclaresContentSize(try readBytes(streamed)))
        for path in [withSize, streamed] {
            let result = try readBlocks(path, targetBytes: 100_000, readChunkBytes: 50_000)
            #expect(result.error == nil)
            #expect(result.bytes == source)
            #expect(result.lines.count == 20_000)
            #expect(result.stats.frames == 1)
            #expect(result.contractViolations.isEmpty)
        }
        // Concatenated CLI outputs are a multi-frame file, like `cat a.zst b.zst`.
        let both = try directory.write("both.zst", try readBytes(withSize) + readBytes(streamed))
        let result = try readBlocks(both)
        #expect(result.bytes == source + source)
        #expect(result.stats.frames == 2)
    }

    @Test("skippable frames at the start, in the middle and at the end are skipped")
    func skippableFrames() throws {
        let directory = try TemporaryDirectory()
        let first = numberedLines(300, prefix: "first")
        let second = numberedLines(300, prefix: "second")
        let firstPath = directory.file("first.zst")
        let secondPath = directory.file("second.zst")
        try writeZstd(first, to: firstPath, frameBytes: 1 << 20)
        try writeZstd(second, to: secondPath, frameBytes: 1 << 20)
        let file =
            skippableFrame(variant: 0, payload: Array("metadata at start".utf8))
            + (try readBytes(firstPath))
            + skippableFrame(variant: 0xA, payload: [UInt8](repeating: 0x0A, count: 5000))
            + skippableFrame(variant: 0xF, payload: [])
            + (try readBytes(secondPath))
            + skippableFrame(variant: 3, payload: Array("trailer\n".utf8))
        let path = try directory.write("skippable.zst", file)
        let reader = try LineBlockReader(file: InputFile(path: path, size: 0))
        #expect(reader.compression == .zstd)
        let result = try readBlocks(path, targetBytes: 4096, readChunkBytes: 1000)
        #expect(result.error == nil)
        #expect(result.bytes == first + second)
        #expect(result.lines.count == 600)
        #expect(result.stats.frames == 2)
        #expect(result.frameBoundaryOffset == Int64(file.count))
    }

    @Test("a file that is only a skippable frame has no lines")
    func onlySkippable() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("skip.zst", skippableFrame(payload: Array("x\ny\n".utf8)))
        let result = try readBlocks(path)
        #expect(result.error == nil)
        #expect(result.lines.isEmpty)
        #expect(result.stats.frames == 0)
    }

    @Test("a frame boundary in the middle of a line joins the line")
    func lineAcrossFrames() throws {
        let directory = try TemporaryDirectory()
        let source = Array("first line\nsecond ".utf8) + Array("half\nthird".utf8)
        let path = directory.file("split.zst")
        try writeZstd(source, to: path, frameBytes: 18)
        let result = try readBlocks(path)
        #expect(result.lines == byteLines("first line", "second half", "third"))
        #expect(result.stats.frames == 2)
    }
}
