import Glibc

extension LineBlockReader {
    /// ``RecordFraming/csv``'s `absorb`: moves `lineEnd` past the last complete record, drops records longer than
    /// `maxLineBytes` (counted as lines too long) and counts records rather than newlines.
    func absorbCSV(_ block: LineBlock, _ scan: inout LineScan, newBytes: Int) {
        let base = block.base
        let regionStart = scan.used
        scan.used += newBytes
        if skippingLongLine {
            // The tail of a dropped record: discard through its end.
            guard let end = CSVRecordEnds.next(base, from: regionStart, to: scan.used, inQuotes: &skipInQuotes) else {
                scan.used = regionStart
                return
            }
            let rest = scan.used - end
            if rest > 0 { memmove(base + regionStart, base + end, rest) }
            scan.used = regionStart + rest
            skippingLongLine = false
        }
        var lineStart = scan.lineEnd
        let window = maxLineBytes + 1
        while lineStart < scan.used {
            var inQuotes = false
            let limit = min(scan.used, lineStart + window)
            if let end = CSVRecordEnds.next(base, from: lineStart, to: limit, inQuotes: &inQuotes) {
                lineStart = end
                continue
            }
            guard limit - lineStart == window else { break }  // a partial record that may still be completed
            stats.linesTooLong += 1
            guard let end = CSVRecordEnds.next(base, from: limit, to: scan.used, inQuotes: &inQuotes) else {
                scan.used = lineStart
                skippingLongLine = true
                skipInQuotes = inQuotes
                break
            }
            let rest = scan.used - end
            if rest > 0 { memmove(base + lineStart, base + end, rest) }
            scan.used = lineStart + rest
        }
        scan.lineEnd = lineStart
    }
}
