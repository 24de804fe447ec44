/// Guesses a file's format from its first lines.
package enum FormatDetector {
    /// How many non-empty lines are looked at.
    package static let sampleLines = 20

    /// The format most of the first (up to 20) non-empty lines of `sample` are in, or nil when none matches.
    ///
    /// Whole-file shapes are recognised first: an EventLogFile CSV by its header row (naming `EVENT_TYPE` and
    /// `TIMESTAMP` or `TIMESTAMP_DERIVED`), a CloudTrail file by its opening `{"Records":`. Then lines vote: a
    /// JSON line is one well-formed object (a CloudTrail event when it has `eventSource`, `eventName` and
    /// `eventTime` or `@timestamp`); a combined line is one the Combined Log Format scanner accepts (outer quotes
    /// included). A last line without `\n` is ignored when complete lines came before it. Ties go to JSON.
    package static func detect(_ sample: UnsafeRawBufferPointer) -> LogFormat? {
        if let whole = detectWholeFile(sample) { return whole }
        let count = sample.count
        var cloudTrailVotes = 0
        var jsonVotes = 0
        var combinedVotes = 0
        var seen = 0
        var lineStart = 0
        while lineStart < count && seen < sampleLines {
            var lineEnd = lineStart
            while lineEnd < count && sample[lineEnd] != UInt8(ascii: "\n") {
                lineEnd += 1
            }
            if lineEnd == count && seen > 0 { break }
            var start = lineStart
            var end = lineEnd
            lineStart = lineEnd + 1
            while start < end && ASCII.isWhitespace(sample[start]) { start += 1 }
            while end > start && ASCII.isWhitespace(sample[end - 1]) { end -= 1 }
            if start == end { continue }
            seen += 1
            let line = UnsafeRawBufferPointer(rebasing: sample[start..<end])
            if isCloudTrailEvent(line) {
                cloudTrailVotes += 1
            } else if isJSONObject(line) {
                jsonVotes += 1
            } else if CombinedLogScanner.scan(line) != nil {
                combinedVotes += 1
            }
        }
        if jsonVotes == 0 && combinedVotes == 0 && cloudTrailVotes == 0 { return nil }
        if cloudTrailVotes > jsonVotes && cloudTrailVotes >= combinedVotes { return .cloudtrail }
        return jsonVotes + cloudTrailVotes >= combinedVotes ? .json : .combined
    }

    static func isJSONObject(_ line: UnsafeRawBufferPointer) -> Bool {
        var scanner = JSONScanner(line)
        guard scanner.current == UInt8(ascii: "{"), scanner.skipObject(depth: 1) else { return false }
        scanner.skipWhitespace()
        return scanner.isAtEnd
    }
}
