import Foundation
import LeakWatchIngest
import Testing

@Suite("InputDiscovery")
struct InputDiscoveryTests {
    /// root/a.log, root/b.log.zst, root/.hidden.log, root/sub/c.log, root/sub/.git/x, root/sub/deeper/d.gz
    private static func makeTree(_ directory: borrowing TemporaryDirectory) throws {
        let manager = FileManager.default
        try manager.createDirectory(atPath: directory.file("root/sub/deeper"), withIntermediateDirectories: true)
        try manager.createDirectory(atPath: directory.file("root/sub/.git"), withIntermediateDirectories: true)
        try directory.write("root/a.log", text: "a\n")
        try directory.write("root/b.log.zst", text: "bb\n")
        try directory.write("root/.hidden.log", text: "h\n")
        try directory.write("root/sub/c.log", text: "ccc\n")
        try directory.write("root/sub/.git/x", text: "x\n")
        try directory.write("root/sub/deeper/d.gz", text: "dddd\n")
    }

    @Test("a directory is searched recursively, skipping hidden entries")
    func directory() throws {
        let directory = try TemporaryDirectory()
        try Self.makeTree(directory)
        let files = try InputDiscovery.expand([directory.file("root")])
        #expect(
            files.map(\.path) == [
                directory.file("root/a.log"), directory.file("root/b.log.zst"), directory.file("root/sub/c.log"),
                directory.file("root/sub/deeper/d.gz"),
            ]
        )
        #expect(files.map(\.size) == [2, 3, 4, 5])
    }

    @Test("files, globs and directories together are de-duplicated and sorted")
    func mixed() throws {
        let directory = try TemporaryDirectory()
        try Self.makeTree(directory)
        let files = try InputDiscovery.expand([
            directory.file("root/sub/c.log"),
            directory.file("root/*.log"),
            directory.file("root/sub"),
            directory.file("root/.hidden.log"),
            directory.file("root/?.log.zs[tx]"),
        ])
        #expect(
            files.map(\.path) == [
                directory.file("root/.hidden.log"), directory.file("root/a.log"), directory.file("root/b.log.zst"),
                directory.file("root/sub/c.log"), directory.file("root/sub/deeper/d.gz"),
            ]
        )
    }

    @Test("a glob matching a directory searches it")
    func globDirectory() throws {
        let directory = try TemporaryDirectory()
        try Self.makeTree(directory)
        let files = try InputDiscovery.expand([directory.file("root/su*")])
        #expect(files.map(\.path) == [directory.file("root/sub/c.log"), directory.file("root/sub/deeper/d.gz")])
    }

    @Test("arguments that match nothing throw noSuchInput naming them")
    func noSuchInput() throws {
        let directory = try TemporaryDirectory()
        try Self.makeTree(directory)
        try FileManager.default.createDirectory(atPath: directory.file("empty"), withIntermediateDirectories: true)
        for argument in [directory.file("missing.log"), directory.file("root/*.nothing"), directory.file("empty")] {
            let error = #expect(throws: IngestError.self) {
                _ = try InputDiscovery.expand([directory.file("root/a.log"), argument])
            }
            #expect(error?.code == .noSuchInput)
            #expect(error?.path == argument)
        }
    }
}
