/// An open-addressing map from a 64-bit key hash to a dense slot number.
///
/// Linear probing over a power-of-two table kept at most half full; it grows by doubling (amortised, so the
/// per-event path does not allocate in steady state). Hash 0 marks an empty bucket (``KeyHasher`` never returns 0).
///
/// A bucket holds the hash, its slot and a small cache for the owner (a window and an entry number, see
/// ``Partition``) in 32 bytes, so the per-event lookup touches one cache line.
package struct KeyTable: Sendable {
    @usableFromInline
    struct Bucket: Sendable, BitwiseCopyable {
        @usableFromInline var hash: UInt64
        @usableFromInline var slot: Int32
        @usableFromInline var cachedEntry: Int32
        @usableFromInline var cachedWindow: Int64
        @usableFromInline var padding: Int64 = 0

        @inlinable
        init(hash: UInt64, slot: Int32) {
            self.hash = hash
            self.slot = slot
            cachedEntry = -1
            cachedWindow = Int64.min
        }

        @usableFromInline static let empty = Bucket(hash: 0, slot: -1)
    }

    /// What ``lookup(_:)`` finds: where the key's bucket is, its slot, and the window and entry last cached there
    /// with ``cache(at:window:entry:)`` (`Int64.min` and -1 when none).
    @usableFromInline
    struct Found {
        @usableFromInline let index: Int
        @usableFromInline let slot: Int32
        @usableFromInline let cachedWindow: Int64
        @usableFromInline let cachedEntry: Int32

        @inlinable
        init(index: Int, bucket: Bucket) {
            self.index = index
            slot = bucket.slot
            cachedWindow = bucket.cachedWindow
            cachedEntry = bucket.cachedEntry
        }
    }

    @usableFromInline var buckets: [Bucket]
    @usableFromInline var mask: Int
    @usableFromInline package private(set) var count: Int = 0

    package init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        buckets = Array(repeating: .empty, count: size)
        mask = size - 1
    }

    /// The slot stored for `hash`, or nil.
    @inlinable
    package func find(_ hash: UInt64) -> Int32? { lookup(hash)?.slot }

    /// The bucket of `hash`, or nil.
    @inlinable
    func lookup(_ hash: UInt64) -> Found? {
        buckets.withUnsafeBufferPointer { buckets in
            var index = Int(truncatingIfNeeded: hash) & mask
            while true {
                let bucket = buckets[index]
                if bucket.hash == hash { return Found(index: index, bucket: bucket) }
                if bucket.hash == 0 { return nil }
                index = (index &+ 1) & mask
            }
        }
    }

    /// Remembers `window` and `entry` in the bucket at `index` (from ``lookup(_:)``, with no insert or remove
    /// since).
    @inlinable
    mutating func cache(at index: Int, window: Int64, entry: Int32) {
        buckets[index].cachedWindow = window
        buckets[index].cachedEntry = entry
    }

    /// Stores `slot` for `hash` (which must not be present yet).
    package mutating func insert(_ hash: UInt64, slot: Int32) {
        if (count + 1) * 2 > buckets.count { grow() }
        var index = Int(truncatingIfNeeded: hash) & mask
        while buckets[index].hash != 0 { index = (index &+ 1) & mask }
        buckets[index] = Bucket(hash: hash, slot: slot)
        count += 1
    }

    /// Removes `hash` and returns its slot, or nil when it is not present. Later entries of the probe run move
    /// back into the gap (backward-shift deletion), so lookups never need tombstones.
    @discardableResult
    package mutating func remove(_ hash: UInt64) -> Int32? {
        var index = Int(truncatingIfNeeded: hash) & mask
        while buckets[index].hash != hash {
            if buckets[index].hash == 0 { return nil }
            index = (index &+ 1) & mask
        }
        let slot = buckets[index].slot
        var hole = index
        var next = (hole &+ 1) & mask
        while buckets[next].hash != 0 {
            let home = Int(truncatingIfNeeded: buckets[next].hash) & mask
            // The entry at `next` may fill the hole if the hole lies on its probe path from `home`.
            if (next &- home) & mask >= (next &- hole) & mask {
                buckets[hole] = buckets[next]
                hole = next
            }
            next = (next &+ 1) & mask
        }
        buckets[hole] = .empty
        count -= 1
        return slot
    }

    private mutating func grow() {
        let old = buckets
        let size = old.count * 2
        buckets = Array(repeating: .empty, count: size)
        mask = size - 1
        count = 0
        for bucket in old where bucket.hash != 0 {
            insert(bucket.hash, slot: bucket.slot)
        }
    }
}
