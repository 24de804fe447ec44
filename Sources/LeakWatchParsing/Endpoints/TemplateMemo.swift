/// The endpoint keys of recent request paths within one parse call, so that a path seen again (a widget polling
/// `/api/v2/reviews?product_id=…`, a static file, a health check) reuses its key (the template's bytes in the
/// batch arena and their hash) instead of being templated, copied and hashed again.
///
/// The key of a request depends only on the method and the path's templated part (after any `scheme://host`,
/// before `?` or `#`), so those bytes are what is remembered, compared in full on every hit. Entries point into
/// the parsed text and the batch arena, both unchanged for the duration of one parse call: the memo lives on its
/// stack and starts empty for each call. A direct-mapped table: a collision only costs a template.
@usableFromInline
struct TemplateMemo {
    @usableFromInline
    struct Entry {
        /// The remembered templated part of the path (nil: an empty entry).
        @usableFromInline var path: UnsafeRawPointer?
        @usableFromInline var pathLength: Int
        /// The method's bytes as a little-endian word (methods of more than eight bytes are not remembered).
        @usableFromInline var method: UInt64
        @usableFromInline var methodLength: Int
        @usableFromInline var templated: EndpointTemplater.Templated

        @inlinable
        static var empty: Entry {
            Entry(
                path: nil, pathLength: 0, method: 0, methodLength: 0,
                templated: EndpointTemplater.Templated(key: .absent, resourceID: -1))
        }

        @inlinable
        init(
            path: UnsafeRawPointer?, pathLength: Int, method: UInt64, methodLength: Int,
            templated: EndpointTemplater.Templated
        ) {
            self.path = path
            self.pathLength = pathLength
            self.method = method
            self.methodLength = methodLength
            self.templated = templated
        }
    }

    /// Entries of the table (a power of two).
    @inlinable
    static var capacity: Int { 256 }

    @usableFromInline let entries: UnsafeMutablePointer<Entry>

    /// A memo over `entries` (``capacity`` of them), emptied.
    @inlinable
    init(entries: UnsafeMutablePointer<Entry>) {
        self.entries = entries
        clear()
    }

    /// Forgets every entry (a line that failed after templating took its arena bytes back).
    @inlinable
    func clear() {
        entries.update(repeating: .empty, count: Self.capacity)
    }

    /// The key of `method` and `path` as ``EndpointTemplater/appendKey(method:path:scratch:to:)`` writes it: the
    /// remembered one when the same method and path were templated before in this call, else a new one.
    @inlinable
    func appendKey(
        method: UnsafeRawBufferPointer, path: UnsafeRawBufferPointer, templater: EndpointTemplater,
        scratch: UnsafeMutableRawBufferPointer, to batch: inout ParsedBatch
    ) -> EndpointTemplater.Templated {
        let methodLength = method.count
        let (start, end) = EndpointTemplater.pathBounds(path)
        let length = end &- start
        guard methodLength <= 8 && length > 0, let pathBase = path.baseAddress else {
            return templater.appendKey(method: method, path: path, scratch: scratch, to: &batch)
        }
        let part = UnsafeRawBufferPointer(start: pathBase + start, count: length)
        var methodWord: UInt64 = 0
        var index = 0
        while index < methodLength {
            methodWord |= UInt64(method[index]) &<< UInt64(truncatingIfNeeded: index &* 8)
            index &+= 1
        }
        let slot = entries + Self.slot(part, method: methodWord)
        if slot.pointee.pathLength == length && slot.pointee.methodLength == methodLength
            && slot.pointee.method == methodWord,
            let remembered = slot.pointee.path, Self.equal(part, UnsafeRawBufferPointer(start: remembered, count: length))
        {
            return slot.pointee.templated
        }
        let templated = templater.appendKey(method: method, path: path, scratch: scratch, to: &batch)
        slot.pointee = Entry(
            path: part.baseAddress, pathLength: length, method: methodWord, methodLength: methodLength,
            templated: templated)
        return templated
    }

    /// Where `part` (non-empty) goes in the table: from its length, its first and last eight bytes and the method.
    @inlinable
    static func slot(_ part: UnsafeRawBufferPointer, method: UInt64) -> Int {
        let count = part.count
        var first: UInt64
        var last: UInt64
        if count >= 8 {
            first = SWAR.load(part, at: 0)
            last = SWAR.load(part, at: count &- 8)
        } else {
            first = 0
            var index = 0
            while index < count {
                first |= UInt64(part[index]) &<< UInt64(truncatingIfNeeded: index &* 8)
                index &+= 1
            }
            last = 0
        }
        let mixed = (first &* 0x9E37_79B9_7F4A_7C15) ^ (last &* 0xC2B2_AE3D_27D4_EB4F)
            ^ (method &* 0x1656_67B1_9E37_79F9) ^ UInt64(truncatingIfNeeded: count)
        let bits = UInt64(capacity.trailingZeroBitCount)
        return Int(truncatingIfNeeded: (mixed &* 0x2545_F491_4F6C_DD1D) &>> (64 &- bits))
    }

    /// Whether `a` and `b` (of the same length) hold the same bytes: eight at a time, the last word overlapping.
    @inlinable
    static func equal(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        let count = a.count
        guard count >= 8 else {
            var index = 0
            while index < count {
                if a[index] != b[index] { return false }
                index &+= 1
            }
            return true
        }
        var offset = 0
        while offset &+ 8 < count {
            if SWAR.load(a, at: offset) != SWAR.load(b, at: offset) { return false }
            offset &+= 8
        }
        return SWAR.load(a, at: count &- 8) == SWAR.load(b, at: count &- 8)
    }
}
