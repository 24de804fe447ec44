/// A growing byte buffer that JSON lines are written into by hand: literals, precomputed fragments and
/// integers, with no `String` work per event.
struct LineBuffer {
    /// The bytes written so far.
    private(set) var bytes: [UInt8]

    init(capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    var count: Int { bytes.count }

    /// Forgets the contents and keeps the storage.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    @inline(__always)
    mutating func append(_ fragment: [UInt8]) {
        bytes.append(contentsOf: fragment)
    }

    @inline(__always)
    mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends a non-negative integer in decimal (negative values are written as 0).
    @inline(__always)
    mutating func appendDecimal(_ value: Int) {
        guard value > 0 else {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        var digits = 1
        var rest = value / 10
        while rest > 0 {
            digits &+= 1
            rest /= 10
        }
        appendDigits(value, count: digits)
    }

    /// Appends `value` as exactly `count` decimal digits, zero-padded on the left (higher digits are dropped).
    @inline(__always)
    mutating func appendDigits(_ value: Int, count: Int) {
        var divisor = 1
        var index = 1
        while index < count {
            divisor &*= 10
            index &+= 1
        }
        while divisor > 0 {
            bytes.append(UInt8(truncatingIfNeeded: value / divisor % 10) &+ UInt8(ascii: "0"))
            divisor /= 10
        }
    }

    /// Appends a non-negative number of tenths as a decimal with one fraction digit (`412` → `41.2`).
    @inline(__always)
    mutating func appendTenths(_ tenths: Int) {
        appendDecimal(tenths / 10)
        bytes.append(UInt8(ascii: "."))
        bytes.append(UInt8(truncatingIfNeeded: tenths % 10) &+ UInt8(ascii: "0"))
    }

    /// Appends the low `count` nibbles of `value` as lower-case hex.
    @inline(__always)
    mutating func appendHex(_ value: UInt64, count: Int) {
        var shift = (count &- 1) &* 4
        while shift >= 0 {
            let nibble = UInt8(truncatingIfNeeded: (value >> UInt64(shift)) & 0xF)
            bytes.append(nibble < 10 ? nibble &+ UInt8(ascii: "0") : nibble &+ (UInt8(ascii: "a") &- 10))
            shift &-= 4
        }
    }

    /// Appends `HH:MM:SS.mmm` after a precomputed `YYYY-MM-DDT` prefix, then `Z`.
    @inline(__always)
    mutating func appendTimestamp(dayPrefix: [UInt8], minuteOfDay: Int, millisInMinute: Int) {
        bytes.append(contentsOf: dayPrefix)
        appendDigits(minuteOfDay / 60, count: 2)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(minuteOfDay % 60, count: 2)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(millisInMinute / 1000, count: 2)
        bytes.append(UInt8(ascii: "."))
        appendDigits(millisInMinute % 1000, count: 3)
        bytes.append(UInt8(ascii: "Z"))
    }

    /// Appends an RFC 4122 version-4 style UUID (`8-4-4-4-12` lower-case hex) from 128 random bits.
    @inline(__always)
    mutating func appendUUID(high: UInt64, low: UInt64) {
        appendHex(high >> 32, count: 8)
        bytes.append(UInt8(ascii: "-"))
        appendHex(high >> 16, count: 4)
        bytes.append(UInt8(ascii: "-"))
        appendHex(0x4000 | (high & 0x0FFF), count: 4)
        bytes.append(UInt8(ascii: "-"))
        appendHex(0x8000 | (low >> 48 & 0x3FFF), count: 4)
        bytes.append(UInt8(ascii: "-"))
        appendHex(low, count: 12)
    }
}
