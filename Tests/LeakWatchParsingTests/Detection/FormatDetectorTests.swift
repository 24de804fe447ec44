import LeakWatchParsing
import Testing

@Suite("Format detection")
struct FormatDetectorTests {
    func detect(_ text: String) -> LogFormat? {
        Array(text.utf8).withUnsafeBytes { FormatDetector.detect($0) }
    }

    @Test("JSON lines")
    func json() {
        #expect(detect("{\"ts\":1,\"path\":\"/a\"}\n\n{\"a\":[1,{}]}\n") == .json)
    }

    @Test("combined, common and quote-wrapped lines")
    func combined() {
        let text = """
            83.149.9.216 - - [17/May/2015:10:05:43 +0000] "GET / HTTP/1.1" 200 171717 "-" "agent"
            10.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /a HTTP/1.0" 200 2326
            "192.168.4.25 - - [22/Dec/2016:16:30:52 +0300] "POST /a HTTP/1.1" 303 382 "-" "Mozilla""

            """
        #expect(detect(text) == .combined)
    }

    @Test("majority wins; nothing recognisable gives nil")
    func majority() {
        let mixed = """
            {"ts":1}
            1.2.3.4 - - [17/May/2015:10:05:43 +0000] "GET / HTTP/1.1" 200 1
            1.2.3.4 - - [17/May/2015:10:05:43 +0000] "GET / HTTP/1.1" 200 1
            garbage

            """
        #expect(detect(mixed) == .combined)
        #expect(detect("hello\nworld\n") == nil)
        #expect(detect("") == nil)
    }

    @Test("only the first 20 non-empty lines count, and a cut-off last line is ignored")
    func sampleLimit() {
        let combinedLine = #"1.2.3.4 - - [17/May/2015:10:05:43 +0000] "GET / HTTP/1.1" 200 1"#
        let text = Array(repeating: combinedLine, count: 20).joined(separator: "\n") + "\n"
            + Array(repeating: "{\"a\":1}", count: 30).joined(separator: "\n") + "\n"
        #expect(detect(text) == .combined)
        #expect(detect("{\"a\":1}\n1.2.3.4 - - [17/May/20") == .json)
    }
}
