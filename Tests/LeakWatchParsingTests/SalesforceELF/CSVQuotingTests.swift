import LeakWatchParsing
import Testing

@Suite("EventLogFile CSV quoting (RFC 4180)")
struct CSVQuotingTests {
    static let header = #""EVENT_TYPE","TIMESTAMP","USER_ID","URI","CLIENT_IP""#

    func parseELF(_ rows: String) -> ParsedBatch {
        EventParser.parseAll(format: .salesforceELF, text: Array((Self.header + "\n" + rows).utf8))
    }

    @Test("doubled quotes, embedded commas and an embedded newline stay inside their field")
    func quotedFields() throws {
        let batch = parseELF(
            "\"API\",\"20150726222419.439\",\"005\"\"x, y\"\"\",\"Api\",\"1.2.3.4\"\n"
                + "\"API\",\"20150726222419.439\",\"line one\nline two\",\"Api\",\"5.6.7.8\"\r\n")
        #expect(batch.lines == 2)
        #expect(batch.errors.total == 0)
        #expect(batch.events.count == 2)
        #expect(batch.text(batch.events[0].principal) == #"005"x, y""#)
        #expect(batch.text(batch.events[0].sourceIP) == "1.2.3.4")
        #expect(batch.text(batch.events[1].principal) == "line one\nline two")
        #expect(batch.text(batch.events[1].sourceIP) == "5.6.7.8")
    }

    @Test("unquoted fields, empty fields and CRLF line ends")
    func unquoted() throws {
        let batch = parseELF("API,20150726222419.439,,Api,\r\n\r\n")
        let event = try #require(batch.events.first)
        #expect(batch.lines == 1)
        #expect(!event.principal.isPresent && !event.sourceIP.isPresent)
        #expect(batch.text(event.endpoint) == "API Api")
    }

    @Test(
        "broken records are counted as malformed_csv and the next record is still read",
        arguments: [
            "\"API\",\"20150726222419.439\",\"u\"x,\"Api\",\"1.2.3.4\"\n",  // bytes after a closing quote
            "\"API\",\"20150726222419.439\",\"u\",\"Api\"\n",  // a field missing
            "\"API\",\"20150726222419.439\",\"u\",\"Api\",\"1.2.3.4\",\"extra\"\n",  // a field too many
        ])
    func malformed(row: String) {
        let batch = parseELF(row + "\"API\",\"20150726222419.439\",\"ok\",\"Api\",\"1.2.3.4\"\n")
        #expect(batch.lines == 2)
        #expect(batch.errors[.malformedCSV] == 1)
        #expect(batch.events.count == 1)
        #expect(batch.events.first.map { batch.text($0.principal) } == "ok")
    }

    @Test("an unterminated quote runs to the end of the text and counts once")
    func unterminated() {
        let batch = parseELF("\"API\",\"20150726222419.439\",\"ok\",\"Api\",\"1.2.3.4\"\n\"API\",\"2015\n\"API\"\n")
        #expect(batch.events.count == 1)
        #expect(batch.lines == 2)
        #expect(batch.errors[.malformedCSV] == 1)
        #expect(batch.errors.total == 1)
    }

    @Test("records without a header are malformed; repeated header rows are skipped, not counted")
    func headers() {
        let row = "\"API\",\"20150726222419.439\",\"u\",\"Api\",\"1.2.3.4\"\n"
        let headless = EventParser.parseAll(format: .salesforceELF, text: Array(row.utf8))
        #expect(headless.errors[.malformedCSV] == 1)
        #expect(headless.events.isEmpty)

        let columns = ELFColumns(header: Self.header)
        let withColumns = EventParser.parseAll(format: .salesforceELF, csvColumns: columns, text: Array(row.utf8))
        #expect(withColumns.events.count == 1)

        let repeated = parseELF(row + Self.header + "\n" + row)
        #expect(repeated.events.count == 2)
        #expect(repeated.lines == 2)
        #expect(repeated.errors.total == 0)
    }

    @Test("a byte-order mark before the header is skipped")
    func byteOrderMark() {
        let text = [0xEF, 0xBB, 0xBF] + Array((Self.header + "\n\"API\",\"20150726222419.439\",\"u\",\"Api\",\"\"\n").utf8)
        #expect(EventParser.parseAll(format: .salesforceELF, text: text).events.count == 1)
        #expect(text.withUnsafeBytes { FormatDetector.detect($0) } == .salesforceELF)
    }
}
