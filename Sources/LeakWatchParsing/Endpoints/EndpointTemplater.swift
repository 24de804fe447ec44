/// Turns a request path into an endpoint template (`/api/v2/contacts/48213?x=1` → `/api/v2/contacts/{id}`),
/// writing it straight into a batch arena.
///
/// Explicit ``Rules/templates`` are tried first; otherwise each segment goes through the heuristics
/// (ids, UUIDs, hex, e-mails, tokens, dates). The query string and fragment are dropped, duplicate slashes
/// collapse, a trailing slash goes (except for the root), and percent-encoding is left as it is.
@usableFromInline
package struct EndpointTemplater: Sendable {
    /// The configuration this templater was built from.
    package let rules: Rules
    @usableFromInline let explicit: ExplicitTemplates
    @usableFromInline let segmentRules: SegmentRules

    /// Builds a templater; explicit templates are compiled once here.
    package init(rules: Rules = Rules()) {
        self.rules = rules
        self.explicit = ExplicitTemplates(rules.templates)
        self.segmentRules = SegmentRules(rules)
    }

    /// An endpoint key written into a batch arena, with the numeric id its path addressed.
    @usableFromInline
    struct Templated {
        @usableFromInline var key: KeyRef
        /// The last path segment made only of digits (at most ``ResourceID/maximumDigits``), or -1.
        @usableFromInline var resourceID: Int64

        @inlinable
        init(key: KeyRef, resourceID: Int64) {
            self.key = key
            self.resourceID = resourceID
        }
    }

    /// Writes the endpoint key of `method` (may be empty) and `path` into `batch`'s arena and returns it, with the
    /// resource id found in the same pass over the path's segments.
    ///
    /// - Parameter scratch: working memory reused from line to line; a key that might not fit gets its own.
    @inlinable
    func appendKey(
        method: UnsafeRawBufferPointer, path: UnsafeRawBufferPointer, scratch: UnsafeMutableRawBufferPointer,
        to batch: inout ParsedBatch
    ) -> Templated {
        appendKey(method: method, path: path, bounds: Self.pathBounds(path), scratch: scratch, to: &batch)
    }

    /// ``appendKey(method:path:scratch:to:)`` for a path whose ``pathBounds(_:)`` the caller already has.
    @inlinable
    func appendKey(
        method: UnsafeRawBufferPointer, path: UnsafeRawBufferPointer, bounds: (start: Int, end: Int),
        scratch: UnsafeMutableRawBufferPointer, to batch: inout ParsedBatch
    ) -> Templated {
        let bound = outputBound(method: method, path: path)
        if bound <= scratch.count {
            var writer = ByteWriter(scratch)
            let resourceID = write(method: method, path: path, bounds: bounds, to: &writer)
            return Templated(key: batch.appendKey(writer.written), resourceID: resourceID)
        }
        return appendLongKey(method: method, path: path, bound: bound, to: &batch)
    }

    @usableFromInline
    func appendLongKey(
        method: UnsafeRawBufferPointer, path: UnsafeRawBufferPointer, bound: Int, to batch: inout ParsedBatch
    ) -> Templated {
        withUnsafeTemporaryAllocation(byteCount: bound, alignment: 1) { scratch in
            var writer = ByteWriter(scratch)
            let resourceID = write(method: method, path: path, to: &writer)
            return Templated(key: batch.appendKey(writer.written), resourceID: resourceID)
        }
    }

    /// Appends `METHOD SP TEMPLATE` (or just the template when `method` is empty) to `arena`.
    @inlinable
    package func write(method: UnsafeRawBufferPointer, path: UnsafeRawBufferPointer, into arena: inout [UInt8]) {
        withUnsafeTemporaryAllocation(byteCount: outputBound(method: method, path: path), alignment: 1) { scratch in
            var writer = ByteWriter(scratch)
            _ = write(method: method, path: path, to: &writer)
            arena.append(contentsOf: writer.written)
        }
    }

    /// The most bytes a key can take: a placeholder is at most 7 bytes and replaces at least one, so a segment
    /// (with its slash) grows at most fourfold; plus the method, a space, the root slash and `/{…}`.
    @inlinable
    func outputBound(method: UnsafeRawBufferPointer, path: UnsafeRawBufferPointer) -> Int {
        method.count &+ 16 &+ path.count &* 4 &+ explicit.longestText
    }

    /// Writes `METHOD SP TEMPLATE` (or just the template when `method` is empty); returns the path's resource id
    /// (the last segment made only of digits, or -1).
    ///
    /// The method is upper-cased; `path` may be a bare path or an absolute URL (its scheme and host are dropped).
    @inlinable @discardableResult
    func write(method: UnsafeRawBufferPointer, path: UnsafeRawBufferPointer, to writer: inout ByteWriter) -> Int64 {
        write(method: method, path: path, bounds: Self.pathBounds(path), to: &writer)
    }

    /// ``write(method:path:to:)`` for a path whose ``pathBounds(_:)`` are `bounds`.
    @inlinable
    func write(
        method: UnsafeRawBufferPointer, path: UnsafeRawBufferPointer, bounds: (start: Int, end: Int),
        to writer: inout ByteWriter
    ) -> Int64 {
        let methodCount = method.count
        if methodCount > 0 {
            var index = 0
            while index < methodCount {
                writer.write(ASCII.uppercased(method[index]))
                index &+= 1
            }
            writer.write(UInt8(ascii: " "))
        }
        let (start, end) = bounds
        if explicit.count > 0 && explicit.writeMatch(path, start: start, end: end, to: &writer) {
            return ResourceID.last(in: UnsafeRawBufferPointer(rebasing: path[start..<end]))
        }
        return writeHeuristic(path, start: start, end: end, to: &writer)
    }

    /// The part of `path` that is templated: after any `scheme://host`, before `?` or `#`.
    @inlinable
    static func pathBounds(_ path: UnsafeRawBufferPointer) -> (start: Int, end: Int) {
        let count = path.count
        let end = SWAR.firstIndex(of: UInt8(ascii: "?"), or: UInt8(ascii: "#"), in: path, from: 0, end: count)
        guard end > 0 && path[0] != UInt8(ascii: "/") else { return (0, end) }
        // Not a plain path: skip a leading `scheme://authority`; the path starts at the next slash (none = root).
        let colon = SWAR.firstIndex(of: UInt8(ascii: ":"), in: path, from: 0, end: end)
        guard colon > 0 && colon &+ 2 < end && path[colon &+ 1] == UInt8(ascii: "/")
            && path[colon &+ 2] == UInt8(ascii: "/") && isScheme(path, end: colon)
        else { return (0, end) }
        let start = SWAR.firstIndex(of: UInt8(ascii: "/"), in: path, from: colon &+ 3, end: end)
        return (start, end)
    }

    /// Whether `path[0..<end]` is a URL scheme (`http`, `https`, `s3`...).
    @inlinable
    static func isScheme(_ path: UnsafeRawBufferPointer, end: Int) -> Bool {
        guard ASCII.isLetter(path[0]) else { return false }
        var index = 1
        while index < end {
            let byte = path[index]
            guard ASCII.isLetter(byte) || ASCII.isDigit(byte) || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            else { return false }
            index &+= 1
        }
        return true
    }

    /// Writes the path segment by segment, replacing variable-looking segments with placeholders; returns the
    /// last segment made only of digits as a number (-1: none).
    @inlinable
    func writeHeuristic(_ path: UnsafeRawBufferPointer, start: Int, end: Int, to writer: inout ByteWriter) -> Int64 {
        var index = start
        var segments = 0
        var resourceID: Int64 = -1
        let maximum = segmentRules.maxSegments
        while index < end {
            if path[index] == UInt8(ascii: "/") {
                index &+= 1
                continue
            }
            let segmentEnd = SWAR.firstIndex(of: UInt8(ascii: "/"), in: path, from: index &+ 1, end: end)
            if segments == maximum {
                writer.write(ASCII.bytes("/{…}"))
                let rest = ResourceID.last(in: UnsafeRawBufferPointer(rebasing: path[index..<end]))
                return rest >= 0 ? rest : resourceID
            }
            writer.write(UInt8(ascii: "/"))
            let segment = UnsafeRawBufferPointer(rebasing: path[index..<segmentEnd])
            let id = ResourceID.value(ofSegment: segment)
            if let id { resourceID = id }
            let placeholder = segmentRules.placeholder(forSegment: segment, id: id)
            writer.write(placeholder == .none ? segment : placeholder.text)
            segments &+= 1
            index = segmentEnd
        }
        if segments == 0 { writer.write(UInt8(ascii: "/")) }
        return resourceID
    }
}
