/// What one key holds at one position of a partition's window ring: the window there, and the key's entry in
/// that window's pool. Kept side by side so that the per-event lookup reads one cache line.
package struct RingSlot: BitwiseCopyable, Equatable {
    /// The window held at this position (`Int64.min`: none yet).
    package var window: Int64
    /// The key's entry in the pool of ``window`` (-1: none).
    package var entry: Int32

    @inlinable
    package init(window: Int64, entry: Int32) {
        self.window = window
        self.entry = entry
    }

    /// A position that never held a window.
    package static let unused = RingSlot(window: Int64.min, entry: -1)
}
