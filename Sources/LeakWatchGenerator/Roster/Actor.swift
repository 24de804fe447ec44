/// Who sends requests: a person, a service account, or a token that only appears in an incident.
struct Actor: Sendable {
    enum Kind: Sendable, Equatable {
        case human
        case service
        case token
    }

    /// What an actor declares about the content it writes.
    enum Provenance: Sendable {
        /// Never declares anything.
        case none
        /// A person: sometimes `"provenance":"human"`, usually nothing.
        case humanSometimes
        /// Everything written is AI-generated.
        case synthetic(model: String)
        /// Written content mixes AI drafts and people's edits.
        case mixed(model: String)
    }

    let principal: String
    let kind: Kind
    /// A person's role (nil for service accounts and tokens).
    let role: HumanRole?
    /// Share of all baseline traffic over a week (the roster's shares sum to one).
    var share: Double
    let rhythm: Rhythm
    let endpoints: WeightedTable
    /// The address the actor normally comes from.
    let homeIP: String
    /// For people: the VPN network (`100.64.12.`) used on days they work from home.
    let remoteNetwork: String?
    let userAgent: String
    let provenance: Provenance
    /// Records per list page the client asks for.
    let pageSize: Int
}
