import LeakWatchParsing
import Testing

/// Within one parse call, a key seen before (a principal, a source address, an endpoint whose request path comes
/// back) reuses its arena bytes and hash instead of being written again. Whatever the order and mix of lines,
/// every event must get the keys (and resource id) it gets when its line is parsed alone, where nothing is
/// remembered. A new path of a remembered shape (the same method and path before a last segment that becomes the same
/// placeholder) reuses the shape's key, with its own resource id.
@Suite struct KeyMemoTests {
    static let methods = ["GET", "get", "POST", "DELETE", "", "PROPFINDX"]
    static let paths = [
        "/api/v2/reviews", "/api/v2/orders/12345", "/api/v2/orders/12346", "/api/v2/orders",
        "/api/v2/orders/b92841fb-6510-42a3-b67a-88d2f1f0c35b", "/api/v2/contacts/jane@example.com/notes",
        "/a", "/b", "//a//", "/", "https://shop.example/api/v2/orders/77", "http://other.example/api/v2/orders/77",
        "/api/v2/orders/12345/", "/x/1/y/2/z/3", "/api/v2/ORDERS/12345",
        // Shapes: one prefix, every placeholder; ids before the last segment; the segment limit; odd slashes.
        "/api/v2/orders/b92841fb-6510-42a3-b67a-88d2f1f0c35c", "/api/v2/orders/deadbeefdeadbeef01",
        "/api/v2/orders/jane@example.com", "/api/v2/orders/2026-03-02", "/api/v2/orders/C123456",
        "/api/v2/orders/aB3dE5gH7jK9mN1pQ3sT5vW7", "/api/v2/orders/open", "/api/v2/customers/48213/orders/991",
        "/api/v2/customers/48214/orders/991", "/api/v2/customers/48213/orders/b92841fb-6510-42a3-b67a-88d2f1f0c35b",
        "/a/b/c/d/e/f/g/h/i/j/k/77", "/a/b/c/d/e/f/g/h/i/j/k/78", "/a/b/c/d/e/f/g/h/i/j/k/l/77",
        "/a/b/c/d/e/f/g/h/i/j/k/l/78", "/1/2/3/4/5/6/7/8/9/10/11/12/13/14", "//api//v2//orders//12345", "12345",
        "/12345", "/api/v2/orders/12345//", "https://shop.example/api/v2/orders/b92841fb-6510-42a3-b67a-88d2f1f0c35b",
    ]
    static let suffixes = ["", "?page=2", "?product_id=27014", "#top", "?a=1#b"]
    /// Principals and source addresses; some equal each other, a path or a method, which must not matter.
    static let names = ["svc-erp", "svc-shop", "alice", "10.0.0.1", "10.0.0.2", "/a", "GET", "x", "svc-erp-orders"]

    /// Random request lines: three in four from a small pool, so that most paths come back many times; the rest
    /// from thousands of paths of one length (ids and words), which must share table entries.
    static func requests(count: Int) -> [(method: String, path: String, principal: String, source: String)] {
        var generator = SystemRandomNumberGenerator()
        let letters = Array("abcdefghij")
        return (0..<count).map { _ in
            let method = methods[Int(generator.next() % UInt64(methods.count))]
            let suffix = suffixes[Int(generator.next() % UInt64(suffixes.count))]
            let principal = generator.next() % 4 == 0
                ? "user-\(generator.next() % 5_000)" : names[Int(generator.next() % UInt64(names.count))]
            let source = generator.next() % 4 == 0
                ? "10.9.\(generator.next() % 256).\(generator.next() % 256)"
                : names[Int(generator.next() % UInt64(names.count))]
            let path: String
            switch generator.next() % 10 {
            case 0:
                path = "/api/v2/orders/\(10_000 + generator.next() % 3_000)" + suffix
            case 8:
                path = "/api/v2/customers/\(generator.next() % 50)/orders/\(Self.uuid(&generator))" + suffix
            case 9:
                path = "/api/v2/cases/\(generator.next() % 50)/\(generator.next() % 50)" + suffix
            case 1:
                let word = String((0..<4).map { _ in letters[Int(generator.next() % 10)] })
                path = "/api/v2/items/\(word)/notes" + suffix
            default:
                path = paths[Int(generator.next() % UInt64(paths.count))] + suffix
            }
            return (method, path, principal, source)
        }
    }

    /// A random UUID in the `8-4-4-4-12` form.
    static func uuid(_ generator: inout some RandomNumberGenerator) -> String {
        let hex = Array("0123456789abcdef")
        return [8, 4, 4, 4, 12].map { count in String((0..<count).map { _ in hex[Int(generator.next() % 16)] }) }
            .joined(separator: "-")
    }

    static func jsonLine(method: String, path: String, principal: String = "p", source: String = "10.0.0.1") -> String {
        let methodField = method.isEmpty ? "" : #""method":"\#(method)","#
        return #"{"ts":"2026-03-02T00:00:00Z",\#(methodField)"path":"\#(path)","principal":"\#(principal)","#
            + #""src_ip":"\#(source)"}"#
    }

    static func combinedLine(method: String, path: String, principal: String, source: String) -> String {
        let request = method.isEmpty ? path : "\(method) \(path) HTTP/1.1"
        return #"\#(source) - \#(principal) [02/Mar/2026:00:00:00 +0000] "\#(request)" 200 512"#
    }

    /// Each event's keys (text and hash) and resource id.
    static func keys(_ batch: ParsedBatch) -> [String] {
        batch.events.map { event in
            [event.endpoint, event.principal, event.sourceIP].map { "\(batch.string(for: $0)) \($0.hash)" }
                .joined(separator: " | ") + " \(event.resourceID)"
        }
    }

    @Test(arguments: [LogFormat.json, .combined])
    func repeatedKeysAreTheKeysTheirLinesGetAlone(format: LogFormat) {
        let requests = Self.requests(count: 6_000)
        let lines = requests.map { request in
            format == .json
                ? Self.jsonLine(
                    method: request.method, path: request.path, principal: request.principal, source: request.source)
                : Self.combinedLine(
                    method: request.method, path: request.path, principal: request.principal, source: request.source)
        }
        let together = EventParser.parseAll(format: format, text: Array(lines.joined(separator: "\n").utf8))
        let alone = lines.flatMap { Self.keys(EventParser.parseAll(format: format, text: Array($0.utf8))) }
        #expect(together.events.count == lines.count)
        let differing = zip(Self.keys(together), alone).filter { $0 != $1 }
        #expect(differing.count == 0, "\(differing.count) differ, first: \(String(describing: differing.first))")

        // The memo did its job: most keys point at arena bytes an earlier key already used.
        var starts: Set<Int32> = []
        var reused = 0
        for event in together.events {
            for key in [event.endpoint, event.principal, event.sourceIP] where !starts.insert(key.start).inserted {
                reused += 1
            }
        }
        // Three keys in four come from small pools; table collisions evict some of them.
        #expect(reused > lines.count)
    }

    /// Other templating rules change which paths share a shape: explicit templates (no shapes at all), a low
    /// segment limit, ids kept as they are.
    @Test(arguments: [
        EndpointTemplater.Rules(templates: ["/api/v2/orders/{order}", "/api/v2/customers/*/orders/{id}"]),
        EndpointTemplater.Rules(maxSegments: 3), EndpointTemplater.Rules(numericIDs: false, uuids: false),
    ])
    func shapesFollowTheTemplatingRules(rules: EndpointTemplater.Rules) {
        let parser = EventParser(format: .json, templater: EndpointTemplater(rules: rules))
        func parse(_ text: String) -> ParsedBatch {
            var batch = ParsedBatch()
            Array(text.utf8).withUnsafeBytes { parser.parse(lines: $0, into: &batch) }
            return batch
        }
        let lines = Self.requests(count: 3_000).map { Self.jsonLine(method: $0.method, path: $0.path) }
        let together = parse(lines.joined(separator: "\n"))
        let alone = lines.flatMap { Self.keys(parse($0)) }
        #expect(together.events.count == lines.count)
        let differing = zip(Self.keys(together), alone).filter { $0 != $1 }
        #expect(differing.count == 0, "\(differing.count) differ, first: \(String(describing: differing.first))")
    }

    @Test func aNewPathOfAKnownShapeReusesItsKey() {
        let paths = ["/api/v2/orders/1", "/api/v2/orders/2", "/api/v2/orders/b92841fb-6510-42a3-b67a-88d2f1f0c35b",
                     "/api/v2/orders/c92841fb-6510-42a3-b67a-88d2f1f0c35b", "/api/v2/customers/7/orders/3f",
                     "/api/v2/customers/7/orders/c92841fb-6510-42a3-b67a-88d2f1f0c35b"]
        let text = paths.map { Self.jsonLine(method: "GET", path: $0) }.joined(separator: "\n")
        let batch = EventParser.parseAll(format: .json, text: Array(text.utf8))
        #expect(batch.events.map { batch.string(for: $0.endpoint) } == [
            "GET /api/v2/orders/{id}", "GET /api/v2/orders/{id}", "GET /api/v2/orders/{uuid}",
            "GET /api/v2/orders/{uuid}", "GET /api/v2/customers/{id}/orders/3f",
            "GET /api/v2/customers/{id}/orders/{uuid}",
        ])
        #expect(batch.events.map(\.resourceID) == [1, 2, -1, -1, 7, 7])
        // The second path of each shape points at the first one's bytes.
        let starts = batch.events.map(\.endpoint.start)
        #expect(starts[1] == starts[0] && starts[3] == starts[2])
    }

    @Test func linesAroundAFailedLineKeepTheirKeys() {
        // The bad timestamp fails before any key is written (no line fails after writing keys today; the parser
        // clears the memo if one ever does); the lines around it, repeats included, must still get their own keys.
        let lines = [
            Self.jsonLine(method: "GET", path: "/api/v2/orders/1"),
            #"{"ts":"yesterday","method":"GET","path":"/api/v2/reviews","principal":"p"}"#,
            Self.jsonLine(method: "GET", path: "/api/v2/reviews"),
            Self.jsonLine(method: "GET", path: "/api/v2/orders/1"),
        ]
        let batch = EventParser.parseAll(format: .json, text: Array(lines.joined(separator: "\n").utf8))
        #expect(batch.events.map { batch.string(for: $0.endpoint) }
            == ["GET /api/v2/orders/{id}", "GET /api/v2/reviews", "GET /api/v2/orders/{id}"])
        #expect(batch.events.map(\.resourceID) == [1, -1, 1])
    }
}
