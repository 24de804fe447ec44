/// Produces the decoded bytes of one file, in order, into memory the caller provides.
///
/// Implementations: ``PlainByteSource``, ``GzipByteSource``, ``ZstdByteSource``. One call decodes up to one
/// block's worth, so the existential call costs nothing measurable.
protocol DecodedByteSource: AnyObject {
    /// Writes up to `capacity` decoded bytes to `destination`.
    ///
    /// - Returns: the number of bytes written; 0 only when the input ended cleanly.
    /// - Throws: ``IngestError`` (`.truncatedFrame`, `.corruptFrame`, `.unreadableFile`) once no more good bytes
    ///   can be produced. Bytes decoded before the damage are returned by earlier calls first.
    func decode(into destination: UnsafeMutableRawPointer, capacity: Int) throws(IngestError) -> Int

    /// File offset just after the last completed zstd frame or gzip member (bytes read so far for plain files).
    var frameBoundaryOffset: Int64 { get }

    /// zstd data frames or gzip members decoded completely.
    var framesCompleted: Int64 { get }

    /// Bytes read from the file.
    var compressedBytesRead: Int64 { get }
}
