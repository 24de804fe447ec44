/// Where the columns LeakWatch reads sit in one EventLogFile CSV, found by name in the file's header row.
///
/// Column order differs by event type and release, so every column is looked up by name; unknown columns are
/// ignored and missing ones read as empty. Built once per file (off the hot path) and handed to the parser.
@usableFromInline
package struct ELFColumns: Sendable, Equatable {
    /// Number of fields in the header: every record must have as many.
    @usableFromInline package let fieldCount: Int
    // Column indices, -1 when the file has no such column.
    @usableFromInline let eventType: Int
    @usableFromInline let timestamp: Int
    @usableFromInline let timestampDerived: Int
    @usableFromInline let userID: Int
    @usableFromInline let clientIP: Int
    @usableFromInline let uri: Int
    /// `METHOD` (RestApi: the HTTP method).
    @usableFromInline let method: Int
    /// `METHOD_NAME` (API: the SOAP call, e.g. `query`).
    @usableFromInline let methodName: Int
    @usableFromInline let entityName: Int
    /// `ENTITY_TYPE` (BulkApi: the object of the job).
    @usableFromInline let entityType: Int
    @usableFromInline let operationType: Int
    @usableFromInline let rowsProcessed: Int
    @usableFromInline let responseSize: Int
    @usableFromInline let statusCode: Int
    @usableFromInline let requestStatus: Int
    @usableFromInline let loginStatus: Int
    /// The highest index read, so a record's fields up to it fit the parser's field buffer.
    @usableFromInline let highestIndex: Int

    /// Reads the header row at the start of `text` (a UTF-8 byte-order mark is skipped).
    ///
    /// - Returns: nil unless the row is well-formed CSV naming `EVENT_TYPE` and `TIMESTAMP` or
    ///   `TIMESTAMP_DERIVED` (letter case ignored).
    package init?(header text: UnsafeRawBufferPointer) {
        guard let names = Self.names(text) else { return nil }
        func column(_ name: String) -> Int { names.firstIndex(of: name) ?? -1 }
        fieldCount = names.count
        eventType = column("EVENT_TYPE")
        timestamp = column("TIMESTAMP")
        timestampDerived = column("TIMESTAMP_DERIVED")
        guard eventType >= 0, timestamp >= 0 || timestampDerived >= 0 else { return nil }
        userID = column("USER_ID")
        clientIP = column("CLIENT_IP")
        uri = column("URI")
        method = column("METHOD")
        methodName = column("METHOD_NAME")
        entityName = column("ENTITY_NAME")
        entityType = column("ENTITY_TYPE")
        operationType = column("OPERATION_TYPE")
        rowsProcessed = column("ROWS_PROCESSED")
        responseSize = column("RESPONSE_SIZE")
        statusCode = column("STATUS_CODE")
        requestStatus = column("REQUEST_STATUS")
        loginStatus = column("LOGIN_STATUS")
        highestIndex = [
            eventType, timestamp, timestampDerived, userID, clientIP, uri, method, methodName, entityName, entityType,
            operationType, rowsProcessed, responseSize, statusCode, requestStatus, loginStatus,
        ].max() ?? 0
    }

    /// Reads the header of a whole text (for tests and tools).
    package init?(header: String) {
        var bytes = Array(header.utf8)
        guard let columns = bytes.withUnsafeMutableBytes({ ELFColumns(header: UnsafeRawBufferPointer($0)) }) else {
            return nil
        }
        self = columns
    }

    /// The upper-cased column names of the first record of `text`, or nil when it is not a clean CSV row.
    static func names(_ text: UnsafeRawBufferPointer) -> [String]? {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let start = text.count >= 3 && Array(text[0..<3]) == bom ? 3 : 0
        let capacity = 1024
        return withUnsafeTemporaryAllocation(of: CSVField.self, capacity: capacity) { fields in
            let record = CSVRecordScanner.scan(text, from: start, fields: fields)
            guard !record.malformed, !record.blank, record.fieldCount <= capacity else { return nil }
            return (0..<record.fieldCount).map { index in
                CSVRecordScanner.withValue(text, fields[index]) { value in
                    String(decoding: value, as: UTF8.self).trimmingSpaces().uppercased()
                }
            }
        }
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    fileprivate func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
