internal import CMemoryHints
import LeakWatchParsing

/// Asks for events and key routes of a step's chunks ahead of their reads, where the merge and the aggregation walk
/// read several chunks by turns.
///
/// Where files interleave closely (one per gateway) a run is one or two events, taken by turns from the chunks of
/// four files: the merge and the walk then read several streams of events at once, and the first read of each
/// event was a cache miss (three fifths of the merge's samples and a fifth of the walk's on such files). Where runs
/// are long, a hint per run costs nothing measurable.
struct ChunkPrefetch {
    /// How many runs ahead of the one being walked the aggregation asks for a run's first event.
    static let runDistance = 16
    /// How many events ahead of a source's head the merge asks for an event's time.
    static let timeDistance = 8

    /// Where each chunk's events and routes start: addresses for the hints only, never read through (a hint at an
    /// address no longer mapped is ignored, never a fault).
    private let events: [UnsafeRawPointer?]
    private let routes: [UnsafeRawPointer?]

    /// Hints for `batches`, and for `routes` (the routes of each batch's events) when given.
    init(batches: some Collection<ParsedBatch>, routes: [[KeyRoute]] = []) {
        events = batches.map { batch in batch.events.withUnsafeBytes { $0.baseAddress } }
        self.routes = routes.map { chunk in chunk.withUnsafeBytes { $0.baseAddress } }
    }

    /// Asks for the cache line holding the time of event `index` of chunk `chunk` (the merge).
    @inline(__always)
    func prefetchTime(chunk: Int, index: Int) {
        if let base = events[chunk] { leakwatch_prefetch(base + index &* MemoryLayout<ParsedEvent>.stride) }
    }

    /// Asks for the cache lines of `run`'s first event (two: an event is 128 bytes) and of its key route (the
    /// aggregation walk; the routes must have been given).
    @inline(__always)
    func prefetch(_ run: EventRun) {
        if let base = events[run.batch] {
            let event = base + run.start &* MemoryLayout<ParsedEvent>.stride
            leakwatch_prefetch(event)
            leakwatch_prefetch(event + 64)
        }
        if let base = routes[run.batch] {
            leakwatch_prefetch(base + run.start &* MemoryLayout<KeyRoute>.stride)
        }
    }
}
