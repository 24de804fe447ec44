/// What kind of log line an event came from.
@usableFromInline
package enum EventKind: UInt8, Sendable, BitwiseCopyable {
    /// One API request (access log).
    case access = 0
    /// One data-export or sync job (export log).
    case export = 1
}

/// What a payload declared about its own origin.
@usableFromInline
package enum Provenance: UInt8, Sendable, BitwiseCopyable {
    /// Nothing was declared.
    case undeclared = 0
    case human = 1
    case synthetic = 2
    case mixed = 3
}

/// A reference to a key's bytes inside a ``ParsedBatch/arena`` plus its deterministic hash.
///
/// `hash == 0` means the key is absent from the event.
@usableFromInline
package struct KeyRef: Sendable, Equatable, BitwiseCopyable {
    /// ``KeyHasher`` hash of the key bytes; never 0 for a present key.
    @usableFromInline
    package var hash: UInt64
    /// Offset of the key's first byte in the batch arena.
    @usableFromInline
    package var start: Int32
    /// Length of the key in bytes.
    @usableFromInline
    package var length: Int32

    /// The absent key.
    @usableFromInline
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
@usableFromInline
package struct ParsedEvent: Sendable, BitwiseCopyable {
    /// Event time in milliseconds since the Unix epoch (UTC).
    @usableFromInline
    package var timeMillis: Int64
    /// Response or export size in bytes (0 when absent).
    @usableFromInline
    package var bytes: Int64
    /// CRM records returned, written or exported (0 when absent).
    @usableFromInline
    package var records: Int64
    /// How many of `records` are synthetic (0 when absent).
    @usableFromInline
    package var syntheticRecords: Int64
    /// HTTP status (0 when absent).
    @usableFromInline
    package var status: Int32
    @usableFromInline
    package var kind: EventKind
    @usableFromInline
    package var provenance: Provenance
    /// Endpoint template, e.g. `GET /api/v2/contacts/{id}`; for export events `export <object>`.
    @usableFromInline
    package var endpoint: KeyRef
    @usableFromInline
    package var principal: KeyRef
    @usableFromInline
    package var sourceIP: KeyRef
    /// Export destination (export events only).
    @usableFromInline
    package var destination: KeyRef
    /// Export or sync job id (export events only; absent when the log has none).
    @usableFromInline
    package var jobID: KeyRef
    /// The numeric id the request addressed (last all-digit path segment), or -1.
    @usableFromInline
    package var resourceID: Int64

    @inlinable
    package init(
        timeMillis: Int64 = 0, bytes: Int64 = 0, records: Int64 = 0, syntheticRecords: Int64 = 0,
        status: Int32 = 0, kind: EventKind = .access, provenance: Provenance = .undeclared,
        endpoint: KeyRef = .absent, principal: KeyRef = .absent, sourceIP: KeyRef = .absent,
        destination: KeyRef = .absent, jobID: KeyRef = .absent, resourceID: Int64 = -1
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
        self.jobID = jobID
        self.resourceID = resourceID
    }
}
