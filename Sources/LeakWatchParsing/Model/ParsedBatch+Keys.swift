extension ParsedBatch {
    /// Copies `bytes` into the arena and returns their key; an empty key is absent.
    @inlinable
    package mutating func appendKey(_ bytes: UnsafeRawBufferPointer) -> KeyRef {
        guard bytes.count > 0 else { return .absent }
        let start = arena.count
        arena.append(contentsOf: bytes)
        return KeyRef(hash: KeyHasher.hash(bytes), start: Int32(truncatingIfNeeded: start), length: Int32(bytes.count))
    }

    /// Ends a key written piece by piece from arena offset `start`: hashes exactly the bytes written since.
    @inlinable
    package mutating func finishKey(from start: Int) -> KeyRef {
        let end = arena.count
        guard end > start else { return .absent }
        let hash = arena.withUnsafeBytes { KeyHasher.hash(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
        return KeyRef(hash: hash, start: Int32(truncatingIfNeeded: start), length: Int32(truncatingIfNeeded: end - start))
    }
}
