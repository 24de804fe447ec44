/// Extra per-window state of a key, beyond the metric sums: 128-bit linear-counting bitmaps for distinct
/// principals (source keys) and distinct ids (principal x endpoint keys), and the shape of the id walk.
package enum WindowExtras {
    package static let principalBitsLow = 0
    package static let principalBitsHigh = 1
    package static let idBitsLow = 2
    package static let idBitsHigh = 3
    package static let idMin = 4
    package static let idMax = 5
    package static let idLast = 6
    /// Steps from one id to a nearby higher one.
    package static let idSteps = 7
    /// Requests that carried a numeric id.
    package static let idCount = 8
    package static let stride = 9

    static let initial: [Int64] = [0, 0, 0, 0, Int64.max, Int64.min, -1, 0, 0]

    /// Marks `hash` in the 128-bit bitmap at `low`/`low + 1`.
    @inlinable
    package static func mark(_ extras: UnsafeMutablePointer<Int64>, low: Int, hash: UInt64) {
        let bit = Int(hash >> 57)
        if bit < 64 {
            extras[low] |= Int64(bitPattern: 1 << UInt64(bit))
        } else {
            extras[low + 1] |= Int64(bitPattern: 1 << UInt64(bit - 64))
        }
    }

    /// Linear-counting estimate of the distinct values marked in a 128-bit bitmap (looked up by the number of bits
    /// set: windows of source keys are judged by the million).
    package static func estimate(_ extras: UnsafeMutablePointer<Int64>, low: Int) -> Double {
        estimates[extras[low].nonzeroBitCount &+ extras[low + 1].nonzeroBitCount]
    }

    /// ``estimate(_:low:)`` for each number of bits set, 0 to 128.
    static let estimates: [Double] = (0...128).map(linearCount(set:))

    /// The linear-counting estimate of a 128-bit bitmap with `set` bits set.
    static func linearCount(set: Int) -> Double {
        let empty = 128 - set
        guard empty > 0 else { return 128 * 5.5 }  // saturated: about 700 or more
        return -128 * logarithm(Double(empty) / 128)
    }

    /// Records one numeric id of a principal x endpoint walk.
    @inlinable
    package static func recordID(_ extras: UnsafeMutablePointer<Int64>, id: Int64) {
        extras[idCount] &+= 1
        if id < extras[idMin] { extras[idMin] = id }
        if id > extras[idMax] { extras[idMax] = id }
        let last = extras[idLast]
        if last >= 0 && id > last && id - last <= 16 { extras[idSteps] &+= 1 }
        extras[idLast] = id
        mark(extras, low: idBitsLow, hash: KeyHasherMix.mix(UInt64(bitPattern: id)))
    }
}

/// A cheap integer mixer for ids (splitmix64's finaliser).
package enum KeyHasherMix {
    @inlinable
    package static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}

/// Natural logarithm without Foundation (series on the mantissa; ample precision for estimates).
func logarithm(_ x: Double) -> Double {
    guard x > 0 else { return -.infinity }
    let exponent = Double(x.exponent)
    let mantissa = x.significand  // in [1, 2)
    let y = (mantissa - 1) / (mantissa + 1)
    let y2 = y * y
    var term = y
    var sum = 0.0
    var n = 1.0
    for _ in 0..<20 {
        sum += term / n
        term *= y2
        n += 2
    }
    return 2 * sum + exponent * 0.6931471805599453
}
