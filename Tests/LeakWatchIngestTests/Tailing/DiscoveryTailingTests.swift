import Foundation
import LeakWatchIngest
import Testing

@Suite("Tailing: discovery and gzip")
struct DiscoveryTailingTests {
    @Test("a file created later that matches the glob is found and read from its start")
    func newFileMatchingGlob() throws {
        let directory = try TemporaryDirectory()
        try append(taggedLines("a", 0..<10), to: directory.file("a.log"))
        let harness = TailHarness([directory.path + "/*.log"])
        #expect(harness.drain() == splitLines(taggedLines("a", 0..<10)))
        try append(taggedLines("b", 0..<10), to: directory.file("b.log"))
        try append(taggedLines("c", 0..<10), to: directory.file("c.txt"))  // not matched
        #expect(harness.drain() == splitLines(taggedLines("b", 0..<10)))
        #expect(harness.tailer.stats[.discovered] == 2)
    }

    @Test("a named file that does not exist yet is picked up once it appears")
    func fileAppearsLater() throws {
        let directory = try TemporaryDirectory()
        let harness = TailHarness([directory.file("later.log")])
        #expect(harness.drain().isEmpty)
        try append(text: "hello\n", to: directory.file("later.log"))
        #expect(harness.drain() == byteLines("hello"))
    }

    @Test("a directory pattern follows the files under it")
    func directoryPattern() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.file("sub"), withIntermediateDirectories: true)
        try append(text: "one\n", to: directory.file("sub/x.log"))
        let harness = TailHarness([directory.path])
        #expect(harness.drain() == byteLines("one"))
        try append(text: "two\n", to: directory.file("sub/y.log"))
        #expect(harness.drain() == byteLines("two"))
    }

    @Test("idle files read to their end close their descriptors and are opened again when they change")
    func idleFilesClosed() throws {
        let directory = try TemporaryDirectory()
        for name in ["a", "b", "c"] {
            try append(taggedLines(name, 0..<5) + Array("\(name) half".utf8), to: directory.file("\(name).log"))
        }
        try append(try zstdFrameBytes([taggedLines("z", 0..<5)], scratch: directory), to: directory.file("z.log"))
        try append([], to: directory.file("empty.log"))
        let harness = TailHarness([directory.path + "/*.log"])
        harness.drain()
        #expect(harness.tailer.stats.filesOpen == 5)
        harness.drain(after: 61)
        harness.drain(after: 1)
        #expect(harness.tailer.stats.filesOpen == 0)
        #expect(harness.tailer.stats.filesTracked == 5)
        try append(text: " done\n", to: directory.file("b.log"))
        try append(try zstdFrameBytes([taggedLines("z", 5..<8)], scratch: directory), to: directory.file("z.log"))
        try append(text: "e\n", to: directory.file("empty.log"))
        harness.drain()
        #expect(harness.tailer.stats.filesOpen == 3)
        #expect(harness.lines(startingWith: "b") == textLines(taggedLines("b", 0..<5)) + ["b half done"])
        #expect(harness.lines(startingWith: "z") == textLines(taggedLines("z", 0..<8)))
        #expect(harness.lines(startingWith: "e") == ["e"])
        #expect(harness.lines(startingWith: "a") == textLines(taggedLines("a", 0..<5)))
    }

    @Test("a gzip file is read once it has not changed for the settle time, and not again")
    func gzipOnceSettled() throws {
        let directory = try TemporaryDirectory()
        let plain = try directory.write("export.log", taggedLines("g", 0..<500))
        let gzip = directory.file("export.log.gz")
        try runTool("/usr/bin/gzip", ["-c", plain], stdoutTo: gzip)
        try FileManager.default.removeItem(atPath: plain)
        let harness = TailHarness([directory.path + "/*.gz"])
        #expect(harness.drain().isEmpty)  // not settled yet
        #expect(harness.drain(after: 6) == splitLines(taggedLines("g", 0..<500)))
        #expect(harness.settle().isEmpty)
        // A member appended later (`cat more.gz >> export.log.gz`) is read once settled, from where reading stopped.
        let more = try directory.write("more.log", taggedLines("g", 500..<600))
        try runTool("/usr/bin/gzip", ["-c", more], stdoutTo: directory.file("more.part"))
        try append(try readBytes(directory.file("more.part")), to: gzip)
        harness.drain()
        #expect(harness.settle() == splitLines(taggedLines("g", 500..<600)))
    }

    @Test("a gzip file cut short is reported once settled, after its good lines")
    func truncatedGzip() throws {
        let directory = try TemporaryDirectory()
        let plain = try directory.write("export.log", randomLines(count: 3000, lengths: 20...200, seed: 5))
        let whole = directory.file("whole.gz")
        try runTool("/usr/bin/gzip", ["-c", plain], stdoutTo: whole)
        let bytes = try readBytes(whole)
        try directory.write("cut.gz", Array(bytes[..<(bytes.count / 2)]))
        let harness = TailHarness([directory.file("cut.gz")])
        let lines = harness.settle()
        #expect(!lines.isEmpty)
        #expect(lines == Array(splitLines(try readBytes(plain)).prefix(lines.count)))
        #expect(harness.tailer.stats.damage[.truncatedFrame] == 1)
    }
}
