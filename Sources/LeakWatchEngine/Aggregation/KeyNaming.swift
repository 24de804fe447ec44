package import LeakWatchParsing

/// How a key of each dimension is named and hashed from an event.
package enum KeyNaming {
    /// The salted hash of the event's key in `dimension` (0 when the event has no such key).
    @inlinable
    package static func hash(of dimension: Dimension, event: ParsedEvent) -> UInt64 {
        let raw: UInt64
        switch dimension {
        case .endpoint: raw = event.endpoint.hash
        case .principal: raw = event.principal.hash
        case .sourceIP: raw = event.sourceIP.hash
        case .destination: raw = event.destination.hash
        case .sourceNetwork, .principalSourceNetwork: return 0  // needs the address bytes: see KeyRoute.compute
        case .principalEndpoint:
            guard event.principal.isPresent && event.endpoint.isPresent else { return 0 }
            raw = KeyHasher.combine(event.principal.hash, event.endpoint.hash)
        }
        return raw == 0 ? 0 : salted(raw, dimension)
    }

    /// Mixes the dimension into a raw key hash.
    @inlinable
    package static func salted(_ raw: UInt64, _ dimension: Dimension) -> UInt64 {
        KeyHasher.finalize(raw ^ dimension.salt)
    }

    /// The salted hash of a key given as text (for lookups by name and for overflow buckets).
    package static func hash(of dimension: Dimension, name: String) -> UInt64 {
        if dimension == .principalEndpoint || dimension == .principalSourceNetwork,
           let split = name.firstIndex(of: pairSeparator) ?? name.firstIndex(of: " ") {
            let principal = KeyHasher.hash(String(name[..<split]))
            let rest = String(name[name.index(after: split)...])
            let second = dimension == .principalEndpoint ? KeyHasher.hash(rest) : networkHash(rest)
            return salted(KeyHasher.combine(principal, second), dimension)
        }
        if dimension == .sourceNetwork { return salted(networkHash(name), dimension) }
        return salted(KeyHasher.hash(name), dimension)
    }

    /// The unsalted hash of a network given by name (`203.0.113.0/24`) or by one of its addresses.
    private static func networkHash(_ text: String) -> UInt64 {
        var address = Array(text.utf8)
        if let slash = address.firstIndex(of: UInt8(ascii: "/")) {
            // A written network: hash it as its first address would be (`203.0.113.0/24` -> `203.0.113.0`).
            address.removeSubrange(slash...)
        }
        return address.withUnsafeBytes { SourceNetwork.rawHash(address: $0) }
    }

    /// The text of the event's key in `dimension` (called once per new key).
    package static func name(of dimension: Dimension, event: ParsedEvent, batch: ParsedBatch) -> String {
        switch dimension {
        case .endpoint: batch.string(for: event.endpoint)
        case .principal: batch.string(for: event.principal)
        case .sourceIP: batch.string(for: event.sourceIP)
        case .destination: batch.string(for: event.destination)
        case .sourceNetwork: SourceNetwork.name(of: batch, event.sourceIP)
        case .principalEndpoint:
            batch.string(for: event.principal) + String(pairSeparator) + batch.string(for: event.endpoint)
        case .principalSourceNetwork:
            batch.string(for: event.principal) + String(pairSeparator) + SourceNetwork.name(of: batch, event.sourceIP)
        }
    }

    /// Between the two halves of a paired key's name (principal x endpoint, principal x network): the ASCII unit
    /// separator, which no principal, endpoint or address contains (a principal may contain spaces).
    package static let pairSeparator: Character = "\u{1F}"

    /// Name of a dimension's overflow bucket.
    package static let overflowName = "(overflow)"
}
