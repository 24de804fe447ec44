import Foundation
package import LeakWatchIngest

/// Saves and restores the whole engine (keys, open windows, baselines, episodes, watermark) so that replaying
/// A then B with saved state gives the same alerts as replaying A+B.
///
/// One file, `engine.state`, written atomically (temporary file, fsync, rename). The partition layout is fixed,
/// so state saved with one worker count loads with any other.
package enum EngineStateStore {
    static let magic: UInt32 = 0x4c57_5354  // "LWST"
    static let version: UInt32 = 8
    package static let fileName = "engine.state"

    /// Writes `engine.state` in `directory` (created if needed) atomically: temporary file, fsync, rename, fsync
    /// of the directory.
    package static func save(_ aggregator: ShardedAggregator, directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try AtomicFile.write(encoded(aggregator), to: (directory as NSString).appendingPathComponent(fileName))
    }

    /// The whole engine state as bytes, e.g. for a section of a ``CheckpointFile`` saved with the tail positions.
    package static func encoded(_ aggregator: ShardedAggregator) -> [UInt8] {
        var writer = BinaryWriter()
        writer.writeHeader(magic: magic, version: version)
        writer.write(aggregator.configuration.stateFingerprint)
        writer.write(UInt32(ShardedAggregator.partitionCount))
        writer.write(aggregator.watermark.newest)
        writer.write(aggregator.watermark.closedThrough)
        writer.write(aggregator.watermark.first)
        writer.write(aggregator.acceptedEvents)
        writer.write(aggregator.lateEvents)
        for partition in aggregator.partitions { partition.encode(into: &writer) }
        aggregator.overflowPartition.encode(into: &writer)
        return writer.bytes
    }

    /// Reads `engine.state` from `directory` into `aggregator`.
    package static func load(into aggregator: ShardedAggregator, directory: String) throws {
        let path = (directory as NSString).appendingPathComponent(fileName)
        guard let bytes = try AtomicFile.read(path) else {
            throw StateError(path: path, problem: "cannot be read")
        }
        try restore(aggregator, from: bytes, path: path)
    }

    /// Restores what ``encoded(_:)`` produced into `aggregator`.
    /// - Throws: ``StateError`` naming `path` if the bytes are damaged or were saved with other settings.
    package static func restore(_ aggregator: ShardedAggregator, from bytes: [UInt8], path: String) throws(StateError) {
        var reader = BinaryReader(bytes: bytes, path: path)
        try reader.readHeader(magic: magic, version: version, kind: "LeakWatch state file")
        let fingerprint = try reader.readString()
        guard fingerprint == aggregator.configuration.stateFingerprint else {
            throw StateError(path: path, problem: "saved with other settings (\(fingerprint)); "
                + "current: \(aggregator.configuration.stateFingerprint)")
        }
        guard try reader.read(UInt32.self) == UInt32(ShardedAggregator.partitionCount) else {
            throw StateError(path: path, problem: "saved with another partition count")
        }
        var mark = Watermark()
        mark.newest = try reader.read(Int64.self)
        mark.closedThrough = try reader.read(Int64.self)
        mark.first = try reader.read(Int64.self)
        let accepted = try reader.read(Int64.self)
        let late = try reader.read(Int64.self)
        let configuration = aggregator.configuration
        var partitions: [Partition] = []
        for index in 0..<ShardedAggregator.partitionCount {
            var partition = Partition(index: index, configuration: configuration,
                                      capDivisor: ShardedAggregator.partitionCount)
            do throws(StateError) {
                try partition.decode(from: &reader)
            } catch {
                partition.release()
                partitions.forEach { $0.release() }
                throw error
            }
            partitions.append(partition)
        }
        var overflow = Partition(index: -1, configuration: configuration, capDivisor: 1)
        do throws(StateError) {
            try overflow.decode(from: &reader)
        } catch {
            overflow.release()
            partitions.forEach { $0.release() }
            throw error
        }
        aggregator.restore(partitions: partitions, overflow: overflow, watermark: mark, acceptedEvents: accepted,
                           lateEvents: late)
    }
}
