/// Where reading of one followed file stands: every line before it has been delivered, none after it.
///
/// Resuming decodes from ``offset`` and drops the first ``skip`` decoded bytes, so the next line delivered is the
/// first line not yet delivered. A partial last line (no newline yet) lies after the position and is read again.
package struct TailPosition: Sendable, Hashable {
    /// File offset where decoding resumes. Plain files: the start of the next line (or, inside an over-long line
    /// being dropped, the first byte not yet dropped). zstd: the end of the last complete frame before the next
    /// line. gzip: 0 (a gzip file is decoded from its start).
    package var offset: Int64
    /// Decoded bytes after ``offset`` already delivered or dropped (zstd and gzip; always 0 for plain files).
    package var skip: Int64
    /// The bytes at the position continue an over-long line that is being dropped up to its newline.
    package var insideLongLine: Bool
    /// A corrupt zstd frame was met: reading resumes at the first frame magic at or after ``offset``.
    package var seekingFrame: Bool

    /// Creates a position.
    package init(offset: Int64 = 0, skip: Int64 = 0, insideLongLine: Bool = false, seekingFrame: Bool = false) {
        self.offset = offset
        self.skip = skip
        self.insideLongLine = insideLongLine
        self.seekingFrame = seekingFrame
    }

    /// The start of a file.
    package static let start = TailPosition()
}
