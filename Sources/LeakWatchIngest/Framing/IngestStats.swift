/// Counters kept by a ``LineBlockReader``; add several readers' stats with ``add(_:)``.
package struct IngestStats: Sendable, Hashable {
    /// Bytes read from the file (compressed bytes for gzip and zstd).
    package var compressedBytesRead: Int64 = 0
    /// Decoded bytes produced (equal to the bytes read for plain files).
    package var rawBytes: Int64 = 0
    /// Lines dropped because they were longer than `maxLineBytes`.
    package var linesTooLong: Int64 = 0
    /// Partial lines discarded where a truncated or corrupt frame stopped decoding.
    package var linesDroppedAtDamage: Int64 = 0
    /// zstd data frames or gzip members decoded completely (skippable frames are not counted).
    package var frames: Int64 = 0

    /// Creates zeroed counters.
    package init() {}

    /// Adds every counter of `other` to this one.
    /// - Parameter other: stats to add (e.g. from another file).
    package mutating func add(_ other: IngestStats) {
        compressedBytesRead += other.compressedBytesRead
        rawBytes += other.rawBytes
        linesTooLong += other.linesTooLong
        linesDroppedAtDamage += other.linesDroppedAtDamage
        frames += other.frames
    }
}

/// Where a ``LineBlockReader`` spent its time: filling blocks in all, and splitting lines within that (the rest
/// is reading and decompressing).
package struct FillTiming: Sendable, Hashable {
    /// Seconds in `fill`, decompression and splitting included.
    package var fill: Double = 0
    /// Seconds finding line ends and dropping over-long lines.
    package var split: Double = 0

    package init() {}

    /// Seconds reading and decompressing.
    package var decode: Double { max(0, fill - split) }

    /// Adds another reader's timing.
    package mutating func add(_ other: FillTiming) {
        fill += other.fill
        split += other.split
    }
}
