import LeakWatchParsing
import Testing

/// The real EventLogFile and CloudTrail samples in `../shared/datasets/real-logs` (see each folder's SOURCES.md).
///
/// Expected figures were computed independently with Python's `csv.DictReader` and `json.loads` (rows, sum of
/// `ROWS_PROCESSED` and `RESPONSE_SIZE`, distinct `USER_ID` and non-empty `CLIENT_IP`; events, sum of
/// `additionalEventData.bytesTransferredOut`, events of the stolen key): every row parses in both tools.
@Suite("Real EventLogFile and CloudTrail files", .enabled(if: RealLogs.available, "shared/datasets/real-logs not found"))
struct RealELFAndCloudTrailTests {
    @Test(
        "every EventLogFile row is parsed, with the sums Python's csv module gives",
        arguments: [
            ("API_2015-07-26.csv", 4, Int64(0), Int64(310_272), 1, 1),
            ("BulkApi_2015-07-26.csv", 4, 144, 0, 1, 0),
            ("Login_2015-07-26.csv", 1_466, 0, 0, 3, 376),
            ("QueuedExecution_2015-07-26.csv", 1, 0, 0, 1, 0),
            ("RestApi_2015-07-26.csv", 308, 575, 129_341_744, 2, 2),
            ("UITracking_2015-07-30.csv", 30, 0, 0, 1, 3),
        ])
    func eventLogFiles(file: String, rows: Int, records: Int64, bytes: Int64, principals: Int, sources: Int) throws {
        let text = try RealLogs.load("sfdc-elf-samples/" + file)
        #expect(text.withUnsafeBytes { FormatDetector.detect($0) } == .salesforceELF)
        let batch = EventParser.parseAll(format: .salesforceELF, text: text)
        #expect(batch.events.count == rows)
        #expect(batch.errors.total == 0)
        #expect(batch.lines == Int64(rows))
        #expect(batch.events.reduce(0) { $0 + $1.records } == records)
        #expect(batch.events.reduce(0) { $0 + $1.bytes } == bytes)
        #expect(Set(batch.events.map { batch.string(for: $0.principal) }).count == principals)
        #expect(Set(batch.events.filter(\.sourceIP.isPresent).map { batch.string(for: $0.sourceIP) }).count == sources)
        let type = String(file.prefix { $0 != "_" })
        for event in batch.events {
            #expect(batch.string(for: event.endpoint).hasPrefix(type))
            #expect(event.timeMillis >= 1_437_868_800_000 && event.timeMillis < 1_438_300_800_000)  // 2015-07-26..30
        }
    }

    @Test("the first API row and the RestApi record-id URIs, field by field")
    func fieldByField() throws {
        let api = EventParser.parseAll(format: .salesforceELF, text: try RealLogs.load("sfdc-elf-samples/API_2015-07-26.csv"))
        let first = try #require(api.events.first)
        #expect(first.timeMillis == 1_437_949_459_439)  // 20150726222419.439
        #expect(api.string(for: first.endpoint) == "API get_user_info")
        #expect(api.string(for: api.events[3].endpoint) == "API query EventLogFile")
        #expect(api.string(for: first.principal) == "0053000000Ank29")
        #expect(first.bytes == 1_440)

        let rest = EventParser.parseAll(format: .salesforceELF, text: try RealLogs.load("sfdc-elf-samples/RestApi_2015-07-26.csv"))
        let endpoints = Set(rest.events.map { rest.string(for: $0.endpoint) })
        #expect(endpoints.contains("RestApi GET /services/data/v33.0/sobjects/EventLogFile/{id}/LogFile"))
        #expect(endpoints.count < 40)  // 294 distinct URIs, most of them one log file id each
        #expect(rest.events.allSatisfy { $0.status == 200 })
    }

    @Test("the CloudTrail S3 exfiltration file: 103 events, the stolen key a principal of its own")
    func cloudTrail() throws {
        let text = try RealLogs.load("otrf-aws-cloudtrail/ec2_proxy_s3_exfiltration_2020-09-14011940.json")
        #expect(text.withUnsafeBytes { FormatDetector.detect($0) } == .cloudtrail)
        let batch = EventParser.parseAll(format: .cloudtrail, text: text)
        #expect(batch.events.count == 103)
        #expect(batch.errors.total == 0)
        #expect(batch.events.reduce(0) { $0 + $1.bytes } == 3_726)
        let stolen = batch.events.filter { batch.string(for: $0.principal).hasSuffix(" ASIA5FLZVX4OPVKKVBMX") }
        #expect(stolen.count == 11)
        #expect(Set(stolen.map { batch.string(for: $0.endpoint) })
            == ["s3.amazonaws.com ListBuckets", "s3.amazonaws.com ListObjects", "s3.amazonaws.com GetObject"])
        let principals = Set(batch.events.map { batch.string(for: $0.principal) })
        #expect(principals.count == 3)  // pedro, the stolen role session, ec2.amazonaws.com
        #expect(batch.events.allSatisfy { $0.timeMillis >= 1_600_044_260_000 && $0.timeMillis <= 1_600_046_000_000 })
    }

    @Test("the OTRF honey-bucket CSV is not taken for an EventLogFile")
    func honeyBucketIsNotELF() throws {
        let text = try RealLogs.load("otrf-aws-cloudtrail/AWS_S3_HoneyBucketLogs.csv")
        #expect(text.withUnsafeBytes { FormatDetector.detect($0) } == nil)
    }
}
