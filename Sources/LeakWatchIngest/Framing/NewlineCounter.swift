/// Counts `\n` bytes with 32-byte vector compares (the per-line `memchr` alternative costs a call per line).
enum NewlineCounter {
    /// The number of `\n` bytes in `start..<start + count`.
    static func count(_ start: UnsafeRawPointer, _ count: Int) -> Int {
        let newline = SIMD32<UInt8>(repeating: 0x0A)
        var total = 0
        var index = 0
        while count &- index >= 32 {
            // Lane counters are UInt8: flush them to `total` at least every 255 vectors.
            let stop = min(count &- 31, index &+ 32 &* 255)
            var lanes = SIMD32<UInt8>()
            while index < stop {
                let bytes = (start + index).loadUnaligned(as: SIMD32<UInt8>.self)
                // A true mask lane is all ones (-1 as Int8), so subtracting it adds one.
                lanes &-= SIMD32<UInt8>(truncatingIfNeeded: unsafeBitCast(bytes .== newline, to: SIMD32<Int8>.self))
                index &+= 32
            }
            total &+= Int(SIMD32<UInt16>(truncatingIfNeeded: lanes).wrappedSum())
        }
        while index < count {
            if start.load(fromByteOffset: index, as: UInt8.self) == 0x0A { total &+= 1 }
            index &+= 1
        }
        return total
    }
}
