/// The endpoints of the synthetic API, by name; `rawValue` indexes ``EndpointCatalog/all``.
enum EndpointID: Int, CaseIterable, Sendable {
    case contactByID, contactList, contactSearch, contactCreate, contactUpdate
    case leadByID, leadList, leadCreate, leadUpdate
    case caseByID, caseList, caseCreate, caseUpdate, caseComment
    case orderByUUID, orderList, orderCreate, orderUpdate, orderItems
    case productByID, productList, productInventory
    case customerByID, customerList, customerUpdate
    case reviewList, reviewCreate
    case reportByID, reportExport
    case accountByID, accountContacts
    /// Only appears with the `new_endpoint_rollout` benign event.
    case orderByIDV3
    /// `POST /api/v2/auth/token`: every actor asks for a token now and then (see ``MinuteSampler``).
    case authToken
}
