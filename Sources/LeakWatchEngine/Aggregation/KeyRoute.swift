package import LeakWatchParsing

/// The salted key hash of one event in every dimension (0 where the event has no such key), computed once per
/// event in the parallel parse stage so that the aggregation workers, which all walk every event, only compare.
package struct KeyRoute: Sendable, BitwiseCopyable {
    package var endpoint: UInt64
    package var principal: UInt64
    package var principalEndpoint: UInt64
    package var sourceIP: UInt64
    package var destination: UInt64
    package var sourceNetwork: UInt64
    package var principalSourceNetwork: UInt64

    @inlinable
    package init(_ event: ParsedEvent) {
        endpoint = KeyNaming.hash(of: .endpoint, event: event)
        principal = KeyNaming.hash(of: .principal, event: event)
        principalEndpoint = KeyNaming.hash(of: .principalEndpoint, event: event)
        sourceIP = KeyNaming.hash(of: .sourceIP, event: event)
        destination = KeyNaming.hash(of: .destination, event: event)
        sourceNetwork = 0
        principalSourceNetwork = 0
    }

    @inlinable
    package subscript(dimension: Dimension) -> UInt64 {
        switch dimension {
        case .endpoint: endpoint
        case .principal: principal
        case .principalEndpoint: principalEndpoint
        case .sourceIP: sourceIP
        case .destination: destination
        case .sourceNetwork: sourceNetwork
        case .principalSourceNetwork: principalSourceNetwork
        }
    }

    /// Addresses whose network hash ``compute(_:into:)`` remembers within a batch (direct-mapped by the address's
    /// hash): a batch has few distinct addresses, and finding an address's network means reading it byte by byte.
    static let rememberedNetworks = 64

    /// Routes for every event of `batch`, replacing `routes`' contents (its storage is reused).
    package static func compute(_ batch: ParsedBatch, into routes: inout [KeyRoute]) {
        routes.removeAll(keepingCapacity: true)
        routes.reserveCapacity(batch.events.count)
        // (address hash, network hash) pairs; an address is known by its hash, as everywhere in the engine.
        withUnsafeTemporaryAllocation(of: (UInt64, UInt64).self, capacity: rememberedNetworks) { networks in
            networks.initialize(repeating: (0, 0))
            compute(batch, networks: networks, into: &routes)
        }
    }

    private static func compute(
        _ batch: ParsedBatch, networks: UnsafeMutableBufferPointer<(UInt64, UInt64)>, into routes: inout [KeyRoute]
    ) {
        batch.events.withUnsafeBufferPointer { events in
            batch.arena.withUnsafeBytes { arena in
                for event in events {
                    var route = KeyRoute(event)
                    if event.sourceIP.isPresent {
                        let address = event.sourceIP.hash
                        let remembered = Int(truncatingIfNeeded: address) & (rememberedNetworks - 1)
                        let network: UInt64
                        if networks[remembered].0 == address {
                            network = networks[remembered].1
                        } else {
                            network = SourceNetwork.rawHash(arena, event.sourceIP)
                            networks[remembered] = (address, network)
                        }
                        route.sourceNetwork = KeyNaming.salted(network, .sourceNetwork)
                        if event.principal.isPresent {
                            route.principalSourceNetwork = KeyNaming.salted(
                                KeyHasher.combine(event.principal.hash, network), .principalSourceNetwork)
                        }
                    }
                    routes.append(route)
                }
            }
        }
    }
}
