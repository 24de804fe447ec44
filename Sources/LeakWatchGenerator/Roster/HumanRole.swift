/// What a person does in the CRM, and so which endpoints they use.
enum HumanRole: CaseIterable, Sendable {
    case sales
    case support
    case operations
    case analyst

    /// How many of the 60 people have this role.
    var headcount: Int {
        switch self {
        case .sales: 22
        case .support: 18
        case .operations: 10
        case .analyst: 10
        }
    }

    /// The office network people of this role sit in.
    var officeNetwork: String {
        switch self {
        case .sales, .analyst: "198.51.100."
        case .support: "192.0.2."
        case .operations: "100.70.4."
        }
    }

    var pageSize: Int {
        self == .analyst ? 100 : 50
    }

    /// The endpoints used, with weights. Report exports are planned separately (they also write an export event).
    var endpoints: WeightedTable {
        switch self {
        case .sales:
            WeightedTable(Self.weights([
                (.contactByID, 25), (.contactList, 10), (.contactSearch, 10), (.contactCreate, 4),
                (.contactUpdate, 8), (.leadByID, 12), (.leadList, 6), (.leadCreate, 3), (.leadUpdate, 6),
                (.accountByID, 8), (.accountContacts, 6), (.reportByID, 2),
            ]))
        case .support:
            WeightedTable(Self.weights([
                (.caseByID, 25), (.caseList, 12), (.caseCreate, 5), (.caseUpdate, 12), (.caseComment, 10),
                (.customerByID, 15), (.customerUpdate, 3), (.orderByUUID, 12), (.orderItems, 5), (.contactByID, 6),
            ]))
        case .operations:
            WeightedTable(Self.weights([
                (.orderByUUID, 25), (.orderList, 15), (.orderUpdate, 10), (.orderItems, 8), (.productByID, 15),
                (.productList, 8), (.productInventory, 5), (.customerByID, 10), (.reviewList, 4),
            ]))
        case .analyst:
            WeightedTable(Self.weights([
                (.reportByID, 30), (.contactList, 10), (.orderList, 10), (.leadList, 10), (.accountByID, 10),
                (.customerList, 8), (.caseList, 8), (.productList, 4),
            ]))
        }
    }

    static func weights(_ pairs: [(EndpointID, Double)]) -> [(Int, Double)] {
        pairs.map { ($0.0.rawValue, $0.1) }
    }
}
