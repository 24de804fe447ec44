/// Where loud incidents may still go.
struct Placement {
    /// Windows to stay out of, with no gap needed (the nightly ETL).
    let fixed: [TimeWindow]
    /// Windows to keep ``ScenarioPlanner/gap`` away from (incidents, the surge).
    private(set) var taken: [TimeWindow] = []

    init(fixed: [TimeWindow]) {
        self.fixed = fixed
    }

    /// Whether `window` stays `fixedMargin` away from the fixed windows and a gap away from those taken.
    func isFree(_ window: TimeWindow, fixedMargin: Int64 = 0) -> Bool {
        !fixed.contains { $0.overlaps(window, margin: fixedMargin) }
            && !taken.contains { $0.overlaps(window, margin: ScenarioPlanner.gap) }
    }

    mutating func take(_ window: TimeWindow) {
        taken.append(window)
    }

    /// A free window of `minutes` minutes starting on a whole minute inside `within`, or nil if none was found.
    mutating func place(minutes: Int, within: TimeWindow, random: inout Xoshiro256StarStar) -> TimeWindow? {
        let duration = Int64(minutes) * TimeWindow.minute
        let slack = (within.end - within.start - duration) / TimeWindow.minute
        guard slack >= 0 else { return nil }
        for _ in 0..<5_000 {
            let start = within.start + Int64(random.below(Int(slack) + 1)) * TimeWindow.minute
            let candidate = TimeWindow(start: start, end: start + duration)
            if isFree(candidate) {
                take(candidate)
                return candidate
            }
        }
        return nil
    }

    /// A free window of `minutes` minutes inside `within` that starts on a whole minute of the UTC day in
    /// `startMinutes` (minutes past midnight) on one of the whole days in `within`, kept `fixedMargin` away from
    /// the fixed windows; nil if none was found.
    mutating func place(
        minutes: Int, startMinutes: ClosedRange<Int>, within: TimeWindow, fixedMargin: Int64 = 0,
        random: inout Xoshiro256StarStar
    ) -> TimeWindow? {
        let days = ScenarioPlanner.midnights(in: within)
        guard !days.isEmpty else { return nil }
        let duration = Int64(minutes) * TimeWindow.minute
        for _ in 0..<5_000 {
            let start = days[random.below(days.count)] + Int64(random.int(in: startMinutes)) * TimeWindow.minute
            let candidate = TimeWindow(start: start, end: start + duration)
            if candidate.start >= within.start && candidate.end <= within.end
                && isFree(candidate, fixedMargin: fixedMargin)
            {
                take(candidate)
                return candidate
            }
        }
        return nil
    }
}
