import LeakWatchParsing
import Testing

@Suite("Endpoint templates")
struct EndpointTemplaterTests {
    @Test(
        "heuristics",
        arguments: [
            ("/api/v2/contacts/48213?x=1", "GET", "GET /api/v2/contacts/{id}"),
            ("/api/v2/contacts/48213", nil, "/api/v2/contacts/{id}"),
            ("/api/v2/contacts?page=3", "get", "GET /api/v2/contacts"),
            ("/api/v2/accounts/C123456/contacts/7", "GET", "GET /api/v2/accounts/{id}/contacts/{id}"),
            ("/api/v2/accounts/ABC123456", "GET", "GET /api/v2/accounts/ABC123456"),
            ("/api/v2/accounts/C12", "GET", "GET /api/v2/accounts/C12"),
            ("/api/v2/orders/3f2504e0-4f89-11d3-9a0c-0305e82c3301/items", "GET", "GET /api/v2/orders/{uuid}/items"),
            ("/blobs/9f86d081884c7d659a2feaa0c55ad015", "GET", "GET /blobs/{hex}"),
            ("/blobs/deadbeefcafe1234", "GET", "GET /blobs/{hex}"),
            ("/blobs/deadbeefcafe123", "GET", "GET /blobs/deadbeefcafe123"),
            ("/users/jane.doe@example.com/exports", "GET", "GET /users/{email}/exports"),
            ("/users/jane.doe%40example.com", "GET", "GET /users/{email}"),
            ("/reset/aB3dE5fG7hJ9kL1mN3pQ5rS7tU9", "POST", "POST /reset/{token}"),
            ("/t/eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NSJ9.c2lnbmF0dXJl", "GET", "GET /t/{token}"),
            ("/presentations/logstash-monitorama-2013/images/kibana-search.png", "GET",
             "GET /presentations/logstash-monitorama-2013/images/kibana-search.png"),
            ("/reports/2026-03-02/summary", "GET", "GET /reports/{date}/summary"),
            ("//api///v2//contacts/", "GET", "GET /api/v2/contacts"),
            ("/", "GET", "GET /"),
            ("/?q=1", "GET", "GET /"),
            ("/a#frag", nil, "/a"),
            ("/files/a%20b/1", nil, "/files/a%20b/{id}"),
            ("https://crm.example.com/api/v2/leads/99?x", "GET", "GET /api/v2/leads/{id}"),
            ("http://example.com", "GET", "GET /"),
            ("api/v2/leads", nil, "/api/v2/leads"),
            ("/1/2/3/4/5/6/7/8/9/10/11/12/13/14", nil, "/{id}/{id}/{id}/{id}/{id}/{id}/{id}/{id}/{id}/{id}/{id}/{id}/{…}"),
        ])
    func heuristics(path: String, method: String?, expected: String) {
        #expect(EndpointTemplater().template(path, method: method) == expected)
    }

    @Test("explicit templates win over heuristics, first match first")
    func explicitTemplates() {
        let templater = EndpointTemplater(
            rules: .init(templates: [
                "/api/v2/accounts/{account}/contacts/{id}",
                "/api/v2/accounts/*/contacts/*",
                "/static/*",
                "/api/v2/accounts/{account}",
            ]))
        #expect(
            templater.template("/api/v2/accounts/acme/contacts/42?x=1", method: "GET")
                == "GET /api/v2/accounts/{account}/contacts/{id}")
        #expect(templater.template("/static/app.js", method: nil) == "/static/*")
        #expect(templater.template("/static/app.js/extra", method: nil) == "/static/app.js/extra")
        #expect(templater.template("//api/v2/accounts/acme/", method: "GET") == "GET /api/v2/accounts/{account}")
        #expect(templater.template("/api/v2/other/42", method: "GET") == "GET /api/v2/other/{id}")
    }

    @Test("heuristics can be switched off and limits changed")
    func toggles() {
        let off = EndpointTemplater(
            rules: .init(
                numericIDs: false, uuids: false, hexStrings: false, emails: false, tokens: false, dates: false,
                maxSegments: 2))
        #expect(off.template("/a/42/b/c", method: nil) == "/a/42/{…}")
        #expect(
            off.template("/x/3f2504e0-4f89-11d3-9a0c-0305e82c3301", method: nil)
                == "/x/3f2504e0-4f89-11d3-9a0c-0305e82c3301")
        let shortHex = EndpointTemplater(rules: .init(hexMinLength: 8))
        #expect(shortHex.template("/c/a1b2c3d4", method: nil) == "/c/{hex}")
    }

    @Test("very long paths use their own scratch memory")
    func longPath() {
        let path = "/" + Array(repeating: "segment", count: 2000).joined(separator: "/")
        let expected = "/" + Array(repeating: "segment", count: 12).joined(separator: "/") + "/{…}"
        #expect(EndpointTemplater().template(path, method: "GET") == "GET " + expected)
        let batch = parse(#"{"ts":1,"method":"GET","path":""# + path + #""}"#)
        #expect(batch.events.first.map { batch.string(for: $0.endpoint) } == "GET " + expected)
    }

    @Test(
        "the resource id is the last path segment of 1 to 18 digits, whatever the templating rules",
        arguments: [
            ("/api/v2/customers/48213/orders?id=77", Int64(48213)),
            ("/api/v2/customers/48213/orders/9", 9),
            ("/api/v2/orders/3f2504e0-4f89-11d3-9a0c-0305e82c3301", -1),
            ("/api/v2/accounts/C123456", -1),
            ("/files/1234567890123456789", -1),
            ("/files/123456789012345678", 123_456_789_012_345_678),
            ("https://crm.example.com/api/v2/leads/99?x", 99),
            ("/a/0042#7", 42),
            ("/1/2/3/4/5/6/7/8/9/10/11/12/13/x", 13),
            ("/1/2/3/4/5/6/7/8/9/10/11/12/x/y", 12),
            (#"\/api\/v2\/leads\/31"#, 31),
        ])
    func resourceIDs(path: String, expected: Int64) {
        let rules: [EndpointTemplater.Rules] = [
            .init(), .init(numericIDs: false, hexStrings: false), .init(templates: ["/api/v2/customers/*/orders"]),
        ]
        for rule in rules {
            let json = parse(#"{"ts":1,"method":"GET","path":""# + path + #""}"#, templater: EndpointTemplater(rules: rule))
            #expect(json.events.map(\.resourceID) == [expected], "\(path) with \(rule)")
        }
        guard !path.contains("\\") else { return }
        let combined = parse(
            #"10.0.0.1 - u [02/Mar/2026:00:00:00 +0000] "GET "# + path + #" HTTP/1.1" 200 10"#, format: .combined)
        #expect(combined.events.map(\.resourceID) == [expected], "\(path) in the Combined Log Format")
    }
}
