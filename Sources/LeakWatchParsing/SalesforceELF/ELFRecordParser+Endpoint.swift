extension ELFRecordParser {
    /// Writes the endpoint key, always the event type first so that keys read on their own:
    /// - `Login` rows: `Login`;
    /// - `ReportExport` rows: `ReportExport <URI>` (the exported report's URI, as logged);
    /// - a `URI` that is a path (`RestApi`): `<type> <METHOD> <template>`, e.g.
    ///   `RestApi GET /services/data/v34.0/sobjects/EventLogFile/{id}/LogFile` (Salesforce record ids become
    ///   `{id}`, then the configured endpoint rules apply);
    /// - otherwise `<type> <operation> <entity>`: operation from `METHOD_NAME` or `OPERATION_TYPE`, entity from
    ///   `ENTITY_NAME` or `ENTITY_TYPE` (`API query EventLogFile`, `BulkApi query Account`); when both are empty,
    ///   `<type> <URI>` (`QueuedExecution BatchApexJobHandler`), and just `<type>` when that is empty too.
    ///
    /// - Returns: the key, and the numeric id the URI addressed (or -1).
    @inlinable
    func appendEndpoint(
        _ text: UnsafeRawBufferPointer, _ fields: UnsafeMutableBufferPointer<CSVField>, _ eventType: CSVField,
        isLogin: Bool, isExport: Bool, templater: EndpointTemplater, scratch: UnsafeMutableRawBufferPointer,
        into batch: inout ParsedBatch
    ) -> (key: KeyRef, resourceID: Int64) {
        let start = batch.arena.count
        append(text, eventType, to: &batch)
        var resourceID: Int64 = -1
        let uri = field(columns.uri, fields)
        if isLogin {
            // The event type alone: every login attempt of an org counts against one endpoint.
        } else if isExport {
            appendWord(text, uri, to: &batch)
        } else if !uri.isEmpty && text[uri.start] == UInt8(ascii: "/") {
            let method = field(columns.method, fields)
            batch.arena.append(UInt8(ascii: " "))
            CSVRecordScanner.withValue(text, uri) { path in
                resourceID = ResourceID.last(in: path)
                CSVRecordScanner.withValue(text, method) { method in
                    Self.withIDsReplaced(path, scratch: scratch) { templated in
                        templater.write(method: method, path: templated, into: &batch.arena)
                    }
                }
            }
        } else {
            let operation = first(columns.methodName, columns.operationType, fields)
            let entity = first(columns.entityName, columns.entityType, fields)
            if operation.isEmpty && entity.isEmpty {
                appendWord(text, uri, to: &batch)
            } else {
                appendWord(text, operation, to: &batch)
                appendWord(text, entity, to: &batch)
            }
        }
        return (batch.finishKey(from: start), resourceID)
    }

    /// The field of column `preferred`, or of `fallback` when that is empty.
    @inlinable
    func first(_ preferred: Int, _ fallback: Int, _ fields: UnsafeMutableBufferPointer<CSVField>) -> CSVField {
        let value = field(preferred, fields)
        return value.isEmpty ? field(fallback, fields) : value
    }

    @inlinable
    func append(_ text: UnsafeRawBufferPointer, _ field: CSVField, to batch: inout ParsedBatch) {
        CSVRecordScanner.withValue(text, field) { batch.arena.append(contentsOf: $0) }
    }

    /// Appends a space and the field's value, unless it is empty.
    @inlinable
    func appendWord(_ text: UnsafeRawBufferPointer, _ field: CSVField, to batch: inout ParsedBatch) {
        guard !field.isEmpty else { return }
        batch.arena.append(UInt8(ascii: " "))
        append(text, field, to: &batch)
    }

    /// Calls `body` with `path` after ``SalesforceID/replaceIDs(in:to:)``, written into `scratch` (or a
    /// temporary buffer for a path longer than it).
    @inlinable
    static func withIDsReplaced<Result>(
        _ path: UnsafeRawBufferPointer, scratch: UnsafeMutableRawBufferPointer,
        _ body: (UnsafeRawBufferPointer) -> Result
    ) -> Result {
        if path.count <= scratch.count {
            var writer = ByteWriter(scratch)
            SalesforceID.replaceIDs(in: path, to: &writer)
            return body(writer.written)
        }
        return withUnsafeTemporaryAllocation(byteCount: path.count, alignment: 1) { buffer in
            var writer = ByteWriter(buffer)
            SalesforceID.replaceIDs(in: path, to: &writer)
            return body(writer.written)
        }
    }
}
