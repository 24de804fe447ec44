import LeakWatchParsing

/// Reads an HTTP `Retry-After` value: delay seconds (`120`) or an HTTP date (`Wed, 21 Oct 2026 07:28:00 GMT`,
/// and the obsolete RFC 850 and asctime forms RFC 9110 asks recipients to accept).
package enum RetryAfter {
    /// The wait the value asks for, measured from `nowMillis`; zero for a date in the past, nil when unreadable.
    package static func delay(_ value: String, nowMillis: Int64) -> Duration? {
        let text = value.trimmingSpaces
        if !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            guard let seconds = Int64(text) else { return nil }
            return .seconds(seconds)
        }
        guard let date = httpDateMillis(text) else { return nil }
        return .milliseconds(max(0, date - nowMillis))
    }

    /// Epoch milliseconds of an HTTP date in any of its three forms, or nil.
    static func httpDateMillis(_ text: String) -> Int64? {
        let words = text.split(separator: " ")
        var day: Substring, month: Substring, year: Substring, time: Substring
        switch words.count {
        case 6 where words[5] == "GMT":  // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
            (day, month, year, time) = (words[1], words[2], words[3], words[4])
        case 4 where words[3] == "GMT":  // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
            let parts = words[1].split(separator: "-")
            guard parts.count == 3, let short = Int(parts[2]) else { return nil }
            let fullYear = Substring(String(short < 70 ? 2000 + short : 1900 + short))
            (day, month, year, time) = (parts[0], parts[1], fullYear, words[2])
        case 5:  // asctime: Sun Nov  6 08:49:37 1994
            (day, month, year, time) = (words[2], words[1], words[4], words[3])
        default:
            return nil
        }
        guard let monthNumber = months.firstIndex(of: String(month)), let dayNumber = Int(day), year.count == 4,
            time.count == 8
        else { return nil }
        let twoDigits = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return Timestamps.parse(rfc3339: "\(year)-\(twoDigits(monthNumber + 1))-\(twoDigits(dayNumber))T\(time)Z")
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let isSpace = { (character: Character) in character == " " || character == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
