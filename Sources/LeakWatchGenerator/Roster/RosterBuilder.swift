/// Builds the roster from the seed: about sixty people with names, roles, shifts, offices and browsers, the
/// service accounts, and one person who joins later.
enum RosterBuilder {
    static func build(seed: UInt64) -> Roster {
        var random = Xoshiro256StarStar(seed: seed, stream: .roster, key: 0)
        var taken = Set<String>()
        var people: [Actor] = []
        var weights: [Double] = []
        for role in HumanRole.allCases {
            for _ in 0..<role.headcount {
                people.append(person(role: role, random: &random, taken: &taken))
                weights.append(random.lognormal(median: 1, sigma: 0.6))
            }
        }
        // The new employee is a sales person with a typical (median) weight.
        let newcomer = person(role: .sales, random: &random, taken: &taken)
        weights.append(1)
        let humanShare = 1 - ServiceAccounts.totalShare
        let total = weights.reduce(0, +)
        var actors: [Actor] = []
        for (index, var actor) in (people + [newcomer]).enumerated() {
            actor.share = humanShare * weights[index] / total
            actors.append(actor)
        }
        let newEmployee = actors.count - 1
        actors.append(contentsOf: ServiceAccounts.all)
        return Roster(actors: actors, newEmployee: newEmployee)
    }

    private static func person(
        role: HumanRole, random: inout Xoshiro256StarStar, taken: inout Set<String>
    ) -> Actor {
        var principal = ""
        repeat {
            if random.chance(0.15) {
                var digits = String(random.int(in: 0...99_999))
                digits = String(repeating: "0", count: 5 - digits.count) + digits
                principal = "u_" + digits
            } else {
                principal = random.element(of: PeopleNames.given) + "." + random.element(of: PeopleNames.family)
                    + "@shop.example"
            }
        } while !taken.insert(principal).inserted
        // Offices: Europe (shift from ~07:00 UTC), the Americas (~13:00 UTC), and a mid-day team.
        let region = random.unit()
        let shiftStart: Int
        if region < 0.45 {
            shiftStart = random.int(in: 420...510)
        } else if region < 0.8 {
            shiftStart = random.int(in: 780...870)
        } else {
            shiftStart = random.int(in: 570...660)
        }
        let rhythm = Rhythm.office(
            shiftStart: shiftStart, shiftLength: random.int(in: 480...540),
            weekendFactor: random.chance(0.12) ? 0.3 : 0.02)
        return Actor(
            principal: principal, kind: .human, role: role, share: 0, rhythm: rhythm, endpoints: role.endpoints,
            homeIP: role.officeNetwork + String(random.int(in: 10...250)),
            remoteNetwork: random.chance(0.5) ? "100.64.12." : "100.64.13.",
            userAgent: random.element(of: PeopleNames.browsers), provenance: .humanSometimes,
            pageSize: role.pageSize)
    }
}
