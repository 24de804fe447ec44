import LeakWatchParsing

/// The network of a source address, for per-range keys: IPv4 addresses fold into their /24, IPv6 addresses into
/// their /64 (the first four groups as written). Anything else (a hostname) is its own network.
package enum SourceNetwork {
    /// Length of the prefix of `address` that names its network, and the suffix to print after it.
    static func prefix(_ address: UnsafeRawBufferPointer) -> (length: Int, suffix: String) {
        var colons = 0
        var dots = 0
        var lastDot = -1
        var onlyDigitsAndDots = true
        var index = 0
        while index < address.count {
            let byte = address[index]
            if byte == UInt8(ascii: ":") {
                colons += 1
                if colons == 4 { return (index, "::/64") }
                if index + 1 < address.count && address[index + 1] == UInt8(ascii: ":") {
                    // "::" inside the first four groups: the rest of the /64 is zero.
                    return (index, "::/64")
                }
            } else if byte == UInt8(ascii: ".") {
                lastDot = index
                dots += 1
            } else if byte < UInt8(ascii: "0") || byte > UInt8(ascii: "9") {
                onlyDigitsAndDots = false
            }
            index += 1
        }
        if colons == 0 && dots == 3 && onlyDigitsAndDots { return (lastDot, ".0/24") }
        return (address.count, "")
    }

    /// The unsalted hash of the network of the address `key` (in `arena`); the same as ``KeyHasher/hash(_:)`` of
    /// the network's ``name(of:_:)``-less prefix seeded by its suffix, so equal networks hash equal.
    static func rawHash(_ arena: UnsafeRawBufferPointer, _ key: KeyRef) -> UInt64 {
        rawHash(address: UnsafeRawBufferPointer(rebasing: arena[Int(key.start)..<(Int(key.start) + Int(key.length))]))
    }

    /// The unsalted hash of the network of `address` (the bytes of one address, or of a written network's first
    /// address).
    static func rawHash(address: UnsafeRawBufferPointer) -> UInt64 {
        let (length, suffix) = prefix(address)
        return KeyHasher.hash(UnsafeRawBufferPointer(rebasing: address[0..<length]), seed: UInt64(suffix.utf8.count))
    }

    /// The network's name, e.g. `203.0.113.0/24` or `2001:db8:1:2::/64`.
    static func name(of batch: ParsedBatch, _ key: KeyRef) -> String {
        batch.arena.withUnsafeBytes { arena in
            let address = UnsafeRawBufferPointer(rebasing: arena[Int(key.start)..<(Int(key.start) + Int(key.length))])
            let (length, suffix) = prefix(address)
            return String(decoding: address[0..<length], as: UTF8.self) + suffix
        }
    }
}
