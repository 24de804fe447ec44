/// A growable buffer of plain values for the engine's per-key state: no copy-on-write, no uniqueness or
/// exclusivity checks on the per-event path.
///
/// Ownership is manual: the owner (a ``Partition``) is a struct kept in memory the ``ShardedAggregator``
/// allocates and frees, and calls ``release()`` exactly once. Indices are checked in debug builds only; every
/// index used by the engine is a slot or ring entry it created itself.
package struct GrowableStorage<Element: BitwiseCopyable> {
    package private(set) var base: UnsafeMutablePointer<Element>
    package private(set) var count: Int
    private var capacity: Int

    package init(capacity: Int = 16) {
        self.capacity = max(capacity, 1)
        base = Self.allocate(self.capacity)
        count = 0
    }

    /// Builds storage holding `array`'s elements.
    package init(_ array: [Element]) {
        self.init(capacity: array.count)
        append(contentsOf: array)
    }

    @inlinable
    package subscript(index: Int) -> Element {
        get {
            assert(index >= 0 && index < count)
            return base[index]
        }
        nonmutating set {
            assert(index >= 0 && index < count)
            base[index] = newValue
        }
    }

    package mutating func append(_ value: Element) {
        reserve(count + 1)
        (base + count).initialize(to: value)
        count += 1
    }

    package mutating func append(repeating value: Element, count added: Int) {
        reserve(count + added)
        (base + count).initialize(repeating: value, count: added)
        count += added
    }

    package mutating func append(contentsOf array: [Element]) {
        reserve(count + array.count)
        array.withUnsafeBufferPointer { source in
            if let address = source.baseAddress { (base + count).initialize(from: address, count: source.count) }
        }
        count += array.count
    }

    /// Forgets the elements, keeping the memory.
    package mutating func removeAll() { count = 0 }

    /// The elements as an array (for snapshots).
    package var array: [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Frees the memory; the storage must not be used afterwards.
    package func release() { UnsafeMutableRawPointer(base).deallocate() }

    /// Memory for `capacity` elements starting on a cache line, so that a row of 64 bytes (a window's values)
    /// spans one line, not two.
    private static func allocate(_ capacity: Int) -> UnsafeMutablePointer<Element> {
        UnsafeMutableRawPointer.allocate(
            byteCount: capacity * MemoryLayout<Element>.stride, alignment: max(64, MemoryLayout<Element>.alignment)
        ).bindMemory(to: Element.self, capacity: capacity)
    }

    private mutating func reserve(_ needed: Int) {
        guard needed > capacity else { return }
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let fresh = Self.allocate(newCapacity)
        fresh.moveInitialize(from: base, count: count)
        UnsafeMutableRawPointer(base).deallocate()
        base = fresh
        capacity = newCapacity
    }
}
