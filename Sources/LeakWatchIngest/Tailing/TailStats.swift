/// Counters of a ``LogTailer`` since it was created.
package struct TailStats: Sendable, Hashable {
    /// Lines, bytes, over-long lines and lines lost at damage, over all files.
    package var ingest = IngestStats()
    /// Events by kind (a kind never seen is absent).
    package var events: [TailEvent.Kind: Int64] = [:]
    /// Damage by error code (`truncated_frame`, `corrupt_frame`, `unreadable_file`).
    package var damage: [IngestError.Code: Int64] = [:]
    /// Files followed now.
    package var filesTracked = 0
    /// Files with an open descriptor now.
    package var filesOpen = 0

    /// Creates zeroed counters.
    package init() {}

    /// How many events of `kind` happened.
    package subscript(kind: TailEvent.Kind) -> Int64 { events[kind, default: 0] }
}
