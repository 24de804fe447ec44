/// Escapes text for HTML and SVG. Key names come from logs, so everything that reaches the page goes through
/// here: element text and attribute values alike.
package enum HTMLEscaping {
    /// `text` with `& < > " '` replaced by character references (safe in element text and quoted attributes).
    package static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
