import Foundation
import LeakWatchIngest
import LeakWatchParsing
import Testing

@testable import LeakWatchEngine

/// The first look at a file places it in the replay's merge order: its format and the earliest time among its
/// first events, read from its first decoded bytes.
@Suite("first look at a file")
struct FilePeekTests {
    /// A JSON access line at `second` seconds after midnight of 2026-03-03, padded by a user agent of `padding`
    /// bytes.
    static func line(second: Int, padding: Int = 0) -> String {
        let time = String(format: "2026-03-03T%02d:%02d:%02d.000Z", second / 3600, second / 60 % 60, second % 60)
        return #"{"ts":"\#(time)","method":"GET","path":"/api/v2/leads","status":200,"bytes":10,"#
            + #""principal":"svc-a","src_ip":"10.0.0.1","ua":"\#(String(repeating: "x", count: padding))"}"#
    }

    static func millis(second: Int) -> Int64 {
        // 2026-03-03T00:00:00Z
        1_772_496_000_000 + Int64(second) * 1000
    }

    /// Writes `text` to a file (zstd-compressed when `compressed`) and looks at it.
    static func peek(_ text: String, compressed: Bool = false) throws -> FilePeek {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lw-peek-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + (compressed ? "/access.jsonl.zst" : "/access.jsonl")
        if compressed {
            var writer = try ZstdFileWriter(path: path, frameBytes: 64 << 10)
            try writer.write(Array(text.utf8))
            try writer.finish()
        } else {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let files = try InputDiscovery.expand([path])
        return try FilePeek.peek(try #require(files.first), options: ReplayOptions(paths: [path]))
    }

    @Test("the first time is the earliest of the first 64 events, also when they run past the first piece parsed",
          arguments: [0, 1_000])
    func earliestOfFirstEvents(padding: Int) throws {
        // Times fall over the first 64 events; the 65th is earlier still, but is not among the first events.
        var lines = (0..<64).map { Self.line(second: 5_000 - $0, padding: padding) }
        lines.append(Self.line(second: 10, padding: padding))
        lines += (0..<200).map { Self.line(second: 6_000 + $0, padding: padding) }
        for compressed in [false, true] {
            let peek = try Self.peek(lines.joined(separator: "\n") + "\n", compressed: compressed)
            #expect(peek.format == .json)
            #expect(peek.firstTime == Self.millis(second: 5_000 - 63), "compressed: \(compressed)")
        }
    }

    @Test("lines that are not events at the start of a file are passed over to the events after them")
    func malformedStart() throws {
        let garbage = (0..<2_000).map { "not an event \($0) " + String(repeating: "-", count: 20) }
        let lines = garbage + (0..<10).map { Self.line(second: 700 + $0) }
        let peek = try Self.peek(lines.joined(separator: "\n") + "\n")
        #expect(peek.firstTime == Self.millis(second: 700))
    }

    @Test("a short file's last line counts without a newline")
    func lastLineWithoutNewline() throws {
        let text = [Self.line(second: 300), Self.line(second: 200), Self.line(second: 100)].joined(separator: "\n")
        #expect(try Self.peek(text).firstTime == Self.millis(second: 100))
        #expect(try Self.peek(text, compressed: true).firstTime == Self.millis(second: 100))
    }

    @Test("a file without events has no first time")
    func noEvents() throws {
        #expect(try Self.peek("nothing here\nnor here\n").firstTime == nil)
        #expect(try Self.peek("").firstTime == nil)
    }
}

/// Files written side by side are open at once, so each gets a smaller block; others keep the configured size.
@Suite("block size of files written side by side")
struct SideBySideBlockTests {
    static let base = 4 << 20

    /// A JSON file of `size` bytes whose first event is at `minute` minutes.
    static func peek(_ name: String, size: Int64, minute: Int64?) -> FilePeek {
        FilePeek(file: InputFile(path: name, size: size), format: .json, framing: .lines, csvColumns: nil,
                 firstTime: minute.map { 1_772_496_000_000 + $0 * 60_000 })
    }

    @Test("four gateways' files of a day take half the block, sixteen a quarter, each day on its own")
    func gateways() {
        let four = (0..<2).flatMap { day in
            (0..<4).map { Self.peek("gw\($0)-\(day)", size: 9_000_000, minute: day * 1_440) }
        }
        #expect(ReplayPipeline.blockBytes(for: four, base: Self.base) == Array(repeating: 2 << 20, count: 8))
        let sixteen = (0..<16).map { Self.peek("gw\($0)", size: 4_000_000 + Int64($0) * 10_000, minute: 0) }
        #expect(ReplayPipeline.blockBytes(for: sixteen, base: Self.base) == Array(repeating: 1 << 20, count: 16))
    }

    @Test("a day's access log and its much smaller export log, and files rotated hourly, keep the block size")
    func otherLayouts() {
        let daily = (0..<3).flatMap { day in
            [Self.peek("access-\(day)", size: 35_000_000, minute: day * 1_440),
             Self.peek("export-\(day)", size: 400_000, minute: day * 1_440 + 5)]
        }
        #expect(ReplayPipeline.blockBytes(for: daily, base: Self.base) == Array(repeating: Self.base, count: 6))
        let hourly = (0..<48).map { Self.peek("hour-\($0)", size: 1_500_000, minute: Int64($0) * 60) }
        #expect(ReplayPipeline.blockBytes(for: hourly, base: Self.base) == Array(repeating: Self.base, count: 48))
        let unreadable = [Self.peek("empty", size: 0, minute: nil), Self.peek("a", size: 10, minute: 0)]
        #expect(ReplayPipeline.blockBytes(for: unreadable, base: Self.base) == [Self.base, Self.base])
        // Times at the ends of the range (a damaged file's) are far apart, not an overflow.
        let extremes = [Int64.min + 1, Int64.max - 1].map { (time: Int64) in
            FilePeek(file: InputFile(path: String(time), size: 10), format: .json, framing: .lines, csvColumns: nil,
                     firstTime: time)
        }
        #expect(ReplayPipeline.blockBytes(for: extremes, base: Self.base) == [Self.base, Self.base])
    }
}
