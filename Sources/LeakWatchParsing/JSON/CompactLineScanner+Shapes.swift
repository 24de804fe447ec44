extension CompactLineScanner {
    /// Captures the mapped values of `bytes` (starting `{"`, quote map in `quotes`) as a line of a known shape:
    /// that of the last line matched, else the one learned for the line's number of quotes (counted only then);
    /// false when neither fits exactly. Captures may then be partly written, and `quoteCount` holds the line's
    /// quotes.
    @inlinable @inline(__always)
    static func captureShaped(
        _ bytes: UnsafeRawBufferPointer, shapes: LineShapes, captures: UnsafeMutableBufferPointer<JSONValueSpan>,
        quotes: UnsafeMutablePointer<UInt64>, quoteCount: inout Int
    ) -> Bool {
        let last = shapes.lastMatched.pointee
        if last >= 0 && match(bytes, slot: last, shapes: shapes, captures: captures, quotes: quotes) { return true }
        quoteCount = Self.quoteCount(quotes, count: bytes.count)
        let slot = LineShapes.slot(quoteCount: quoteCount)
        guard slot != last && shapes.headers[slot].quoteCount == quoteCount else { return false }
        captures.update(repeating: .absent)
        guard match(bytes, slot: slot, shapes: shapes, captures: captures, quotes: quotes) else { return false }
        shapes.lastMatched.pointee = slot
        return true
    }

    /// Whether `bytes` has exactly the shape in `slot` (which holds one), capturing its mapped values.
    @inlinable @inline(__always)
    static func match(
        _ bytes: UnsafeRawBufferPointer, slot: Int, shapes: LineShapes,
        captures: UnsafeMutableBufferPointer<JSONValueSpan>, quotes: UnsafeMutablePointer<UInt64>
    ) -> Bool {
        let header = shapes.headers[slot]
        let members = shapes.members + slot &* LineShapes.maximumMembers
        if header.gap == 1 {
            return match(bytes, members: members, memberCount: header.memberCount, captures: captures, quotes: quotes,
                         gap: 1)
        }
        return matchSpaced(bytes, members: members, memberCount: header.memberCount, captures: captures, quotes: quotes)
    }

    /// ``match(_:members:memberCount:captures:quotes:gap:)`` for spaced lines, out of line.
    @inlinable @inline(never)
    static func matchSpaced(
        _ bytes: UnsafeRawBufferPointer, members: UnsafeMutablePointer<LineShapes.Member>, memberCount: Int,
        captures: UnsafeMutableBufferPointer<JSONValueSpan>, quotes: UnsafeMutablePointer<UInt64>
    ) -> Bool {
        match(bytes, members: members, memberCount: memberCount, captures: captures, quotes: quotes, gap: 2)
    }

    /// Checks that `bytes` is `{`, then the shape's members in order (each key, `:`, the gap, a value of the
    /// member's kind), separated by `,` and the gap, then `}` and nothing more, capturing the mapped values. Every
    /// byte of the line is accounted for: keys are compared, separators checked, a string runs to the next quote
    /// (the line has no backslash) and a scalar to the byte before the next member (validated as the walk would).
    /// The one search per member is the quote that ends its value, or starts the next key.
    @inlinable @inline(__always)
    static func match(
        _ bytes: UnsafeRawBufferPointer, members: UnsafeMutablePointer<LineShapes.Member>, memberCount: Int,
        captures: UnsafeMutableBufferPointer<JSONValueSpan>, quotes: UnsafeMutablePointer<UInt64>, gap: Int
    ) -> Bool {
        let count = bytes.count
        let quote = UInt8(ascii: "\"")
        let space = UInt8(ascii: " ")
        var keyOpen = 1
        var index = 0
        while true {
            let member = members[index]
            let keyStart = keyOpen &+ 1
            let keyEnd = keyStart &+ member.keyLength
            let valueStart = keyEnd &+ 1 &+ gap
            guard valueStart < count && bytes[keyOpen] == quote && bytes[keyEnd] == quote
                && bytes[keyEnd &+ 1] == UInt8(ascii: ":") && keyMatches(bytes, at: keyStart, member: member)
            else { return false }
            if gap == 2 {
                guard bytes[keyEnd &+ 2] == space else { return false }
            }
            let span: JSONValueSpan
            // The byte after the value: `,` before the next member, `}` after the last.
            let after: Int
            if member.isString {
                guard bytes[valueStart] == quote else { return false }
                let end = quoteAtOrAfter(valueStart &+ 1, quotes: quotes, count: count)
                guard end >= 0 else { return false }
                span = JSONValueSpan(start: valueStart &+ 1, end: end, kind: .string)
                after = end &+ 1
            } else {
                let next = quoteAtOrAfter(valueStart, quotes: quotes, count: count)
                after = next < 0 ? count &- 1 : next &- gap
                let kind = scalarKind(bytes, start: valueStart, end: after)
                guard kind != .absent else { return false }
                span = JSONValueSpan(start: valueStart, end: after, kind: kind)
            }
            if member.slot >= 0 { captures[member.slot] = span }
            index &+= 1
            if index == memberCount {
                return after &+ 1 == count && bytes[after] == UInt8(ascii: "}")
            }
            guard after &+ gap < count && bytes[after] == UInt8(ascii: ",") else { return false }
            if gap == 2 {
                guard bytes[after &+ 1] == space else { return false }
            }
            keyOpen = after &+ gap
        }
    }

    /// Whether the key at `start` is the member's: as masked words where the line has 32 bytes from there (keys
    /// are followed by at least `":` and a value), else byte by byte.
    @inlinable @inline(__always)
    static func keyMatches(_ bytes: UnsafeRawBufferPointer, at start: Int, member: LineShapes.Member) -> Bool {
        guard start &+ 32 <= bytes.count else { return keyMatchesByBytes(bytes, at: start, member: member) }
        let first = SWAR.load(bytes, at: start) & member.headMask
        let second = SWAR.load(bytes, at: start &+ 8) & member.tailMask
        guard first == member.head && second == member.tail else { return false }
        guard member.keyLength > 16 else { return true }
        return SWAR.load(bytes, at: start &+ 16) & LineShapes.mask(bytes: member.keyLength &- 16) == member.third
            && SWAR.load(bytes, at: start &+ 24) & LineShapes.mask(bytes: member.keyLength &- 24) == member.fourth
    }

    /// ``keyMatches(_:at:member:)`` one byte at a time, near the end of a line.
    @inlinable
    static func keyMatchesByBytes(_ bytes: UnsafeRawBufferPointer, at start: Int, member: LineShapes.Member) -> Bool {
        let length = member.keyLength
        guard start &+ length <= bytes.count else { return false }
        for offset in 0..<length {
            let word: UInt64
            switch offset &>> 3 {
            case 0: word = member.head
            case 1: word = member.tail
            case 2: word = member.third
            default: word = member.fourth
            }
            if bytes[start &+ offset] != UInt8(truncatingIfNeeded: word &>> UInt64((offset & 7) &* 8)) { return false }
        }
        return true
    }

    /// The kind of the scalar `bytes[start..<end]` (a number, `true`, `false` or `null`, exactly), or
    /// ``JSONValueKind/absent`` when it is none of them.
    @inlinable @inline(__always)
    static func scalarKind(_ bytes: UnsafeRawBufferPointer, start: Int, end: Int) -> JSONValueKind {
        let length = end &- start
        guard length > 0 else { return .absent }
        // Most numbers in logs are up to eight digits, with at most one `.` between them: checked as one word.
        if length <= 8 && start &+ 8 <= bytes.count {
            let word = SWAR.load(bytes, at: start)
            let lanes = (~0 &>> UInt64(truncatingIfNeeded: 64 &- length &* 8)) & 0x8080_8080_8080_8080
            let nonDigits = SWAR.nonDigitBytes(word) & lanes
            if nonDigits == 0 { return .number }
            // A lone `.` (the lowest flagged lane is exact; a false flag above it fails the one-bit test).
            let dots = SWAR.zeroBytes(word ^ SWAR.broadcast(UInt8(ascii: "."))) & lanes
            if nonDigits == dots && dots.nonzeroBitCount == 1 {
                let lane = dots.trailingZeroBitCount &>> 3
                if lane != 0 && lane != length &- 1 { return .number }
            }
        }
        return scalarKindByScanning(bytes, start: start, end: end)
    }

    /// ``scalarKind(_:start:end:)`` for every other scalar: through the scanner.
    @inlinable
    static func scalarKindByScanning(_ bytes: UnsafeRawBufferPointer, start: Int, end: Int) -> JSONValueKind {
        var scanner = JSONScanner(bytes)
        scanner.index = start
        let kind: JSONValueKind
        switch bytes[start] {
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            guard scanner.skipNumber() else { return .absent }
            kind = .number
        case UInt8(ascii: "t"):
            guard scanner.skipLiteral("true") else { return .absent }
            kind = .trueLiteral
        case UInt8(ascii: "f"):
            guard scanner.skipLiteral("false") else { return .absent }
            kind = .falseLiteral
        case UInt8(ascii: "n"):
            guard scanner.skipLiteral("null") else { return .absent }
            kind = .null
        default:
            return .absent
        }
        return scanner.index == end ? kind : .absent
    }

    /// Index of the first quote at or after `from` (before `count`), or -1: the 64 bits of the map from `from` on are
    /// read as one window from two words, so that a quote within 64 bytes is found without a loop. `quotes` must
    /// have a readable word after the line's last (``mapWords`` + 1 in all); bits at or past `count` are ignored.
    @inlinable @inline(__always)
    static func quoteAtOrAfter(_ from: Int, quotes: UnsafeMutablePointer<UInt64>, count: Int) -> Int {
        guard from < count else { return -1 }
        let word = from &>> 6
        let shift = UInt64(truncatingIfNeeded: from & 63)
        let window = (quotes[word] &>> shift) | ((quotes[word &+ 1] &<< (63 &- shift)) &<< 1)
        if window != 0 {
            let found = from &+ window.trailingZeroBitCount
            return found < count ? found : -1
        }
        return nextQuote(from: from &+ 64, quotes: quotes, count: count)
    }

    /// Quotes in the map of a `count`-byte line.
    @inlinable @inline(__always)
    static func quoteCount(_ quotes: UnsafeMutablePointer<UInt64>, count: Int) -> Int {
        var total = 0
        var word = 0
        let lastWord = (count &- 1) &>> 6
        while word <= lastWord {
            total &+= quotes[word].nonzeroBitCount
            word &+= 1
        }
        return total
    }
}
