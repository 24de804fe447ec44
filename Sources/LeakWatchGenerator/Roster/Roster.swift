/// Everyone who sends requests, with each actor's weekly activity profile normalised to a mean of one.
struct Roster: Sendable {
    /// Minutes in the two profile halves: weekdays, then weekend days.
    static let profileLength = 2 * 1440

    /// All actors: people, then service accounts, then the new employee, then incident-only tokens.
    private(set) var actors: [Actor]
    /// Actors before this index send baseline traffic; the rest only appear in incidents.
    let baselineCount: Int
    /// Index of the person who joins during the run (see ``Arrival``).
    let newEmployee: Int
    /// `profiles[actor * profileLength + (weekend ? 1440 : 0) + minuteOfDay]`, weekly mean one.
    let profiles: [Double]

    init(actors: [Actor], newEmployee: Int) {
        self.actors = actors
        self.baselineCount = actors.count
        self.newEmployee = newEmployee
        var profiles = [Double](repeating: 0, count: actors.count * Self.profileLength)
        for (index, actor) in actors.enumerated() {
            let base = index * Self.profileLength
            var weekly = 0.0
            for minute in 0..<1440 {
                let weekday = actor.rhythm.level(minuteOfDay: minute, weekend: false)
                let weekend = actor.rhythm.level(minuteOfDay: minute, weekend: true)
                profiles[base + minute] = weekday
                profiles[base + 1440 + minute] = weekend
                weekly += 5 * weekday + 2 * weekend
            }
            let mean = weekly / Double(7 * 1440)
            guard mean > 0 else { continue }
            for offset in 0..<Self.profileLength {
                profiles[base + offset] /= mean
            }
        }
        self.profiles = profiles
    }

    /// The index of the actor called `principal`.
    func index(of principal: String) -> Int? {
        actors.firstIndex { $0.principal == principal }
    }

    /// Adds an actor that sends no baseline traffic (an attacker's token) and returns its index.
    mutating func addIncidentActor(_ actor: Actor) -> Int {
        actors.append(actor)
        return actors.count - 1
    }

    /// The address `actor` uses on the day `dayNumber` (days since 1970): people work from the VPN on about a
    /// quarter of their days.
    func sourceIP(actor index: Int, dayNumber: Int64, seed: UInt64) -> String {
        let actor = actors[index]
        guard let network = actor.remoteNetwork else { return actor.homeIP }
        let key = UInt64(bitPattern: dayNumber)
        guard KeyedRandom.unit(seed, RandomStream.actorRemote.rawValue, UInt64(index), key) < 0.25 else {
            return actor.homeIP
        }
        let host = 2 + Int(KeyedRandom.hash(seed, RandomStream.actorRemote.rawValue, UInt64(index), ~key) % 250)
        return network + String(host)
    }

    /// `,"principal":"…","src_ip":"…","ua":"…"` for `actor` on the day `dayNumber`.
    func identity(actor index: Int, dayNumber: Int64, seed: UInt64) -> [UInt8] {
        let actor = actors[index]
        return JSONText.field("principal", actor.principal)
            + JSONText.field("src_ip", sourceIP(actor: index, dayNumber: dayNumber, seed: seed))
            + JSONText.field("ua", actor.userAgent)
    }
}
