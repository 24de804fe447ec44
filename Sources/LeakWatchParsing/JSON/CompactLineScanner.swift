internal import CByteScan

/// A fast path for the common JSON line: one flat object in compact form (`{"k":v,"k":v}`) or with one space after
/// each colon and comma (`{"k": v, "k": v}`, as Python's `json.dumps` writes it), no other whitespace, no nested
/// object or array, no backslash anywhere, at most ``maximumLength`` bytes. Its quotes are found for the
/// whole line at once, 16 or 32 bytes at a time with vector compares and no step waiting on the one before, into
/// a bitmap (``mapQuotes(_:into:)``); the walk then jumps from quote to quote with bit operations instead of
/// scanning each string byte by byte. Anything else is left to ``JSONScanner/captureLine``, which also decides
/// whether the line is well-formed: the fast path accepts only lines it would accept, with the same captures.
@usableFromInline
enum CompactLineScanner {
    /// Longest line the fast path takes: its quote bitmap is ``mapWords`` words.
    @inlinable
    static var maximumLength: Int { mapWords &* 64 }

    @inlinable
    static var mapWords: Int { 64 }

    /// Captures the mapped values of `bytes`; false when the line is not one the fast path handles (the captures
    /// are then undefined, and the line must go through ``JSONScanner/captureLine``). A line of a shape in
    /// `shapes` is checked against it; any other is walked key by key, and its shape learned when it passes.
    ///
    /// - Parameters:
    ///   - captures: all ``JSONValueSpan/absent`` on entry.
    ///   - quotes: scratch for ``mapWords`` + 1 words, all of them readable.
    @inlinable
    static func capture(
        _ bytes: UnsafeRawBufferPointer, table: JSONKeyTableView, captures: UnsafeMutableBufferPointer<JSONValueSpan>,
        quotes: UnsafeMutablePointer<UInt64>, shapes: LineShapes
    ) -> Bool {
        let count = bytes.count
        guard count >= 2 && count <= maximumLength && bytes[0] == UInt8(ascii: "{") else { return false }
        guard mapQuotes(bytes, into: quotes) else { return false }
        if bytes[1] == UInt8(ascii: "}") { return count == 2 }
        var quoteCount = 0
        if captureShaped(bytes, shapes: shapes, captures: captures, quotes: quotes, quoteCount: &quoteCount) {
            return true
        }
        return walkAndLearn(bytes, quoteCount: quoteCount, table: table, captures: captures, quotes: quotes,
                            shapes: shapes)
    }

    /// Walks a line that has no known shape (or not the one known for its quote count), and learns its shape
    /// when it passes.
    @inlinable @inline(never)
    static func walkAndLearn(
        _ bytes: UnsafeRawBufferPointer, quoteCount: Int, table: JSONKeyTableView,
        captures: UnsafeMutableBufferPointer<JSONValueSpan>, quotes: UnsafeMutablePointer<UInt64>, shapes: LineShapes
    ) -> Bool {
        let count = bytes.count
        // A shape that did not fit may have written some captures.
        captures.update(repeating: .absent)
        // The separator after the first key tells the form: `":v` compact, `": v` spaced.
        let firstKeyEnd = nextQuote(from: 2, quotes: quotes, count: count)
        let spaced = firstKeyEnd > 0 && firstKeyEnd &+ 2 < count && bytes[firstKeyEnd &+ 2] == UInt8(ascii: " ")
        let walked =
            spaced
            ? walkSpaced(bytes, table: table, captures: captures, quotes: quotes)
            : walk(bytes, table: table, captures: captures, quotes: quotes, spaced: false)
        if walked {
            shapes.learn(bytes, quotes: quotes, quoteCount: quoteCount, gap: spaced ? 2 : 1, table: table)
        }
        return walked
    }

    /// ``walk(_:table:captures:quotes:spaced:)`` for spaced lines, out of line, so that the compact walk's caller
    /// stays as small as it is without it.
    @inlinable @inline(never)
    static func walkSpaced(
        _ bytes: UnsafeRawBufferPointer, table: JSONKeyTableView, captures: UnsafeMutableBufferPointer<JSONValueSpan>,
        quotes: UnsafeMutablePointer<UInt64>
    ) -> Bool {
        walk(bytes, table: table, captures: captures, quotes: quotes, spaced: true)
    }

    /// Walks the members of a flat object from its first key (after `{`), capturing the mapped values; false when
    /// the line is not one for the fast path. Compact (`spaced` false), colons and commas are followed directly by
    /// the next token; spaced, by exactly one space (`{"k": v, "k": v}`). Either way the positions follow from the
    /// quote map alone: the separators are checked, not scanned for, so that no step waits on a test for a space.
    /// Always inlined, so that each form is compiled with its own constants.
    @inlinable @inline(__always)
    static func walk(
        _ bytes: UnsafeRawBufferPointer, table: JSONKeyTableView, captures: UnsafeMutableBufferPointer<JSONValueSpan>,
        quotes: UnsafeMutablePointer<UInt64>, spaced: Bool
    ) -> Bool {
        let count = bytes.count
        let space = UInt8(ascii: " ")
        // Bytes from a colon or a comma to the next token.
        let gap = spaced ? 2 : 1
        var scanner = JSONScanner(bytes)
        scanner.index = 1
        while true {
            guard scanner.current == UInt8(ascii: "\"") else { return false }
            let keyStart = scanner.index &+ 1
            let keyEnd = nextQuote(from: keyStart, quotes: quotes, count: count)
            let valueStart = keyEnd &+ 1 &+ gap
            guard keyEnd >= 0 && valueStart < count && bytes[keyEnd &+ 1] == UInt8(ascii: ":") else { return false }
            if spaced {
                guard bytes[keyEnd &+ 2] == space else { return false }
            }
            scanner.index = valueStart
            let found = table.lookup(node: 0, in: bytes, start: keyStart, end: keyEnd)
            let slot = found >= 0 ? table.entries[found].slot : -1
            let span: JSONValueSpan
            switch bytes[valueStart] {
            case UInt8(ascii: "\""):
                let end = nextQuote(from: valueStart &+ 1, quotes: quotes, count: count)
                guard end >= 0 else { return false }
                scanner.index = end &+ 1
                span = JSONValueSpan(start: valueStart &+ 1, end: end, kind: .string)
            // Scalars as `JSONScanner.captureValue` reads them, inline: calling it cost about 1.5 % of the samples.
            case UInt8(ascii: "t"):
                guard scanner.skipLiteral("true") else { return false }
                span = JSONValueSpan(start: valueStart, end: scanner.index, kind: .trueLiteral)
            case UInt8(ascii: "f"):
                guard scanner.skipLiteral("false") else { return false }
                span = JSONValueSpan(start: valueStart, end: scanner.index, kind: .falseLiteral)
            case UInt8(ascii: "n"):
                guard scanner.skipLiteral("null") else { return false }
                span = JSONValueSpan(start: valueStart, end: scanner.index, kind: .null)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard scanner.skipNumber() else { return false }
                span = JSONValueSpan(start: valueStart, end: scanner.index, kind: .number)
            default:
                // An object, an array, whitespace or something malformed: the full scanner decides.
                return false
            }
            if slot >= 0 { captures[slot] = span }
            switch scanner.current {
            case UInt8(ascii: ","):
                scanner.index &+= gap
                if spaced {
                    guard scanner.index &- 1 < count && bytes[scanner.index &- 1] == space else { return false }
                }
            case UInt8(ascii: "}"):
                return scanner.index &+ 1 == count
            default:
                return false
            }
        }
    }

    /// Fills `quotes` with one bit per byte of `bytes` that is `"`; false when the line holds a backslash (its
    /// strings may have escaped quotes, so the fast path does not take it).
    @inlinable
    static func mapQuotes(_ bytes: UnsafeRawBufferPointer, into quotes: UnsafeMutablePointer<UInt64>) -> Bool {
        #if arch(x86_64)
        return mapQuotesInC(bytes, into: quotes)
        #else
        return mapQuotesPortably(bytes, into: quotes)
        #endif
    }

    #if arch(x86_64)
    /// ``mapQuotes(_:into:)`` through `CByteScan`, whose `pmovmskb` packs a vector compare into bits in one
    /// instruction (Swift's SIMD types cannot ask for it: ``packLanes(_:)`` takes a multiply per eight lanes), 32
    /// bytes at a time where the CPU has AVX2. Not inlinable: inlinable code cannot name an internal import.
    @usableFromInline
    static func mapQuotesInC(_ bytes: UnsafeRawBufferPointer, into quotes: UnsafeMutablePointer<UInt64>) -> Bool {
        leakwatch_map_quotes(
            bytes.baseAddress.unsafelyUnwrapped.assumingMemoryBound(to: UInt8.self), bytes.count, quotes) != 0
    }

    /// ``mapQuotesInC(_:into:)`` with SSE2 even where the CPU has AVX2 (for tests).
    static func mapQuotesWithSSE2(_ bytes: UnsafeRawBufferPointer, into quotes: UnsafeMutablePointer<UInt64>) -> Bool {
        leakwatch_map_quotes_sse2(
            bytes.baseAddress.unsafelyUnwrapped.assumingMemoryBound(to: UInt8.self), bytes.count, quotes) != 0
    }
    #endif

    /// ``mapQuotes(_:into:)`` with Swift SIMD types only: the fallback where `CByteScan` has no vector code.
    @inlinable
    static func mapQuotesPortably(_ bytes: UnsafeRawBufferPointer, into quotes: UnsafeMutablePointer<UInt64>) -> Bool {
        let count = bytes.count
        let base = bytes.baseAddress.unsafelyUnwrapped
        var backslashes = SIMD2<UInt64>()
        var offset = 0
        // 64 bytes (one word of the map) a step, as four vector compares of 16 bytes.
        while offset &+ 64 <= count {
            var word: UInt64 = 0
            var part = 0
            while part < 4 {
                word |= quoteBits(base + (offset &+ part &* 16), backslashes: &backslashes) &<< UInt64(part &* 16)
                part &+= 1
            }
            quotes[offset &>> 6] = word
            offset &+= 64
        }
        guard offset < count else { return backslashes == SIMD2<UInt64>() }
        // The last 1 to 63 bytes: 16 at a time, then one at a time, into the last word.
        var word: UInt64 = 0
        let wordStart = offset
        while offset &+ 16 <= count {
            word |= quoteBits(base + offset, backslashes: &backslashes) &<< UInt64(offset &- wordStart)
            offset &+= 16
        }
        var sawBackslash = backslashes != SIMD2<UInt64>()
        while offset < count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") { word |= 1 &<< UInt64(offset &- wordStart) }
            if byte == UInt8(ascii: "\\") { sawBackslash = true }
            offset &+= 1
        }
        quotes[wordStart &>> 6] = word
        return !sawBackslash
    }

    /// The quotes of the 16 bytes at `address` as 16 bits; their backslash lanes are or-ed into `backslashes`.
    @inlinable @inline(__always)
    static func quoteBits(_ address: UnsafeRawPointer, backslashes: inout SIMD2<UInt64>) -> UInt64 {
        let block = address.loadUnaligned(as: SIMD16<UInt8>.self)
        backslashes |= unsafeBitCast(block .== SIMD16<UInt8>(repeating: UInt8(ascii: "\\")), to: SIMD2<UInt64>.self)
        // The compare lanes read back as two words (this compiles to moves, not a per-lane loop).
        let hits = unsafeBitCast(block .== SIMD16<UInt8>(repeating: UInt8(ascii: "\"")), to: SIMD2<UInt64>.self)
        return packLanes(hits[0]) | packLanes(hits[1]) &<< 8
    }

    /// Eight compare lanes (0xFF or 0) packed to eight bits, lane `i` to bit `i`.
    @inlinable @inline(__always)
    static func packLanes(_ lanes: UInt64) -> UInt64 {
        ((lanes & 0x0101_0101_0101_0101) &* 0x0102_0408_1020_4080) &>> 56
    }

    /// Index of the first quote at or after `from` (before `count`), or -1.
    @inlinable @inline(__always)
    static func nextQuote(from: Int, quotes: UnsafeMutablePointer<UInt64>, count: Int) -> Int {
        guard from < count else { return -1 }
        var word = from &>> 6
        var bits = quotes[word] & (~0 &<< UInt64(from & 63))
        let lastWord = (count &- 1) &>> 6
        while bits == 0 {
            word &+= 1
            if word > lastWord { return -1 }
            bits = quotes[word]
        }
        return word &<< 6 &+ bits.trailingZeroBitCount
    }
}
