/// Turns one EventLogFile CSV record into a ``ParsedEvent``, reading columns by the file's ``ELFColumns``.
///
/// - time: `TIMESTAMP` (`yyyyMMddHHmmss.SSS`, UTC), or `TIMESTAMP_DERIVED` (RFC 3339) when that is empty;
/// - principal: `USER_ID`; source: `CLIENT_IP`; records: `ROWS_PROCESSED`; bytes: `RESPONSE_SIZE`;
/// - endpoint, always prefixed with the event type (see ``appendEndpoint(_:_:_:isLogin:isExport:templater:scratch:into:)``);
/// - status: `STATUS_CODE`, else `LOGIN_STATUS` for logins, else `REQUEST_STATUS` (see ``status(_:_:_:isLogin:)``);
/// - `ReportExport` rows are export events (their files carry no row count).
@usableFromInline
struct ELFRecordParser: Sendable {
    @usableFromInline let columns: ELFColumns

    @inlinable
    init(columns: ELFColumns) {
        self.columns = columns
    }

    /// Parses the record whose fields were scanned from `text`; returns why it was skipped, or nil when an
    /// event was added.
    @inlinable
    func parse(
        _ text: UnsafeRawBufferPointer, fields: UnsafeMutableBufferPointer<CSVField>, record: CSVRecord,
        templater: EndpointTemplater, scratch: UnsafeMutableRawBufferPointer, into batch: inout ParsedBatch
    ) -> ParseErrorReason? {
        guard !record.malformed, record.fieldCount == columns.fieldCount else { return .malformedCSV }
        let eventType = field(columns.eventType, fields)
        guard !eventType.isEmpty else { return .missingPath }
        var event = ParsedEvent()
        let time = timestamp(text, fields)
        if let failure = time.failure { return failure }
        event.timeMillis = time.millis
        guard let records = Self.count(text, field(columns.rowsProcessed, fields)),
              let bytes = Self.count(text, field(columns.responseSize, fields))
        else { return .invalidNumber }
        event.records = records
        event.bytes = bytes
        let type = UnsafeRawBufferPointer(rebasing: text[eventType.start..<eventType.end])
        let isLogin = ASCII.equalsIgnoringCase(type, "Login")
        event.status = status(text, fields, isLogin: isLogin)
        let isExport = ASCII.equalsIgnoringCase(type, "ReportExport")
        if isExport { event.kind = .export }
        let endpoint = appendEndpoint(
            text, fields, eventType, isLogin: isLogin, isExport: isExport, templater: templater, scratch: scratch,
            into: &batch)
        event.endpoint = endpoint.key
        event.resourceID = endpoint.resourceID
        event.principal = key(text, field(columns.userID, fields), into: &batch)
        event.sourceIP = key(text, field(columns.clientIP, fields), into: &batch)
        batch.events.append(event)
        return nil
    }

    /// The field in column `index`, or an empty one when the file has no such column.
    @inlinable @inline(__always)
    func field(_ index: Int, _ fields: UnsafeMutableBufferPointer<CSVField>) -> CSVField {
        index >= 0 ? fields[index] : .empty
    }

    /// `TIMESTAMP`, or `TIMESTAMP_DERIVED` when that is empty.
    @inlinable
    func timestamp(
        _ text: UnsafeRawBufferPointer, _ fields: UnsafeMutableBufferPointer<CSVField>
    ) -> (millis: Int64, failure: ParseErrorReason?) {
        let plain = field(columns.timestamp, fields)
        let derived = field(columns.timestampDerived, fields)
        let millis: Int64?
        if !plain.isEmpty {
            millis = TimestampParser.salesforce(UnsafeRawBufferPointer(rebasing: text[plain.start..<plain.end]))
        } else if !derived.isEmpty {
            millis = TimestampParser.rfc3339(UnsafeRawBufferPointer(rebasing: text[derived.start..<derived.end]))
        } else {
            return (0, .missingTimestamp)
        }
        guard let millis else { return (0, .invalidTimestamp) }
        return (millis, nil)
    }

    /// A count column: empty is 0, a non-negative decimal is truncated, anything else is nil.
    @inlinable
    static func count(_ text: UnsafeRawBufferPointer, _ field: CSVField) -> Int64? {
        guard !field.isEmpty else { return 0 }
        guard let number = DecimalNumber.parse(UnsafeRawBufferPointer(rebasing: text[field.start..<field.end])),
              !number.isNegative
        else { return nil }
        return number.truncated()
    }

    /// The HTTP-like status: `STATUS_CODE` when it holds a number; for `Login`, `LOGIN_STATUS`
    /// (`LOGIN_NO_ERROR` is 200, any other value 401); else `REQUEST_STATUS`: `S` 200, `R` 302, `A` 403 (an
    /// authorization error), `N` 404, `F` 401 for a login and 500 otherwise; 0 (unknown) when none says more.
    @inlinable
    func status(_ text: UnsafeRawBufferPointer, _ fields: UnsafeMutableBufferPointer<CSVField>, isLogin: Bool) -> Int32 {
        let code = field(columns.statusCode, fields)
        if !code.isEmpty, let number = Self.count(text, code), number < 1_000 {
            return Int32(truncatingIfNeeded: number)
        }
        let login = field(columns.loginStatus, fields)
        if isLogin && !login.isEmpty {
            let value = UnsafeRawBufferPointer(rebasing: text[login.start..<login.end])
            return ASCII.equalsIgnoringCase(value, "LOGIN_NO_ERROR") ? 200 : 401
        }
        let request = field(columns.requestStatus, fields)
        guard request.end == request.start &+ 1 else { return 0 }
        switch ASCII.uppercased(text[request.start]) {
        case UInt8(ascii: "S"): return 200
        case UInt8(ascii: "R"): return 302
        case UInt8(ascii: "A"): return 403
        case UInt8(ascii: "N"): return 404
        case UInt8(ascii: "F"): return isLogin ? 401 : 500
        default: return 0
        }
    }

    /// Writes a field's value as a key; absent when empty.
    @inlinable
    func key(_ text: UnsafeRawBufferPointer, _ field: CSVField, into batch: inout ParsedBatch) -> KeyRef {
        guard !field.isEmpty else { return .absent }
        return CSVRecordScanner.withValue(text, field) { batch.appendKey($0) }
    }
}
