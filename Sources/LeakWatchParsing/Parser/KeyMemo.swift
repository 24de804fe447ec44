/// The keys of recent lines within one parse call, so that a key seen again reuses its ``KeyRef`` (its bytes in
/// the batch arena and their hash) instead of being copied and hashed again: a principal or a source address
/// that comes back, and an endpoint whose request path comes back (a widget polling `/api/v2/reviews?…`, a static
/// file, a health check), which is then not templated again either.
///
/// An endpoint key depends only on the method and the path's templated part (after any `scheme://host`, before
/// `?` or `#`), so those bytes are what is remembered for it; a plain key is remembered by its own bytes. Either
/// is compared in full on every hit. Entries point into the parsed text, unchanged for the duration of one parse
/// call, and at keys already in the batch arena, which only grows during it (a failed line's bytes are cut from
/// it, and the parser then clears the memo): the memo lives on the call's stack and starts empty for each call. A
/// direct-mapped table: a collision only costs the work the memo would have saved.
///
/// A second table remembers endpoint *shapes*: a path whose last segment becomes a placeholder
/// (`/api/v2/orders/{uuid}`, one path per order) has the key of the method, the path before that segment and the
/// placeholder, so a new order's path only has its last segment classified, instead of being templated, copied
/// and hashed. This holds while the heuristics alone template paths (no explicit templates): they decide each
/// segment on its own bytes, and past ``EndpointTemplater/Rules/maxSegments`` the rest is `{…}` whatever it is.
@usableFromInline
struct KeyMemo {
    @usableFromInline
    struct Entry {
        /// The remembered bytes: a plain key, or the templated part of a path (nil: an empty entry).
        @usableFromInline var bytes: UnsafeRawPointer?
        @usableFromInline var length: Int
        /// For an endpoint, the method's bytes as a little-endian word (methods of more than eight bytes are not
        /// remembered); 0 for a plain key.
        @usableFromInline var method: UInt64
        /// For an endpoint, the method's length; -1 for a plain key; for an endpoint shape, the method's length
        /// plus 256 times the placeholder's raw value.
        @usableFromInline var methodLength: Int
        /// The key; for an endpoint shape, with the resource id of the path before its last segment.
        @usableFromInline var templated: EndpointTemplater.Templated

        @inlinable
        static var empty: Entry {
            Entry(
                bytes: nil, length: 0, method: 0, methodLength: 0,
                templated: EndpointTemplater.Templated(key: .absent, resourceID: -1))
        }

        @inlinable
        init(
            bytes: UnsafeRawPointer?, length: Int, method: UInt64, methodLength: Int,
            templated: EndpointTemplater.Templated
        ) {
            self.bytes = bytes
            self.length = length
            self.method = method
            self.methodLength = methodLength
            self.templated = templated
        }
    }

    /// Entries of the table of keys (a power of two).
    @inlinable
    static var capacity: Int { 512 }

    /// Entries of the table of endpoint shapes (a power of two), after those of keys.
    @inlinable
    static var shapeCapacity: Int { 256 }

    /// The entries a memo needs (``init(entries:)``): keys, then endpoint shapes.
    @inlinable
    static var allocation: Int { capacity + shapeCapacity }

    /// What ``Entry/methodLength`` holds for a plain key.
    @inlinable
    static var plainKey: Int { -1 }

    @usableFromInline let entries: UnsafeMutablePointer<Entry>

    /// A memo over `entries` (``allocation`` of them), emptied.
    @inlinable
    init(entries: UnsafeMutablePointer<Entry>) {
        self.entries = entries
        clear()
    }

    /// Forgets every entry (a line that failed after writing keys took its arena bytes back).
    @inlinable
    func clear() {
        entries.update(repeating: .empty, count: Self.allocation)
    }

    /// The key of `bytes` as ``ParsedBatch/appendKey(_:)`` writes it: the remembered one when the same bytes were
    /// a key before in this call, else a new one.
    @inlinable
    func appendKey(_ bytes: UnsafeRawBufferPointer, to batch: inout ParsedBatch) -> KeyRef {
        guard bytes.count > 0 else { return .absent }
        let slot = entries + Self.slot(bytes, method: 0, bits: Self.keyBits)
        if let remembered = Self.match(slot, bytes, method: 0, methodLength: Self.plainKey) {
            return remembered.key
        }
        let key = batch.appendKey(bytes)
        slot.pointee = Entry(
            bytes: bytes.baseAddress, length: bytes.count, method: 0, methodLength: Self.plainKey,
            templated: EndpointTemplater.Templated(key: key, resourceID: -1))
        return key
    }

    /// The key of `method` and `path` as ``EndpointTemplater/appendKey(method:path:scratch:to:)`` writes it: the
    /// remembered one when the same method and path were templated before in this call, else a new one.
    @inlinable
    func appendEndpoint(
        method: UnsafeRawBufferPointer, path: UnsafeRawBufferPointer, templater: EndpointTemplater,
        scratch: UnsafeMutableRawBufferPointer, to batch: inout ParsedBatch
    ) -> EndpointTemplater.Templated {
        let methodLength = method.count
        let bounds = EndpointTemplater.pathBounds(path)
        let (start, end) = bounds
        guard methodLength <= 8 && end > start, let pathBase = path.baseAddress else {
            return templater.appendKey(method: method, path: path, bounds: bounds, scratch: scratch, to: &batch)
        }
        let part = UnsafeRawBufferPointer(start: pathBase + start, count: end &- start)
        var methodWord: UInt64 = 0
        var index = 0
        while index < methodLength {
            methodWord |= UInt64(method[index]) &<< UInt64(truncatingIfNeeded: index &* 8)
            index &+= 1
        }
        let slot = entries + Self.slot(part, method: methodWord, bits: Self.keyBits)
        if let remembered = Self.match(slot, part, method: methodWord, methodLength: methodLength) {
            return remembered
        }
        let templated: EndpointTemplater.Templated
        if templater.explicit.count == 0 {
            // A new path of a known shape is the common miss (a new id in its last segment); such a path is
            // seldom seen again, so it does not take the entry of a path that might be.
            let shaped = appendShaped(
                method: method, path: path, bounds: bounds, part: part, methodWord: methodWord, templater: templater,
                scratch: scratch, to: &batch)
            if shaped.remembered { return shaped.templated }
            templated = shaped.templated
        } else {
            templated = templater.appendKey(method: method, path: path, bounds: bounds, scratch: scratch, to: &batch)
        }
        slot.pointee = Entry(
            bytes: part.baseAddress, length: part.count, method: methodWord, methodLength: methodLength,
            templated: templated)
        return templated
    }

    /// The key of a path that only the heuristics template (`part` is its templated part, non-empty) through the
    /// table of endpoint shapes: when its last segment becomes a placeholder, the key remembered for the method,
    /// the path before that segment and the placeholder (`remembered`), else a new one, remembered for the shape.
    @inlinable
    func appendShaped(
        method: UnsafeRawBufferPointer, path: UnsafeRawBufferPointer, bounds: (start: Int, end: Int),
        part: UnsafeRawBufferPointer, methodWord: UInt64, templater: EndpointTemplater,
        scratch: UnsafeMutableRawBufferPointer, to batch: inout ParsedBatch
    ) -> (templated: EndpointTemplater.Templated, remembered: Bool) {
        let count = part.count
        var slash = count &- 1
        while slash >= 0 && part[slash] != UInt8(ascii: "/") {
            slash &-= 1
        }
        let base = part.baseAddress.unsafelyUnwrapped
        let segment = UnsafeRawBufferPointer(start: base + (slash &+ 1), count: count &- (slash &+ 1))
        // As `EndpointTemplater.writeHeuristic` decides the segment (an empty one, after a trailing slash, is none).
        let id = ResourceID.value(ofSegment: segment)
        let placeholder = segment.count > 0 ? templater.segmentRules.placeholder(forSegment: segment, id: id) : .none
        guard placeholder != .none else {
            return (templater.appendKey(method: method, path: path, bounds: bounds, scratch: scratch, to: &batch), false)
        }
        let prefix = UnsafeRawBufferPointer(start: base, count: max(slash, 0))
        let tag = method.count | Int(placeholder.rawValue) &<< 8
        let slot = entries + Self.capacity
            + Self.slot(prefix, method: methodWord ^ UInt64(placeholder.rawValue), bits: Self.shapeBits)
        if let remembered = Self.match(slot, prefix, method: methodWord, methodLength: tag) {
            return (EndpointTemplater.Templated(key: remembered.key, resourceID: id ?? remembered.resourceID), true)
        }
        let templated = templater.appendKey(method: method, path: path, bounds: bounds, scratch: scratch, to: &batch)
        // Past the segment limit the key is the prefix's, with `{…}` for the rest: a function of the prefix too.
        slot.pointee = Entry(
            bytes: base, length: prefix.count, method: methodWord, methodLength: tag,
            templated: EndpointTemplater.Templated(
                key: templated.key, resourceID: id == nil ? templated.resourceID : ResourceID.last(in: prefix)))
        return (templated, false)
    }

    /// What the entry at `slot` holds for `bytes` and the method, if it holds them.
    @inlinable @inline(__always)
    static func match(
        _ slot: UnsafeMutablePointer<Entry>, _ bytes: UnsafeRawBufferPointer, method: UInt64, methodLength: Int
    ) -> EndpointTemplater.Templated? {
        guard slot.pointee.length == bytes.count && slot.pointee.methodLength == methodLength
            && slot.pointee.method == method, let remembered = slot.pointee.bytes,
            equal(bytes, UnsafeRawBufferPointer(start: remembered, count: bytes.count))
        else { return nil }
        return slot.pointee.templated
    }

    /// Bits of a slot in the table of keys and in that of shapes.
    @inlinable
    static var keyBits: UInt64 { UInt64(capacity.trailingZeroBitCount) }
    @inlinable
    static var shapeBits: UInt64 { UInt64(shapeCapacity.trailingZeroBitCount) }

    /// Where `bytes` go in a table of 2^`bits` entries: from their length, their first and last eight bytes and
    /// the method.
    @inlinable
    static func slot(_ bytes: UnsafeRawBufferPointer, method: UInt64, bits: UInt64) -> Int {
        let count = bytes.count
        var first: UInt64 = 0
        var last: UInt64 = 0
        if count >= 8 {
            first = SWAR.load(bytes, at: 0)
            last = SWAR.load(bytes, at: count &- 8)
        } else {
            var index = 0
            while index < count {
                first |= UInt64(bytes[index]) &<< UInt64(truncatingIfNeeded: index &* 8)
                index &+= 1
            }
        }
        let mixed = (first &* 0x9E37_79B9_7F4A_7C15) ^ (last &* 0xC2B2_AE3D_27D4_EB4F)
            ^ (method &* 0x1656_67B1_9E37_79F9) ^ UInt64(truncatingIfNeeded: count)
        return Int(truncatingIfNeeded: (mixed &* 0x2545_F491_4F6C_DD1D) &>> (64 &- bits))
    }

    /// Whether `a` and `b` (of the same length) hold the same bytes: eight at a time, the last word overlapping.
    @inlinable @inline(__always)
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
