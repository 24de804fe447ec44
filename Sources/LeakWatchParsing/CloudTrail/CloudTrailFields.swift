/// The values one CloudTrail record holds for LeakWatch, found in a single walk over the record.
@usableFromInline
struct CloudTrailFields {
    @usableFromInline var eventTime = JSONValueSpan.absent
    /// `@timestamp` of Logstash exports (which rename `eventTime`).
    @usableFromInline var logstashTimestamp = JSONValueSpan.absent
    @usableFromInline var eventSource = JSONValueSpan.absent
    @usableFromInline var eventName = JSONValueSpan.absent
    @usableFromInline var sourceIPAddress = JSONValueSpan.absent
    @usableFromInline var errorCode = JSONValueSpan.absent
    /// `userIdentity.type`, `.arn`, `.accessKeyId`, `.invokedBy`, `.principalId`.
    @usableFromInline var identityType = JSONValueSpan.absent
    @usableFromInline var arn = JSONValueSpan.absent
    @usableFromInline var accessKeyID = JSONValueSpan.absent
    @usableFromInline var invokedBy = JSONValueSpan.absent
    @usableFromInline var principalID = JSONValueSpan.absent
    /// `additionalEventData.bytesTransferredOut` (a number, or a string of one).
    @usableFromInline var bytesTransferredOut = JSONValueSpan.absent

    @inlinable
    init() {}
}

extension JSONScanner {
    /// Walks one CloudTrail record (a whole line holding one JSON object), capturing ``CloudTrailFields``.
    ///
    /// - Returns: false when the line is not exactly one well-formed JSON object.
    @inlinable
    mutating func captureCloudTrail(into fields: inout CloudTrailFields) -> Bool {
        skipWhitespace()
        guard current == UInt8(ascii: "{") else { return false }
        guard walkCloudTrailObject(level: .record, into: &fields) else { return false }
        skipWhitespace()
        return isAtEnd
    }

    /// Which object of a record is being walked.
    @usableFromInline
    enum CloudTrailLevel {
        case record
        case userIdentity
        case additionalEventData
    }

    /// At `{`: walks an object, capturing the keys LeakWatch reads at `level` and skipping everything else.
    @inlinable
    mutating func walkCloudTrailObject(level: CloudTrailLevel, into fields: inout CloudTrailFields) -> Bool {
        walkMembers(depth: level == .record ? 1 : 2) { scanner, keyStart, keyEnd in
            let key = UnsafeRawBufferPointer(rebasing: scanner.bytes[keyStart..<keyEnd])
            if level == .record && scanner.current == UInt8(ascii: "{") {
                if Self.equals(key, "userIdentity") {
                    return scanner.walkCloudTrailObject(level: .userIdentity, into: &fields)
                }
                if Self.equals(key, "additionalEventData") {
                    return scanner.walkCloudTrailObject(level: .additionalEventData, into: &fields)
                }
            }
            guard let value = scanner.captureValue(depth: 2) else { return false }
            Self.store(value, key: key, level: level, into: &fields)
            return true
        }
    }

    /// Keeps `value` when `key` is one LeakWatch reads at `level`.
    @inlinable
    static func store(_ value: JSONValueSpan, key: UnsafeRawBufferPointer, level: CloudTrailLevel, into fields: inout CloudTrailFields) {
        switch level {
        case .record:
            switch key.count {
            case 9:
                if equals(key, "eventTime") { fields.eventTime = value } else if equals(key, "eventName") {
                    fields.eventName = value
                } else if equals(key, "errorCode") { fields.errorCode = value }
            case 10:
                if equals(key, "@timestamp") { fields.logstashTimestamp = value }
            case 11:
                if equals(key, "eventSource") { fields.eventSource = value }
            case 15:
                if equals(key, "sourceIPAddress") { fields.sourceIPAddress = value }
            default:
                break
            }
        case .userIdentity:
            if equals(key, "arn") {
                fields.arn = value
            } else if equals(key, "type") {
                fields.identityType = value
            } else if equals(key, "accessKeyId") {
                fields.accessKeyID = value
            } else if equals(key, "invokedBy") {
                fields.invokedBy = value
            } else if equals(key, "principalId") {
                fields.principalID = value
            }
        case .additionalEventData:
            if equals(key, "bytesTransferredOut") { fields.bytesTransferredOut = value }
        }
    }

    @inlinable @inline(__always)
    static func equals(_ key: UnsafeRawBufferPointer, _ word: StaticString) -> Bool {
        key.count == word.utf8CodeUnitCount && key.elementsEqual(ASCII.bytes(word))
    }
}
