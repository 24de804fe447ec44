import LeakWatchIngest
import LeakWatchParsing

/// The large buffers of files a replay has closed (decoded-text blocks, parse batches and their route lists),
/// handed to the files it opens next.
///
/// A block is a few megabytes and a batch's events one, so the allocator maps them fresh from the system and
/// unmaps them when freed: taken new for every file, their pages fault in again as they are first written. An
/// archive rotated hourly opens a file every few blocks, and that cost then rivals decoding. Used by the replay's
/// coordinating thread only.
final class CursorBuffers {
    /// Blocks and chunk sets kept for later files, at most: those of two closed files.
    static let keptBlocks = 4
    static let keptChunkSets = 4

    private var blocks: [LineBlock] = []
    private var chunkSets: [(batches: [ParsedBatch], routes: [[KeyRoute]])] = []

    init() {}

    /// A block of at least `capacity` bytes: a closed file's, or a new one.
    func block(capacity: Int) -> LineBlock {
        if let index = blocks.lastIndex(where: { $0.capacity >= capacity }) { return blocks.remove(at: index) }
        return LineBlock(capacity: capacity)
    }

    /// `count` empty parse chunks (batches sized for a block's share) and their route lists: a closed file's set
    /// of that size, or a new one.
    func chunks(_ count: Int) -> (batches: [ParsedBatch], routes: [[KeyRoute]]) {
        if let index = chunkSets.lastIndex(where: { $0.batches.count == count }) { return chunkSets.remove(at: index) }
        return ((0..<count).map { _ in ParsedBatch(eventCapacity: 1 << 13, arenaCapacity: 1 << 19) },
                Array(repeating: [], count: count))
    }

    /// Keeps a closed file's block for a later file (or lets it go when enough are kept).
    func keep(_ block: LineBlock) {
        if blocks.count < Self.keptBlocks { blocks.append(block) }
    }

    /// Takes a closed file's chunks (leaving `batches` and `routes` empty) and keeps them, emptied, for a later
    /// file, or lets them go when enough are kept. Taken over rather than copied, so that emptying them keeps
    /// their storage instead of copying it.
    func keep(batches: inout [ParsedBatch], routes: inout [[KeyRoute]]) {
        var ownedBatches: [ParsedBatch] = []
        var ownedRoutes: [[KeyRoute]] = []
        swap(&ownedBatches, &batches)
        swap(&ownedRoutes, &routes)
        guard !ownedBatches.isEmpty, chunkSets.count < Self.keptChunkSets else { return }
        for index in ownedBatches.indices {
            ownedBatches[index].removeAll()
            ownedRoutes[index].removeAll(keepingCapacity: true)
        }
        chunkSets.append((ownedBatches, ownedRoutes))
    }
}
