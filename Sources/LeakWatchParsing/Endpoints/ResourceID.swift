/// The numeric id a request addresses, for enumeration detection: the last path segment made only of digits
/// (`/api/v2/customers/48213/orders?x=1` -> 48213), or -1.
@usableFromInline
package enum ResourceID {
    /// Largest number of digits read (ids beyond 18 digits are not sequential ids).
    @usableFromInline static let maximumDigits = 18

    /// The last segment of `path`, before any `?` or `#`, that is a resource id (``value(ofSegment:)``), or -1.
    @inlinable
    package static func last(in path: UnsafeRawBufferPointer) -> Int64 {
        let end = SWAR.firstIndex(of: UInt8(ascii: "?"), or: UInt8(ascii: "#"), in: path, from: 0, end: path.count)
        var result: Int64 = -1
        var start = 0
        while start < end {
            let slash = SWAR.firstIndex(of: UInt8(ascii: "/"), in: path, from: start, end: end)
            if let id = value(ofSegment: UnsafeRawBufferPointer(rebasing: path[start..<slash])) { result = id }
            start = slash &+ 1
        }
        return result
    }

    /// The value of `segment` when it is a resource id: 1 to ``maximumDigits`` ASCII digits; else nil.
    @inlinable @inline(__always)
    package static func value(ofSegment segment: UnsafeRawBufferPointer) -> Int64? {
        let count = segment.count
        guard count > 0 && count <= maximumDigits else { return nil }
        var value: Int64 = 0
        var index = 0
        while index < count {
            let digit = segment[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value &* 10 &+ Int64(digit)
            index &+= 1
        }
        return value
    }
}
