/// A cursor over one JSON line that validates and skips values without building anything.
///
/// All reads are `bytes[index]` after an `index < bytes.count` check, so a truncated line fails cleanly.
@usableFromInline
struct JSONScanner {
    @usableFromInline let bytes: UnsafeRawBufferPointer
    @usableFromInline var index: Int

    /// Deeper nesting than this is refused (malformed) rather than recursed into.
    @inlinable
    static var maximumDepth: Int { 64 }

    @inlinable
    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        self.index = 0
    }

    @inlinable @inline(__always)
    var isAtEnd: Bool { index >= bytes.count }

    /// The current byte, or 0 at the end (0 never starts a valid token).
    @inlinable @inline(__always)
    var current: UInt8 { index < bytes.count ? bytes[index] : 0 }

    @inlinable @inline(__always)
    mutating func skipWhitespace() {
        while index < bytes.count && ASCII.isWhitespace(bytes[index]) {
            index &+= 1
        }
    }

    /// At an opening quote: moves past the closing quote, validating escapes.
    ///
    /// - Parameter sawEscape: set when the string contains a backslash escape.
    /// - Returns: false for an unterminated string or an invalid escape.
    @inlinable
    mutating func skipString(sawEscape: inout Bool) -> Bool {
        let count = bytes.count
        let quotes = SWAR.broadcast(UInt8(ascii: "\""))
        let backslashes = SWAR.broadcast(UInt8(ascii: "\\"))
        index &+= 1
        while true {
            // Jump eight bytes at a time to the next quote or backslash.
            while index &+ 8 <= count {
                let word = SWAR.load(bytes, at: index)
                let hits = SWAR.zeroBytes(word ^ quotes) | SWAR.zeroBytes(word ^ backslashes)
                if hits != 0 {
                    index &+= hits.trailingZeroBitCount &>> 3
                    break
                }
                index &+= 8
            }
            guard index < count else { return false }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index &+= 1
                return true
            }
            if byte == UInt8(ascii: "\\") {
                sawEscape = true
                guard skipEscape() else { return false }
            } else {
                index &+= 1
            }
        }
    }

    /// At a backslash: moves past one valid escape (`\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`, `\uXXXX`).
    @inlinable
    mutating func skipEscape() -> Bool {
        guard index &+ 1 < bytes.count else { return false }
        switch bytes[index &+ 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            index &+= 2
            return true
        case UInt8(ascii: "u"):
            guard index &+ 6 <= bytes.count else { return false }
            var offset = 2
            while offset < 6 {
                if ASCII.hexValue(bytes[index &+ offset]) == 0xFF { return false }
                offset &+= 1
            }
            index &+= 6
            return true
        default:
            return false
        }
    }

    /// Moves past a number with JSON's grammar: `-? digits (. digits)? ([eE] [+-]? digits)?`.
    @inlinable @inline(__always)
    mutating func skipNumber() -> Bool {
        if current == UInt8(ascii: "-") { index &+= 1 }
        guard skipDigits() else { return false }
        if current == UInt8(ascii: ".") {
            index &+= 1
            guard skipDigits() else { return false }
        }
        if current | 0x20 == UInt8(ascii: "e") {
            index &+= 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index &+= 1 }
            guard skipDigits() else { return false }
        }
        return true
    }

    /// Moves past one or more digits; false when there is none. Eight bytes at a time where the line has them,
    /// so that the end of a number costs no mispredicted loop exit.
    @inlinable @inline(__always)
    mutating func skipDigits() -> Bool {
        let start = index
        let count = bytes.count
        if index &+ 8 <= count {
            let nonDigits = SWAR.nonDigitBytes(SWAR.load(bytes, at: index))
            if nonDigits != 0 {
                index &+= nonDigits.trailingZeroBitCount &>> 3
                return index > start
            }
            index &+= 8
        }
        while index < count && ASCII.isDigit(bytes[index]) {
            index &+= 1
        }
        return index > start
    }

    /// Moves past `word` (`true`, `false`, `null`) when it is next.
    @inlinable @inline(__always)
    mutating func skipLiteral(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index &+ count <= bytes.count else { return false }
        let letters = word.utf8Start
        var offset = 0
        while offset < count {
            if bytes[index &+ offset] != letters[offset] { return false }
            offset &+= 1
        }
        index &+= count
        return true
    }

    /// Moves past any value at the cursor (which must not be whitespace).
    @inlinable
    mutating func skipValue(depth: Int) -> Bool {
        switch current {
        case UInt8(ascii: "\""):
            var sawEscape = false
            return skipString(sawEscape: &sawEscape)
        case UInt8(ascii: "{"): return skipObject(depth: depth &+ 1)
        case UInt8(ascii: "["): return skipArray(depth: depth &+ 1)
        case UInt8(ascii: "t"): return skipLiteral("true")
        case UInt8(ascii: "f"): return skipLiteral("false")
        case UInt8(ascii: "n"): return skipLiteral("null")
        default: return skipNumber()
        }
    }

    /// At `{`: moves past the whole object.
    @inlinable
    mutating func skipObject(depth: Int) -> Bool {
        walkMembers(depth: depth) { scanner, _, _ in scanner.skipValue(depth: depth) }
    }

    /// At `[`: moves past the whole array.
    @inlinable
    mutating func skipArray(depth: Int) -> Bool {
        guard depth <= Self.maximumDepth else { return false }
        index &+= 1
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            index &+= 1
            return true
        }
        while true {
            guard skipValue(depth: depth) else { return false }
            switch skipSeparator(closing: UInt8(ascii: "]")) {
            case .more: continue
            case .closed: return true
            case .invalid: return false
            }
        }
    }

    /// After a key: moves past `:` and the whitespace around it.
    @inlinable @inline(__always)
    mutating func skipColon() -> Bool {
        if current == UInt8(ascii: ":") && index &+ 1 < bytes.count && !ASCII.isWhitespace(bytes[index &+ 1]) {
            index &+= 1  // the compact `"key":value` form
            return true
        }
        skipWhitespace()
        guard current == UInt8(ascii: ":") else { return false }
        index &+= 1
        skipWhitespace()
        return index < bytes.count
    }

    @usableFromInline
    enum Separator {
        case more
        case closed
        case invalid
    }

    /// After a member or element: moves past `,` (and whitespace) or the `closing` bracket.
    @inlinable @inline(__always)
    mutating func skipSeparator(closing: UInt8) -> Separator {
        skipWhitespace()
        let byte = current
        if byte == UInt8(ascii: ",") {
            index &+= 1
            skipWhitespace()
            return .more
        }
        if byte == closing {
            index &+= 1
            return .closed
        }
        return .invalid
    }
}
