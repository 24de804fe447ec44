extension FormatDetector {
    /// An EventLogFile CSV (by its header row) or a CloudTrail `{"Records":` file, from the start of `sample`.
    static func detectWholeFile(_ sample: UnsafeRawBufferPointer) -> LogFormat? {
        let rest = withoutLeadingSpace(sample)
        if isRecordsWrapper(rest) { return .cloudtrail }
        if ELFColumns(header: rest) != nil { return .salesforceELF }
        return nil
    }

    /// Whether `sample` opens (after any byte-order mark and whitespace) with `{ "Records" :`, the wrapper of
    /// a whole CloudTrail file.
    package static func opensWithRecords(_ sample: UnsafeRawBufferPointer) -> Bool {
        isRecordsWrapper(withoutLeadingSpace(sample))
    }

    /// `sample` after a UTF-8 byte-order mark and whitespace.
    static func withoutLeadingSpace(_ sample: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var start = 0
        if sample.count >= 3 && sample[0] == 0xEF && sample[1] == 0xBB && sample[2] == 0xBF { start = 3 }
        while start < sample.count && ASCII.isWhitespace(sample[start]) { start += 1 }
        return UnsafeRawBufferPointer(rebasing: sample[start...])
    }

    /// Whether `text` opens with `{ "Records" :` (whitespace allowed between the tokens).
    static func isRecordsWrapper(_ text: UnsafeRawBufferPointer) -> Bool {
        var scanner = JSONScanner(text)
        guard scanner.current == UInt8(ascii: "{") else { return false }
        scanner.index += 1
        scanner.skipWhitespace()
        let key = ASCII.bytes("\"Records\"")
        guard scanner.index + key.count <= text.count,
              UnsafeRawBufferPointer(rebasing: text[scanner.index..<(scanner.index + key.count)]).elementsEqual(key)
        else { return false }
        scanner.index += key.count
        scanner.skipWhitespace()
        return scanner.current == UInt8(ascii: ":")
    }

    /// A JSON object with `eventSource`, `eventName` and `eventTime` or `@timestamp` at its top level.
    static func isCloudTrailEvent(_ line: UnsafeRawBufferPointer) -> Bool {
        var fields = CloudTrailFields()
        var scanner = JSONScanner(line)
        guard scanner.captureCloudTrail(into: &fields) else { return false }
        return fields.eventSource.kind != .absent && fields.eventName.kind != .absent
            && (fields.eventTime.kind != .absent || fields.logstashTimestamp.kind != .absent)
    }
}
