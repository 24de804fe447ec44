import Foundation
import LeakWatchIngest
import Testing

@Suite("Checkpoint files")
struct CheckpointFileTests {
    static let sample = TailCheckpoint(entries: [
        TailCheckpoint.Entry(
            identity: FileIdentity(
                key: FileKey(device: 2049, inode: 1_234_567),
                fingerprint: ContentFingerprint(length: 1024, checksum: 7)),
            path: "/var/log/app.log.1", discoveredPath: "/var/log/app.log", compression: .zstd,
            position: TailPosition(offset: 4096, skip: 133, insideLongLine: true),
            knownSize: 9000, isFinished: false, isRotated: true),
        TailCheckpoint.Entry(
            identity: FileIdentity(key: FileKey(device: 1, inode: 2), fingerprint: .empty),
            path: "é.log", discoveredPath: "é.log", compression: nil,
            position: TailPosition(offset: 0, seekingFrame: true), knownSize: 0, isFinished: true, isRotated: false),
    ])

    @Test("tail positions and engine state saved together read back the same")
    func roundTrip() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("leakwatch.checkpoint")
        let engineState: [UInt8] = Array(0...255) + Array(repeating: 0xAB, count: 10_000)
        let file = CheckpointFile(sections: [
            TailCheckpoint.sectionName: Self.sample.encoded(), "engine.state": engineState,
        ])
        try file.save(to: path)
        let loaded = try #require(try CheckpointFile.load(from: path))
        #expect(loaded == file)
        let positions = try #require(loaded.sections[TailCheckpoint.sectionName])
        #expect(try TailCheckpoint(decoding: positions, path: path) == Self.sample)
        #expect(loaded.sections["engine.state"] == engineState)
        #expect(!FileManager.default.fileExists(atPath: path + ".tmp"))
    }

    @Test("no checkpoint yet reads as nil")
    func missing() throws {
        let directory = try TemporaryDirectory()
        #expect(try CheckpointFile.load(from: directory.file("none")) == nil)
    }

    @Test("a flipped byte or a cut file is rejected by the checksum", arguments: [0, 9, 40, -1])
    func damaged(at index: Int) throws {
        let directory = try TemporaryDirectory()
        var bytes = CheckpointFile(sections: ["tail.positions": Self.sample.encoded()]).encoded()
        bytes[index < 0 ? bytes.count + index : index] ^= 0x10
        let path = try directory.write("damaged", bytes)
        #expect(throws: StateError.self) { try CheckpointFile.load(from: path) }
        let cut = try directory.write("cut", Array(bytes.prefix(bytes.count - 7)))
        #expect(throws: StateError.self) { try CheckpointFile.load(from: cut) }
    }

    @Test("a half-written temporary file from an interrupted save is ignored; the last complete save is read")
    func interruptedSave() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("leakwatch.checkpoint")
        let first = CheckpointFile(sections: ["tail.positions": Self.sample.encoded()])
        try first.save(to: path)
        let next = CheckpointFile(sections: ["tail.positions": TailCheckpoint().encoded()]).encoded()
        try directory.write("leakwatch.checkpoint.tmp", Array(next.prefix(next.count / 2)))
        #expect(try CheckpointFile.load(from: path) == first)
        // The next save overwrites the stale temporary file.
        try CheckpointFile(sections: [:]).save(to: path)
        #expect(try CheckpointFile.load(from: path) == CheckpointFile(sections: [:]))
    }

    @Test("tail positions of another format version are refused")
    func otherVersion() throws {
        var bytes = Self.sample.encoded()
        bytes[4] = 99
        #expect(throws: StateError.self) { try TailCheckpoint(decoding: bytes, path: "x") }
        let cut = Array(Self.sample.encoded().dropLast())
        #expect(throws: StateError.self) { try TailCheckpoint(decoding: cut, path: "x") }
    }
}
