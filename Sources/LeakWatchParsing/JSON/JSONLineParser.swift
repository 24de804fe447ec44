/// Turns one JSON line into a ``ParsedEvent`` using a compiled ``FieldMapping``.
@usableFromInline
struct JSONLineParser: Sendable {
    @usableFromInline let table: JSONKeyTable
    @usableFromInline let kindOverride: EventKind?

    init(mapping: FieldMapping) {
        table = JSONKeyTable(mapping: mapping)
        kindOverride = mapping.kindOverride
    }

    /// Parses `line` (trimmed, non-empty) into `batch`; returns why it was skipped, or nil when an event was added.
    ///
    /// - Parameters:
    ///   - keys: the view of ``table`` (taken once per batch).
    ///   - captures: scratch space for ``LogicalField/slotCount`` spans, reused from line to line.
    ///   - scratch: working memory for the endpoint template.
    ///   - recent: the keys seen before in this parse call.
    ///   - minutes: the minute of the previous line's timestamp (kept from line to line).
    ///   - quoteMap: scratch for ``CompactLineScanner/mapWords`` + 1 words, all of them readable.
    ///   - shapes: the shapes of recent lines (kept from line to line).
    @inlinable
    func parse(
        _ line: UnsafeRawBufferPointer, keys: JSONKeyTableView, captures: UnsafeMutableBufferPointer<JSONValueSpan>,
        templater: EndpointTemplater, scratch: UnsafeMutableRawBufferPointer, recent: KeyMemo,
        minutes: inout TimestampParser.MinuteMemo, quoteMap: UnsafeMutablePointer<UInt64>, shapes: LineShapes,
        into batch: inout ParsedBatch
    ) -> ParseErrorReason? {
        captures.update(repeating: .absent)
        if !CompactLineScanner.capture(line, table: keys, captures: captures, quotes: quoteMap, shapes: shapes) {
            // Not a compact flat line: the full scanner reads it (and decides whether it is well-formed).
            captures.update(repeating: .absent)
            var scanner = JSONScanner(line)
            guard scanner.captureLine(table: keys, captures: captures) else { return .malformedJSON }
        }
        if !table.aliases.isEmpty {
            for alias in table.aliases {
                captures[alias.to] = captures[alias.from]
            }
        }

        var event = ParsedEvent()
        let time = Self.timestamp(line, captures[LogicalField.ts.slot], minutes: &minutes)
        if let failure = time.failure { return failure }
        event.timeMillis = time.millis
        guard let status = Self.count(line, captures[LogicalField.status.slot]), status <= Int64(Int32.max),
            let bytes = Self.count(line, captures[LogicalField.bytes.slot]),
            let records = Self.count(line, captures[LogicalField.records.slot]),
            let synthetic = Self.count(line, captures[LogicalField.syntheticRecords.slot])
        else { return .invalidNumber }
        event.status = Int32(truncatingIfNeeded: status)
        event.bytes = bytes
        event.records = records
        event.syntheticRecords = synthetic
        event.provenance = Self.provenance(line, captures[LogicalField.provenance.slot])

        let destination = captures[LogicalField.destination.slot]
        let isExport = kindOverride.map { $0 == .export } ?? Self.isPresentScalar(destination)
        if isExport {
            event.kind = .export
            let start = batch.arena.count
            batch.arena.append(contentsOf: ASCII.bytes("export"))
            let object = captures[LogicalField.object.slot]
            if Self.isPresentScalar(object) {
                batch.arena.append(UInt8(ascii: " "))
                Self.withText(line, object) { batch.arena.append(contentsOf: $0) }
            }
            event.endpoint = batch.finishKey(from: start)
            event.destination = Self.key(line, destination, recent: recent, into: &batch)
            event.jobID = Self.key(line, captures[LogicalField.jobID.slot], recent: recent, into: &batch)
        } else {
            let path = captures[LogicalField.path.slot]
            guard Self.isPresentScalar(path) else { return .missingPath }
            let method = captures[LogicalField.method.slot]
            let hasMethod = Self.isPresentScalar(method)
            if path.kind != .escapedString && (!hasMethod || method.kind != .escapedString) {
                let methodBytes =
                    hasMethod
                    ? UnsafeRawBufferPointer(rebasing: line[method.start..<method.end])
                    : UnsafeRawBufferPointer(rebasing: line[0..<0])
                let pathBytes = UnsafeRawBufferPointer(rebasing: line[path.start..<path.end])
                let endpoint = recent.appendEndpoint(
                    method: methodBytes, path: pathBytes, templater: templater, scratch: scratch, to: &batch)
                event.endpoint = endpoint.key
                event.resourceID = endpoint.resourceID
            } else {
                let endpoint = Self.appendEscapedEndpoint(
                    line, method: hasMethod ? method : .absent, path: path, templater, &batch)
                event.endpoint = endpoint.key
                event.resourceID = endpoint.resourceID
            }
        }
        event.principal = Self.key(line, captures[LogicalField.principal.slot], recent: recent, into: &batch)
        event.sourceIP = Self.key(line, captures[LogicalField.srcIP.slot], recent: recent, into: &batch)
        batch.events.append(event)
        return nil
    }
}
