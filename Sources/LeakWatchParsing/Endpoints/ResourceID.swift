/// The numeric id a request addresses, for enumeration detection: the last path segment made only of digits
/// (`/api/v2/customers/48213/orders?x=1` -> 48213), or -1.
@usableFromInline
package enum ResourceID {
    /// Largest number of digits read (ids beyond 18 digits are not sequential ids).
    @usableFromInline static let maximumDigits = 18

    @inlinable
    package static func last(in path: UnsafeRawBufferPointer) -> Int64 {
        var result: Int64 = -1
        var value: Int64 = 0
        var digits = 0
        var onlyDigits = true
        var index = 0
        let count = path.count
        while index < count {
            let byte = path[index]
            if byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { break }
            if byte == UInt8(ascii: "/") {
                if onlyDigits && digits > 0 && digits <= maximumDigits { result = value }
                value = 0
                digits = 0
                onlyDigits = true
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                if digits < maximumDigits { value = value &* 10 &+ Int64(byte &- UInt8(ascii: "0")) }
                digits &+= 1
            } else {
                onlyDigits = false
            }
            index &+= 1
        }
        if onlyDigits && digits > 0 && digits <= maximumDigits { result = value }
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
