/// Where one CSV field's value sits in its text: for a quoted field, the bytes between the quotes.
@usableFromInline
struct CSVField {
    @usableFromInline var start: Int
    @usableFromInline var end: Int
    /// The value holds doubled quotes (`""`) that stand for one `"` each: unquote it before use.
    @usableFromInline var hasDoubledQuotes: Bool

    @inlinable
    init(start: Int, end: Int, hasDoubledQuotes: Bool) {
        self.start = start
        self.end = end
        self.hasDoubledQuotes = hasDoubledQuotes
    }

    @inlinable
    static var empty: CSVField { CSVField(start: 0, end: 0, hasDoubledQuotes: false) }

    /// The field has no value (an empty field, quoted or not).
    @inlinable
    var isEmpty: Bool { end <= start }
}

/// The fields of one CSV record, as found by ``CSVRecordScanner``.
@usableFromInline
struct CSVRecord {
    /// Fields found, including any past the capacity of the field buffer (those are not stored).
    @usableFromInline var fieldCount: Int
    /// Index just past the record's terminating `\n` (or the end of the text).
    @usableFromInline var next: Int
    /// An unterminated quoted field, or bytes between a closing quote and the next separator.
    @usableFromInline var malformed: Bool
    /// The record is empty or whitespace only (skipped, not counted).
    @usableFromInline var blank: Bool

    @inlinable
    init(fieldCount: Int, next: Int, malformed: Bool, blank: Bool) {
        self.fieldCount = fieldCount
        self.next = next
        self.malformed = malformed
        self.blank = blank
    }
}
