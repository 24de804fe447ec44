/// Configured endpoint templates compiled to flat arrays: literal segments as byte ranges, `{name}` and `*`
/// segments as wildcards, plus each template's normalised text to write on a match.
@usableFromInline
struct ExplicitTemplates: Sendable {
    @usableFromInline
    struct Segment: Sendable {
        @usableFromInline var start: Int
        /// -1 for a wildcard.
        @usableFromInline var length: Int
    }

    @usableFromInline
    struct Template: Sendable {
        @usableFromInline var firstSegment: Int
        @usableFromInline var segmentCount: Int
        @usableFromInline var textStart: Int
        @usableFromInline var textLength: Int
    }

    @usableFromInline var bytes: [UInt8]
    @usableFromInline var segments: [Segment]
    @usableFromInline var templates: [Template]

    /// Length of the longest template text.
    @usableFromInline var longestText: Int

    @inlinable
    var count: Int { templates.count }

    init(_ sources: [String]) {
        var bytes: [UInt8] = []
        var segments: [Segment] = []
        var templates: [Template] = []
        for source in sources {
            var path = Substring(source)
            if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<cut] }
            let parts = path.split(separator: "/", omittingEmptySubsequences: true)
            let first = segments.count
            for part in parts {
                if part == "*" || (part.hasPrefix("{") && part.hasSuffix("}")) {
                    segments.append(Segment(start: 0, length: -1))
                } else {
                    segments.append(Segment(start: bytes.count, length: part.utf8.count))
                    bytes.append(contentsOf: part.utf8)
                }
            }
            let text = "/" + parts.joined(separator: "/")
            templates.append(
                Template(
                    firstSegment: first, segmentCount: parts.count, textStart: bytes.count, textLength: text.utf8.count))
            bytes.append(contentsOf: text.utf8)
        }
        self.bytes = bytes
        self.segments = segments
        self.templates = templates
        self.longestText = templates.map(\.textLength).max() ?? 0
    }

    /// Writes the first template matching `path[start..<end]` and returns true, or returns false.
    @inlinable
    func writeMatch(_ path: UnsafeRawBufferPointer, start: Int, end: Int, to writer: inout ByteWriter) -> Bool {
        var templateIndex = 0
        while templateIndex < templates.count {
            let template = templates[templateIndex]
            if matches(template, path, start: start, end: end) {
                bytes.withUnsafeBytes { buffer in
                    let textEnd = template.textStart &+ template.textLength
                    writer.write(UnsafeRawBufferPointer(rebasing: buffer[template.textStart..<textEnd]))
                }
                return true
            }
            templateIndex &+= 1
        }
        return false
    }

    @inlinable
    func matches(_ template: Template, _ path: UnsafeRawBufferPointer, start: Int, end: Int) -> Bool {
        var matched = 0
        var index = start
        while index < end {
            if path[index] == UInt8(ascii: "/") {
                index &+= 1
                continue
            }
            var segmentEnd = index &+ 1
            while segmentEnd < end && path[segmentEnd] != UInt8(ascii: "/") {
                segmentEnd &+= 1
            }
            guard matched < template.segmentCount else { return false }
            let segment = segments[template.firstSegment &+ matched]
            if segment.length >= 0 {
                guard segment.length == segmentEnd &- index else { return false }
                var offset = 0
                while offset < segment.length {
                    if bytes[segment.start &+ offset] != path[index &+ offset] { return false }
                    offset &+= 1
                }
            }
            matched &+= 1
            index = segmentEnd
        }
        return matched == template.segmentCount
    }
}
