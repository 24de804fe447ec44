/// Named byte sections (tail positions, engine state, ...) saved together in one file, so that one atomic rename
/// replaces all of them: after a crash the file holds either the previous checkpoint or the new one, whole.
///
/// Layout (little endian): magic `LWCK`, version, section count, then per section its name (UTF-8 with a 32-bit
/// length) and its bytes (with a 64-bit length), sections sorted by name; last a CRC-32 of everything before it.
package struct CheckpointFile: Sendable, Hashable {
    /// The sections by name.
    package var sections: [String: [UInt8]]

    static let magic: UInt32 = 0x4c57_434b  // "LWCK"
    static let version: UInt32 = 1

    /// Creates a checkpoint from sections.
    package init(sections: [String: [UInt8]] = [:]) {
        self.sections = sections
    }

    /// The file's bytes, checksum included.
    package func encoded() -> [UInt8] {
        var writer = BinaryWriter()
        writer.writeHeader(magic: Self.magic, version: Self.version)
        writer.write(UInt32(sections.count))
        for name in sections.keys.sorted() {
            writer.write(name)
            writer.write(array: sections[name]!)
        }
        let checksum = writer.bytes.withUnsafeBytes { ContentFingerprint.crc32($0) }
        writer.write(checksum)
        return writer.bytes
    }

    /// Reads what ``encoded()`` wrote, checking the checksum first.
    /// - Throws: ``StateError`` if the bytes are damaged, cut short or of another format or version.
    package init(decoding bytes: [UInt8], path: String) throws(StateError) {
        guard bytes.count >= 16 else { throw StateError(path: path, problem: "checkpoint file is cut short") }
        var trailer = BinaryReader(bytes: bytes, path: path)
        trailer.offset = bytes.count - 4
        let stored = try trailer.read(UInt32.self)
        let computed = bytes.withUnsafeBytes { all in
            ContentFingerprint.crc32(UnsafeRawBufferPointer(rebasing: all.dropLast(4)))
        }
        guard stored == computed else { throw StateError(path: path, problem: "checkpoint checksum does not match") }
        var reader = BinaryReader(bytes: Array(bytes.dropLast(4)), path: path)
        try reader.readHeader(magic: Self.magic, version: Self.version, kind: "LeakWatch checkpoint file")
        let count = try reader.read(UInt32.self)
        var sections: [String: [UInt8]] = [:]
        for _ in 0..<count {
            let name = try reader.readString()
            sections[name] = try reader.readArray(of: UInt8.self, zero: 0)
        }
        self.sections = sections
    }

    /// Writes the checkpoint to `path` atomically (temporary file, fsync, rename, fsync of the directory).
    /// - Throws: ``StateError`` naming the step that failed.
    package func save(to path: String) throws(StateError) {
        try AtomicFile.write(encoded(), to: path)
    }

    /// Reads the checkpoint at `path`; a temporary file left by an interrupted save is ignored.
    /// - Returns: nil if there is no checkpoint yet.
    /// - Throws: ``StateError`` if the file exists but cannot be read or is damaged.
    package static func load(from path: String) throws(StateError) -> CheckpointFile? {
        guard let bytes = try AtomicFile.read(path) else { return nil }
        return try CheckpointFile(decoding: bytes, path: path)
    }
}
