import LeakWatchParsing
import Testing

@Suite("CloudTrail events")
struct CloudTrailEventTests {
    static let stolenKeyRead = #"{"eventVersion":"1.05","userIdentity":{"type":"AssumedRole","principalId":"AROA:i-0317","arn":"arn:aws:sts::123456789123:assumed-role/WAFRole/i-0317f6c6b66ae9c40","accountId":"123456789123","accessKeyId":"ASIA5FLZVX4OPVKKVBMX","sessionContext":{"sessionIssuer":{"type":"Role","arn":"arn:aws:iam::123456789123:role/WAFRole"}}},"eventTime":"2020-09-14T01:02:34Z","eventSource":"s3.amazonaws.com","eventName":"GetObject","sourceIPAddress":"1.2.3.4","requestParameters":{"bucketName":"cardholder-data","key":"ring.txt"},"additionalEventData":{"bytesTransferredOut":89.0,"x-amz-id-2":"abc"},"resources":[{"type":"AWS::S3::Object","ARN":"arn:aws:s3:::cardholder-data/ring.txt"}]}"#

    @Test("an S3 read by an assumed role: endpoint, principal with its key, source, bytes")
    func assumedRoleRead() throws {
        let batch = parse(Self.stolenKeyRead, format: .cloudtrail)
        #expect(batch.errors.total == 0)
        let event = try #require(batch.events.first)
        #expect(event.timeMillis == 1_600_045_354_000)
        #expect(batch.text(event.endpoint) == "s3.amazonaws.com GetObject")
        #expect(batch.text(event.principal)
            == "arn:aws:sts::123456789123:assumed-role/WAFRole/i-0317f6c6b66ae9c40 ASIA5FLZVX4OPVKKVBMX")
        #expect(batch.text(event.sourceIP) == "1.2.3.4")
        #expect(event.bytes == 89)
        #expect(event.status == 200)
        #expect(event.records == 0)
        #expect(event.kind == .access)
    }

    @Test("an IAM user is its ARN whatever key it used; Logstash's @timestamp is read; bytes may be a string")
    func iamUserLogstash() throws {
        let line = #"{"@version":"1","@timestamp":"2020-09-14T00:44:23.000Z","userIdentity":{"arn":"arn:aws:iam::123456789123:user/pedro","type":"IAMUser","accessKeyId":"ASIA5FLZVX4OI4ZDQJOL"},"eventName":"ListObjects","eventSource":"s3.amazonaws.com","sourceIPAddress":"1.2.3.4","additionalEventData":{"bytesTransferredOut":"524"}}"#
        let batch = parse(line, format: .cloudtrail)
        let event = try #require(batch.events.first)
        #expect(event.timeMillis == 1_600_044_263_000)
        #expect(batch.text(event.principal) == "arn:aws:iam::123456789123:user/pedro")
        #expect(event.bytes == 524)
    }

    @Test("a service call without an ARN is its invokedBy; nothing at all leaves the principal absent")
    func serviceCalls() throws {
        let service = #"{"eventTime":"2020-09-14T00:50:17Z","userIdentity":{"type":"AWSService","invokedBy":"ec2.amazonaws.com"},"eventSource":"sts.amazonaws.com","eventName":"AssumeRole","sourceIPAddress":"ec2.amazonaws.com"}"#
        let anonymous = #"{"eventTime":"2020-09-14T00:50:17Z","eventSource":"s3.amazonaws.com","eventName":"HeadBucket","userIdentity":null}"#
        let batch = parse(service + "\n" + anonymous, format: .cloudtrail)
        #expect(batch.events.count == 2)
        #expect(batch.text(batch.events[0].principal) == "ec2.amazonaws.com")
        #expect(!batch.events[1].principal.isPresent)
    }

    @Test(
        "errorCode becomes a failure status",
        arguments: [
            ("AccessDenied", Int32(403)),
            ("Client.UnauthorizedOperation", 403),
            ("AccessDeniedException", 403),
            ("InvalidClientTokenId", 401),
            ("SignatureDoesNotMatch", 401),
            ("NoSuchKey", 404),
            ("ResourceNotFoundException", 404),
            ("ThrottlingException", 429),
            ("ValidationException", 400),
        ])
    func errorCodes(code: String, status: Int32) throws {
        let line = "{\"eventTime\":\"2020-09-14T01:00:00Z\",\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\",\"errorCode\":\"\(code)\",\"errorMessage\":\"no\"}"
        let event = try #require(parse(line, format: .cloudtrail).events.first)
        #expect(event.status == status)
    }

    @Test(
        "broken records are counted by reason",
        arguments: [
            (#"{"eventTime":"2020-09-14T01:00:00Z","eventSource":"s3.amazonaws.com""#, ParseErrorReason.malformedJSON),
            (#"{"eventSource":"s3.amazonaws.com","eventName":"GetObject"}"#, .missingTimestamp),
            (#"{"eventTime":"yesterday","eventSource":"s3.amazonaws.com","eventName":"GetObject"}"#, .invalidTimestamp),
            (#"{"eventTime":"2020-09-14T01:00:00Z","eventName":"GetObject"}"#, .missingPath),
            (#"{"eventTime":"2020-09-14T01:00:00Z","eventSource":"s3","eventName":"GetObject","additionalEventData":{"bytesTransferredOut":"lots"}}"#, .invalidNumber),
        ])
    func malformed(line: String, reason: ParseErrorReason) {
        let batch = parse(line, format: .cloudtrail)
        #expect(batch.events.isEmpty)
        #expect(singleError(batch) == reason)
        #expect(batch.arena.isEmpty)
    }

    @Test("detection: CloudTrail lines and Records files, while plain JSON and combined stay as they were")
    func detection() {
        func detect(_ text: String) -> LogFormat? { Array(text.utf8).withUnsafeBytes { FormatDetector.detect($0) } }
        #expect(detect(Self.stolenKeyRead + "\n" + Self.stolenKeyRead + "\n") == .cloudtrail)
        #expect(detect("{\"Records\":[" + Self.stolenKeyRead + "]}") == .cloudtrail)
        #expect(detect("{\n  \"Records\" : [\n    {\n      \"eventVersion\": \"1.08\",\n") == .cloudtrail)
        #expect(detect("{\"ts\":1,\"path\":\"/a\"}\n{\"ts\":2,\"path\":\"/b\"}\n") == .json)
        #expect(detect("{\"Recordsx\":[]}\n") == .json)
        #expect(detect("\"Event Type\",\"Event Name\"\nAwsApiCall,ListObjects\n") == nil)
    }
}
