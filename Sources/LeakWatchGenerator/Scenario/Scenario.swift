/// Everything decided before any line is written: the roster, the incidents and benign events, and their
/// traffic. Immutable and shared by the day writers, so each day can be written on its own.
struct Scenario: Sendable {
    let seed: UInt64
    /// First instant, epoch milliseconds, on a whole minute.
    let start: Int64
    let days: Int
    let accessEventsPerSecond: Double
    let warmupEnd: Int64
    var end: Int64 { start + Int64(days) * TimeWindow.day }

    var roster: Roster
    var streams: [IncidentStream] = []
    /// Access requests of incidents planned at exact times, sorted by time.
    var plannedAccesses: [PlannedAccess] = []
    /// Export events of incidents.
    var plannedExports: [ExportEvent] = []
    var surge: Surge?
    var rollout: Rollout?
    var arrival: Arrival?
    var provenanceGap: ProvenanceGap?
    var incidents: [LabelEntry] = []
    var benign: [LabelEntry] = []

    init(options: GeneratorOptions, roster: Roster) {
        seed = options.seed
        start = CivilDate.floorDivide(options.start, TimeWindow.minute) * TimeWindow.minute
        days = options.days
        accessEventsPerSecond = options.accessEventsPerSecond
        warmupEnd = start + Int64(min(options.warmupDays, options.days)) * TimeWindow.day
        self.roster = roster
    }

    /// Incidents are specified at one event per second and grow with the traffic so they stay as loud.
    var intensity: Double { max(1, accessEventsPerSecond) }
}
