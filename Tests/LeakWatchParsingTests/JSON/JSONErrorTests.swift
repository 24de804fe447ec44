import LeakWatchParsing
import Testing

@Suite("JSON lines that are skipped")
struct JSONErrorTests {
    @Test(
        "each line is counted under its reason",
        arguments: [
            (#"not json"#, ParseErrorReason.malformedJSON),
            (#"{"ts":1,"path":"/a""#, .malformedJSON),
            (#"{"ts":1,"path":"/a"} trailing"#, .malformedJSON),
            (#"{"ts":1,"path":"/a}"#, .malformedJSON),
            (#"{"ts":1,"path":"/a\q"}"#, .malformedJSON),
            (#"{"ts":1,"path":"\u12G4"}"#, .malformedJSON),
            (#"{"ts":1,,"path":"/a"}"#, .malformedJSON),
            (#"{"ts":1,"path":"/a",}"#, .malformedJSON),
            (#"{"ts":1 "path":"/a"}"#, .malformedJSON),
            (#"{"ts":1,"x":[1,2}"#, .malformedJSON),
            (#"{"ts":1,"x":tru}"#, .malformedJSON),
            (#"{"ts":1,"x":01a}"#, .malformedJSON),
            (#"{"ts":1,"x":-}"#, .malformedJSON),
            (#"{"ts":1,"x":1234567.}"#, .malformedJSON),
            (#"{"ts":1,"x":12345678e}"#, .malformedJSON),
            ("{\"ts\":1,\"x\":1234\u{E9}}", .malformedJSON),
            (#"["ts",1]"#, .malformedJSON),
            (#"{"path":"/a"}"#, .missingTimestamp),
            (#"{"ts":null,"path":"/a"}"#, .missingTimestamp),
            (#"{"ts":"yesterday","path":"/a"}"#, .invalidTimestamp),
            (#"{"ts":"2026-13-02T14:03:11Z","path":"/a"}"#, .invalidTimestamp),
            (#"{"ts":"2026-02-30T14:03:11Z","path":"/a"}"#, .invalidTimestamp),
            (#"{"ts":"2026-03-02T24:03:11Z","path":"/a"}"#, .invalidTimestamp),
            (#"{"ts":"2026-03-02T14:03:11+25:00","path":"/a"}"#, .invalidTimestamp),
            (#"{"ts":"2026-03-02T14:03:11Zjunk","path":"/a"}"#, .invalidTimestamp),
            (#"{"ts":-5,"path":"/a"}"#, .invalidTimestamp),
            (#"{"ts":true,"path":"/a"}"#, .invalidTimestamp),
            (#"{"ts":1}"#, .missingPath),
            (#"{"ts":1,"path":""}"#, .missingPath),
            (#"{"ts":1,"path":null}"#, .missingPath),
            (#"{"ts":1,"path":"/a","status":"OK"}"#, .invalidNumber),
            (#"{"ts":1,"path":"/a","bytes":true}"#, .invalidNumber),
            (#"{"ts":1,"path":"/a","records":-3}"#, .invalidNumber),
            (#"{"ts":1,"path":"/a","records":[1]}"#, .invalidNumber),
            (#"{"ts":1,"path":"/a","bytes":99999999999999999999999}"#, .invalidNumber),
            (#"{"ts":1,"path":"/a","status":4294967296}"#, .invalidNumber),
        ])
    func reason(line: String, reason: ParseErrorReason) {
        let batch = parse(line)
        #expect(batch.lines == 1)
        #expect(batch.events.isEmpty)
        #expect(singleError(batch) == reason)
        #expect(batch.arena.isEmpty, "a skipped line leaves nothing in the arena")
    }

    @Test("deep nesting is refused instead of recursing without bound")
    func deepNesting() {
        let deep = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        let batch = parse(#"{"ts":1,"path":"/a","x":"# + deep + "}")
        #expect(singleError(batch) == .malformedJSON)
    }

    @Test("good and bad lines mixed: every non-blank line is an event or an error")
    func mixed() {
        let batch = parse(
            """
            {"ts":1,"path":"/a"}
            garbage

            {"ts":2}
            {"ts":3,"path":"/b"}
            """)
        #expect(batch.lines == 4)
        #expect(batch.events.count == 2)
        #expect(batch.errors[.malformedJSON] == 1)
        #expect(batch.errors[.missingPath] == 1)
        #expect(batch.events.count + Int(batch.errors.total) == Int(batch.lines))
    }
}
