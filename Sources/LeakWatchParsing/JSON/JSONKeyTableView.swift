/// A borrowed, pointer-based view of a ``JSONKeyTable`` for the scanning loop (valid only inside
/// ``JSONKeyTable/withView(_:)``), so per-key lookups touch no reference counts.
@usableFromInline
struct JSONKeyTableView {
    @usableFromInline let keyBytes: UnsafeBufferPointer<UInt8>
    @usableFromInline let entries: UnsafeBufferPointer<JSONKeyTable.Entry>
    @usableFromInline let buckets: UnsafeBufferPointer<Int>
    @usableFromInline let maxKeyLength: Int

    @inlinable
    init(
        keyBytes: UnsafeBufferPointer<UInt8>, entries: UnsafeBufferPointer<JSONKeyTable.Entry>,
        buckets: UnsafeBufferPointer<Int>, maxKeyLength: Int
    ) {
        self.keyBytes = keyBytes
        self.entries = entries
        self.buckets = buckets
        self.maxKeyLength = maxKeyLength
    }

    /// The entry of `node` whose key is `bytes[start..<end]`, or -1.
    @inlinable @inline(__always)
    func lookup(node: Int, in bytes: UnsafeRawBufferPointer, start: Int, end: Int) -> Int {
        let length = end &- start
        guard length <= maxKeyLength else { return -1 }
        let bucket = node &* (maxKeyLength &+ 2) &+ length
        var index = buckets[bucket]
        let stop = buckets[bucket &+ 1]
        guard index < stop else { return -1 }
        // The key is followed by at least `":` and a value, so eight bytes can usually be read at once.
        if start &+ 8 <= bytes.count {
            let mask: UInt64 = length >= 8 ? ~0 : (1 &<< (UInt64(truncatingIfNeeded: length) &* 8)) &- 1
            let head = SWAR.load(bytes, at: start) & mask
            while index < stop {
                let entry = entries[index]
                if entry.head == head && (length <= 8 || tailEquals(entry.keyStart, bytes, start: start, length: length)) {
                    return index
                }
                index &+= 1
            }
            return -1
        }
        while index < stop {
            if tailEquals(entries[index].keyStart, bytes, start: start, length: length, from: 0) { return index }
            index &+= 1
        }
        return -1
    }

    /// Compares key bytes `from..<length` (the first eight were already compared as a word).
    @inlinable
    func tailEquals(_ keyStart: Int, _ bytes: UnsafeRawBufferPointer, start: Int, length: Int, from: Int = 8) -> Bool {
        var offset = from
        while offset < length {
            if keyBytes[keyStart &+ offset] != bytes[start &+ offset] { return false }
            offset &+= 1
        }
        return true
    }
}
