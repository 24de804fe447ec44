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

    /// Appends `bytes`. Up to 16 bytes (a path segment, a placeholder) are copied with two overlapping loads and
    /// stores instead of a call to `memmove`.
    @inlinable @inline(__always)
    mutating func write(_ bytes: UnsafeRawBufferPointer) {
        let length = bytes.count
        guard length > 0 else { return }
        // In bounds: callers size `buffer` for the longest output they can produce.
        let target = buffer.baseAddress.unsafelyUnwrapped + count
        let source = bytes.baseAddress.unsafelyUnwrapped
        if length >= 8 && length <= 16 {
            let head = source.loadUnaligned(as: UInt64.self)
            let tail = source.loadUnaligned(fromByteOffset: length &- 8, as: UInt64.self)
            target.storeBytes(of: head, as: UInt64.self)
            target.storeBytes(of: tail, toByteOffset: length &- 8, as: UInt64.self)
        } else if length >= 4 && length < 8 {
            let head = source.loadUnaligned(as: UInt32.self)
            let tail = source.loadUnaligned(fromByteOffset: length &- 4, as: UInt32.self)
            target.storeBytes(of: head, as: UInt32.self)
            target.storeBytes(of: tail, toByteOffset: length &- 4, as: UInt32.self)
        } else if length < 4 {
            var index = 0
            while index < length {
                target.storeBytes(of: source.load(fromByteOffset: index, as: UInt8.self), toByteOffset: index, as: UInt8.self)
                index &+= 1
            }
        } else {
            target.copyMemory(from: source, byteCount: length)
        }
        count &+= length
    }

    /// What has been written so far.
    @inlinable
    var written: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: buffer[0..<count]) }
}
