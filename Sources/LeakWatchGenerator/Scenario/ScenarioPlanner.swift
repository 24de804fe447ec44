/// Decides, from the seed alone, where every labelled incident and benign event goes and what traffic it adds.
///
/// Everything is placed after the warm-up. The incidents never overlap each other or the campaign surge (they keep
/// an hour apart; the slow drip excepted) nor the nightly ETL window.
enum ScenarioPlanner {
    /// Gap kept between loud incidents and between them and the campaign surge.
    static let gap = TimeWindow.hour

    static func plan(_ options: GeneratorOptions) -> Scenario {
        var scenario = Scenario(options: options, roster: RosterBuilder.build(seed: options.seed))
        var random = Xoshiro256StarStar(seed: options.seed, stream: .scenario, key: 0)
        planNightlyETL(&scenario)
        let post = TimeWindow(start: scenario.warmupEnd, end: scenario.end)
        guard post.end - post.start >= 6 * TimeWindow.hour else { return scenario }
        var placement = Placement(fixed: scenario.benign.map(\.window))
        planSurge(&scenario, post: post, random: &random, placement: &placement)
        planRollout(&scenario, post: post, random: &random)
        planArrival(&scenario, post: post)
        let offHoursPrincipal = planOffHoursExport(&scenario, post: post, random: &random, placement: &placement)
        planBulkPull(&scenario, post: post, random: &random, placement: &placement)
        planEnumeration(&scenario, post: post, random: &random, placement: &placement)
        planTokenSpray(&scenario, post: post, random: &random, placement: &placement)
        planSlowDrip(&scenario, post: post, excluding: offHoursPrincipal, random: &random)
        planLeakIncidents(&scenario, post: post, random: &random, placement: &placement)
        scenario.incidents.sort { ($0.window.start, $0.type) < ($1.window.start, $1.type) }
        scenario.benign.sort { ($0.window.start, $0.type) < ($1.window.start, $1.type) }
        scenario.plannedAccesses.sort { ($0.millis, $0.actor) < ($1.millis, $1.actor) }
        return scenario
    }

    /// UTC midnights of the whole days inside `window`.
    static func midnights(in window: TimeWindow) -> [Int64] {
        var midnight = CivilDate.floorDivide(window.start + TimeWindow.day - 1, TimeWindow.day) * TimeWindow.day
        var result: [Int64] = []
        while midnight + TimeWindow.day <= window.end {
            result.append(midnight)
            midnight += TimeWindow.day
        }
        return result
    }

    static func isWeekday(midnight: Int64) -> Bool {
        CivilDate.weekday(daysSinceEpoch: CivilDate.floorDivide(midnight, TimeWindow.day)) < 5
    }

    /// `values` in a seeded random order (Fisher-Yates with our own generator).
    static func shuffled<T>(_ values: [T], random: inout Xoshiro256StarStar) -> [T] {
        var result = values
        var index = result.count - 1
        while index > 0 {
            result.swapAt(index, random.below(index + 1))
            index -= 1
        }
        return result
    }

    /// The people of the given roles, excluding the new employee.
    static func people(_ roster: Roster, roles: [HumanRole]) -> [Int] {
        roster.actors.indices.filter { index in
            guard index != roster.newEmployee, let role = roster.actors[index].role else { return false }
            return roles.contains(role)
        }
    }

    /// Minutes from the scenario start to `millis`.
    static func minuteIndex(_ millis: Int64, in scenario: Scenario) -> Int64 {
        (millis - scenario.start) / TimeWindow.minute
    }
}
