/// Tracing for the tuning report, off by default (it changes no detection either way).
extension ShardedAggregator {
    /// Starts tracing: every partition tallies its keys' volume when `tally` is set, and records the window points
    /// of the keys in `keys` (salted hashes, as in ``Detection/keyHash``). Call before the run.
    package func startTracing(keys: Set<UInt64>, tally: Bool) {
        for index in 0..<Self.partitionCount {
            partitions[index].tracing.tallies = tally
            partitions[index].tracing.traced = keys.filter { Self.partitionIndex($0) == index }
            partitions[index].tracing.active = tally || !partitions[index].tracing.traced.isEmpty
        }
    }

    /// The traced keys' points, by key hash then time.
    package func tracedPoints() -> [KeyTracePoint] {
        var points: [KeyTracePoint] = []
        for index in 0..<Self.partitionCount { points.append(contentsOf: partitions[index].tracing.points) }
        points.sort { a, b in a.keyHash != b.keyHash ? a.keyHash < b.keyHash : a.windowStart < b.windowStart }
        return points
    }

    /// The `limit` keys with the most requests over the run (ties by records, dimension, name), from the tallies
    /// started by ``startTracing(keys:tally:)``; `dimensions` restricts the choice.
    package func busiestKeys(limit: Int, dimensions: Set<Dimension> = Set(Dimension.allCases)) -> [KeyVolume] {
        var volumes: [KeyVolume] = []
        for index in 0..<Self.partitionCount {
            let partition = partitions[index]
            for slot in 0..<min(partition.names.count, partition.tracing.requestTally.count) {
                guard partition.keyHashes[slot] != 0,  // a slot freed by eviction
                      let dimension = Dimension(rawValue: partition.dimensions[slot]),
                      dimensions.contains(dimension)
                else { continue }
                volumes.append(KeyVolume(
                    keyHash: partition.keyHashes[slot], dimension: dimension, name: partition.names[slot],
                    requests: partition.tracing.requestTally[slot], records: partition.tracing.recordTally[slot]))
            }
        }
        volumes.sort { a, b in
            if a.requests != b.requests { return a.requests > b.requests }
            if a.records != b.records { return a.records > b.records }
            if a.dimension != b.dimension { return a.dimension < b.dimension }
            return a.name < b.name
        }
        return Array(volumes.prefix(limit))
    }
}
