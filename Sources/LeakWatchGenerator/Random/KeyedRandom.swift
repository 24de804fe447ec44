/// Stateless randomness: a pure function of the seed and a key, for values that must not depend on the order in
/// which they are asked for (noise of one actor in one hour, whether a person works from home on one day).
enum KeyedRandom {
    /// 64 well-mixed bits for the key `(a, b, c)`.
    @inline(__always)
    static func hash(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64 = 0) -> UInt64 {
        var h = SplitMix64.finalize(a &+ 0x9E37_79B9_7F4A_7C15)
        h = SplitMix64.finalize(h ^ b &+ 0x632B_E59B_D9B4_E019)
        h = SplitMix64.finalize(h ^ c &+ 0x8CB9_2BA7_2F3D_8DD7)
        return SplitMix64.finalize(h ^ d &+ 0xD6E8_FEB8_6659_FD93)
    }

    /// A uniform value in [0, 1) for the key.
    @inline(__always)
    static func unit(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64 = 0) -> Double {
        Double(hash(a, b, c, d) >> 11) * 0x1p-53
    }

    /// A standard normal value for the key.
    @inline(__always)
    static func normal(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64 = 0) -> Double {
        NormalTable.value(bits: hash(a, b, c, d))
    }
}
