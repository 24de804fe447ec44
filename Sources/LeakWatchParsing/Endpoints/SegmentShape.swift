/// Word-wide shape checks that let ``SegmentRules`` decide the commonest segments without a loop per byte.
@usableFromInline
enum SegmentShape {
    /// Whether a segment of at least four bytes holds a digit or `@`: without one, neither the id rule (it needs
    /// digits) nor the e-mail rule (`@`, or `%40`, which has digits) of ``SegmentRules/classifyShort(_:)`` can
    /// match.
    @inlinable
    static func mayBeIDOrEmail(_ segment: UnsafeRawBufferPointer) -> Bool {
        let length = segment.count
        if length < 8 {
            // Two overlapping four-byte loads cover four to seven bytes.
            let low = UInt64(UInt32(littleEndian: segment.loadUnaligned(fromByteOffset: 0, as: UInt32.self)))
            let high = UInt64(UInt32(littleEndian: segment.loadUnaligned(fromByteOffset: length &- 4, as: UInt32.self)))
            return hasDigitOrAt(low | high &<< 32)
        }
        var offset = 0
        while offset &+ 8 < length {
            if hasDigitOrAt(SWAR.load(segment, at: offset)) { return true }
            offset &+= 8
        }
        return hasDigitOrAt(SWAR.load(segment, at: length &- 8))
    }

    @inlinable @inline(__always)
    static func hasDigitOrAt(_ word: UInt64) -> Bool {
        let digits = SWAR.nonDigitBytes(word) ^ 0x8080_8080_8080_8080
        return digits | SWAR.zeroBytes(word ^ SWAR.broadcast(UInt8(ascii: "@"))) != 0
    }

    /// Whether a 36-byte segment is `8-4-4-4-12` hex digits (either case) with dashes between: what the UUID rule
    /// of ``SegmentRules/classifyLong(_:)`` accepts (four dashes in those places, every other byte hex).
    @inlinable
    static func isUUID(_ segment: UnsafeRawBufferPointer) -> Bool {
        guard segment.count == 36 else { return false }
        let dash = UInt8(ascii: "-")
        guard segment[8] == dash && segment[13] == dash && segment[18] == dash && segment[23] == dash else {
            return false
        }
        // Lanes holding the dashes: bytes 8 and 13 (lanes 0 and 5 of the word at 8), 18 and 23 (lanes 2 and 7 of
        // the word at 16).
        let dashesAt8: UInt64 = 0x0000_8000_0000_0080
        let dashesAt16: UInt64 = 0x8000_0000_0080_0000
        let nonHex = nonHexBytes(SWAR.load(segment, at: 0))
            | (nonHexBytes(SWAR.load(segment, at: 8)) & ~dashesAt8)
            | (nonHexBytes(SWAR.load(segment, at: 16)) & ~dashesAt16)
            | nonHexBytes(SWAR.load(segment, at: 24))
            | nonHexBytes(SWAR.load(segment, at: 28))
        return nonHex == 0
    }

    /// The high bit of each byte of `word` that is not `0-9`, `a-f` or `A-F`, exactly (no carries cross lanes).
    @inlinable @inline(__always)
    static func nonHexBytes(_ word: UInt64) -> UInt64 {
        let low7 = word & 0x7F7F_7F7F_7F7F_7F7F
        // Lower-cased letters a-f: 0x61...0x66 after `| 0x20` (digits keep their value: 0x30...0x39 have 0x20 set).
        let folded = low7 | 0x2020_2020_2020_2020
        let atLeastA = folded &+ (0x8080_8080_8080_8080 &- SWAR.broadcast(0x61))
        let aboveF = folded &+ (0x7F7F_7F7F_7F7F_7F7F &- SWAR.broadcast(0x66))
        let letter = atLeastA & ~aboveF
        let digit = SWAR.nonDigitBytes(word) ^ 0x8080_8080_8080_8080
        // Bytes from 0x80 were folded into ASCII above; their own high bit marks them.
        return (~(letter | digit) | word) & 0x8080_8080_8080_8080
    }
}
