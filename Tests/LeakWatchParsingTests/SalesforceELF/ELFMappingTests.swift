import LeakWatchParsing
import Testing

@Suite("EventLogFile field mapping by event type")
struct ELFMappingTests {
    func parseELF(_ header: String, _ row: String) -> ParsedBatch {
        EventParser.parseAll(format: .salesforceELF, text: Array((header + "\n" + row + "\n").utf8))
    }

    @Test("API: METHOD_NAME and ENTITY_NAME name the endpoint; RESPONSE_SIZE and ROWS_PROCESSED are read")
    func api() throws {
        let batch = parseELF(
            #""EVENT_TYPE","TIMESTAMP","USER_ID","CLIENT_IP","URI","REQUEST_STATUS","METHOD_NAME","ENTITY_NAME","ROWS_PROCESSED","RESPONSE_SIZE""#,
            #""API","20150726222431.343","0053000000Ank29","204.14.239.55","Api","S","query","Contact","2000","549""#)
        let event = try #require(batch.events.first)
        #expect(event.timeMillis == 1_437_949_471_343)
        #expect(batch.text(event.endpoint) == "API query Contact")
        #expect(batch.text(event.principal) == "0053000000Ank29")
        #expect(batch.text(event.sourceIP) == "204.14.239.55")
        #expect(event.records == 2_000)
        #expect(event.bytes == 549)
        #expect(event.status == 200)
        #expect(event.kind == .access)
    }

    @Test("RestApi: the URI is templated (record ids become {id}) after the event type and METHOD")
    func restApi() throws {
        let batch = parseELF(
            #""EVENT_TYPE","TIMESTAMP","USER_ID","CLIENT_IP","URI","METHOD","STATUS_CODE","ROWS_PROCESSED","RESPONSE_SIZE""#,
            #""RestApi","20150726091730.171","0053000000ALCw8","10.226.112.71","/services/data/v33.0/sobjects/EventLogFile/0AT300000000YUNGA2/LogFile?x=1","GET","404","","102993""#)
        let event = try #require(batch.events.first)
        #expect(batch.text(event.endpoint) == "RestApi GET /services/data/v33.0/sobjects/EventLogFile/{id}/LogFile")
        #expect(event.status == 404)
        #expect(event.records == 0)
        #expect(event.bytes == 102_993)
    }

    @Test("BulkApi and BulkApi2: OPERATION_TYPE and ENTITY_TYPE, with the rows processed")
    func bulkApi() throws {
        for type in ["BulkApi", "BulkApi2"] {
            let batch = parseELF(
                #""EVENT_TYPE","TIMESTAMP","USER_ID","CLIENT_IP","URI","JOB_ID","ROWS_PROCESSED","ENTITY_TYPE","OPERATION_TYPE""#,
                "\"\(type)\",\"20150726091731.583\",\"0053000000ALCw8\",\"\",\"BULKAPI-LOG\",\"750300000010DJu\",\"45000\",\"Account\",\"query\"")
            let event = try #require(batch.events.first)
            #expect(batch.text(event.endpoint) == "\(type) query Account")
            #expect(event.records == 45_000)
            #expect(event.timeMillis == 1_437_902_251_583)
            #expect(!event.sourceIP.isPresent)
        }
    }

    @Test(
        "Login: endpoint Login; LOGIN_STATUS or REQUEST_STATUS says whether it failed",
        arguments: [
            ("LOGIN_NO_ERROR", "", Int32(200)),
            ("LOGIN_ERROR_INVALID_PASSWORD", "", 401),
            ("", "F", 401),
            ("", "S", 200),
            ("", "", 0),
        ])
    func login(loginStatus: String, requestStatus: String, expected: Int32) throws {
        let batch = parseELF(
            #""EVENT_TYPE","TIMESTAMP","USER_ID","CLIENT_IP","URI","REQUEST_STATUS","LOGIN_STATUS","USER_NAME""#,
            "\"Login\",\"20150726000001.397\",\"0053000000Ank29\",\"10.245.69.138\",\"/index.jsp\",\"\(requestStatus)\",\"\(loginStatus)\",\"ak@at.com\"")
        let event = try #require(batch.events.first)
        #expect(batch.text(event.endpoint) == "Login")
        #expect(event.status == expected)
        #expect(event.timeMillis == 1_437_868_801_397)
        #expect(batch.text(event.principal) == "0053000000Ank29")
    }

    @Test("ReportExport: an export event by its principal, endpoint from the report URI, no row count")
    func reportExport() throws {
        let batch = parseELF(
            #""EVENT_TYPE","TIMESTAMP","REQUEST_ID","USER_ID","CLIENT_IP","URI","CLIENT_INFO","REPORT_DESCRIPTION","TIMESTAMP_DERIVED""#,
            #""ReportExport","","4exLFFQZ1234","0055000000ABCDE","96.43.144.26","/00O50000003Xyz1","Mozilla/5.0","All ""Open"" Leads, by owner","2024-02-29T23:59:59.999Z""#)
        let event = try #require(batch.events.first)
        #expect(event.kind == .export)
        #expect(batch.text(event.endpoint) == "ReportExport /00O50000003Xyz1")
        #expect(batch.text(event.principal) == "0055000000ABCDE")
        #expect(event.records == 0)
        #expect(event.timeMillis == 1_709_251_199_999)  // from TIMESTAMP_DERIVED: TIMESTAMP is empty
    }

    @Test("other event types use their common columns: QueuedExecution names its URI, UITracking only its type")
    func otherTypes() throws {
        let queued = parseELF(
            #""EVENT_TYPE","TIMESTAMP","USER_ID","CLIENT_IP","URI","REQUEST_STATUS""#,
            #""QueuedExecution","20150726090002.879","005300000096CRf","","BatchApexJobHandler","""#)
        #expect(queued.events.first.map { queued.text($0.endpoint) } == "QueuedExecution BatchApexJobHandler")
        let tracking = parseELF(#""EVENT_TYPE","TIMESTAMP","USER_ID","CLIENT_IP""#, #""UITracking","20150730160650.723","u","70.197.8.76""#)
        #expect(tracking.events.first.map { tracking.text($0.endpoint) } == "UITracking")
    }

    @Test(
        "bad values are counted by reason",
        arguments: [
            (#""API","2015-07-26","u","1","x""#, ParseErrorReason.invalidTimestamp),
            (#""API","","u","1","x""#, .missingTimestamp),
            (#""API","20150726222431.343","u","many","x""#, .invalidNumber),
            (#""API","20150726222431.343","u","-3","x""#, .invalidNumber),
            (#""","20150726222431.343","u","1","x""#, .missingPath),
        ])
    func badValues(row: String, reason: ParseErrorReason) {
        let batch = parseELF(#""EVENT_TYPE","TIMESTAMP","USER_ID","ROWS_PROCESSED","URI""#, row)
        #expect(batch.events.isEmpty)
        #expect(batch.errors[reason] == 1)
        #expect(batch.errors.total == 1)
        #expect(batch.arena.isEmpty)
    }

    @Test("Salesforce timestamps: with and without a fraction, and impossible dates refused")
    func timestamps() {
        func time(_ value: String) -> Int64? {
            let batch = parseELF(#""EVENT_TYPE","TIMESTAMP""#, "\"API\",\"\(value)\"")
            return batch.events.first?.timeMillis
        }
        #expect(time("20150726222419.439") == 1_437_949_459_439)
        #expect(time("20150726222419") == 1_437_949_459_000)
        #expect(time("20150726222419.4") == 1_437_949_459_400)
        #expect(time("20240229235959.999") == 1_709_251_199_999)
        #expect(time("20230229000000.000") == nil)
        #expect(time("20150726222419.") == nil)
        #expect(time("2015072622241") == nil)
    }
}
