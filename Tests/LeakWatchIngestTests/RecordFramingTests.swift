import Foundation
import LeakWatchIngest
import Testing

@Suite("Record framing: CSV records and CloudTrail Records files")
struct RecordFramingTests {
    /// Reads `path` with `framing`, returning each block's bytes.
    func blocks(
        _ path: String, framing: RecordFraming, targetBytes: Int, readChunkBytes: Int = 1 << 20,
        maxLineBytes: Int = 1 << 20
    ) throws -> (blocks: [[UInt8]], stats: IngestStats) {
        let reader = try LineBlockReader(
            file: InputFile(path: path, size: 0), maxLineBytes: maxLineBytes, readChunkBytes: readChunkBytes,
            framing: framing)
        let block = LineBlock(capacity: 16)
        var result: [[UInt8]] = []
        while try reader.fill(block, targetBytes: targetBytes) {
            block.withBytes { result.append(Array($0)) }
        }
        return (result, reader.stats)
    }

    static let csv = Array(
        (#""EVENT_TYPE","URI""# + "\n" + #""API","a ""quoted"", word""# + "\n"
            + "\"API\",\"two\nlines\"\r\n" + #""API","x""# + "\n").utf8)

    @Test("blocks end on record ends, never inside a quoted newline, whatever the read sizes")
    func csvBlocksKeepRecordsWhole() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("elf.csv", Array(repeating: Self.csv, count: 50).flatMap { $0 })
        for (target, chunk) in [(1, 7), (20, 3), (100, 1000), (1 << 20, 1 << 20)] {
            let read = try blocks(path, framing: .csv, targetBytes: target, readChunkBytes: chunk)
            #expect(read.blocks.flatMap { $0 } == Array(repeating: Self.csv, count: 50).flatMap { $0 })
            for block in read.blocks {
                #expect(block.filter { $0 == UInt8(ascii: "\"") }.count % 2 == 0)
                #expect(block.last == 0x0A)
            }
        }
    }

    @Test("a CSV record longer than the limit is dropped whole, newlines in its quotes included")
    func csvOverLongRecord() throws {
        let directory = try TemporaryDirectory()
        let long = "\"API\",\"" + String(repeating: "x\n", count: 600) + "\"\n"
        let path = try directory.write("long.csv", Array(("\"API\",\"a\"\n" + long + "\"API\",\"b\"\n").utf8))
        for chunk in [5, 100, 1 << 20] {
            let read = try blocks(path, framing: .csv, targetBytes: 64, readChunkBytes: chunk, maxLineBytes: 1_000)
            #expect(String(decoding: read.blocks.flatMap { $0 }, as: UTF8.self) == "\"API\",\"a\"\n\"API\",\"b\"\n")
            #expect(read.stats.linesTooLong == 1)
        }
    }

    @Test("chunk bounds for parallel parsing fall on record ends")
    func csvChunkBounds() {
        let text = Array(repeating: Self.csv, count: 7).flatMap { $0 }
        text.withUnsafeBytes { bytes in
            for chunks in [1, 2, 5, 16, 40] {
                let bounds = CSVRecordEnds.chunkBounds(bytes, chunks: chunks)
                #expect(bounds.count == chunks + 1)
                #expect(bounds.first == 0 && bounds.last == text.count)
                for (start, end) in zip(bounds, bounds.dropFirst()) where end > start {
                    let piece = text[start..<end]
                    #expect(piece.last == 0x0A)
                    #expect(piece.filter { $0 == UInt8(ascii: "\"") }.count % 2 == 0)
                }
            }
        }
    }

    static let records = [
        #"{"eventTime":"2020-09-14T01:00:04Z","eventName":"ListBuckets","requestParameters":{"a":[1,{"b":"}]\""}]}}"#,
        #"{"eventTime":"2020-09-14T01:00:33Z","eventName":"ListObjects"}"#,
    ]

    @Test(
        "a Records file becomes one record per line: on one line, pretty-printed, or several in a row",
        arguments: [
            "{\"Records\":[" + records.joined(separator: ",") + "]}",
            "{\n  \"Records\": [\n    " + records[0] + ",\n    " + records[1] + "\n  ]\n}\n",
            "{\"Records\":[" + records[0] + "]}\n{\"Records\":[" + records[1] + "]}\n",
        ])
    func cloudTrailRecords(document: String) throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("trail.json", Array(document.utf8))
        for (target, chunk) in [(1, 3), (50, 17), (1 << 20, 1 << 20)] {
            let read = try blocks(path, framing: .jsonRecords, targetBytes: target, readChunkBytes: chunk)
            let lines = String(decoding: read.blocks.flatMap { $0 }, as: UTF8.self).split(separator: "\n")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            #expect(lines == Self.records)
        }
    }

    @Test("a pretty-printed record's own newlines become spaces; stray text outside objects stays a line")
    func prettyRecordAndStrayText() throws {
        let directory = try TemporaryDirectory()
        let document = "{\"Records\":[{\n \"eventName\": \"GetObject\",\n \"n\": 1\n}, 42]}\nnot json\n"
        let path = try directory.write("trail.json", Array(document.utf8))
        let read = try blocks(path, framing: .jsonRecords, targetBytes: 1 << 20)
        let lines = String(decoding: read.blocks.flatMap { $0 }, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(lines == ["{  \"eventName\": \"GetObject\",  \"n\": 1 }", "42", "not json"])
    }
}
