/// The read positions of a ``LogTailer``: one entry per followed file, saved with the engine state so that a
/// restart delivers every line exactly once.
///
/// Encoded as a small versioned little-endian record (see docs/tailing.md); put it into a ``CheckpointFile``
/// section next to the engine state so both are replaced in one atomic rename.
package struct TailCheckpoint: Sendable, Hashable {
    /// One followed file.
    package struct Entry: Sendable, Hashable {
        /// Device, inode and fingerprint of the file.
        package var identity: FileIdentity
        /// The name it was last seen under.
        package var path: String
        /// The name it was found by; another file there later means this one was rotated away.
        package var discoveredPath: String
        /// The format, once known.
        package var compression: Compression?
        /// Where reading stands.
        package var position: TailPosition
        /// The file's size when it was read to its end (finished files are read again only if they grow).
        package var knownSize: Int64
        /// Read to its end and closed (a rotated file, a gzip file, a damaged file).
        package var isFinished: Bool
        /// No longer under the name it was found by, or a copy made by rotation.
        package var isRotated: Bool

        /// Creates an entry.
        package init(
            identity: FileIdentity, path: String, discoveredPath: String, compression: Compression?,
            position: TailPosition, knownSize: Int64, isFinished: Bool, isRotated: Bool
        ) {
            self.identity = identity
            self.path = path
            self.discoveredPath = discoveredPath
            self.compression = compression
            self.position = position
            self.knownSize = knownSize
            self.isFinished = isFinished
            self.isRotated = isRotated
        }
    }

    /// The files, in the order the tailer found them.
    package var entries: [Entry]

    /// The section name to use in a ``CheckpointFile``.
    package static let sectionName = "tail.positions"
    static let magic: UInt32 = 0x4c57_5450  // "LWTP"
    static let version: UInt32 = 1

    /// Creates a checkpoint.
    package init(entries: [Entry] = []) {
        self.entries = entries
    }

    /// The checkpoint as bytes.
    package func encoded() -> [UInt8] {
        var writer = BinaryWriter()
        writer.writeHeader(magic: Self.magic, version: Self.version)
        writer.write(UInt32(entries.count))
        for entry in entries {
            writer.write(entry.identity.key.device)
            writer.write(entry.identity.key.inode)
            writer.write(Int64(entry.identity.fingerprint.length))
            writer.write(entry.identity.fingerprint.checksum)
            writer.write(entry.path)
            writer.write(entry.discoveredPath)
            writer.write(Self.code(of: entry.compression))
            writer.write(entry.position.offset)
            writer.write(entry.position.skip)
            writer.write(entry.knownSize)
            var flags: UInt8 = 0
            if entry.position.insideLongLine { flags |= 1 }
            if entry.position.seekingFrame { flags |= 2 }
            if entry.isFinished { flags |= 4 }
            if entry.isRotated { flags |= 8 }
            writer.write(flags)
        }
        return writer.bytes
    }

    /// Reads what ``encoded()`` wrote.
    /// - Parameters:
    ///   - bytes: the encoded checkpoint.
    ///   - path: the file it came from, named in errors.
    /// - Throws: ``StateError`` if the bytes are not a checkpoint of this version or are cut short.
    package init(decoding bytes: [UInt8], path: String) throws(StateError) {
        var reader = BinaryReader(bytes: bytes, path: path)
        try reader.readHeader(magic: Self.magic, version: Self.version, kind: "tail checkpoint")
        let count = Int(try reader.read(UInt32.self))
        var entries: [Entry] = []
        for _ in 0..<count {
            let key = FileKey(device: try reader.read(UInt64.self), inode: try reader.read(UInt64.self))
            let length = Int(try reader.read(Int64.self))
            let fingerprint = ContentFingerprint(length: length, checksum: try reader.read(UInt32.self))
            let entryPath = try reader.readString()
            let discoveredPath = try reader.readString()
            let compression = try Self.compression(code: try reader.read(UInt8.self), path: path)
            let offset = try reader.read(Int64.self)
            let skip = try reader.read(Int64.self)
            let knownSize = try reader.read(Int64.self)
            let flags = try reader.read(UInt8.self)
            guard length >= 0, offset >= 0, skip >= 0 else {
                throw StateError(path: path, problem: "negative offset in tail checkpoint entry \(entryPath)")
            }
            entries.append(
                Entry(
                    identity: FileIdentity(key: key, fingerprint: fingerprint),
                    path: entryPath,
                    discoveredPath: discoveredPath,
                    compression: compression,
                    position: TailPosition(
                        offset: offset, skip: skip, insideLongLine: flags & 1 != 0, seekingFrame: flags & 2 != 0),
                    knownSize: knownSize,
                    isFinished: flags & 4 != 0,
                    isRotated: flags & 8 != 0
                ))
        }
        guard reader.offset == bytes.count else {
            throw StateError(path: path, problem: "unexpected bytes after the tail checkpoint")
        }
        self.entries = entries
    }

    private static func code(of compression: Compression?) -> UInt8 {
        switch compression {
        case nil: 0
        case .plain: 1
        case .gzip: 2
        case .zstd: 3
        }
    }

    private static func compression(code: UInt8, path: String) throws(StateError) -> Compression? {
        switch code {
        case 0: return nil
        case 1: return .plain
        case 2: return .gzip
        case 3: return .zstd
        default: throw StateError(path: path, problem: "unknown compression code \(code)")
        }
    }
}
