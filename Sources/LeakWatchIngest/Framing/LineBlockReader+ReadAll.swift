extension LineBlockReader {
    /// Reads a whole file into an array of lines, for tests and small tools (it allocates per line; the
    /// pipeline uses ``fill(_:targetBytes:)`` instead).
    ///
    /// - Parameters:
    ///   - path: the file (plain, gzip or zstd).
    ///   - maxLineBytes: longest line to keep, excluding the newline.
    /// - Returns: the lines without their `\n` (a `\r` before it is kept), the reader's stats, and the damage
    ///   error that ended reading early, if any.
    /// - Throws: ``IngestError`` `.unreadableFile` if the file cannot be opened.
    package static func readAllLines(
        path: String,
        maxLineBytes: Int = 1 << 20
    ) throws(IngestError) -> (lines: [[UInt8]], stats: IngestStats, error: IngestError?) {
        let size = FileStatus(path: path)?.size ?? 0
        let reader = try LineBlockReader(file: InputFile(path: path, size: size), maxLineBytes: maxLineBytes)
        let block = LineBlock(capacity: 256 << 10)
        var lines: [[UInt8]] = []
        var failure: IngestError?
        do {
            while try reader.fill(block, targetBytes: 128 << 10) {
                block.withBytes { bytes in
                    var start = 0
                    while start < bytes.count, let newline = bytes[start...].firstIndex(of: 0x0A) {
                        lines.append(Array(bytes[start..<newline]))
                        start = newline + 1
                    }
                }
            }
        } catch {
            failure = error
        }
        return (lines, reader.stats, failure)
    }
}
