/// An access request planned at an exact time with exact values (report downloads and their incident twin).
struct PlannedAccess: Sendable {
    var millis: Int64
    var actor: Int
    var endpoint: EndpointID
    /// The numeric id in the path.
    var pathID: Int
    var records: Int
    var status: Int
}

/// One line of the export log.
struct ExportEvent: Sendable {
    var millis: Int64
    var principal: String
    var object: String
    var destination: String
    var records: Int
    var syntheticRecords: Int
    var bytes: Int64
    var format: String
}
