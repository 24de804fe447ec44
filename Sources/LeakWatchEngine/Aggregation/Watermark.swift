/// Event-time progress: the newest event seen and the last window closed (every window up to and including
/// `closedThrough` is final; events for them are late).
package struct Watermark: Sendable, Equatable {
    /// Newest event time seen, epoch ms (Int64.min before the first event).
    package var newest: Int64 = Int64.min
    /// Last closed window index (Int64.min before the first event).
    package var closedThrough: Int64 = Int64.min
    /// Time of the first event the engine saw, epoch ms (its own warm-up counts from here).
    package var first: Int64 = Int64.min

    package init() {}

    package var hasEvents: Bool { newest != Int64.min }
}
