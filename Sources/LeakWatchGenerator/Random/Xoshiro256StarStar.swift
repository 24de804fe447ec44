/// xoshiro256** (Blackman and Vigna): the generator behind every random choice of the generator.
///
/// Deliberately not a `RandomNumberGenerator`, so that no standard-library algorithm whose output may change
/// between Swift releases (`Int.random(in:using:)`, `shuffled(using:)`) can sneak into the output.
struct Xoshiro256StarStar {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A generator whose state is expanded from `seed` with ``SplitMix64``, as the authors recommend.
    init(seed: UInt64) {
        var mixer = SplitMix64(seed: seed)
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
    }

    /// A generator for one named stream of one key, e.g. the access traffic of one minute.
    init(seed: UInt64, stream: RandomStream, key: Int64) {
        self.init(seed: KeyedRandom.hash(seed, stream.rawValue, UInt64(bitPattern: key)))
    }

    /// The next 64 random bits.
    @inline(__always)
    mutating func next() -> UInt64 {
        let result = Self.rotate(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotate(s3, 45)
        return result
    }

    @inline(__always)
    private static func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 &- k))
    }
}
