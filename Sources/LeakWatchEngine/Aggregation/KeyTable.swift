/// An open-addressing map from a 64-bit key hash to a dense slot number.
///
/// Linear probing over a power-of-two table kept at most half full; it grows by doubling (amortised, so the
/// per-event path does not allocate in steady state). Hash 0 marks an empty bucket (``KeyHasher`` never returns 0).
package struct KeyTable: Sendable {
    @usableFromInline var hashes: [UInt64]
    @usableFromInline var slots: [Int32]
    @usableFromInline var mask: Int
    @usableFromInline package private(set) var count: Int = 0

    package init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        hashes = Array(repeating: 0, count: size)
        slots = Array(repeating: -1, count: size)
        mask = size - 1
    }

    /// The slot stored for `hash`, or nil.
    @inlinable
    package func find(_ hash: UInt64) -> Int32? {
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = hashes[index]
            if stored == hash { return slots[index] }
            if stored == 0 { return nil }
            index = (index &+ 1) & mask
        }
    }

    /// Stores `slot` for `hash` (which must not be present yet).
    package mutating func insert(_ hash: UInt64, slot: Int32) {
        if (count + 1) * 2 > hashes.count { grow() }
        var index = Int(truncatingIfNeeded: hash) & mask
        while hashes[index] != 0 { index = (index &+ 1) & mask }
        hashes[index] = hash
        slots[index] = slot
        count += 1
    }

    /// Removes `hash` and returns its slot, or nil when it is not present. Later entries of the probe run move
    /// back into the gap (backward-shift deletion), so lookups never need tombstones.
    @discardableResult
    package mutating func remove(_ hash: UInt64) -> Int32? {
        var index = Int(truncatingIfNeeded: hash) & mask
        while hashes[index] != hash {
            if hashes[index] == 0 { return nil }
            index = (index &+ 1) & mask
        }
        let slot = slots[index]
        var hole = index
        var next = (hole &+ 1) & mask
        while hashes[next] != 0 {
            let home = Int(truncatingIfNeeded: hashes[next]) & mask
            // The entry at `next` may fill the hole if the hole lies on its probe path from `home`.
            if (next &- home) & mask >= (next &- hole) & mask {
                hashes[hole] = hashes[next]
                slots[hole] = slots[next]
                hole = next
            }
            next = (next &+ 1) & mask
        }
        hashes[hole] = 0
        slots[hole] = -1
        count -= 1
        return slot
    }

    private mutating func grow() {
        let oldHashes = hashes
        let oldSlots = slots
        let size = oldHashes.count * 2
        hashes = Array(repeating: 0, count: size)
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        count = 0
        for index in oldHashes.indices where oldHashes[index] != 0 {
            insert(oldHashes[index], slot: oldSlots[index])
        }
    }
}
