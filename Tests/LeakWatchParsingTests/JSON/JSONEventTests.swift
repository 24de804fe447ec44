import LeakWatchParsing
import Testing

@Suite("JSON events")
struct JSONEventTests {
    @Test("access event from log-formats.md, every field")
    func accessEvent() throws {
        let batch = parse(
            #"{"ts":"2026-03-02T14:03:11.204Z","method":"GET","path":"/api/v2/contacts?page=3","status":200,"bytes":187340,"records":200,"duration_ms":41.2,"principal":"svc-shopify-sync","src_ip":"10.4.7.21","ua":"shopify-connector/3.2","request_id":"req-00012345"}"#
        )
        #expect(batch.lines == 1)
        #expect(batch.errors.total == 0)
        let event = try #require(batch.events.first)
        #expect(event.timeMillis == 1_772_460_191_204)
        #expect(event.kind == .access)
        #expect(event.status == 200)
        #expect(event.bytes == 187_340)
        #expect(event.records == 200)
        #expect(event.syntheticRecords == 0)
        #expect(event.provenance == .undeclared)
        #expect(batch.text(event.endpoint) == "GET /api/v2/contacts")
        #expect(batch.text(event.principal) == "svc-shopify-sync")
        #expect(batch.text(event.sourceIP) == "10.4.7.21")
        #expect(!event.destination.isPresent)
        #expect(!event.jobID.isPresent)
        #expect(event.endpoint.hash == KeyHasher.hash("GET /api/v2/contacts"))
        #expect(event.principal.hash == KeyHasher.hash("svc-shopify-sync"))
    }

    @Test("synthetic access event from log-formats.md")
    func syntheticAccessEvent() throws {
        let batch = parse(
            #"{"ts":"2026-03-02T14:03:12.020Z","method":"POST","path":"/api/v2/leads","status":201,"bytes":5120,"records":25,"principal":"svc-marketing-ai","src_ip":"10.9.1.3","provenance":"synthetic","synthetic_records":25,"ai_model_version":"gen-4.1"}"#
        )
        let event = try #require(batch.events.first)
        #expect(event.timeMillis == 1_772_460_192_020)
        #expect(event.status == 201)
        #expect(event.bytes == 5120)
        #expect(event.records == 25)
        #expect(event.syntheticRecords == 25)
        #expect(event.provenance == .synthetic)
        #expect(batch.text(event.endpoint) == "POST /api/v2/leads")
        #expect(batch.text(event.principal) == "svc-marketing-ai")
        #expect(batch.text(event.sourceIP) == "10.9.1.3")
    }

    @Test("export event from log-formats.md, every field")
    func exportEvent() throws {
        let batch = parse(
            #"{"ts":"2026-03-03T02:00:05.000Z","job_id":"job-0000042","principal":"svc-dwh-etl","object":"Contact","destination":"s3://dwh-prod/crm/contacts/","records":201344,"synthetic_records":0,"bytes":96645120,"format":"parquet"}"#
        )
        #expect(batch.errors.total == 0)
        let event = try #require(batch.events.first)
        #expect(event.kind == .export)
        #expect(event.timeMillis == 1_772_503_205_000)
        #expect(event.records == 201_344)
        #expect(event.syntheticRecords == 0)
        #expect(event.bytes == 96_645_120)
        #expect(event.status == 0)
        #expect(batch.text(event.endpoint) == "export Contact")
        #expect(batch.text(event.destination) == "s3://dwh-prod/crm/contacts/")
        #expect(batch.text(event.principal) == "svc-dwh-etl")
        #expect(batch.text(event.jobID) == "job-0000042")
        #expect(!event.sourceIP.isPresent)
        #expect(event.destination.hash == KeyHasher.hash("s3://dwh-prod/crm/contacts/"))
    }

    @Test("export without object, and a source configured as export log")
    func exportVariants() throws {
        let batch = parse(#"{"ts":1772503205,"destination":"report://download","records":5}"#)
        let event = try #require(batch.events.first)
        #expect(event.kind == .export)
        #expect(batch.text(event.endpoint) == "export")

        var mapping = FieldMapping()
        mapping.kindOverride = .export
        let overridden = parse(#"{"ts":1772503205,"object":"Lead","records":7}"#, mapping: mapping)
        let exported = try #require(overridden.events.first)
        #expect(exported.kind == .export)
        #expect(overridden.text(exported.endpoint) == "export Lead")
        #expect(!exported.destination.isPresent)
    }

    @Test("provenance strings in any case; unknown ones are undeclared")
    func provenance() {
        let batch = parse(
            """
            {"ts":1,"path":"/a","provenance":"HUMAN"}
            {"ts":1,"path":"/a","provenance":"Mixed"}
            {"ts":1,"path":"/a","provenance":"synthetic"}
            {"ts":1,"path":"/a","provenance":"robot"}
            {"ts":1,"path":"/a","provenance":null}
            """)
        #expect(batch.events.map(\.provenance) == [.human, .mixed, .synthetic, .undeclared, .undeclared])
    }

    @Test("empty principal and null fields are absent")
    func absentValues() throws {
        let batch = parse(#"{"ts":1,"path":"/a","principal":"","src_ip":null,"status":null,"method":null}"#)
        let event = try #require(batch.events.first)
        #expect(!event.principal.isPresent)
        #expect(!event.sourceIP.isPresent)
        #expect(event.status == 0)
        #expect(batch.text(event.endpoint) == "/a")
    }

    @Test("nested mapping on a CloudTrail-like line")
    func nestedMapping() throws {
        var mapping = FieldMapping()
        mapping.set(.ts, path: "eventTime")
        mapping.set(.principal, path: "userIdentity.arn")
        mapping.set(.srcIP, path: "sourceIPAddress")
        mapping.set(.path, path: "eventName")
        mapping.set(.method, path: "")
        mapping.set(.bytes, path: "additionalEventData.bytesTransferredOut")
        let line =
            #"{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","principalId":"AIDA","arn":"arn:aws:iam::123456789123:user/pedro","sessionContext":{"attributes":{"mfaAuthenticated":"true"}}},"eventTime":"2020-09-14T00:44:20Z","eventSource":"s3.amazonaws.com","eventName":"GetObject","sourceIPAddress":"1.2.3.4","requestParameters":{"bucketName":"b","key":"ring.txt","list":[1,2,{"a":[]}]},"additionalEventData":{"bytesTransferredOut":5432.0,"x":null}}"#
        let batch = parse(line, mapping: mapping)
        #expect(batch.errors.total == 0)
        let event = try #require(batch.events.first)
        #expect(event.timeMillis == 1_600_044_260_000)
        #expect(batch.text(event.principal) == "arn:aws:iam::123456789123:user/pedro")
        #expect(batch.text(event.sourceIP) == "1.2.3.4")
        #expect(batch.text(event.endpoint) == "/GetObject")
        #expect(event.bytes == 5432)
        #expect(mapping.path(for: .principal) == ["userIdentity", "arn"])
    }

    @Test("a nested path whose parent is not an object is just absent")
    func nestedPathOnScalar() throws {
        var mapping = FieldMapping()
        mapping.set(.principal, path: "user.name")
        let batch = parse(#"{"ts":1,"path":"/a","user":"bob"}"#, mapping: mapping)
        let event = try #require(batch.events.first)
        #expect(!event.principal.isPresent)
    }

    @Test("two fields mapped to one key both get its value")
    func aliasedFields() throws {
        var mapping = FieldMapping()
        mapping.set(.principal, path: "actor")
        mapping.set(.object, path: "actor")
        mapping.kindOverride = .export
        let batch = parse(#"{"ts":1,"actor":"alice"}"#, mapping: mapping)
        let event = try #require(batch.events.first)
        #expect(batch.text(event.principal) == "alice")
        #expect(batch.text(event.endpoint) == "export alice")
    }

    @Test("unknown fields, nested arrays and objects are skipped")
    func skipping() throws {
        let line =
            #"{"a":{"b":[1,-2.5e+3,true,false,null,"x\"]}",{"c":{}}],"d":[]},"ts":"2026-03-02T14:03:11Z","e":[[[]]],"path":"/x","f":"}{][","status":"200","g":0}"#
        let batch = parse(line)
        #expect(batch.errors.total == 0)
        let event = try #require(batch.events.first)
        #expect(event.status == 200)
        #expect(batch.text(event.endpoint) == "/x")
    }

    @Test("whitespace between tokens, CRLF and blank lines")
    func whitespace() throws {
        let text = "\n  \r\n{ \"ts\" : 1700000000 , \"path\" :\t\"/a\" }\r\n\t\n"
        let batch = parse(text)
        #expect(batch.lines == 1)
        #expect(batch.events.count == 1)
        #expect(batch.events.first?.timeMillis == 1_700_000_000_000)
    }

    @Test("escapes, \\u and surrogate pairs are unescaped into the arena")
    func escapes() throws {
        let line =
            #"{"ts":1,"path":"\/api\/v2\/contacts\/42","principal":"a\"b\\c\/d\u00e9\ud83d\ude00\n","src_ip":"\ud800x","method":"g\u0065t"}"#
        let batch = parse(line)
        #expect(batch.errors.total == 0)
        let event = try #require(batch.events.first)
        #expect(batch.text(event.principal) == "a\"b\\c/dé😀\n")
        #expect(batch.text(event.sourceIP) == "\u{FFFD}x")
        #expect(batch.text(event.endpoint) == "GET /api/v2/contacts/{id}")
        #expect(event.principal.hash == KeyHasher.hash("a\"b\\c/dé😀\n"))
    }

    @Test(
        "numbers: integers, fractions truncate, digit strings",
        arguments: [
            (#""status":200,"bytes":10,"records":3"#, Int32(200), Int64(10), Int64(3)),
            (#""status":"404","bytes":"187340","records":"0""#, 404, 187_340, 0),
            (#""status":200.9,"bytes":1e3,"records":2.5E1"#, 200, 1000, 25),
            (#""bytes":"12.75""#, 0, 12, 0),
            // Digit runs shorter than, as long as and longer than the eight bytes the scanner reads at once.
            (#""status":2,"bytes":12345678,"records":123456789012"#, 2, 12_345_678, 123_456_789_012),
            (#""bytes":1234567.12345678,"records":9876543210.5e-3"#, 0, 1_234_567, 9_876_543),
        ])
    func numbers(fields: String, status: Int32, bytes: Int64, records: Int64) throws {
        let batch = parse(#"{"ts":1,"path":"/a","# + fields + "}")
        let event = try #require(batch.events.first)
        #expect(event.status == status)
        #expect(event.bytes == bytes)
        #expect(event.records == records)
    }


    @Test("counts of every length from 1 to 18 digits, with leading zeros, as numbers and digit strings, mid-line and last")
    func countsOfEveryLength() throws {
        var random = SystemRandomNumberGenerator()
        for length in 1...18 {
            for _ in 0..<40 {
                let digits = String((0..<length).map { _ in "0123456789".randomElement(using: &random)! })
                let value = try #require(Int64(digits))
                // The last field's digits end two bytes before the line does, so fewer than eight bytes follow them.
                for fields in [#""bytes":\#(digits),"records":1"#, #""bytes":"\#(digits)","records":1"#,
                               #""records":1,"bytes":\#(digits)"#, #""records":1,"bytes":"\#(digits)""#] {
                    let batch = parse(#"{"ts":1,"path":"/a","# + fields + "}")
                    let event = try #require(batch.events.first, "\(fields)")
                    #expect(event.bytes == value, "\(fields)")
                    #expect(event.records == 1, "\(fields)")
                }
            }
        }
    }

    @Test("a digit string with any other byte in it is not a count")
    func digitStringsWithOtherBytes() {
        for text in ["1a", "12345 78", "1234567x", "-1", "+12", "12.5.1", "1e", " 12"] {
            let batch = parse(#"{"ts":1,"path":"/a","bytes":"\#(text)","records":1}"#)
            #expect(batch.events.isEmpty, "\(text)")
            #expect(batch.errors.total == 1, "\(text)")
        }
    }
    @Test("a number for a string field is used as its text")
    func numericPrincipal() throws {
        let batch = parse(#"{"ts":1,"path":"/a","principal":12345}"#)
        #expect(batch.text(try #require(batch.events.first).principal) == "12345")
    }

    @Test("batches are reusable: removeAll keeps working")
    func reuse() {
        let parser = EventParser(format: .json)
        var batch = ParsedBatch()
        let text = Array(#"{"ts":1,"path":"/a/1","principal":"p"}"#.utf8) + [10]
        for _ in 0..<3 {
            batch.removeAll()
            text.withUnsafeBytes { parser.parse(lines: $0, into: &batch) }
            #expect(batch.events.count == 1)
            #expect(batch.string(for: batch.events[0].endpoint) == "/a/{id}")
            #expect(batch.string(for: batch.events[0].principal) == "p")
        }
    }

    @Test("lines of every length from short to several 32-byte blocks are split at their own newline")
    func lineLengths() {
        // Line ends fall on every offset within and across the 32-byte blocks the line search reads at once.
        let lines = (0..<100).map { length in
            "{\"ts\":\(length + 1),\"path\":\"/a\",\"principal\":\"" + String(repeating: "p", count: length + 1) + "\"}"
        }
        let batch = parse(lines.joined(separator: "\n"))
        #expect(batch.lines == 100)
        #expect(batch.errors.total == 0)
        #expect(batch.events.map(\.timeMillis) == (1...100).map { Int64($0) * 1000 })
        #expect(batch.events.map { batch.string(for: $0.principal).count } == Array(1...100))
    }

    @Test("parseAll and a final line without a newline")
    func parseAll() {
        let batch = EventParser.parseAll(
            format: .json, mapping: FieldMapping(), text: Array("{\"ts\":1,\"path\":\"/a\"}\n{\"ts\":2,\"path\":\"/b\"}".utf8))
        #expect(batch.lines == 2)
        #expect(batch.events.map(\.timeMillis) == [1000, 2000])
    }
}
