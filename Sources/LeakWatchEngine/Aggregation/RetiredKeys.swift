/// Keys evicted for idleness, remembered in brief (when each was first seen) so that a key coming back after a long
/// silence is not mistaken for a never-seen one. Bounded: past `capacity` the oldest memory is forgotten.
package struct RetiredKeys: Sendable {
    private var table = KeyTable()
    /// A ring of remembered keys; hash 0 marks a place emptied by ``take(_:)``.
    private(set) var hashes: [UInt64] = []
    private(set) var firstWindows: [Int64] = []
    private(set) var next = 0
    let capacity: Int

    package init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Keys remembered.
    package var count: Int { table.count }

    /// Remembers that the key `hash` was first seen in `firstWindow`, forgetting the oldest memory when full.
    mutating func insert(_ hash: UInt64, firstWindow: Int64) {
        if hashes.count < capacity {
            table.insert(hash, slot: Int32(hashes.count))
            hashes.append(hash)
            firstWindows.append(firstWindow)
            return
        }
        if hashes[next] != 0 { table.remove(hashes[next]) }
        hashes[next] = hash
        firstWindows[next] = firstWindow
        table.insert(hash, slot: Int32(next))
        next = (next + 1) % capacity
    }

    /// The first window of a remembered key, forgetting it (it is tracked again).
    mutating func take(_ hash: UInt64) -> Int64? {
        guard let position = table.remove(hash) else { return nil }
        hashes[Int(position)] = 0
        return firstWindows[Int(position)]
    }

    /// Rebuilds from saved state.
    init(capacity: Int, hashes: [UInt64], firstWindows: [Int64], next: Int) {
        self.capacity = max(1, capacity)
        self.hashes = hashes
        self.firstWindows = firstWindows
        self.next = hashes.isEmpty ? 0 : next % hashes.count
        table = KeyTable(capacity: max(64, hashes.count))
        for (position, hash) in hashes.enumerated() where hash != 0 { table.insert(hash, slot: Int32(position)) }
    }
}
