internal import Foundation

/// Decides the access requests of one minute: Poisson counts per actor from the seasonal profile, the hourly
/// noise, the campaign surge and the new employee's ramp, a trickle of token requests, plus incident streams and
/// planned requests.
struct MinuteSampler {
    /// `POST /api/v2/auth/token` requests per other request of the same actor (logins, token refreshes).
    static let tokenShare = 0.012

    private let scenario: Scenario
    private let baseRates: [Double]
    private var noise: [Double]
    private var noiseHour: Int64 = .min
    private var noiseDay: Int64 = .min
    private var dayNoise: [Double]
    private let rolloutActors: [Bool]

    init(scenario: Scenario) {
        self.scenario = scenario
        let perMinute = scenario.accessEventsPerSecond * 60
        let roster = scenario.roster
        var baseRates = [Double](repeating: 0, count: roster.baselineCount * Roster.profileLength)
        for actor in 0..<roster.baselineCount {
            let scale = perMinute * roster.actors[actor].share
            for offset in 0..<Roster.profileLength {
                let index = actor * Roster.profileLength + offset
                baseRates[index] = scale * roster.profiles[index]
            }
        }
        self.baseRates = baseRates
        noise = [Double](repeating: 1, count: roster.baselineCount)
        dayNoise = [Double](repeating: 1, count: roster.baselineCount)
        var rolloutActors = [Bool](repeating: false, count: roster.actors.count)
        for actor in scenario.rollout?.actors ?? [] {
            rolloutActors[actor] = true
        }
        self.rolloutActors = rolloutActors
    }

    /// Fills `events` with the requests of `minute` (counted from the scenario start), sorted by time.
    /// - Parameters:
    ///   - planned: the day's planned requests; those before the end of this minute from `cursor` on are taken.
    mutating func sample(
        minute: Int64, random: inout Xoshiro256StarStar, planned: [PlannedAccess], cursor: inout Int,
        into events: inout [PendingEvent]
    ) {
        events.removeAll(keepingCapacity: true)
        let minuteStart = scenario.start + minute * TimeWindow.minute
        let absoluteMinute = minuteStart / TimeWindow.minute
        let dayNumber = CivilDate.floorDivide(absoluteMinute, 1440)
        let minuteOfDay = Int(absoluteMinute - dayNumber * 1440)
        let weekend = CivilDate.weekday(daysSinceEpoch: dayNumber) >= 5
        refreshNoise(hour: CivilDate.floorDivide(absoluteMinute, 60), dayNumber: dayNumber)
        let middle = minuteStart + 30_000
        let surge = scenario.surge?.multiplier(at: middle) ?? 1
        let v3Fraction = scenario.rollout?.fraction(at: middle) ?? 0
        let arrival = scenario.arrival
        let profileOffset = (weekend ? 1440 : 0) + minuteOfDay
        let actors = scenario.roster.actors
        var order: Int32 = 0

        for actor in 0..<scenario.roster.baselineCount {
            var mean = baseRates[actor * Roster.profileLength + profileOffset] * noise[actor] * surge
            if let arrival {
                if actor == arrival.actor {
                    mean *= arrival.presence(at: middle)
                }
            } else if actor == scenario.roster.newEmployee {
                mean = 0
            }
            guard mean > 0 else { continue }
            let count = random.poisson(mean)
            let table = actors[actor].endpoints
            for _ in 0..<count {
                var endpoint = table.pick(&random)
                if v3Fraction > 0 && endpoint == EndpointID.orderByUUID.rawValue && rolloutActors[actor]
                    && random.unit() < v3Fraction
                {
                    endpoint = EndpointID.orderByIDV3.rawValue
                }
                events.append(PendingEvent(
                    millis: Int32(random.below(60_000)), order: order, actor: Int32(actor),
                    endpoint: Int16(endpoint), source: .baseline))
                order &+= 1
            }
            // Token requests: a steady trickle that follows each actor's own activity.
            let tokens = random.poisson(mean * Self.tokenShare)
            for _ in 0..<tokens {
                events.append(PendingEvent(
                    millis: Int32(random.below(60_000)), order: order, actor: Int32(actor),
                    endpoint: Int16(EndpointID.authToken.rawValue), source: .baseline))
                order &+= 1
            }
        }

        for (index, stream) in scenario.streams.enumerated() {
            let count = stream.count(at: minute)
            guard count > 0 else { continue }
            for _ in 0..<count {
                let endpoint = stream.endpoints.pick(&random)
                events.append(PendingEvent(
                    millis: Int32(random.below(60_000)), order: order, actor: Int32(stream.actor),
                    endpoint: Int16(endpoint), source: .stream(Int32(index))))
                order &+= 1
            }
        }

        let minuteEnd = minuteStart + TimeWindow.minute
        while cursor < planned.count && planned[cursor].millis < minuteEnd {
            let access = planned[cursor]
            if access.millis >= minuteStart {
                events.append(PendingEvent(
                    millis: Int32(access.millis - minuteStart), order: order, actor: Int32(access.actor),
                    endpoint: Int16(access.endpoint.rawValue), source: .planned(Int32(cursor))))
                order &+= 1
            }
            cursor += 1
        }

        events.sort { $0.sortKey < $1.sortKey }
    }

    /// Per-actor multiplicative noise: lognormal per hour (σ 0.22) and per day (σ 0.12), mean one; people are
    /// away (holiday, sick) on about one day in twenty.
    private mutating func refreshNoise(hour: Int64, dayNumber: Int64) {
        let seed = scenario.seed
        let actors = scenario.roster.actors
        if dayNumber != noiseDay {
            noiseDay = dayNumber
            let day = UInt64(bitPattern: dayNumber)
            for actor in 0..<dayNoise.count {
                let key = UInt64(actor)
                let away = actors[actor].kind == .human && actor != scenario.roster.newEmployee
                    && KeyedRandom.unit(seed, RandomStream.actorAbsence.rawValue, key, day) < 0.05
                let z = KeyedRandom.normal(seed, RandomStream.actorDayNoise.rawValue, key, day)
                dayNoise[actor] = away ? 0 : exp(0.12 * z - 0.0072)
            }
        }
        guard hour != noiseHour else { return }
        noiseHour = hour
        let hourKey = UInt64(bitPattern: hour)
        for actor in 0..<noise.count {
            let z = KeyedRandom.normal(seed, RandomStream.actorHourNoise.rawValue, UInt64(actor), hourKey)
            noise[actor] = dayNoise[actor] * exp(0.22 * z - 0.0242)
        }
    }
}
