import LeakWatchIngest
import Testing

@Suite("Plain files")
struct PlainReadingTests {
    @Test("lines with a final newline")
    func finalNewline() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("a.log", text: "alpha\nbeta\n\ngamma\n")
        let result = try LineBlockReader.readAllLines(path: path, maxLineBytes: 1 << 20)
        #expect(result.lines == byteLines("alpha", "beta", "", "gamma"))
        #expect(result.error == nil)
        #expect(result.lines.count == 4)
        #expect(result.stats.rawBytes == 18)
        #expect(result.stats.compressedBytesRead == 18)
        #expect(result.stats.frames == 0)
    }

    @Test("a last line without newline gets one")
    func noFinalNewline() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("a.log", text: "alpha\nbeta")
        let result = try readBlocks(path)
        #expect(result.bytes == Array("alpha\nbeta\n".utf8))
        #expect(result.lines == byteLines("alpha", "beta"))
        #expect(result.lines.count == 2)
        #expect(result.contractViolations.isEmpty)
    }

    @Test("CRLF line endings keep the carriage return")
    func crlf() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("a.log", text: "one\r\ntwo\r\nthree")
        let result = try LineBlockReader.readAllLines(path: path, maxLineBytes: 100)
        #expect(result.lines == byteLines("one\r", "two\r", "three"))
    }

    @Test("an empty file has no blocks")
    func emptyFile() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("empty.log", [])
        let reader = try LineBlockReader(file: InputFile(path: path, size: 0))
        #expect(reader.compression == .plain)
        let block = LineBlock(capacity: 64)
        #expect(try reader.fill(block, targetBytes: 64) == false)
        #expect(block.count == 0)
        #expect(try reader.fill(block, targetBytes: 64) == false)
    }

    @Test("a file shorter than a magic number")
    func tinyFile() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("tiny.log", text: "x")
        let result = try LineBlockReader.readAllLines(path: path, maxLineBytes: 100)
        #expect(result.lines == byteLines("x"))
    }

    @Test("a missing file is unreadable")
    func missingFile() throws {
        let error = #expect(throws: IngestError.self) {
            _ = try LineBlockReader(file: InputFile(path: "/nonexistent/leakwatch.log", size: 0))
        }
        #expect(error?.code == .unreadableFile)
        #expect(error?.path == "/nonexistent/leakwatch.log")
    }

    @Test("the block is reused and its previous content replaced")
    func reuse() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("a.log", numberedLines(2000))
        let reader = try LineBlockReader(file: InputFile(path: path, size: 0), readChunkBytes: 4096)
        let block = LineBlock(capacity: 8192)
        var total: [UInt8] = []
        var fills = 0
        while try reader.fill(block, targetBytes: 4096) {
            fills += 1
            block.withBytes { total += Array($0) }
        }
        #expect(total == numberedLines(2000))
        #expect(block.capacity == 8192)
        #expect(fills > 10)
    }
}
