extension JSONLineParser {
    /// A string value that is not empty, or a number / boolean (taken as its text).
    @inlinable
    static func isPresentScalar(_ span: JSONValueSpan) -> Bool {
        switch span.kind {
        case .string, .escapedString, .number, .trueLiteral, .falseLiteral: span.end > span.start
        case .absent, .null, .object, .array: false
        }
    }

    /// Calls `body` with the text of a scalar value: string bodies unescaped (into stack scratch when needed).
    @inlinable
    static func withText<Result>(
        _ line: UnsafeRawBufferPointer, _ span: JSONValueSpan, _ body: (UnsafeRawBufferPointer) -> Result
    ) -> Result {
        let raw = UnsafeRawBufferPointer(rebasing: line[span.start..<span.end])
        guard span.kind == .escapedString else { return body(raw) }
        return withUnsafeTemporaryAllocation(byteCount: raw.count, alignment: 1) { scratch in
            let written = JSONUnescaper.unescape(raw, into: scratch)
            return body(UnsafeRawBufferPointer(rebasing: scratch[0..<written]))
        }
    }

    /// The rare endpoint whose method or path has escapes: unescapes into stack scratch, then templates.
    @usableFromInline
    static func appendEscapedEndpoint(
        _ line: UnsafeRawBufferPointer, method: JSONValueSpan, path: JSONValueSpan, _ templater: EndpointTemplater,
        _ batch: inout ParsedBatch
    ) -> EndpointTemplater.Templated {
        withText(line, path) { pathBytes in
            if method.kind == .absent {
                return templater.appendLongKey(
                    method: UnsafeRawBufferPointer(rebasing: line[0..<0]), path: pathBytes,
                    bound: templater.outputBound(method: UnsafeRawBufferPointer(rebasing: line[0..<0]), path: pathBytes),
                    to: &batch)
            }
            return withText(line, method) {
                templater.appendLongKey(
                    method: $0, path: pathBytes, bound: templater.outputBound(method: $0, path: pathBytes), to: &batch)
            }
        }
    }

    /// Writes a scalar value's text as a key; absent for null, objects, arrays and empty strings.
    @inlinable
    static func key(_ line: UnsafeRawBufferPointer, _ span: JSONValueSpan, into batch: inout ParsedBatch) -> KeyRef {
        guard isPresentScalar(span) else { return .absent }
        return withText(line, span) { batch.appendKey($0) }
    }

    /// ``key(_:_:into:)`` through `recent`: a value without escapes that was a key before in this parse call
    /// reuses that key.
    @inlinable
    static func key(
        _ line: UnsafeRawBufferPointer, _ span: JSONValueSpan, recent: KeyMemo, into batch: inout ParsedBatch
    ) -> KeyRef {
        // Absent values and escaped strings (whose text is not the line's bytes) go the plain way.
        guard isPresentScalar(span), span.kind != .escapedString else { return key(line, span, into: &batch) }
        return recent.appendKey(UnsafeRawBufferPointer(rebasing: line[span.start..<span.end]), to: &batch)
    }

    /// A non-negative integer field: a number (fractions truncate) or a string of one; 0 when absent or null,
    /// nil when anything else is there.
    @inlinable
    static func count(_ line: UnsafeRawBufferPointer, _ span: JSONValueSpan) -> Int64? {
        switch span.kind {
        case .absent, .null:
            return 0
        case .number, .string:
            // Fast path: plain digits.
            var index = span.start
            var value: Int64 = 0
            while index < span.end && index &- span.start < 18 {
                let digit = line[index] &- UInt8(ascii: "0")
                if digit >= 10 { break }
                value = value &* 10 &+ Int64(digit)
                index &+= 1
            }
            if index == span.end && index > span.start { return value }
            guard let number = DecimalNumber.parse(UnsafeRawBufferPointer(rebasing: line[span.start..<span.end])),
                !number.isNegative
            else { return nil }
            return number.truncated()
        case .escapedString, .trueLiteral, .falseLiteral, .object, .array:
            return nil
        }
    }

    /// The event time in epoch milliseconds, or why there is none.
    @inlinable
    static func timestamp(
        _ line: UnsafeRawBufferPointer, _ span: JSONValueSpan
    ) -> (millis: Int64, failure: ParseErrorReason?) {
        var minutes = TimestampParser.MinuteMemo()
        return timestamp(line, span, minutes: &minutes)
    }

    /// ``timestamp(_:_:)`` with the minute of the previous line's RFC 3339 time remembered in `minutes`.
    @inlinable
    static func timestamp(
        _ line: UnsafeRawBufferPointer, _ span: JSONValueSpan, minutes: inout TimestampParser.MinuteMemo
    ) -> (millis: Int64, failure: ParseErrorReason?) {
        let millis: Int64?
        switch span.kind {
        case .absent, .null:
            return (0, .missingTimestamp)
        case .string:
            millis = TimestampParser.parseText(
                UnsafeRawBufferPointer(rebasing: line[span.start..<span.end]), memo: &minutes)
        case .escapedString:
            millis = withText(line, span) { TimestampParser.parseText($0) }
        case .number:
            millis = DecimalNumber.parse(UnsafeRawBufferPointer(rebasing: line[span.start..<span.end]))
                .flatMap(TimestampParser.epoch)
        case .trueLiteral, .falseLiteral, .object, .array:
            millis = nil
        }
        guard let millis else { return (0, .invalidTimestamp) }
        return (millis, nil)
    }

    /// `synthetic`, `human` or `mixed` in any letter case; anything else is undeclared.
    @inlinable
    static func provenance(_ line: UnsafeRawBufferPointer, _ span: JSONValueSpan) -> Provenance {
        guard span.kind == .string else { return .undeclared }
        let text = UnsafeRawBufferPointer(rebasing: line[span.start..<span.end])
        if ASCII.equalsIgnoringCase(text, "synthetic") { return .synthetic }
        if ASCII.equalsIgnoringCase(text, "human") { return .human }
        if ASCII.equalsIgnoringCase(text, "mixed") { return .mixed }
        return .undeclared
    }
}
