/// What a path segment was recognised as.
@usableFromInline
package enum Placeholder: UInt8, Sendable {
    case none
    case id
    case uuid
    case hex
    case email
    case token
    case date

    /// The text written instead of the segment.
    @inlinable
    var text: UnsafeRawBufferPointer {
        switch self {
        case .none: ASCII.bytes("")
        case .id: ASCII.bytes("{id}")
        case .uuid: ASCII.bytes("{uuid}")
        case .hex: ASCII.bytes("{hex}")
        case .email: ASCII.bytes("{email}")
        case .token: ASCII.bytes("{token}")
        case .date: ASCII.bytes("{date}")
        }
    }
}
