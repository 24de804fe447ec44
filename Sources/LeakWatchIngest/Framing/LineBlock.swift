import Glibc

/// Reusable storage for a run of complete lines, filled by ``LineBlockReader/fill(_:targetBytes:)``.
///
/// The bytes `0..<count` are zero or more complete lines, each ending in `\n` (a final line without a newline
/// gets one appended). No line is longer than the reader's `maxLineBytes`, not counting the newline; a `\r`
/// before the `\n` is left in place.
///
/// Ownership rule (why `@unchecked Sendable` is sound): a block has one writer at a time, the reader inside
/// `fill`, and nobody reads it while a fill runs. After `fill` returns, any number of threads may read the bytes
/// `0..<count` concurrently, read-only, until the owner hands the block to the next `fill`. The owner
/// (the engine) enforces this hand-off; the block itself has no locks.
package final class LineBlock: @unchecked Sendable {
    /// The storage; reallocated only by ``reserve(_:preserving:)`` during a fill.
    private(set) var base: UnsafeMutableRawPointer
    /// Bytes of storage allocated; grows only when one line needs it.
    package private(set) var capacity: Int
    /// Bytes of complete lines in the block.
    package internal(set) var count: Int = 0

    /// Allocates a block of `capacity` bytes (at least 1) that can be filled again and again.
    /// - Parameter capacity: initial storage size; the reader grows it (at most to
    ///   `targetBytes + maxLineBytes + 1`) when a line needs it.
    package init(capacity: Int) {
        self.capacity = max(1, capacity)
        self.base = UnsafeMutableRawPointer.allocate(byteCount: self.capacity, alignment: 64)
    }

    deinit {
        base.deallocate()
    }

    /// Whether the block holds no lines.
    package var isEmpty: Bool { count == 0 }

    /// Calls `body` with the bytes `0..<count`. The pointer is valid only inside `body`.
    /// - Parameter body: reads the lines; must not escape the buffer.
    /// - Returns: what `body` returns.
    package func withBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// Replaces the content with a copy of `bytes`, for tests and tools that build blocks without a reader.
    ///
    /// - Parameter bytes: complete lines, each ending in `\n` (not checked).
    package func replaceContents(with bytes: UnsafeRawBufferPointer) {
        reserve(bytes.count, preserving: 0)
        if let source = bytes.baseAddress, bytes.count > 0 {
            base.copyMemory(from: source, byteCount: bytes.count)
        }
        count = bytes.count
    }

    /// Grows the storage to at least `newCapacity`, keeping the first `preserving` bytes.
    func reserve(_ newCapacity: Int, preserving: Int) {
        guard newCapacity > capacity else { return }
        let grown = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 64)
        if preserving > 0 {
            // preserving <= capacity: callers pass bytes already written into the old storage.
            grown.copyMemory(from: base, byteCount: preserving)
        }
        base.deallocate()
        base = grown
        capacity = newCapacity
    }
}
