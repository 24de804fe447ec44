/// One closed window of a traced key, as the detectors saw it: what it moved and what its baseline expected.
package struct KeyTracePoint: Sendable, Equatable {
    /// Salted key hash of the traced key.
    package var keyHash: UInt64
    /// Start of the window, epoch ms.
    package var windowStart: Int64
    /// Observed requests and records in the window.
    package var requests: Double
    package var records: Double
    /// The baseline's expected requests and records for the window (before the window taught it).
    package var expectedRequests: Double
    package var expectedRecords: Double
    /// The lowest value at which `volume_spike` would alert on requests / records in this window; nil while the
    /// key is still warming up (it cannot alert yet).
    package var requestsBound: Double?
    package var recordsBound: Double?

    package init(
        keyHash: UInt64, windowStart: Int64, requests: Double, records: Double, expectedRequests: Double,
        expectedRecords: Double, requestsBound: Double?, recordsBound: Double?
    ) {
        self.keyHash = keyHash
        self.windowStart = windowStart
        self.requests = requests
        self.records = records
        self.expectedRequests = expectedRequests
        self.expectedRecords = expectedRecords
        self.requestsBound = requestsBound
        self.recordsBound = recordsBound
    }
}

/// A key's requests summed over the whole run (for picking the busiest keys of a run).
package struct KeyVolume: Sendable, Equatable {
    /// Salted key hash, as in ``Detection/keyHash``.
    package var keyHash: UInt64
    package var dimension: Dimension
    /// The key as text (paired keys joined by ``KeyNaming/pairSeparator``).
    package var name: String
    /// Requests and records of all the key's windows that closed.
    package var requests: Int64
    package var records: Int64
}

/// Per-partition tracing state, off unless a report asks for it: a run-long tally of each key's volume, and the
/// window-by-window points of a few traced keys. Both are filled when windows close, never per event.
struct KeyTracing {
    /// Whether anything is traced or tallied (the one check on the window-closing path when tracing is off).
    var active = false
    var tallies = false
    var traced: Set<UInt64> = []
    /// Requests and records per slot (grown on demand, so restored keys need no special care). Indexed by slot:
    /// eviction resets the tally of the slot it frees for another key.
    var requestTally: [Int64] = []
    var recordTally: [Int64] = []
    var points: [KeyTracePoint] = []
}
