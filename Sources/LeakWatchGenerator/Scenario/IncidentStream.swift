/// Extra access traffic of one actor during an incident, as a planned number of requests per minute.
struct IncidentStream: Sendable {
    /// How the path parameter of each request is chosen.
    enum Mode: Sendable {
        /// Like baseline traffic: random ids.
        case randomIDs
        /// Page numbers counting up from `first`.
        case sequentialPages(first: Int)
        /// Numeric ids counting up from `first`.
        case sequentialIDs(first: Int)
    }

    let actor: Int
    /// Endpoints (``EndpointID`` raw values) to choose from.
    let endpoints: WeightedTable
    /// First minute with traffic, counted from the generator's start.
    let firstMinute: Int64
    /// Requests in each minute from `firstMinute` on.
    let counts: [Int32]
    /// Requests before each minute (a running sum of `counts`), so any minute can be written on its own.
    let before: [Int64]
    let mode: Mode
    let statuses: WeightedTable
    /// Records of each successful request, drawn uniformly from this range (200...200 per page in a bulk pull);
    /// nil: as in the actor's baseline traffic.
    let records: ClosedRange<Int>?

    init(
        actor: Int, endpoints: [(EndpointID, Double)], firstMinute: Int64, counts: [Int32], mode: Mode,
        statuses: WeightedTable, records: ClosedRange<Int>? = nil
    ) {
        self.actor = actor
        self.endpoints = WeightedTable(HumanRole.weights(endpoints))
        self.firstMinute = firstMinute
        self.counts = counts
        var running: Int64 = 0
        var before: [Int64] = []
        before.reserveCapacity(counts.count)
        for count in counts {
            before.append(running)
            running += Int64(count)
        }
        self.before = before
        self.mode = mode
        self.statuses = statuses
        self.records = records
    }

    /// Requests in minute `minute` (counted from the generator's start).
    @inline(__always)
    func count(at minute: Int64) -> Int {
        let offset = minute - firstMinute
        guard offset >= 0 && offset < Int64(counts.count) else { return 0 }
        return Int(counts[Int(offset)])
    }

    /// Total requests.
    var total: Int64 {
        (before.last ?? 0) + Int64(counts.last ?? 0)
    }
}
