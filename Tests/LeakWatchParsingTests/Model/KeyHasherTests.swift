import LeakWatchParsing
import Testing

/// Key hashes decide partitions, alert ids and saved state, so they must never change between builds.
@Suite struct KeyHasherTests {
    /// Values of the published hash function; a change here breaks alert ids and saved engine state.
    @Test(arguments: [
        ("a", 0x209b_77be_6575_0fd0 as UInt64), ("GET", 0x6955_74ef_f108_0df6), ("v2/x", 0xf73a_b266_19b6_680f),
        ("10.6.3.30", 0x6aa9_2fd5_617f_19a6), ("svc-shopify-sync", 0x4a6c_4adc_b552_b147),
        ("GET /api/v2/reviews", 0xa8b4_805c_22b7_a740), ("abcdefghijklmnopqrstuvw", 0x9096_a12e_66ef_58bc),
    ])
    func pinnedValues(text: String, expected: UInt64) {
        #expect(KeyHasher.hash(text) == expected)
    }

    /// The word-wise tail reads give the same hash as taking the last bytes one by one, for every length and
    /// wherever the key sits in a larger buffer (the loads never reach past the key's own bytes).
    @Test func tailMatchesByteByByteReference() {
        var generator = SystemRandomNumberGenerator()
        let buffer = (0..<96).map { _ in UInt8.random(in: 0...255, using: &generator) }
        buffer.withUnsafeBytes { all in
            for length in 1...40 {
                for offset in [0, 1, 7, 13] {
                    let key = UnsafeRawBufferPointer(rebasing: all[offset..<(offset + length)])
                    #expect(KeyHasher.hash(key) == Self.reference(Array(key)), "length \(length) at \(offset)")
                    #expect(KeyHasher.hash(key, seed: 99) == Self.reference(Array(key), seed: 99))
                }
            }
        }
    }

    /// The hash as specified: eight-byte little-endian words, then the remaining bytes as one zero-padded word.
    static func reference(_ bytes: [UInt8], seed: UInt64 = 0) -> UInt64 {
        var h: UInt64 = 0x243f_6a88_85a3_08d3 ^ seed ^ UInt64(bytes.count)
        var index = 0
        while index + 8 <= bytes.count {
            var word: UInt64 = 0
            for k in 0..<8 { word |= UInt64(bytes[index + k]) << (8 * UInt64(k)) }
            h = KeyHasher.mix(h ^ word, 0x9e37_79b9_7f4a_7c15)
            index += 8
        }
        if index < bytes.count {
            var word: UInt64 = 0
            for (k, byte) in bytes[index...].enumerated() { word |= UInt64(byte) << (8 * UInt64(k)) }
            h = KeyHasher.mix(h ^ word, 0xbf58_476d_1ce4_e5b9)
        }
        return KeyHasher.finalize(h)
    }
}
