/// An access request of one minute that has been decided but not yet written.
struct PendingEvent {
    /// Where the request comes from.
    enum Source: Equatable {
        case baseline
        /// An ``IncidentStream``, by index in the scenario.
        case stream(Int32)
        /// A ``PlannedAccess``, by index in the day plan.
        case planned(Int32)
    }

    /// Milliseconds into the minute.
    var millis: Int32
    /// Insertion order: makes the sort key unique, so the order never depends on the sort's stability.
    var order: Int32
    var actor: Int32
    var endpoint: Int16
    var source: Source

    /// Time, then insertion order: unique within a minute.
    var sortKey: UInt64 {
        UInt64(UInt32(bitPattern: millis)) << 32 | UInt64(UInt32(bitPattern: order))
    }
}
