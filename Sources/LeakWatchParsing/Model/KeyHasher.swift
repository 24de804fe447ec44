/// A deterministic 64-bit hash for key bytes (Swift's `Hasher` is seeded per process, which would break
/// deterministic sharding and stable alert ids).
///
/// FNV-1a over the bytes with a final avalanche (the splitmix64 finaliser), never returning 0 so that 0 can
/// mean "absent".
@usableFromInline
package enum KeyHasher {
    @inlinable
    package static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed
        var index = 0
        let count = bytes.count
        while index < count {
            h ^= UInt64(bytes[index])
            h = h &* 0x0000_0100_0000_01b3
            index &+= 1
        }
        return finalize(h)
    }

    @inlinable
    package static func hash<C: Collection>(bytes: C, seed: UInt64 = 0) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed
        for byte in bytes {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        return finalize(h)
    }

    @inlinable
    package static func hash(_ string: String, seed: UInt64 = 0) -> UInt64 {
        hash(bytes: string.utf8, seed: seed)
    }

    /// Combines two hashes (e.g. principal x endpoint) into one, order-sensitive.
    @inlinable
    package static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 {
        finalize(a &* 0x9e37_79b9_7f4a_7c15 ^ (b &+ 0x632b_e59b_d9b4_e019))
    }

    @inlinable
    package static func finalize(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        z = z ^ (z >> 31)
        return z == 0 ? 1 : z
    }
}
