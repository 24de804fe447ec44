/// Byte classification for the scanners; each test is one or two compares on a `UInt8`.
@usableFromInline
enum ASCII {
    @inlinable
    static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    @inlinable
    static func isUpper(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "A") < 26 }

    @inlinable
    static func isLower(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "a") < 26 }

    @inlinable
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- UInt8(ascii: "a") < 26 }

    /// Space, tab, carriage return or line feed.
    @inlinable
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
            || byte == UInt8(ascii: "\n")
    }

    /// The value of a hexadecimal digit, or `0xFF` for any other byte.
    @inlinable
    static func hexValue(_ byte: UInt8) -> UInt8 {
        let digit = byte &- UInt8(ascii: "0")
        if digit < 10 { return digit }
        let letter = (byte | 0x20) &- UInt8(ascii: "a")
        return letter < 6 ? letter &+ 10 : 0xFF
    }

    @inlinable
    static func uppercased(_ byte: UInt8) -> UInt8 { isLower(byte) ? byte & 0xDF : byte }

    @inlinable
    static func lowercased(_ byte: UInt8) -> UInt8 { isUpper(byte) ? byte | 0x20 : byte }

    /// Whether `bytes` equals the ASCII `word`, ignoring letter case.
    @inlinable
    static func equalsIgnoringCase(_ bytes: UnsafeRawBufferPointer, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard bytes.count == count else { return false }
        let letters = word.utf8Start
        var index = 0
        while index < count {
            if lowercased(bytes[index]) != lowercased(letters[index]) { return false }
            index &+= 1
        }
        return true
    }

    /// A `StaticString`'s bytes as a buffer (no copy: static strings live in the binary).
    @inlinable
    static func bytes(_ word: StaticString) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
    }
}
