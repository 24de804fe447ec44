import LeakWatchIngest
import Testing

/// Decompression contexts are kept from one zstd input for the next (so that an archive rotated hourly does not
/// map a new window per file). Nothing of one input may reach the next: not a frame left half-decoded by damage,
/// not a window of another size, not the bytes of an input abandoned mid-way.
@Suite("zstd contexts reused across inputs")
struct ZstdContextReuseTests {
    @Test("after a damaged, a cut, an abandoned or a larger-window input, the next input decodes exactly")
    func nothingCarriesOverBetweenInputs() throws {
        let directory = try TemporaryDirectory()
        let first = numberedLines(3000, prefix: "first")
        let second = numberedLines(3000, prefix: "second")
        let goodPath = directory.file("good.zst")
        let frameEnds = try writeZstdFrames([first, second], to: goodPath)
        let good = try readBytes(goodPath)
        let expected = splitLines(first + second)

        var garbage = good
        let middle = (Int(frameEnds[0]) + Int(frameEnds[1])) / 2
        for index in middle..<(middle + 64) { garbage[index] = 0xA5 }
        let garbagePath = try directory.write("garbage.zst", garbage)
        let cutPath = try directory.write("cut.zst", Array(good[..<middle]))
        // A larger window (level 19 over 4 MB of lines) before a file of the small one.
        let widePath = directory.file("wide.zst")
        var wide = try ZstdFileWriter(path: widePath, level: 19, frameBytes: Int.max)
        let wideLines = numberedLines(60_000, prefix: "wide")
        try wide.write(wideLines)
        try wide.finish()

        for round in 0..<6 {
            switch round % 3 {
            case 0:
                #expect(try readBlocks(garbagePath).error?.code == .corruptFrame)
            case 1:
                #expect(try readBlocks(cutPath).error?.code == .truncatedFrame)
            default:
                // Abandoned after its first block, inside its frame.
                let reader = try LineBlockReader(file: InputFile(path: widePath, size: try fileSize(widePath)))
                #expect(try reader.fill(LineBlock(capacity: 1 << 16), targetBytes: 64 << 10))
            }
            let result = try readBlocks(goodPath)
            #expect(result.error == nil, "round \(round)")
            // Compared as a flag: a failure would otherwise print every line.
            let exact = result.lines == expected
            #expect(exact, "round \(round): \(result.lines.count) of \(expected.count) lines")
            #expect(result.stats.frames == 2, "round \(round)")
        }
        let wideResult = try readBlocks(widePath)
        #expect(wideResult.error == nil)
        let wideExact = wideResult.lines == splitLines(wideLines)
        #expect(wideExact, "\(wideResult.lines.count) lines")
    }
}
