/// JSON string literals for the few `String` values written outside the hot path (labels, identities).
enum JSONText {
    /// `value` as a quoted JSON string, escaping quotes, backslashes and control characters.
    static func quoted(_ value: String) -> String {
        var text = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        return text + "\""
    }

    /// The UTF-8 bytes of `"key":"value"` (with a leading comma), ready to append to a line.
    static func field(_ key: String, _ value: String) -> [UInt8] {
        Array(("," + quoted(key) + ":" + quoted(value)).utf8)
    }
}
