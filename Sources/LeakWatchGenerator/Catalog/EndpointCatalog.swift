/// The ~30 endpoint templates over Contacts, Leads, Cases, Orders, Products, Customers, Reviews, Reports and
/// Accounts, and the token endpoint, each with its method, id shape, status mix and size model.
enum EndpointCatalog {
    /// All endpoints, indexed by ``EndpointID/rawValue``.
    static let all: [Endpoint] = EndpointID.allCases.map(endpoint)

    /// The endpoint for `id`.
    static subscript(_ id: EndpointID) -> Endpoint { all[id.rawValue] }

    private static let contactIDs = 100_000...989_999
    private static let leadIDs = 2_000_000...2_899_999
    private static let caseIDs = 5_000_000...5_399_999
    private static let productIDs = 10_000...48_999
    private static let customerIDs = 10_000...399_999
    private static let reportIDs = 100...1_999
    private static let accountIDs = 30_000...44_999

    private static func endpoint(_ id: EndpointID) -> Endpoint {
        switch id {
        case .contactByID:
            Endpoint("GET", "/api/v2/contacts/", .numeric(contactIDs), records: .single, statuses: StatusMix.read,
                     bytesPerRecord: 1_900, medianMillis: 24, template: "GET /api/v2/contacts/{id}")
        case .contactList:
            Endpoint("GET", "/api/v2/contacts?page=", .page, records: .page, statuses: StatusMix.list,
                     bytesPerRecord: 930, medianMillis: 70, template: "GET /api/v2/contacts")
        case .contactSearch:
            Endpoint("GET", "/api/v2/contacts/search?postal_code=", .numeric(10_000...99_999), records: .batch(0...25),
                     statuses: StatusMix.list, bytesPerRecord: 900, medianMillis: 110,
                     template: "GET /api/v2/contacts/search")
        case .contactCreate:
            Endpoint("POST", "/api/v2/contacts", records: .single, statuses: StatusMix.create,
                     bytesPerRecord: 1_100, medianMillis: 55, template: "POST /api/v2/contacts")
        case .contactUpdate:
            Endpoint("PATCH", "/api/v2/contacts/", .numeric(contactIDs), records: .single,
                     statuses: StatusMix.update, bytesPerRecord: 1_100, medianMillis: 48,
                     template: "PATCH /api/v2/contacts/{id}")
        case .leadByID:
            Endpoint("GET", "/api/v2/leads/", .numeric(leadIDs), records: .single, statuses: StatusMix.read,
                     bytesPerRecord: 1_400, medianMillis: 22, template: "GET /api/v2/leads/{id}")
        case .leadList:
            Endpoint("GET", "/api/v2/leads?page=", .page, records: .page, statuses: StatusMix.list,
                     bytesPerRecord: 760, medianMillis: 65, template: "GET /api/v2/leads")
        case .leadCreate:
            Endpoint("POST", "/api/v2/leads", records: .single, statuses: StatusMix.create,
                     bytesPerRecord: 210, medianMillis: 60, template: "POST /api/v2/leads")
        case .leadUpdate:
            Endpoint("PATCH", "/api/v2/leads/", .numeric(leadIDs), records: .single, statuses: StatusMix.update,
                     bytesPerRecord: 900, medianMillis: 45, template: "PATCH /api/v2/leads/{id}")
        case .caseByID:
            Endpoint("GET", "/api/v2/cases/", .numeric(caseIDs), records: .single, statuses: StatusMix.read,
                     bytesPerRecord: 3_200, medianMillis: 30, template: "GET /api/v2/cases/{id}")
        case .caseList:
            Endpoint("GET", "/api/v2/cases?status=open&page=", .page, records: .page, statuses: StatusMix.list,
                     bytesPerRecord: 1_300, medianMillis: 85, template: "GET /api/v2/cases")
        case .caseCreate:
            Endpoint("POST", "/api/v2/cases", records: .single, statuses: StatusMix.create,
                     bytesPerRecord: 1_500, medianMillis: 70, template: "POST /api/v2/cases")
        case .caseUpdate:
            Endpoint("PATCH", "/api/v2/cases/", .numeric(caseIDs), records: .single, statuses: StatusMix.update,
                     bytesPerRecord: 1_500, medianMillis: 52, template: "PATCH /api/v2/cases/{id}")
        case .caseComment:
            Endpoint("POST", "/api/v2/cases/", .numeric(caseIDs), "/comments", records: .single,
                     statuses: StatusMix.create, bytesPerRecord: 700, medianMillis: 40,
                     template: "POST /api/v2/cases/{id}/comments")
        case .orderByUUID:
            Endpoint("GET", "/api/v2/orders/", .uuid, records: .single, statuses: StatusMix.read,
                     bytesPerRecord: 2_600, medianMillis: 28, template: "GET /api/v2/orders/{uuid}")
        case .orderList:
            Endpoint("GET", "/api/v2/orders?updated_since=2026-01-01&page=", .page, records: .page,
                     statuses: StatusMix.list, bytesPerRecord: 1_700, medianMillis: 95, template: "GET /api/v2/orders")
        case .orderCreate:
            Endpoint("POST", "/api/v2/orders", records: .single, statuses: StatusMix.create,
                     bytesPerRecord: 2_100, medianMillis: 90, template: "POST /api/v2/orders")
        case .orderUpdate:
            Endpoint("PATCH", "/api/v2/orders/", .uuid, records: .single, statuses: StatusMix.update,
                     bytesPerRecord: 1_200, medianMillis: 60, template: "PATCH /api/v2/orders/{uuid}")
        case .orderItems:
            Endpoint("GET", "/api/v2/orders/", .uuid, "/items", records: .batch(1...12), statuses: StatusMix.read,
                     bytesPerRecord: 640, medianMillis: 35, template: "GET /api/v2/orders/{uuid}/items")
        case .productByID:
            Endpoint("GET", "/api/v2/products/", .numeric(productIDs), records: .single, statuses: StatusMix.read,
                     bytesPerRecord: 2_400, medianMillis: 15, template: "GET /api/v2/products/{id}")
        case .productList:
            Endpoint("GET", "/api/v2/products?page=", .page, records: .page, statuses: StatusMix.list,
                     bytesPerRecord: 1_150, medianMillis: 60, template: "GET /api/v2/products")
        case .productInventory:
            Endpoint("PUT", "/api/v2/products/", .numeric(productIDs), "/inventory", records: .single,
                     statuses: StatusMix.update, bytesPerRecord: 180, medianMillis: 35,
                     template: "PUT /api/v2/products/{id}/inventory")
        case .customerByID:
            Endpoint("GET", "/api/v2/customers/", .numeric(customerIDs), records: .single, statuses: StatusMix.read,
                     bytesPerRecord: 1_250, medianMillis: 20, template: "GET /api/v2/customers/{id}")
        case .customerList:
            Endpoint("GET", "/api/v2/customers?page=", .page, records: .page, statuses: StatusMix.list,
                     bytesPerRecord: 820, medianMillis: 75, template: "GET /api/v2/customers")
        case .customerUpdate:
            Endpoint("PATCH", "/api/v2/customers/", .numeric(customerIDs), records: .single,
                     statuses: StatusMix.update, bytesPerRecord: 900, medianMillis: 45,
                     template: "PATCH /api/v2/customers/{id}")
        case .reviewList:
            Endpoint("GET", "/api/v2/reviews?product_id=", .numeric(productIDs), records: .batch(0...40),
                     statuses: StatusMix.list, bytesPerRecord: 520, medianMillis: 38, template: "GET /api/v2/reviews")
        case .reviewCreate:
            Endpoint("POST", "/api/v2/reviews", records: .single, statuses: StatusMix.create,
                     bytesPerRecord: 600, medianMillis: 50, template: "POST /api/v2/reviews")
        case .reportByID:
            Endpoint("GET", "/api/v2/reports/", .numeric(reportIDs), records: .single, statuses: StatusMix.read,
                     bytesPerRecord: 4_000, medianMillis: 180, template: "GET /api/v2/reports/{id}")
        case .reportExport:
            Endpoint("GET", "/api/v2/reports/", .numeric(reportIDs), "/export", records: .report,
                     statuses: StatusMix.export, bytesPerRecord: 420, medianMillis: 2_400,
                     template: "GET /api/v2/reports/{id}/export")
        case .accountByID:
            Endpoint("GET", "/api/v2/accounts/", .numeric(accountIDs), records: .single, statuses: StatusMix.read,
                     bytesPerRecord: 2_800, medianMillis: 26, template: "GET /api/v2/accounts/{id}")
        case .accountContacts:
            Endpoint("GET", "/api/v2/accounts/", .numeric(accountIDs), "/contacts", records: .batch(1...60),
                     statuses: StatusMix.list, bytesPerRecord: 930, medianMillis: 58,
                     template: "GET /api/v2/accounts/{id}/contacts")
        case .orderByIDV3:
            Endpoint("GET", "/api/v3/orders/", .numeric(70_000_000...79_999_999), records: .single,
                     statuses: StatusMix.read, bytesPerRecord: 2_300, medianMillis: 21,
                     template: "GET /api/v3/orders/{id}")
        case .authToken:
            Endpoint("POST", "/api/v2/auth/token", records: .zero, statuses: StatusMix.auth, bytesPerRecord: 720,
                     medianMillis: 90, template: "POST /api/v2/auth/token", writes: false)
        }
    }
}
