/// The window of the events being counted, with its bounds and ring position, so that an event in the same window
/// as the one before it (nearly every event: logs come in time order) is placed without a division.
struct WindowPlace {
    let windowMillis: Int64
    let ringSize: Int64
    /// The window index: `floorDivide(time, windowMillis)` of the last event placed.
    private(set) var window: Int64 = 0
    /// Where `window` lives in the partitions' rings.
    private(set) var ringPosition = 0
    private var start: Int64 = 1
    private var end: Int64 = 0

    init(windowMillis: Int64, ringSize: Int64) {
        self.windowMillis = windowMillis
        self.ringSize = ringSize
    }

    /// Whether an event at `time` is in ``window`` (never before the first ``move(to:)``).
    @inline(__always)
    func holds(_ time: Int64) -> Bool { time >= start && time < end }

    /// Makes the window of `time` the current one.
    @inline(never)
    mutating func move(to time: Int64) {
        window = floorDivide(time, windowMillis)
        start = window * windowMillis
        // The window's end, or the end of the clock for the last window (its end is past `Int64.max`).
        let (sum, overflow) = start.addingReportingOverflow(windowMillis)
        end = overflow ? Int64.max : sum
        ringPosition = Int(floorModulo(window, ringSize))
    }
}
