/// The integration service accounts: each with its own endpoints, rhythm, fixed address and client.
enum ServiceAccounts {
    /// Share of all baseline traffic sent by service accounts (the rest is people).
    static let totalShare = 0.375

    /// The service accounts in a fixed order.
    static let all: [Actor] = [
        service(
            "svc-shopify-sync", share: 0.07, rhythm: .storefront, ip: "10.4.7.21", ua: "shopify-connector/3.2",
            [(.orderList, 15), (.orderByUUID, 25), (.orderCreate, 15), (.orderUpdate, 10), (.customerByID, 10),
             (.customerUpdate, 5), (.productInventory, 10), (.productByID, 10)]),
        service(
            "svc-erp-orders", share: 0.04,
            rhythm: .periodic(period: 15, active: 6, offset: 3, idle: 0.25, weekendFactor: 0.5),
            ip: "10.4.9.12", ua: "erp-bridge/7.4.1 (java 17)",
            [(.orderList, 30), (.orderByUUID, 40), (.orderUpdate, 20), (.orderItems, 10)]),
        service(
            "svc-dwh-etl", share: 0.003, rhythm: .nightly(start: 100, length: 20), ip: "10.8.0.40",
            ua: "dwh-etl/2.8 (airflow)",
            [(.orderList, 30), (.contactList, 30), (.caseList, 20), (.leadList, 20)]),
        service(
            "svc-marketing-ai", share: 0.025,
            rhythm: .hourlyBursts(fromHour: 6, toHour: 22, offset: 10, length: 12, weekendFactor: 0.5),
            ip: "10.9.1.3", ua: "marketing-ai/1.9 (gen-4.1)",
            [(.leadCreate, 60), (.leadList, 25), (.contactSearch, 15)],
            provenance: .synthetic(model: "gen-4.1")),
        service(
            "svc-support-bot", share: 0.05, rhythm: .businessHours, ip: "10.9.2.14", ua: "support-bot/0.14",
            [(.caseByID, 30), (.caseCreate, 15), (.caseComment, 25), (.caseUpdate, 10), (.customerByID, 15),
             (.orderByUUID, 5)],
            provenance: .mixed(model: "support-llm-2.3")),
        service(
            "svc-review-widget", share: 0.05, rhythm: .storefront, ip: "10.6.3.30", ua: "review-widget/2.3",
            [(.reviewList, 55), (.reviewCreate, 5), (.productByID, 25), (.customerByID, 15)]),
        service(
            "svc-search-indexer", share: 0.04, rhythm: .flat, ip: "10.6.5.8", ua: "search-indexer/5.0 (opensearch)",
            [(.productList, 40), (.productByID, 60)]),
        service(
            "svc-billing", share: 0.015, rhythm: .businessHours, ip: "10.4.12.5", ua: "billing-service/12.1",
            [(.accountByID, 40), (.orderByUUID, 30), (.customerByID, 30)]),
        service(
            "svc-email-sync", share: 0.02,
            rhythm: .periodic(period: 30, active: 6, offset: 12, idle: 0.05, weekendFactor: 1),
            ip: "10.9.4.22", ua: "mailchimp-sync/4.0",
            [(.contactList, 60), (.contactUpdate, 25), (.leadList, 15)]),
        service(
            "svc-helpdesk-sync", share: 0.02,
            rhythm: .periodic(period: 10, active: 3, offset: 1, idle: 0.3, weekendFactor: 0.6),
            ip: "10.9.2.40", ua: "zendesk-bridge/2.11",
            [(.caseList, 40), (.caseUpdate, 30), (.contactByID, 30)]),
        service(
            "svc-fraud-scoring", share: 0.03, rhythm: .storefront, ip: "10.6.8.17", ua: "fraud-scorer/1.6 (python)",
            [(.orderByUUID, 60), (.customerByID, 40)]),
        service(
            "svc-inventory-feed", share: 0.012,
            rhythm: .periodic(period: 60, active: 10, offset: 40, idle: 0.1, weekendFactor: 0.8),
            ip: "10.4.15.3", ua: "inventory-feed/3.3",
            [(.productInventory, 80), (.productList, 20)]),
    ]

    private static func service(
        _ principal: String, share: Double, rhythm: Rhythm, ip: String, ua: String,
        _ endpoints: [(EndpointID, Double)], provenance: Actor.Provenance = .none
    ) -> Actor {
        Actor(
            principal: principal, kind: .service, role: nil, share: share, rhythm: rhythm,
            endpoints: WeightedTable(HumanRole.weights(endpoints)), homeIP: ip, remoteNetwork: nil, userAgent: ua,
            provenance: provenance, pageSize: 200)
    }
}
