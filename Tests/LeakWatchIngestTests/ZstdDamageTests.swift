import LeakWatchIngest
import Testing

@Suite("Damaged zstd files")
struct ZstdDamageTests {
    /// Two line-aligned frames of 1000 lines each, and where each frame ends.
    private static func twoFrames(in directory: borrowing TemporaryDirectory) throws -> (
        bytes: [UInt8], lines: [[UInt8]], frameEnds: [Int64]
    ) {
        let first = numberedLines(1000, prefix: "first")
        let second = numberedLines(1000, prefix: "second")
        let path = directory.file("good.zst")
        let frameEnds = try writeZstdFrames([first, second], to: path)
        return (try readBytes(path), splitLines(first + second), frameEnds)
    }

    @Test("a file cut inside the second frame delivers the first frame, then throws truncatedFrame")
    func truncatedInSecondFrame() throws {
        let directory = try TemporaryDirectory()
        let good = try Self.twoFrames(in: directory)
        let firstEnd = Int(good.frameEnds[0])
        let cut = firstEnd + (Int(good.frameEnds[1]) - firstEnd) / 2
        let path = try directory.write("cut.zst", Array(good.bytes[..<cut]))

        let reader = try LineBlockReader(file: InputFile(path: path, size: Int64(cut)))
        let block = LineBlock(capacity: 1 << 16)
        var lines: [[UInt8]] = []
        var thrown: IngestError?
        var goodFills = 0
        while thrown == nil {
            do {
                guard try reader.fill(block, targetBytes: 1 << 20) else { break }
                goodFills += 1
                block.withBytes { lines += splitLines(Array($0)) }
            } catch {
                thrown = error
            }
        }
        let error = try #require(thrown)
        #expect(goodFills >= 1)
        #expect(error.code == .truncatedFrame)
        #expect(error.byteOffset == Int64(firstEnd))
        #expect(error.path == path)
        #expect(lines.count >= 1000)
        #expect(lines == Array(good.lines.prefix(lines.count)))
        #expect(reader.stats.frames == 1)
        #expect(reader.stats.linesDroppedAtDamage <= 1)
        #expect(reader.frameBoundaryOffset == Int64(firstEnd))
        // The reader stays failed.
        let again = #expect(throws: IngestError.self) { _ = try reader.fill(block, targetBytes: 1 << 20) }
        #expect(again?.code == .truncatedFrame)
        #expect(block.count == 0)
    }

    @Test("a file cut inside the first frame header throws at once")
    func truncatedAtStart() throws {
        let directory = try TemporaryDirectory()
        let good = try Self.twoFrames(in: directory)
        let path = try directory.write("cut.zst", Array(good.bytes[..<6]))
        let result = try readBlocks(path)
        #expect(result.blocks == 0)
        #expect(result.lines.isEmpty)
        #expect(result.error?.code == .truncatedFrame)
        #expect(result.error?.byteOffset == 0)
    }

    @Test("a partial line at the damage point is dropped and counted")
    func partialLineDropped() throws {
        let directory = try TemporaryDirectory()
        // One frame whose content ends without a newline, then a second frame that is cut off.
        let path = directory.file("partial.zst")
        let frameEnds = try writeZstdFrames(
            [Array("complete one\ncomplete two\nhalf of a ".utf8), numberedLines(500)],
            to: path
        )
        let bytes = try readBytes(path)
        let cutPath = try directory.write("cut.zst", Array(bytes[..<(Int(frameEnds[0]) + 10)]))
        let result = try readBlocks(cutPath)
        #expect(result.lines == byteLines("complete one", "complete two"))
        #expect(result.error?.code == .truncatedFrame)
        #expect(result.error?.byteOffset == frameEnds[0])
        #expect(result.stats.linesDroppedAtDamage == 1)
    }

    @Test("a bad checksum in the second frame throws corruptFrame with the library's message")
    func badChecksum() throws {
        let directory = try TemporaryDirectory()
        let good = try Self.twoFrames(in: directory)
        var bytes = good.bytes
        bytes[Int(good.frameEnds[1]) - 2] ^= 0xFF  // inside the 4-byte content checksum
        let path = try directory.write("bad-checksum.zst", bytes)
        let result = try readBlocks(path)
        let error = try #require(result.error)
        #expect(error.code == .corruptFrame)
        #expect(error.byteOffset == good.frameEnds[0])
        #expect(error.detail.contains("checksum"))
        #expect(result.lines.count >= 1000)
        #expect(result.lines == Array(good.lines.prefix(result.lines.count)))
        #expect(result.stats.frames == 1)
    }

    @Test("garbage inside a compressed block throws corruptFrame after the first frame's lines")
    func garbageBlock() throws {
        let directory = try TemporaryDirectory()
        let good = try Self.twoFrames(in: directory)
        var bytes = good.bytes
        let middle = (Int(good.frameEnds[0]) + Int(good.frameEnds[1])) / 2
        for index in middle..<(middle + 64) { bytes[index] = 0xA5 }
        let path = try directory.write("garbage.zst", bytes)
        let result = try readBlocks(path)
        let error = try #require(result.error)
        #expect(error.code == .corruptFrame)
        #expect(error.byteOffset == good.frameEnds[0])
        #expect(!error.detail.isEmpty)
        #expect(result.lines.count >= 1000)
        #expect(Array(result.lines.prefix(1000)) == Array(good.lines.prefix(1000)))
    }

    @Test("bytes after the last frame that are not a frame magic throw corruptFrame")
    func garbageAfterFrames() throws {
        let directory = try TemporaryDirectory()
        let good = try Self.twoFrames(in: directory)
        let path = try directory.write("trailing.zst", good.bytes + Array("GARBAGE!GARBAGE!".utf8))
        let result = try readBlocks(path)
        #expect(result.lines == good.lines)
        #expect(result.error?.code == .corruptFrame)
        #expect(result.error?.byteOffset == good.frameEnds[1])
        #expect(result.error?.detail.contains("Unknown frame descriptor") == true)
        #expect(result.stats.frames == 2)
        #expect(result.stats.linesDroppedAtDamage == 0)
    }
}
