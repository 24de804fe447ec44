/// The heuristics of ``EndpointTemplater/Rules`` in the form the hot loop reads: one pass over a segment
/// counts its character classes, then a few compares decide.
@usableFromInline
package struct SegmentRules: Sendable {
    @usableFromInline let numericIDs: Bool
    @usableFromInline let uuids: Bool
    @usableFromInline let hexStrings: Bool
    @usableFromInline let emails: Bool
    @usableFromInline let tokens: Bool
    @usableFromInline let dates: Bool
    @usableFromInline let hexMinLength: Int
    @usableFromInline let tokenMinLength: Int
    @usableFromInline let maxSegments: Int

    package init(_ rules: EndpointTemplater.Rules) {
        numericIDs = rules.numericIDs
        uuids = rules.uuids
        hexStrings = rules.hexStrings
        emails = rules.emails
        tokens = rules.tokens
        dates = rules.dates
        hexMinLength = max(1, rules.hexMinLength)
        tokenMinLength = max(1, rules.tokenMinLength)
        maxSegments = max(1, rules.maxSegments)
    }

    /// The placeholder for `segment` (non-empty), whose value as a resource id is `id` (``ResourceID``), or
    /// `.none` to keep it: an all-digit segment is `{id}` at once when numeric ids are on, since every path
    /// through the rules would end at the id rule.
    @inlinable @inline(__always)
    package func placeholder(forSegment segment: UnsafeRawBufferPointer, id: Int64?) -> Placeholder {
        id != nil && numericIDs ? .id : classify(segment)
    }

    /// The placeholder for `segment` (non-empty), or `.none` to keep it.
    ///
    /// Two shapes that make up most segments are decided with word-wide checks before the byte loops, with the
    /// same result: a UUID (the first rule of ``classifyLong(_:)``), and a short segment with no digit or `@`,
    /// which no rule of ``classifyShort(_:)`` can match.
    @inlinable
    package func classify(_ segment: UnsafeRawBufferPointer) -> Placeholder {
        let length = segment.count
        if length < shortLength && length != 10 {
            if length >= 4 && !SegmentShape.mayBeIDOrEmail(segment) { return .none }
            return classifyShort(segment)
        }
        if uuids && length == 36 && SegmentShape.isUUID(segment) { return .uuid }
        return classifyLong(segment)
    }

    /// Below this length only the id and e-mail rules can match (dates, 10 long, are sent the long way).
    @inlinable
    package var shortLength: Int { min(hexMinLength, tokenMinLength, 36) }

    /// The cheap check for short segments (`api`, `v2`, `contacts`, `48213`): ids and e-mails only, in one pass.
    @inlinable
    package func classifyShort(_ segment: UnsafeRawBufferPointer) -> Placeholder {
        let length = segment.count
        var leadingLetters = 0
        var digits = 0
        var sawAt = false
        var index = 0
        while index < length {
            let byte = segment[index]
            if ASCII.isDigit(byte) {
                digits &+= 1
            } else if ASCII.isLetter(byte) {
                if leadingLetters == index { leadingLetters &+= 1 }
            } else if byte == UInt8(ascii: "@") {
                sawAt = true
            } else if byte == UInt8(ascii: "%") && index &+ 2 < length && segment[index &+ 1] == UInt8(ascii: "4")
                && segment[index &+ 2] == UInt8(ascii: "0")
            {
                sawAt = true
            }
            index &+= 1
        }
        if numericIDs && leadingLetters &+ digits == length
            && (leadingLetters == 0 || (leadingLetters <= 2 && digits >= 4))
        {
            return .id
        }
        if emails && sawAt { return .email }
        return .none
    }

    /// The full classification: one pass counting character classes, then the rules in order.
    @inlinable
    package func classifyLong(_ segment: UnsafeRawBufferPointer) -> Placeholder {
        let length = segment.count
        var digits = 0
        var letters = 0
        var hexLetters = 0
        var dashes = 0
        var tokenPunctuation = 0  // `_ + = . ~`
        var other = 0
        var sawAt = false
        var leadingLetters = 0
        var changes = 0  // letter↔digit adjacencies
        var run = 0
        var longestRun = 0
        var previous: UInt8 = 0  // 1 letter, 2 digit, 0 other
        var index = 0
        while index < length {
            let byte = segment[index]
            var kind: UInt8 = 0
            if ASCII.isDigit(byte) {
                digits &+= 1
                kind = 2
            } else if ASCII.isLetter(byte) {
                letters &+= 1
                if (byte | 0x20) &- UInt8(ascii: "a") < 6 { hexLetters &+= 1 }
                if leadingLetters == index { leadingLetters &+= 1 }
                kind = 1
            } else if byte == UInt8(ascii: "-") {
                dashes &+= 1
            } else if byte == UInt8(ascii: "_") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "=")
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "~")
            {
                tokenPunctuation &+= 1
            } else {
                other &+= 1
                if byte == UInt8(ascii: "@") {
                    sawAt = true
                } else if byte == UInt8(ascii: "%") && index &+ 2 < length && segment[index &+ 1] == UInt8(ascii: "4")
                    && segment[index &+ 2] == UInt8(ascii: "0")
                {
                    sawAt = true
                }
            }
            if kind != 0 {
                if previous != 0 && previous != kind { changes &+= 1 }
                run &+= 1
                if run > longestRun { longestRun = run }
            } else {
                run = 0
            }
            previous = kind
            index &+= 1
        }

        if uuids && length == 36 && dashes == 4 && digits &+ hexLetters == 32
            && segment[8] == UInt8(ascii: "-") && segment[13] == UInt8(ascii: "-")
            && segment[18] == UInt8(ascii: "-") && segment[23] == UInt8(ascii: "-")
        {
            return .uuid
        }
        if dates && length == 10 && digits == 8 && segment[4] == UInt8(ascii: "-") && segment[7] == UInt8(ascii: "-") {
            return .date
        }
        if numericIDs {
            if digits == length { return .id }
            if digits >= 4 && leadingLetters <= 2 && leadingLetters &+ digits == length { return .id }
        }
        if emails && sawAt { return .email }
        if hexStrings && length >= hexMinLength && digits > 0 && digits &+ hexLetters == length { return .hex }
        if tokens && length >= tokenMinLength && other == 0 && digits > 0 && letters > 0
            && (changes >= 2 || longestRun >= 20)
        {
            return .token
        }
        return .none
    }
}
