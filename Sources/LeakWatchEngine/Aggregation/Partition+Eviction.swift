extension Partition {
    /// Evicted keys remembered (first sighting only) per key the partition may track.
    static let retiredPerKey = 4

    /// Evicts every key without events for ``evictIdleWindows`` windows before `window` and no open anomaly
    /// episode: its slot, name and baseline are freed for new keys, its first sighting is remembered (bounded),
    /// and its dimension's budget gets the room back. Runs once an hour of event time, so memory follows the
    /// keys that are live, not the length of the history.
    mutating func evictIdleKeys(before window: Int64) {
        // Only keys whose every window has closed (idle longer than the ring of open windows) may go.
        guard evictIdleWindows > Int64(ringSize) else { return }
        let horizon = window - evictIdleWindows
        var slot = 0
        while slot < names.count {
            defer { slot += 1 }
            guard keyHashes[slot] != 0, lastWindowWithEvents(slot: slot) < horizon, !hasOpenEpisode(slot: slot)
            else { continue }
            evict(slot: slot)
        }
    }

    /// The key's newest window with events (the ring keeps, per position, the last window it opened there).
    private func lastWindowWithEvents(slot: Int) -> Int64 {
        var newest = Int64.min
        for position in (slot * ringSize)..<((slot + 1) * ringSize) { newest = max(newest, ring[position].window) }
        return newest
    }

    private func hasOpenEpisode(slot: Int) -> Bool {
        for episode in (slot * Self.detectors)..<((slot + 1) * Self.detectors)
        where episodeStart[episode] != Self.noEpisode {
            return true
        }
        return false
    }

    private mutating func evict(slot: Int) {
        let hash = keyHashes[slot]
        table.remove(hash)
        retired.insert(hash, firstWindow: firstWindow[slot])
        keysPerDimension[Int(dimensions[slot])] -= 1
        baselines.retire(slot: slot)
        names[slot] = ""
        keyHashes[slot] = 0
        if slot < tracing.requestTally.count {
            tracing.requestTally[slot] = 0
            tracing.recordTally[slot] = 0
        }
        freeSlots.append(Int32(slot))
    }
}
