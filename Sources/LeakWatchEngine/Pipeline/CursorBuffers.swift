import LeakWatchIngest

/// The decoded-text blocks of files a replay has closed, handed to the files it opens next.
///
/// A block is a few megabytes, so the allocator maps it fresh from the system and unmaps it when freed: taken new
/// for every file, its pages fault in again as the decoder first writes them. An archive rotated hourly opens a
/// file every few blocks, and that cost then rivals decoding. (Parse batches are not kept: reusing them too saved
/// 4 % more at 1 worker on an hourly archive, nothing at 2, and slowed files that overlap in time by about as
/// much.) Used by the replay's coordinating thread only.
final class CursorBuffers {
    /// Blocks kept for later files, at most: those of two closed files.
    static let keptBlocks = 4

    private var blocks: [LineBlock] = []

    init() {}

    /// A block of at least `capacity` bytes: a closed file's, or a new one.
    func block(capacity: Int) -> LineBlock {
        if let index = blocks.lastIndex(where: { $0.capacity >= capacity }) { return blocks.remove(at: index) }
        return LineBlock(capacity: capacity)
    }

    /// Keeps a closed file's block for a later file (or lets it go when enough are kept).
    func keep(_ block: LineBlock) {
        if blocks.count < Self.keptBlocks { blocks.append(block) }
    }
}
