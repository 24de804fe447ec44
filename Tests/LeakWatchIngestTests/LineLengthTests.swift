import LeakWatchIngest
import Testing

@Suite("Line lengths and block boundaries")
struct LineLengthTests {
    @Test("a 3 MB line between normal lines is dropped and counted", arguments: [false, true])
    func overLongLine(compressed: Bool) throws {
        let directory = try TemporaryDirectory()
        let long = [UInt8](repeating: UInt8(ascii: "x"), count: 3_000_000)
        let source = Array("before 1\nbefore 2\n".utf8) + long + Array("\nafter 1\nafter 2\n".utf8)
        var path = try directory.write("long.log", source)
        if compressed {
            path = directory.file("long.log.zst")
            try writeZstd(source, to: path, frameBytes: 700_000)
        }
        let result = try readBlocks(path, targetBytes: 256 << 10, maxLineBytes: 1 << 20)
        #expect(result.error == nil)
        #expect(result.lines == byteLines("before 1", "before 2", "after 1", "after 2"))
        #expect(result.stats.linesTooLong == 1)
        #expect(result.lines.count == 4)
        #expect(result.contractViolations.isEmpty)
    }

    @Test("a line of exactly maxLineBytes is kept, one byte more is dropped")
    func limitIsInclusive() throws {
        let directory = try TemporaryDirectory()
        let limit = 1000
        let exact = [UInt8](repeating: UInt8(ascii: "a"), count: limit)
        let over = [UInt8](repeating: UInt8(ascii: "b"), count: limit + 1)
        let source = exact + [0x0A] + over + [0x0A] + exact + [0x0A] + Array("tail".utf8)
        let path = try directory.write("limit.log", source)
        for target in [1, 500, 1500, 100_000] {
            let result = try readBlocks(path, targetBytes: target, maxLineBytes: limit, readChunkBytes: 333)
            #expect(result.lines == [exact, exact, Array("tail".utf8)])
            #expect(result.stats.linesTooLong == 1)
            #expect(result.contractViolations.isEmpty)
        }
    }

    @Test("over-long lines back to back, in one read and at the end without newline")
    func severalLongLines() throws {
        let directory = try TemporaryDirectory()
        let long = [UInt8](repeating: UInt8(ascii: "z"), count: 300)
        let source =
            Array("a\n".utf8) + long + [0x0A] + long + [0x0A] + Array("b\n".utf8) + long + Array("c\n".utf8) + long
        let path = try directory.write("long.log", source)
        let result = try readBlocks(path, targetBytes: 10_000, maxLineBytes: 100)
        #expect(result.lines == byteLines("a", "b"))
        #expect(result.stats.linesTooLong == 4)
    }

    @Test(
        "lines spanning many fills reassemble byte for byte",
        arguments: [Compression.plain, .gzip, .zstd],
        [1, 100, 4096]
    )
    func spanningFills(compression: Compression, targetBytes: Int) throws {
        let directory = try TemporaryDirectory()
        var source = randomLines(count: 3000, lengths: 0...2500, seed: UInt64(targetBytes))
        source += Array("no newline at the end".utf8)
        let plain = try directory.write("random.log", source)
        let path: String
        switch compression {
        case .plain:
            path = plain
        case .gzip:
            path = plain + ".gz"
            try runTool("/bin/gzip", ["-c", plain], stdoutTo: path)
        case .zstd:
            path = plain + ".zst"
            try writeZstd(source, to: path, frameBytes: 50_000)
        }
        let result = try readBlocks(path, targetBytes: targetBytes, maxLineBytes: 4096, readChunkBytes: 777)
        #expect(result.error == nil)
        #expect(result.bytes == source + [0x0A])
        #expect(result.lines == splitLines(source))
        #expect(result.lines.count == 3001)
        #expect(result.stats.rawBytes == Int64(source.count))
        #expect(result.stats.linesTooLong == 0)
        #expect(result.contractViolations.isEmpty)
    }

    @Test("stats add up")
    func statsAdd() {
        var total = IngestStats()
        var one = IngestStats()
        one.rawBytes = 10
        one.compressedBytesRead = 5
        one.linesTooLong = 1
        one.linesDroppedAtDamage = 2
        one.frames = 4
        total.add(one)
        total.add(one)
        #expect(total.rawBytes == 20)
        #expect(total.compressedBytesRead == 10)
        #expect(total.linesTooLong == 2)
        #expect(total.linesDroppedAtDamage == 4)
        #expect(total.frames == 8)
    }
}
