/// A field LeakWatch reads from a JSON line; the raw value is its key in the config file.
@usableFromInline
package enum LogicalField: String, Sendable, CaseIterable {
    case ts
    case method
    case path
    case status
    case bytes
    case records
    case syntheticRecords = "synthetic_records"
    case principal
    case srcIP = "src_ip"
    case provenance
    case destination
    case object
    case jobID = "job_id"

    /// Number of fields, i.e. capture slots per line.
    @inlinable
    static var slotCount: Int { 13 }

    /// Index of the field's capture slot (its position in `allCases`).
    @inlinable
    var slot: Int {
        switch self {
        case .ts: 0
        case .method: 1
        case .path: 2
        case .status: 3
        case .bytes: 4
        case .records: 5
        case .syntheticRecords: 6
        case .principal: 7
        case .srcIP: 8
        case .provenance: 9
        case .destination: 10
        case .object: 11
        case .jobID: 12
        }
    }
}
