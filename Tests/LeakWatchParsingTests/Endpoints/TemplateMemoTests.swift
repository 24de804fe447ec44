import LeakWatchParsing
import Testing

/// Within one parse call, a request path seen before reuses its endpoint key instead of being templated again.
/// Whatever the order and mix of lines, every event must get the key (and resource id) it gets when its line is
/// parsed alone, where nothing is remembered.
@Suite struct TemplateMemoTests {
    static let methods = ["GET", "get", "POST", "DELETE", "", "PROPFINDX"]
    static let paths = [
        "/api/v2/reviews", "/api/v2/orders/12345", "/api/v2/orders/12346", "/api/v2/orders",
        "/api/v2/orders/b92841fb-6510-42a3-b67a-88d2f1f0c35b", "/api/v2/contacts/jane@example.com/notes",
        "/a", "/b", "//a//", "/", "https://shop.example/api/v2/orders/77", "http://other.example/api/v2/orders/77",
        "/api/v2/orders/12345/", "/x/1/y/2/z/3", "/api/v2/ORDERS/12345",
    ]
    static let suffixes = ["", "?page=2", "?product_id=27014", "#top", "?a=1#b"]

    /// Random request lines: three in four from a small pool, so that most paths come back many times; the rest
    /// from thousands of paths of one length (ids and words), which must share table entries.
    static func requests(count: Int) -> [(method: String, path: String)] {
        var generator = SystemRandomNumberGenerator()
        let letters = Array("abcdefghij")
        return (0..<count).map { _ in
            let method = methods[Int(generator.next() % UInt64(methods.count))]
            let suffix = suffixes[Int(generator.next() % UInt64(suffixes.count))]
            switch generator.next() % 8 {
            case 0:
                return (method, "/api/v2/orders/\(10_000 + generator.next() % 3_000)" + suffix)
            case 1:
                let word = String((0..<4).map { _ in letters[Int(generator.next() % 10)] })
                return (method, "/api/v2/items/\(word)/notes" + suffix)
            default:
                return (method, paths[Int(generator.next() % UInt64(paths.count))] + suffix)
            }
        }
    }

    static func jsonLine(method: String, path: String) -> String {
        let methodField = method.isEmpty ? "" : #""method":"\#(method)","#
        return #"{"ts":"2026-03-02T00:00:00Z",\#(methodField)"path":"\#(path)","principal":"p","src_ip":"10.0.0.1"}"#
    }

    static func combinedLine(method: String, path: String) -> String {
        let request = method.isEmpty ? path : "\(method) \(path) HTTP/1.1"
        return #"10.0.0.1 - alice [02/Mar/2026:00:00:00 +0000] "\#(request)" 200 512"#
    }

    /// Each event's endpoint text, hash and resource id.
    static func endpoints(_ batch: ParsedBatch) -> [String] {
        batch.events.map { "\(batch.string(for: $0.endpoint)) \($0.endpoint.hash) \($0.resourceID)" }
    }

    @Test(arguments: [LogFormat.json, .combined])
    func repeatedPathsGetTheKeysTheyGetAlone(format: LogFormat) {
        let requests = Self.requests(count: 6_000)
        let lines = requests.map {
            format == .json ? Self.jsonLine(method: $0.method, path: $0.path)
                : Self.combinedLine(method: $0.method, path: $0.path)
        }
        let together = EventParser.parseAll(format: format, text: Array(lines.joined(separator: "\n").utf8))
        let alone = lines.flatMap { Self.endpoints(EventParser.parseAll(format: format, text: Array($0.utf8))) }
        #expect(together.events.count == lines.count)
        let differing = zip(Self.endpoints(together), alone).filter { $0 != $1 }
        #expect(differing.count == 0, "\(differing.count) differ, first: \(String(describing: differing.first))")

        // The memo did its job: most events point at arena bytes an earlier event already used.
        var starts: Set<Int32> = []
        var reused = 0
        for event in together.events where !starts.insert(event.endpoint.start).inserted {
            reused += 1
        }
        // Three lines in four come from a pool of about 90 keys; table collisions evict some of them.
        #expect(reused > lines.count / 3)
    }

    @Test func aFailedLineDoesNotLeaveARememberedKeyBehind() {
        // The bad timestamp fails before templating; the lines around it must still get their own keys.
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
