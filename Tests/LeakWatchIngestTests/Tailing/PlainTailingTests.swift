import LeakWatchIngest
import Testing

@Suite("Tailing plain files")
struct PlainTailingTests {
    @Test("lines appended between polls are delivered once each, in order")
    func appendedLines() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("app.log")
        try append(taggedLines("a", 0..<100), to: path)
        let harness = TailHarness([path])
        #expect(harness.drain() == splitLines(taggedLines("a", 0..<100)))
        #expect(harness.drain().isEmpty)
        try append(taggedLines("a", 100..<150), to: path)
        #expect(harness.drain() == splitLines(taggedLines("a", 100..<150)))
        try append(taggedLines("a", 150..<1000), to: path)
        #expect(harness.drain() == splitLines(taggedLines("a", 150..<1000)))
        #expect(harness.lines == splitLines(taggedLines("a", 0..<1000)))
        #expect(harness.batches > 4)  // batches of about batchBytes, not one line each nor one per file
        #expect(harness.tailer.stats.ingest.rawBytes == Int64(taggedLines("a", 0..<1000).count))
    }

    @Test("a last line without a newline waits until it is completed")
    func partialLineWaits() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("app.log")
        try append(text: "one\ntwo\nthr", to: path)
        let harness = TailHarness([path])
        #expect(harness.drain() == byteLines("one", "two"))
        try append(text: "ee", to: path)
        #expect(harness.drain().isEmpty)
        #expect(harness.tailer.checkpoint().entries.first?.position.offset == 8)
        try append(text: "\nfour\n", to: path)
        #expect(harness.drain() == byteLines("three", "four"))
        // Not rotated: however long it stays, a partial line is not guessed complete.
        try append(text: "fi", to: path)
        #expect(harness.settle().isEmpty)
    }

    @Test("each batch names its file and the position just after its lines")
    func batchPositions() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("app.log")
        let bytes = taggedLines("a", 0..<300)
        try append(bytes + Array("tail".utf8), to: path)
        let tailer = LogTailer(patterns: [path], options: TailHarness.testOptions)
        var offsets: [Int64] = []
        var total = 0
        while true {
            let batches = tailer.poll(now: 1)
            if batches.isEmpty { break }
            for batch in batches {
                #expect(batch.path == path)
                total += batch.block.count
                #expect(batch.position == TailPosition(offset: Int64(total)))
                offsets.append(batch.position.offset)
            }
        }
        #expect(offsets.last == Int64(bytes.count))
        #expect(offsets.count > 1)
    }

    @Test("a line longer than maxLineBytes written over several polls is dropped and counted, the next ones kept")
    func hugeLine() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("app.log")
        var options = TailHarness.testOptions
        options.maxLineBytes = 1000
        try append(text: "before\n", to: path)
        let harness = TailHarness([path], options: options)
        #expect(harness.drain() == byteLines("before"))
        for _ in 0..<5 {
            try append([UInt8](repeating: UInt8(ascii: "x"), count: 700), to: path)
            #expect(harness.drain().isEmpty)
        }
        try append(text: "xxx\nafter\n", to: path)
        #expect(harness.drain() == byteLines("after"))
        #expect(harness.tailer.stats.ingest.linesTooLong == 1)
        #expect(harness.lines == byteLines("before", "after"))
    }
}
