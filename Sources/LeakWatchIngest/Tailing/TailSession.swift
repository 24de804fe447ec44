/// An open reader on one followed file, started at a checkpoint position; it maps what it has delivered back to
/// a position that a later session (or a restart) can resume from.
final class TailSession {
    let compression: Compression
    /// Where this session started.
    let start: TailPosition
    let reader: LineBlockReader
    private let source: any DecodedByteSource
    private let zstd: ZstdByteSource?
    /// Decoded bytes still to drop before the first line (a zstd or gzip file resumed inside a frame).
    private var pendingSkip: Int64
    /// The latest zstd frame end at or before the bytes delivered; its decoded offset counts from `start.offset`.
    private var boundary: ZstdByteSource.FrameEnd

    /// Opens a reader on `file` at `position`.
    /// - Parameter follows: the file may still grow (plain and zstd); gzip files are read once, not followed.
    /// - Throws: ``IngestError`` `.unreadableFile` if the descriptor cannot be duplicated or positioned.
    init(
        file: OpenedFile, path: String, compression: Compression, position: TailPosition, follows: Bool,
        options: TailOptions
    ) throws(IngestError) {
        let input = FileInput(
            descriptor: try file.duplicateDescriptor(), path: path, bufferCapacity: max(options.readChunkBytes, 4096))
        try input.seek(to: position.offset)
        let source: any DecodedByteSource
        switch compression {
        case .plain:
            source = PlainByteSource(input: input, readChunkBytes: options.readChunkBytes)
            zstd = nil
        case .gzip:
            source = try GzipByteSource(input: input)
            zstd = nil
        case .zstd:
            let decoder = try ZstdByteSource(input: input)
            decoder.followsGrowth = follows
            decoder.recordsFrameEnds = true
            source = decoder
            zstd = decoder
        }
        self.compression = compression
        self.source = source
        start = position
        pendingSkip = position.skip
        boundary = ZstdByteSource.FrameEnd(fileOffset: position.offset, decodedOffset: 0)
        reader = LineBlockReader(
            file: InputFile(path: path, size: 0), compression: compression, source: source,
            maxLineBytes: options.maxLineBytes, insideLongLine: position.insideLongLine)
        reader.followsGrowth = follows
    }

    /// Whether a decoder returning nothing means "nothing yet" rather than the end.
    var follows: Bool { reader.followsGrowth }

    /// File offset up to which bytes have been read.
    var readEnd: Int64 { start.offset + source.compressedBytesRead }

    /// From now on the end of the file is its end: a last line without a newline is delivered, a zstd frame cut
    /// short is reported as truncated.
    func stopFollowing() {
        reader.followsGrowth = false
        zstd?.followsGrowth = false
    }

    /// Decodes and drops the bytes already delivered before the session's start position.
    /// - Returns: true once they are all dropped; false while the file does not hold them yet.
    /// - Throws: ``IngestError`` if decoding fails.
    func skipDeliveredBytes() throws(IngestError) -> Bool {
        guard pendingSkip > 0 else { return true }
        let scratchBytes = 64 << 10
        let scratch = UnsafeMutableRawPointer.allocate(byteCount: scratchBytes, alignment: 16)
        defer { scratch.deallocate() }
        while pendingSkip > 0 {
            let produced = try source.decode(into: scratch, capacity: Int(min(pendingSkip, Int64(scratchBytes))))
            guard produced > 0 else { return false }
            pendingSkip -= Int64(produced)
        }
        return true
    }

    /// The position just after the lines delivered so far (and any over-long line dropped).
    func position() -> TailPosition {
        let consumed = reader.consumedBytes
        let insideLongLine = reader.isInsideLongLine
        switch compression {
        case .plain:
            return TailPosition(offset: start.offset + consumed, insideLongLine: insideLongLine)
        case .gzip:
            return TailPosition(offset: 0, skip: start.skip + consumed, insideLongLine: insideLongLine)
        case .zstd:
            let decoded = start.skip + consumed
            if let zstd {
                let passed = zstd.frameEnds.prefix { $0.decodedOffset <= decoded }
                if let last = passed.last { boundary = last }
                zstd.frameEnds.removeFirst(passed.count)
            }
            return TailPosition(
                offset: boundary.fileOffset, skip: decoded - boundary.decodedOffset, insideLongLine: insideLongLine)
        }
    }
}
