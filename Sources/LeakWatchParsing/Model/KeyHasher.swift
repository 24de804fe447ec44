/// A deterministic 64-bit hash for key bytes (Swift's `Hasher` is seeded per process, which would break
/// deterministic sharding and stable alert ids).
///
/// Eight bytes at a time (little-endian words mixed by a 64x64->128-bit multiply, as in wyhash), then the
/// splitmix64 finaliser; never returns 0 so that 0 can mean "absent".
@usableFromInline
package enum KeyHasher {
    @inlinable
    package static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        let count = bytes.count
        var h: UInt64 = 0x243f_6a88_85a3_08d3 ^ seed ^ UInt64(truncatingIfNeeded: count)
        var index = 0
        while index &+ 8 <= count {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            h = mix(h ^ word, 0x9e37_79b9_7f4a_7c15)
            index &+= 8
        }
        if index < count {
            h = mix(h ^ tail(bytes, from: index), 0xbf58_476d_1ce4_e5b9)
        }
        return finalize(h)
    }

    /// The last `count - from` bytes (1 to 7) as a little-endian word, zero-padded. Read with at most two loads
    /// that may overlap bytes already hashed (shifted out), never past the buffer, instead of a byte loop.
    @inlinable @inline(__always)
    static func tail(_ bytes: UnsafeRawBufferPointer, from: Int) -> UInt64 {
        let count = bytes.count
        let remaining = count &- from
        if count >= 8 {
            let last = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self))
            return last &>> (UInt64(truncatingIfNeeded: 8 &- remaining) &* 8)
        }
        if remaining >= 4 {
            let low = UInt64(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: from, as: UInt32.self)))
            let high = UInt64(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)))
            return low | high &<< (UInt64(truncatingIfNeeded: remaining &- 4) &* 8)
        }
        var word = UInt64(bytes[from])
        if remaining > 1 { word |= UInt64(bytes[from &+ 1]) &<< 8 }
        if remaining > 2 { word |= UInt64(bytes[from &+ 2]) &<< 16 }
        return word
    }

    /// The same hash for any byte collection (off the hot path: it copies).
    @inlinable
    package static func hash<C: Collection>(bytes: C, seed: UInt64 = 0) -> UInt64 where C.Element == UInt8 {
        Array(bytes).withUnsafeBytes { hash($0, seed: seed) }
    }

    @inlinable
    package static func hash(_ string: String, seed: UInt64 = 0) -> UInt64 {
        hash(bytes: string.utf8, seed: seed)
    }

    /// High and low halves of the full product, folded.
    @inlinable @inline(__always)
    package static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
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
