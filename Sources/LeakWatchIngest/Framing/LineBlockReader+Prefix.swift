extension LineBlockReader {
    /// Opens `file` and picks the decoder from its first bytes.
    static func openSource(
        _ file: InputFile, readChunkBytes: Int
    ) throws(IngestError) -> (Compression, any DecodedByteSource) {
        let input = try FileInput(path: file.path, bufferCapacity: max(readChunkBytes, 4096))
        try input.readPrefix(minimum: CompressionDetector.prefixBytes)
        let compression = CompressionDetector.detect(
            UnsafeRawBufferPointer(start: input.buffer + input.start, count: input.available)
        )
        switch compression {
        case .plain: return (compression, PlainByteSource(input: input, readChunkBytes: readChunkBytes))
        case .gzip: return (compression, try GzipByteSource(input: input))
        case .zstd: return (compression, try ZstdByteSource(input: input))
        }
    }

    /// The compression of `file`, told by its magic bytes as a reader would.
    /// - Throws: ``IngestError`` `.unreadableFile` if the file cannot be opened.
    package static func compression(of file: InputFile) throws(IngestError) -> Compression {
        try openSource(file, readChunkBytes: 4096).0
    }

    /// The first decoded bytes of `file`, as they are (no framing), for format detection: a whole-file format
    /// such as a one-line CloudTrail `{"Records":...}` document has no line short enough to sample.
    ///
    /// - Parameters:
    ///   - file: the file (plain, gzip or zstd).
    ///   - maxBytes: how many decoded bytes to read at most.
    /// - Returns: up to `maxBytes` bytes; fewer when the file is shorter or damaged early.
    /// - Throws: ``IngestError`` `.unreadableFile` if the file cannot be opened.
    package static func decodedPrefix(of file: InputFile, maxBytes: Int) throws(IngestError) -> [UInt8] {
        let (_, source) = try openSource(file, readChunkBytes: 1 << 16)
        var bytes = [UInt8](repeating: 0, count: maxBytes)
        var filled = 0
        bytes.withUnsafeMutableBytes { buffer in
            while filled < maxBytes, let base = buffer.baseAddress,
                  let produced = try? source.decode(into: base + filled, capacity: maxBytes - filled), produced > 0
            {
                filled += produced
            }
        }
        bytes.removeLast(maxBytes - filled)
        return bytes
    }
}
