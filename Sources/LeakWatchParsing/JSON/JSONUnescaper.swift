/// Decodes the escapes of a JSON string body that ``JSONScanner`` has already validated.
@usableFromInline
enum JSONUnescaper {
    /// Writes the unescaped bytes of `source` to `target` (which must hold at least `source.count` bytes: no escape
    /// decodes longer than itself) and returns how many were written. Lone surrogates become U+FFFD.
    @inlinable
    static func unescape(_ source: UnsafeRawBufferPointer, into target: UnsafeMutableRawBufferPointer) -> Int {
        let count = source.count
        var read = 0
        var written = 0
        while read < count {
            let byte = source[read]
            if byte != UInt8(ascii: "\\") {
                target[written] = byte
                written &+= 1
                read &+= 1
                continue
            }
            guard read &+ 1 < count else { break }
            let escape = source[read &+ 1]
            read &+= 2
            switch escape {
            case UInt8(ascii: "b"): target[written] = 0x08
            case UInt8(ascii: "f"): target[written] = 0x0C
            case UInt8(ascii: "n"): target[written] = 0x0A
            case UInt8(ascii: "r"): target[written] = 0x0D
            case UInt8(ascii: "t"): target[written] = 0x09
            case UInt8(ascii: "u"):
                var scalar = hex4(source, at: read)
                read &+= 4
                if scalar >= 0xD800 && scalar < 0xDC00 {
                    // A high surrogate: combine with a following `\uDC00`-`\uDFFF`, else it stands alone.
                    if read &+ 6 <= count && source[read] == UInt8(ascii: "\\") && source[read &+ 1] == UInt8(ascii: "u")
                    {
                        let low = hex4(source, at: read &+ 2)
                        if low >= 0xDC00 && low < 0xE000 {
                            scalar = 0x10000 &+ ((scalar &- 0xD800) << 10) &+ (low &- 0xDC00)
                            read &+= 6
                        } else {
                            scalar = 0xFFFD
                        }
                    } else {
                        scalar = 0xFFFD
                    }
                } else if scalar >= 0xDC00 && scalar < 0xE000 {
                    scalar = 0xFFFD
                }
                written &+= encodeUTF8(scalar, into: target, at: written)
                continue
            default:
                // `"`, `\` and `/` stand for themselves (the scanner admitted no other escape).
                target[written] = escape
            }
            written &+= 1
        }
        return written
    }

    /// Four hex digits at `index` (validated by the scanner).
    @inlinable
    static func hex4(_ source: UnsafeRawBufferPointer, at index: Int) -> UInt32 {
        guard index &+ 4 <= source.count else { return 0xFFFD }
        var value: UInt32 = 0
        var offset = 0
        while offset < 4 {
            let digit = ASCII.hexValue(source[index &+ offset])
            value = value << 4 | UInt32(digit == 0xFF ? 0 : digit)
            offset &+= 1
        }
        return value
    }

    /// Writes `scalar` as UTF-8 and returns the byte count.
    @inlinable
    static func encodeUTF8(_ scalar: UInt32, into target: UnsafeMutableRawBufferPointer, at index: Int) -> Int {
        if scalar < 0x80 {
            target[index] = UInt8(truncatingIfNeeded: scalar)
            return 1
        }
        if scalar < 0x800 {
            target[index] = UInt8(truncatingIfNeeded: 0xC0 | scalar >> 6)
            target[index &+ 1] = UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F)
            return 2
        }
        if scalar < 0x10000 {
            target[index] = UInt8(truncatingIfNeeded: 0xE0 | scalar >> 12)
            target[index &+ 1] = UInt8(truncatingIfNeeded: 0x80 | scalar >> 6 & 0x3F)
            target[index &+ 2] = UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F)
            return 3
        }
        target[index] = UInt8(truncatingIfNeeded: 0xF0 | scalar >> 18)
        target[index &+ 1] = UInt8(truncatingIfNeeded: 0x80 | scalar >> 12 & 0x3F)
        target[index &+ 2] = UInt8(truncatingIfNeeded: 0x80 | scalar >> 6 & 0x3F)
        target[index &+ 3] = UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F)
        return 4
    }
}
