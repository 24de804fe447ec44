/// Appends bytes to scratch memory sized in advance by the caller (no capacity checks, no reference counting).
@usableFromInline
struct ByteWriter {
    @usableFromInline let buffer: UnsafeMutableRawBufferPointer
    @usableFromInline var count: Int

    @inlinable
    init(_ buffer: UnsafeMutableRawBufferPointer) {
        self.buffer = buffer
        self.count = 0
    }

    @inlinable @inline(__always)
    mutating func write(_ byte: UInt8) {
        buffer[count] = byte
        count &+= 1
    }

    @inlinable @inline(__always)
    mutating func write(_ bytes: UnsafeRawBufferPointer) {
        let length = bytes.count
        guard length > 0 else { return }
        // In bounds: callers size `buffer` for the longest output they can produce.
        UnsafeMutableRawBufferPointer(rebasing: buffer[count..<(count &+ length)]).copyMemory(from: bytes)
        count &+= length
    }

    /// What has been written so far.
    @inlinable
    var written: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: buffer[0..<count]) }
}
