import Glibc

/// Follows the files matching a set of paths, directories and glob patterns, and hands out their new complete
/// lines in batches through a synchronous pull API.
///
/// Call ``poll(now:)`` in a loop (every ~200 ms). Each poll discovers new files, notices rotation (rename, or
/// copytruncate), truncation and damage, and returns up to ``TailOptions/maxBatchesPerPoll`` batches of whole
/// lines, each with the file's checkpoint position after it. ``checkpoint()`` returns the positions after every
/// batch handed out so far; save it together with the state built from those batches, and pass it to
/// ``init(patterns:options:checkpoint:)`` after a restart to continue with exactly the lines not yet delivered.
///
/// The rules (file identity, rotation, gzip, damage, limits) are in docs/tailing.md. Not thread-safe: one owner
/// calls it.
package final class LogTailer {
    /// The paths, directories and glob patterns followed.
    package let patterns: [String]
    /// Limits and timings.
    package let options: TailOptions
    var files: [TailedFile] = []
    var filesByKey: [FileKey: TailedFile] = [:]
    /// Checkpoint entries not yet matched to a file; kept for the first discovery only.
    var unmatchedEntries: [TailCheckpoint.Entry]
    var counters = TailStats()
    /// Counters of files no longer tracked.
    var forgottenStats = IngestStats()
    var events: [TailEvent] = []
    /// Paths already reported as unreadable (reported again once they have been read).
    var unreadablePaths: Set<String> = []
    private var blocks: [LineBlock] = []
    private var polls = 0
    /// Whether the last poll stopped at ``TailOptions/maxBatchesPerPoll`` with input left.
    package private(set) var hasBacklog = false

    /// Creates a tailer; nothing is read before the first poll.
    /// - Parameters:
    ///   - patterns: files, directories (searched recursively) and glob patterns; ones that match nothing yet are
    ///     looked at again on every poll.
    ///   - options: limits and timings.
    ///   - checkpoint: positions saved by an earlier run, or nil to read every file from its start.
    package init(patterns: [String], options: TailOptions = TailOptions(), checkpoint: TailCheckpoint? = nil) {
        self.patterns = patterns
        self.options = options
        unmatchedEntries = checkpoint?.entries ?? []
    }

    /// Reads what is new, with the monotonic clock as time.
    package func poll() -> [TailBatch] {
        poll(now: MonotonicClock.seconds())
    }

    /// Reads what is new.
    ///
    /// - Parameter now: the current time in seconds on any monotonic clock (settle and idle times are measured
    ///   with it; tests pass their own).
    /// - Returns: batches of complete lines, at most ``TailOptions/maxBatchesPerPoll``, in a fair order across
    ///   files. Their blocks are reused by the next poll: process them before calling again.
    package func poll(now: Double) -> [TailBatch] {
        polls += 1
        discover(now: now)
        if polls == 1 { unmatchedEntries = [] }
        for file in files { refresh(file, now: now) }
        var batches: [TailBatch] = []
        var progressed = true
        while progressed && batches.count < options.maxBatchesPerPoll {
            progressed = false
            for file in files where batches.count < options.maxBatchesPerPoll {
                let block = nextBlock(index: batches.count)
                if let batch = read(file, into: block, now: now) {
                    batches.append(batch)
                    progressed = true
                }
            }
        }
        hasBacklog = progressed
        forgetVanishedFiles()
        return batches
    }

    /// The positions after every batch handed out so far, for every file known (finished ones included, so they
    /// are not read again). Before the first poll: the checkpoint the tailer was created with.
    package func checkpoint() -> TailCheckpoint {
        TailCheckpoint(entries: files.filter { $0.copyOf == nil }.map(\.entry) + unmatchedEntries)
    }

    /// Counters since the tailer was created.
    package var stats: TailStats {
        var result = counters
        result.ingest = forgottenStats
        for file in files { result.ingest.add(file.stats) }
        result.filesTracked = files.count
        result.filesOpen = files.count { $0.opened != nil }
        return result
    }

    /// The events since the last call, oldest first (at most ``TailOptions/maxKeptEvents``).
    package func takeEvents() -> [TailEvent] {
        defer { events.removeAll(keepingCapacity: true) }
        return events
    }

    /// Counts and keeps an event.
    func record(_ kind: TailEvent.Kind, path: String, error: IngestError? = nil) {
        counters.events[kind, default: 0] += 1
        if let error { counters.damage[error.code, default: 0] += 1 }
        if events.count >= options.maxKeptEvents { events.removeFirst() }
        events.append(TailEvent(kind, path: path, error: error))
    }

    private func nextBlock(index: Int) -> LineBlock {
        if index == blocks.count { blocks.append(LineBlock(capacity: min(options.batchBytes, 64 << 10))) }
        return blocks[index]
    }

    private func forgetVanishedFiles() {
        files.removeAll { file in
            guard (file.isFinished || file.copyOf != nil) && !file.isVisible else { return false }
            forgottenStats.add(file.stats)
            filesByKey[file.identity.key] = nil
            return true
        }
    }
}
