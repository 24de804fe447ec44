/// Turns one CloudTrail record (one JSON object on one line) into a ``ParsedEvent``.
///
/// - time: `eventTime`, or Logstash's `@timestamp`;
/// - endpoint: `eventSource` SP `eventName` (`s3.amazonaws.com GetObject`);
/// - principal: see ``appendPrincipal(_:_:into:)``; source: `sourceIPAddress`;
/// - bytes: `additionalEventData.bytesTransferredOut`; records: none (CloudTrail does not count them);
/// - status: 200, or the ``CloudTrailErrorStatus`` of `errorCode`.
@usableFromInline
struct CloudTrailRecordParser: Sendable {
    @inlinable
    init() {}

    /// Parses `line` (trimmed, non-empty) into `batch`; returns why it was skipped, or nil when an event was added.
    @inlinable
    func parse(_ line: UnsafeRawBufferPointer, into batch: inout ParsedBatch) -> ParseErrorReason? {
        var fields = CloudTrailFields()
        var scanner = JSONScanner(line)
        guard scanner.captureCloudTrail(into: &fields) else { return .malformedJSON }
        let timeSpan = fields.eventTime.kind != .absent ? fields.eventTime : fields.logstashTimestamp
        let time = JSONLineParser.timestamp(line, timeSpan)
        if let failure = time.failure { return failure }
        guard JSONLineParser.isPresentScalar(fields.eventSource), JSONLineParser.isPresentScalar(fields.eventName)
        else { return .missingPath }
        guard let bytes = JSONLineParser.count(line, fields.bytesTransferredOut) else { return .invalidNumber }

        var event = ParsedEvent(timeMillis: time.millis, bytes: bytes, kind: .access)
        let start = batch.arena.count
        JSONLineParser.withText(line, fields.eventSource) { batch.arena.append(contentsOf: $0) }
        batch.arena.append(UInt8(ascii: " "))
        JSONLineParser.withText(line, fields.eventName) { batch.arena.append(contentsOf: $0) }
        event.endpoint = batch.finishKey(from: start)
        event.status = JSONLineParser.isPresentScalar(fields.errorCode)
            ? JSONLineParser.withText(line, fields.errorCode) { CloudTrailErrorStatus.status(of: $0) } : 200
        event.principal = appendPrincipal(line, fields, into: &batch)
        event.sourceIP = JSONLineParser.key(line, fields.sourceIPAddress, into: &batch)
        batch.events.append(event)
        return nil
    }

    /// The principal key:
    /// - `AssumedRole` and `FederatedUser` identities: `<arn> <accessKeyId>` — a session ARN is shared by every
    ///   set of temporary keys issued under the same role and session name (an EC2 instance profile names each
    ///   session after the instance, so a stolen instance key shows the instance's own ARN); the key tells them
    ///   apart, and a key never seen before is a new principal;
    /// - any other identity with an ARN (`IAMUser`, `Root`, ...): the ARN (its keys all act as that identity);
    /// - no ARN: `invokedBy` (`AWSService` calls, e.g. `ec2.amazonaws.com`), else `principalId`, else
    ///   `accessKeyId`; absent when there is none of them.
    @inlinable
    func appendPrincipal(_ line: UnsafeRawBufferPointer, _ fields: CloudTrailFields, into batch: inout ParsedBatch)
        -> KeyRef
    {
        guard JSONLineParser.isPresentScalar(fields.arn) else {
            let candidate =
                JSONLineParser.isPresentScalar(fields.invokedBy) ? fields.invokedBy
                : JSONLineParser.isPresentScalar(fields.principalID) ? fields.principalID : fields.accessKeyID
            return JSONLineParser.key(line, candidate, into: &batch)
        }
        let start = batch.arena.count
        JSONLineParser.withText(line, fields.arn) { batch.arena.append(contentsOf: $0) }
        if JSONLineParser.isPresentScalar(fields.accessKeyID) && Self.isSessionIdentity(line, fields.identityType) {
            batch.arena.append(UInt8(ascii: " "))
            JSONLineParser.withText(line, fields.accessKeyID) { batch.arena.append(contentsOf: $0) }
        }
        return batch.finishKey(from: start)
    }

    /// `AssumedRole` or `FederatedUser`: identities whose ARN names a session that several keys can share.
    @inlinable
    static func isSessionIdentity(_ line: UnsafeRawBufferPointer, _ type: JSONValueSpan) -> Bool {
        guard type.kind == .string else { return false }
        let text = UnsafeRawBufferPointer(rebasing: line[type.start..<type.end])
        return ASCII.equalsIgnoringCase(text, "AssumedRole") || ASCII.equalsIgnoringCase(text, "FederatedUser")
    }
}
