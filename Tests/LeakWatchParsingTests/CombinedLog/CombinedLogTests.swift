import LeakWatchParsing
import Testing

@Suite("Combined Log Format")
struct CombinedLogTests {
    @Test("a combined line, every field")
    func combined() throws {
        let batch = parse(
            #"83.149.9.216 - - [17/May/2015:10:05:43 +0000] "GET /presentations/logstash-monitorama-2013/images/kibana-dashboard3.png HTTP/1.1" 200 171717 "http://semicomplete.com/presentations/logstash-monitorama-2013/" "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_1)""#,
            format: .combined)
        #expect(batch.errors.total == 0)
        let event = try #require(batch.events.first)
        #expect(event.timeMillis == 1_431_857_143_000)
        #expect(event.status == 200)
        #expect(event.bytes == 171_717)
        #expect(event.kind == .access)
        #expect(event.records == 0)
        #expect(
            batch.text(event.endpoint) == "GET /presentations/logstash-monitorama-2013/images/kibana-dashboard3.png")
        #expect(batch.text(event.sourceIP) == "83.149.9.216")
        #expect(!event.principal.isPresent)
    }

    @Test("user becomes the principal, size - is 0, plain Common Log Format")
    func common() throws {
        let batch = parse(#"10.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "POST /api/v2/leads/123 HTTP/1.0" 201 -"#, format: .combined)
        let event = try #require(batch.events.first)
        #expect(batch.text(event.principal) == "frank")
        #expect(event.bytes == 0)
        #expect(event.status == 201)
        #expect(batch.text(event.endpoint) == "POST /api/v2/leads/{id}")
    }

    @Test("lines wrapped in an extra pair of quotes, with escaped quotes inside")
    func wrapped() throws {
        let batch = parse(
            #""192.168.4.25 - - [22/Dec/2016:16:36:48 +0300] "POST /index.php/component/users/?task=1'\" HTTP/1.1" 200 2736 "http://192.168.4.161/DVWA" "Mozilla/5.0 (Windows NT 6.1; WOW64)"""#,
            format: .combined)
        #expect(batch.errors.total == 0)
        let event = try #require(batch.events.first)
        #expect(batch.text(event.endpoint) == "POST /index.php/component/users")
        #expect(batch.text(event.sourceIP) == "192.168.4.25")
        #expect(event.bytes == 2736)
    }

    /// Fields are found eight bytes at a time: an escape, a field end or a line end at any offset within a word
    /// must be found where a byte-by-byte scan finds it.
    @Test("escapes and field ends at every offset", arguments: 0..<20)
    func offsets(length: Int) throws {
        let pad = String(repeating: "a", count: length)
        let line = "10.0.\(length).1 - user\(pad) [17/May/2015:10:05:43 +0000] \"GET /p\(pad)\\\"q/x\\\\ HTTP/1.1\" "
            + "200 \(length) \"-\" \"agent\(pad)\\\"\\\\\""
        let batch = parse(line, format: .combined)
        #expect(batch.errors.total == 0)
        let event = try #require(batch.events.first)
        #expect(batch.text(event.sourceIP) == "10.0.\(length).1")
        #expect(batch.text(event.principal) == "user\(pad)")
        #expect(event.bytes == Int64(length))
        #expect(event.timeMillis == 1_431_857_143_000)
        // An unterminated agent makes the line malformed wherever its last escape falls.
        let cut = parse(String(line.dropLast()), format: .combined)
        #expect(singleError(cut) == .malformedCombinedLog)
    }

    /// Lines without a backslash have their quotes mapped at once: quoted fields that end on every position of a
    /// map word, a field left open, and lines longer than the map (read without it) must read as before.
    @Test("quoted fields end at every position of the quote map", arguments: [0, 1, 60, 61, 62, 63, 64, 65, 130, 4_100])
    func quoteMapOffsets(length: Int) throws {
        let pad = String(repeating: "a", count: length)
        let line = #"10.0.0.1 - u [17/May/2015:10:05:43 +0000] "GET /p"# + pad + #" HTTP/1.1" 200 7 "-" "agent"# + pad + #"""#
        let batch = parse(line, format: .combined)
        #expect(batch.errors.total == 0)
        let event = try #require(batch.events.first)
        #expect(event.bytes == 7)
        #expect(batch.text(event.principal) == "u")
        #expect(batch.text(event.endpoint)?.hasPrefix("GET /") == true)
        #expect(singleError(parse(String(line.dropLast()), format: .combined)) == .malformedCombinedLog)
        let openRequest = #"10.0.0.1 - u [17/May/2015:10:05:43 +0000] "GET /p"# + pad + " HTTP/1.1 200 7"
        #expect(singleError(parse(openRequest, format: .combined)) == .malformedCombinedLog)
    }

    @Test(
        "odd request lines do not crash",
        arguments: [
            (#""GET /a\"b HTTP/1.1""#, "GET /a\\\"b"),
            (#""/only/a/path""#, "/only/a/path"),
            (#""\x16\x03\x01\x00\xa5\x01""#, "/\\x16\\x03\\x01\\x00\\xa5\\x01"),
            (#""NETSPARKER /DVWA/ HTTP/1.1""#, "NETSPARKER /DVWA"),
            (#""GET http://example.com/x?y HTTP/1.1""#, "GET /x"),
        ])
    func oddRequests(request: String, endpoint: String) throws {
        let batch = parse(#"1.2.3.4 - - [17/May/2015:10:05:43 +0000] "# + request + #" 400 0 "-" "-""#, format: .combined)
        #expect(batch.errors.total == 0)
        #expect(batch.text(try #require(batch.events.first).endpoint) == endpoint)
    }

    @Test(
        "skipped lines",
        arguments: [
            (#"1.2.3.4 - - [17/May/2015:10:05:43 +0000] "GET / HTTP/1.1" 200 1 "-" "agent"#, ParseErrorReason.malformedCombinedLog),
            (#"1.2.3.4 - - [17/May/2015:10:05:43 +0000] "GET / HTTP/1.1 200 1"#, .malformedCombinedLog),
            (#"1.2.3.4 - - 17/May/2015:10:05:43 +0000 "GET / HTTP/1.1" 200 1"#, .malformedCombinedLog),
            (#"1.2.3.4 - - [17/May/2015:10:05:43 +0000] "GET / HTTP/1.1" OK 1"#, .malformedCombinedLog),
            (#"1.2.3.4 - - [17/May/2015:10:05:43 +0000] "GET / HTTP/1.1" 200 many"#, .malformedCombinedLog),
            (#"{"ts":1,"path":"/a"}"#, .malformedCombinedLog),
            (#"1.2.3.4 - - [17/May/2015:10:05:43 +0000] "-" 408 0 "-" "-""#, .missingPath),
            (#"1.2.3.4 - - [17/May/2015:10:05:99 +0000] "GET / HTTP/1.1" 200 1"#, .invalidTimestamp),
        ])
    func skipped(line: String, reason: ParseErrorReason) {
        let batch = parse(line, format: .combined)
        #expect(batch.lines == 1)
        #expect(singleError(batch) == reason)
        #expect(batch.arena.isEmpty)
    }
}
