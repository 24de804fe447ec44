import LeakWatchIngest
import Testing

@Suite("gzip files")
struct GzipReadingTests {
    private static func gzip(_ bytes: [UInt8], name: String, in directory: borrowing TemporaryDirectory) throws
        -> String
    {
        let plain = try directory.write(name, bytes)
        let compressed = plain + ".gz"
        try runTool("/bin/gzip", ["-c", plain], stdoutTo: compressed)
        return compressed
    }

    @Test("a single member")
    func singleMember() throws {
        let directory = try TemporaryDirectory()
        let source = randomLines(count: 10_000, lengths: 0...200, seed: 11)
        let path = try Self.gzip(source, name: "a.log", in: directory)
        let reader = try LineBlockReader(file: InputFile(path: path, size: 0))
        #expect(reader.compression == .gzip)
        let result = try readBlocks(path, targetBytes: 50_000, readChunkBytes: 10_000)
        #expect(result.error == nil)
        #expect(result.bytes == source)
        #expect(result.lines.count == 10_000)
        #expect(result.stats.frames == 1)
        #expect(result.stats.compressedBytesRead == (try fileSize(path)))
        #expect(result.frameBoundaryOffset == (try fileSize(path)))
        #expect(result.contractViolations.isEmpty)
    }

    @Test("concatenated members are all read, like cat a.gz b.gz")
    func multiMember() throws {
        let directory = try TemporaryDirectory()
        let first = numberedLines(3000, prefix: "first")
        let second = Array("second member without final newline".utf8)
        let third = numberedLines(10, prefix: "third")
        let parts = [
            try readBytes(try Self.gzip(first, name: "a.log", in: directory)),
            try readBytes(try Self.gzip(second, name: "b.log", in: directory)),
            try readBytes(try Self.gzip(third, name: "c.log", in: directory)),
        ]
        let path = try directory.write("all.gz", parts.flatMap { $0 })
        let result = try readBlocks(path, targetBytes: 8192, readChunkBytes: 4096)
        #expect(result.error == nil)
        // The second member's last line continues into the third member, as `zcat` would print it.
        #expect(result.lines == splitLines(first) + splitLines(second + third))
        #expect(result.stats.frames == 3)
        #expect(result.frameBoundaryOffset == Int64(parts.map(\.count).reduce(0, +)))
    }

    @Test("a truncated second member delivers the first, then throws truncatedFrame")
    func truncated() throws {
        let directory = try TemporaryDirectory()
        let first = numberedLines(2000, prefix: "first")
        let second = numberedLines(2000, prefix: "second")
        let a = try readBytes(try Self.gzip(first, name: "a.log", in: directory))
        let b = try readBytes(try Self.gzip(second, name: "b.log", in: directory))
        let path = try directory.write("cut.gz", a + b[..<(b.count / 2)])
        let result = try readBlocks(path)
        let expected = splitLines(first + second)
        #expect(result.error?.code == .truncatedFrame)
        #expect(result.error?.byteOffset == Int64(a.count))
        #expect(result.lines.count >= 2000)
        #expect(result.lines == Array(expected.prefix(result.lines.count)))
        #expect(result.stats.frames == 1)
        #expect(result.stats.linesDroppedAtDamage <= 1)
    }

    @Test("a bad CRC throws corruptFrame with zlib's message")
    func badCRC() throws {
        let directory = try TemporaryDirectory()
        let source = numberedLines(500)
        var bytes = try readBytes(try Self.gzip(source, name: "a.log", in: directory))
        bytes[bytes.count - 8] ^= 0xFF  // first byte of the CRC32 trailer
        let path = try directory.write("bad.gz", bytes)
        let result = try readBlocks(path)
        #expect(result.error?.code == .corruptFrame)
        #expect(result.error?.byteOffset == 0)
        #expect(result.error?.detail.contains("incorrect data check") == true)
        #expect(result.lines == splitLines(source))
    }
}
