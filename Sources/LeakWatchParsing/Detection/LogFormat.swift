/// The line formats the parser reads.
package enum LogFormat: String, Sendable, CaseIterable {
    /// One JSON object per line (canonical LeakWatch fields, or mapped ones).
    case json
    /// Apache / nginx Combined Log Format, or the plain Common Log Format.
    case combined
}
