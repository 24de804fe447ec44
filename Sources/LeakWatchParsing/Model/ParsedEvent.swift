/// What kind of log line an event came from.
package enum EventKind: UInt8, Sendable {
    /// One API request (access log).
    case access = 0
    /// One data-export or sync job (export log).
    case export = 1
}

/// What a payload declared about its own origin.
package enum Provenance: UInt8, Sendable {
    /// Nothing was declared.
    case undeclared = 0
    case human = 1
    case synthetic = 2
    case mixed = 3
}

/// A reference to a key's bytes inside a ``ParsedBatch/arena`` plus its deterministic hash.
///
/// `hash == 0` means the key is absent from the event.
package struct KeyRef: Sendable, Equatable {
    /// ``KeyHasher`` hash of the key bytes; never 0 for a present key.
    package var hash: UInt64
    /// Offset of the key's first byte in the batch arena.
    package var start: Int32
    /// Length of the key in bytes.
    package var length: Int32

    /// The absent key.
    package static let absent = KeyRef(hash: 0, start: 0, length: 0)

    @inlinable
    package init(hash: UInt64, start: Int32, length: Int32) {
        self.hash = hash
        self.start = start
        self.length = length
    }

    /// Whether the event carried this key.
    @inlinable
    package var isPresent: Bool { hash != 0 }
}

/// One parsed log line: fixed size, no heap references, so arrays of them never allocate per event.
package struct ParsedEvent: Sendable {
    /// Event time in milliseconds since the Unix epoch (UTC).
    package var timeMillis: Int64
    /// Response or export size in bytes (0 when absent).
    package var bytes: Int64
    /// CRM records returned, written or exported (0 when absent).
    package var records: Int64
    /// How many of `records` are synthetic (0 when absent).
    package var syntheticRecords: Int64
    /// HTTP status (0 when absent).
    package var status: Int32
    package var kind: EventKind
    package var provenance: Provenance
    /// Endpoint template, e.g. `GET /api/v2/contacts/{id}`; for export events `export <object>`.
    package var endpoint: KeyRef
    package var principal: KeyRef
    package var sourceIP: KeyRef
    /// Export destination (export events only).
    package var destination: KeyRef

    @inlinable
    package init(
        timeMillis: Int64 = 0, bytes: Int64 = 0, records: Int64 = 0, syntheticRecords: Int64 = 0,
        status: Int32 = 0, kind: EventKind = .access, provenance: Provenance = .undeclared,
        endpoint: KeyRef = .absent, principal: KeyRef = .absent, sourceIP: KeyRef = .absent,
        destination: KeyRef = .absent
    ) {
        self.timeMillis = timeMillis
        self.bytes = bytes
        self.records = records
        self.syntheticRecords = syntheticRecords
        self.status = status
        self.kind = kind
        self.provenance = provenance
        self.endpoint = endpoint
        self.principal = principal
        self.sourceIP = sourceIP
        self.destination = destination
    }
}
