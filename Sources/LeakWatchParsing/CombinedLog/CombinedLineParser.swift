/// Turns one Combined Log Format line into a ``ParsedEvent``: IP → source, USER → principal, SIZE → bytes.
@usableFromInline
struct CombinedLineParser: Sendable {
    @inlinable
    init() {}

    /// Parses `line` (trimmed, non-empty) into `batch`; returns why it was skipped, or nil when an event was added.
    ///
    /// - Parameters:
    ///   - recent: the keys seen before in this parse call.
    ///   - minutes: the minute of the last date read in this parse call.
    ///   - quoteMap: scratch for ``CompactLineScanner/mapWords`` words.
    @inlinable
    func parse(
        _ line: UnsafeRawBufferPointer, templater: EndpointTemplater, scratch: UnsafeMutableRawBufferPointer,
        recent: KeyMemo, minutes: inout TimestampParser.CommonLogMemo, quoteMap: UnsafeMutablePointer<UInt64>,
        into batch: inout ParsedBatch
    ) -> ParseErrorReason? {
        // The quoted fields (request, referer, agent) are most of a line: with its quotes mapped at once (when it
        // has no backslash and fits the map), each ends at its next quote bit.
        let mapped = line.count <= CompactLineScanner.maximumLength
            && CompactLineScanner.mapQuotes(line, into: quoteMap)
        guard let fields = CombinedLogScanner.scan(line, quotes: mapped ? quoteMap : nil) else {
            return .malformedCombinedLog
        }
        guard let time = TimestampParser.commonLog(UnsafeRawBufferPointer(rebasing: line[fields.date]), memo: &minutes)
        else { return .invalidTimestamp }
        let (method, path) = Self.splitRequest(line, fields.request)
        guard !path.isEmpty else { return .missingPath }

        var event = ParsedEvent(timeMillis: time, bytes: fields.size, status: fields.status, kind: .access)
        let pathBytes = UnsafeRawBufferPointer(rebasing: line[path])
        let endpoint = recent.appendEndpoint(
            method: UnsafeRawBufferPointer(rebasing: line[method]), path: pathBytes, templater: templater,
            scratch: scratch, to: &batch)
        event.endpoint = endpoint.key
        event.resourceID = endpoint.resourceID
        event.principal = recent.appendKey(UnsafeRawBufferPointer(rebasing: line[fields.user]), to: &batch)
        event.sourceIP = recent.appendKey(UnsafeRawBufferPointer(rebasing: line[fields.host]), to: &batch)
        batch.events.append(event)
        return nil
    }

    /// Splits a request line into method and path: `GET /x HTTP/1.1` → (`GET`, `/x`); `/x` → (none, `/x`);
    /// garbage without a method-like first word → (none, first word). `-` has no path.
    @inlinable
    static func splitRequest(_ line: UnsafeRawBufferPointer, _ request: Range<Int>) -> (Range<Int>, Range<Int>) {
        var index = request.lowerBound
        let end = request.upperBound
        while index < end && line[index] == UInt8(ascii: " ") {
            index &+= 1
        }
        let firstStart = index
        var methodLike = true
        while index < end && line[index] != UInt8(ascii: " ") {
            let byte = line[index]
            if !(ASCII.isLetter(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")) { methodLike = false }
            index &+= 1
        }
        let first = firstStart..<index
        let none = firstStart..<firstStart
        if first.isEmpty { return (none, none) }
        if first.count == 1 && line[firstStart] == UInt8(ascii: "-") { return (none, none) }
        while index < end && line[index] == UInt8(ascii: " ") {
            index &+= 1
        }
        let secondStart = index
        index = SWAR.firstIndex(of: UInt8(ascii: " "), in: line, from: secondStart, end: end)
        let second = secondStart..<index
        if methodLike && !second.isEmpty { return (first, second) }
        return (none, first)
    }
}
