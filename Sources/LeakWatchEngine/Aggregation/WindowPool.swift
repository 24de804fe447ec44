/// The keys with events in one open window of a partition, with their running values and top contributors.
///
/// Only keys active in the window take an entry, so the memory of open windows follows the active keys, not
/// all keys. Emptied (keeping its memory) when the window closes.
package struct WindowPool {
    /// Key slot of each entry.
    package var slots = GrowableStorage<Int32>()
    /// Values per entry x metric.
    package var values = GrowableStorage<Int64>()
    /// Contributor sketch per entry (``ContributorSketch/width`` entries each).
    package var contributors = GrowableStorage<ContributorEntry>()
    /// Per entry, ``WindowExtras/stride`` words: distinct-principal and distinct-id bitmaps and id-walk statistics.
    package var extras = GrowableStorage<Int64>()

    package init() {}

    package var count: Int { slots.count }

    /// Adds an empty entry for `slot`; returns its index.
    package mutating func open(slot: Int32) -> Int32 {
        let entry = Int32(slots.count)
        slots.append(slot)
        values.append(repeating: 0, count: Metric.count)
        contributors.append(repeating: ContributorEntry(), count: ContributorSketch.width)
        extras.append(contentsOf: WindowExtras.initial)
        return entry
    }

    package mutating func removeAll() {
        slots.removeAll()
        values.removeAll()
        contributors.removeAll()
        extras.removeAll()
    }

    package func release() {
        slots.release()
        values.release()
        contributors.release()
        extras.release()
    }
}
