/// The shapes of recent compact JSON lines (their keys in order, which values are strings, and the separator
/// form), so that a line of a known shape is checked against it instead of being walked key by key.
///
/// A log writer emits the same keys in the same order on most lines, with the same kind of value under each. For
/// such a line every key's end follows from its start (the key is known), so the only search left per member is
/// one quote-map lookup for the end of its value; the keys are compared with the learned ones (one or two words)
/// and the separators checked, with no key-table lookup. Each step then waits on one search instead of several
/// dependent ones, and the checks, whose outcome is the same line after line, predict well.
///
/// Shapes are kept by the line's number of quotes (a line with one more string value, or a `null` where a string
/// was, has another count): ``slots`` of them, direct-mapped, learned from a line the walk accepted and replaced by
/// the next such line with the same slot. A line is tried first against the shape of the last line matched, whose
/// quotes it then need not count. The memory is the caller's (one allocation per parse call, ``byteCount`` bytes,
/// 8-byte aligned), starting empty.
@usableFromInline
struct LineShapes {
    /// One key of a shape and the kind of its value.
    @usableFromInline
    struct Member {
        /// The key's bytes as little-endian words, zero-padded: bytes 0-7, 8-15, 16-23 and 24-31.
        @usableFromInline var head: UInt64
        @usableFromInline var tail: UInt64
        @usableFromInline var third: UInt64
        @usableFromInline var fourth: UInt64
        /// Masks of the key's bytes in `head` and `tail`.
        @usableFromInline var headMask: UInt64
        @usableFromInline var tailMask: UInt64
        @usableFromInline var keyLength: Int
        /// Capture slot of the key, or -1.
        @usableFromInline var slot: Int
        /// Whether the value is a string (else a number or a literal).
        @usableFromInline var isString: Bool

        @inlinable
        init(
            head: UInt64, tail: UInt64, third: UInt64, fourth: UInt64, headMask: UInt64, tailMask: UInt64,
            keyLength: Int, slot: Int, isString: Bool
        ) {
            self.head = head
            self.tail = tail
            self.third = third
            self.fourth = fourth
            self.headMask = headMask
            self.tailMask = tailMask
            self.keyLength = keyLength
            self.slot = slot
            self.isString = isString
        }
    }

    /// Where a shape's members are and how its line is written.
    @usableFromInline
    struct Header {
        /// Quotes of a line of this shape; 0: the slot is empty.
        @usableFromInline var quoteCount: Int
        @usableFromInline var memberCount: Int
        /// Bytes from a colon or comma to the next token: 1 compact, 2 with one space (`json.dumps`).
        @usableFromInline var gap: Int

        @inlinable
        init(quoteCount: Int, memberCount: Int, gap: Int) {
            self.quoteCount = quoteCount
            self.memberCount = memberCount
            self.gap = gap
        }
    }

    /// Shapes kept at once.
    @inlinable
    static var slots: Int { 8 }

    /// Most members a shape has; lines with more are always walked.
    @inlinable
    static var maximumMembers: Int { 32 }

    /// Longest key of a shape; lines with a longer key are always walked.
    @inlinable
    static var maximumKeyLength: Int { 32 }

    /// Bytes of memory the shapes need.
    @inlinable
    static var byteCount: Int {
        slots &* MemoryLayout<Header>.stride &+ slots &* maximumMembers &* MemoryLayout<Member>.stride
            &+ MemoryLayout<Int>.stride
    }

    @usableFromInline let headers: UnsafeMutablePointer<Header>
    @usableFromInline let members: UnsafeMutablePointer<Member>
    /// The slot of the last line matched or learned, tried first on the next line; -1 before any.
    @usableFromInline let lastMatched: UnsafeMutablePointer<Int>

    /// Shapes in `memory` (``byteCount`` bytes, 8-byte aligned), all slots empty.
    @inlinable
    init(memory: UnsafeMutableRawPointer) {
        headers = memory.bindMemory(to: Header.self, capacity: Self.slots)
        headers.initialize(repeating: Header(quoteCount: 0, memberCount: 0, gap: 1), count: Self.slots)
        // A slot's members are written by `learn` before its header says it holds a shape.
        let memberMemory = memory + Self.slots &* MemoryLayout<Header>.stride
        members = memberMemory.bindMemory(to: Member.self, capacity: Self.slots &* Self.maximumMembers)
        let stateMemory = memberMemory + Self.slots &* Self.maximumMembers &* MemoryLayout<Member>.stride
        lastMatched = stateMemory.bindMemory(to: Int.self, capacity: 1)
        lastMatched.initialize(to: -1)
    }

    /// The slot of lines with `quoteCount` quotes (always even on a well-formed line).
    @inlinable @inline(__always)
    static func slot(quoteCount: Int) -> Int { (quoteCount &>> 1) & (slots &- 1) }

    /// Learns the shape of `bytes`, a line the compact walk has just accepted (so well-formed: `{`, then members
    /// `"key":value` separated by `,` and the gap, then `}`), whose quote map is `quotes`. A line with too many
    /// members or too long a key empties its slot instead.
    @inlinable
    func learn(
        _ bytes: UnsafeRawBufferPointer, quotes: UnsafeMutablePointer<UInt64>, quoteCount: Int, gap: Int,
        table: JSONKeyTableView
    ) {
        let slot = Self.slot(quoteCount: quoteCount)
        let header = headers + slot
        header.pointee.quoteCount = 0
        if lastMatched.pointee == slot { lastMatched.pointee = -1 }
        let count = bytes.count
        let shapeMembers = members + slot &* Self.maximumMembers
        var memberCount = 0
        var keyOpen = 1
        while true {
            let keyStart = keyOpen &+ 1
            let keyEnd = CompactLineScanner.nextQuote(from: keyStart, quotes: quotes, count: count)
            let keyLength = keyEnd &- keyStart
            guard keyEnd > 0 && keyLength <= Self.maximumKeyLength && memberCount < Self.maximumMembers else { return }
            let valueStart = keyEnd &+ 1 &+ gap
            guard valueStart < count else { return }
            let found = table.lookup(node: 0, in: bytes, start: keyStart, end: keyEnd)
            let isString = bytes[valueStart] == UInt8(ascii: "\"")
            // The byte after the value: `,` before the next member, `}` at the end.
            let after: Int
            if isString {
                after = CompactLineScanner.nextQuote(from: valueStart &+ 1, quotes: quotes, count: count) &+ 1
            } else {
                let next = CompactLineScanner.nextQuote(from: valueStart, quotes: quotes, count: count)
                after = next < 0 ? count &- 1 : next &- gap
            }
            // Only a well-formed line gets here; should one not be, its slot stays empty (and the loop ends).
            guard after > valueStart && after < count else { return }
            (shapeMembers + memberCount).initialize(
                to: Member(
                    head: Self.word(bytes, from: keyStart, part: 0, keyLength: keyLength),
                    tail: Self.word(bytes, from: keyStart, part: 1, keyLength: keyLength),
                    third: Self.word(bytes, from: keyStart, part: 2, keyLength: keyLength),
                    fourth: Self.word(bytes, from: keyStart, part: 3, keyLength: keyLength),
                    headMask: Self.mask(bytes: keyLength), tailMask: Self.mask(bytes: keyLength &- 8),
                    keyLength: keyLength, slot: found >= 0 ? table.entries[found].slot : -1, isString: isString))
            memberCount &+= 1
            if bytes[after] == UInt8(ascii: "}") { break }
            keyOpen = after &+ gap
        }
        header.pointee = Header(quoteCount: quoteCount, memberCount: memberCount, gap: gap)
        lastMatched.pointee = slot
    }

    /// Word `part` (bytes `8 * part` to `8 * part + 7`) of the `keyLength`-byte key at `from`, zero-padded,
    /// assembled byte by byte (learning only).
    @inlinable
    static func word(_ bytes: UnsafeRawBufferPointer, from: Int, part: Int, keyLength: Int) -> UInt64 {
        var word: UInt64 = 0
        var offset = part &* 8
        while offset < min(keyLength, part &* 8 &+ 8) {
            word |= UInt64(bytes[from &+ offset]) &<< UInt64((offset & 7) &* 8)
            offset &+= 1
        }
        return word
    }

    /// A mask of the first `bytes` bytes of a word (all of it from 8, none up to 0).
    @inlinable
    static func mask(bytes: Int) -> UInt64 {
        bytes >= 8 ? ~0 : bytes <= 0 ? 0 : (1 &<< UInt64(bytes &* 8)) &- 1
    }
}
