/// What kind of JSON value a mapped field held.
@usableFromInline
enum JSONValueKind: UInt8 {
    case absent
    case string
    /// A string with backslash escapes: it must be unescaped before use.
    case escapedString
    case number
    case trueLiteral
    case falseLiteral
    case null
    case object
    case array
}

/// Where a mapped field's value sits in its line; for strings, the bytes between the quotes.
@usableFromInline
struct JSONValueSpan {
    @usableFromInline var start: Int
    @usableFromInline var end: Int
    @usableFromInline var kind: JSONValueKind

    @inlinable
    init(start: Int, end: Int, kind: JSONValueKind) {
        self.start = start
        self.end = end
        self.kind = kind
    }

    @inlinable
    static var absent: JSONValueSpan { JSONValueSpan(start: 0, end: 0, kind: .absent) }

    /// The value is a string (escaped or not).
    @inlinable
    var isString: Bool { kind == .string || kind == .escapedString }
}
