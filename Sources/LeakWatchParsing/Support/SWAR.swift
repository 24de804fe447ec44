/// Eight-bytes-at-a-time search ("SIMD within a register") for the scanners' hot loops.
@usableFromInline
enum SWAR {
    /// `byte` in every lane.
    @inlinable
    static func broadcast(_ byte: UInt8) -> UInt64 { UInt64(byte) &* 0x0101_0101_0101_0101 }

    /// The high bit of each zero byte of `word`; the lowest set bit is exact (borrows only disturb higher lanes),
    /// so `trailingZeroBitCount / 8` is the index of the first zero byte.
    @inlinable
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
    }

    /// The high bit of each byte of `word` that is not an ASCII digit, exactly (no borrows cross lanes), so
    /// `trailingZeroBitCount / 8` is the index of the first non-digit.
    @inlinable
    static func nonDigitBytes(_ word: UInt64) -> UInt64 {
        // After `^ 0x30` a digit is 0...9; adding 0x76 to the low seven bits sets the high bit from 10 up, and the
        // original high bit covers bytes from 0x80.
        let shifted = word ^ 0x3030_3030_3030_3030
        return (((shifted & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7676_7676_7676_7676) | shifted) & 0x8080_8080_8080_8080
    }

    /// The eight bytes at `offset` as a little-endian word (lane 0 = first byte).
    @inlinable
    static func load(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// Index of the first `target` byte at or after `from` before `end`, or `end`.
    @inlinable
    static func firstIndex(of target: UInt8, in bytes: UnsafeRawBufferPointer, from: Int, end: Int) -> Int {
        var index = from
        let pattern = broadcast(target)
        while index &+ 8 <= end {
            let hits = zeroBytes(load(bytes, at: index) ^ pattern)
            if hits != 0 { return index &+ hits.trailingZeroBitCount &>> 3 }
            index &+= 8
        }
        while index < end && bytes[index] != target {
            index &+= 1
        }
        return index
    }

    /// Index of the first `first` or `second` byte at or after `from` before `end`, or `end`.
    @inlinable
    static func firstIndex(
        of first: UInt8, or second: UInt8, in bytes: UnsafeRawBufferPointer, from: Int, end: Int
    ) -> Int {
        var index = from
        let firstPattern = broadcast(first)
        let secondPattern = broadcast(second)
        while index &+ 8 <= end {
            let word = load(bytes, at: index)
            let hits = zeroBytes(word ^ firstPattern) | zeroBytes(word ^ secondPattern)
            if hits != 0 { return index &+ hits.trailingZeroBitCount &>> 3 }
            index &+= 8
        }
        while index < end && bytes[index] != first && bytes[index] != second {
            index &+= 1
        }
        return index
    }
}
