/// One tracked contributor of a key in one window (space-saving counter).
package struct ContributorEntry: Sendable, Equatable, BitwiseCopyable {
    /// Salted key hash of the contributor in its own dimension (0 = empty entry).
    package var hash: UInt64 = 0
    package var requests: Int64 = 0
    package var bytes: Int64 = 0
    package var records: Int64 = 0

    package init() {}
}

/// Top-contributor tracking with a fixed number of entries per key and window (the space-saving algorithm):
/// a contributor not tracked replaces the entry with the fewest requests and inherits its count, so heavy
/// hitters are always kept and counts are upper bounds. Deterministic for a given event order.
package enum ContributorSketch {
    /// Entries kept per key and window.
    package static let width = 5

    @inlinable
    package static func add(_ entries: UnsafeMutablePointer<ContributorEntry>, hash: UInt64, bytes: Int64, records: Int64) {
        var minIndex = 0
        var minRequests = Int64.max
        var index = 0
        while index < width {
            let entry = entries[index]
            if entry.hash == hash || entry.hash == 0 {
                entries[index].hash = hash
                entries[index].requests &+= 1
                entries[index].bytes &+= bytes
                entries[index].records &+= records
                return
            }
            if entry.requests < minRequests {
                minRequests = entry.requests
                minIndex = index
            }
            index &+= 1
        }
        entries[minIndex].hash = hash
        entries[minIndex].requests &+= 1
        entries[minIndex].bytes &+= bytes
        entries[minIndex].records &+= records
    }
}
