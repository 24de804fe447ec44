/// One endpoint template of the synthetic CRM / e-commerce API, with everything needed to write a request to it.
struct Endpoint: Sendable {
    /// How the variable part of a path is written.
    enum Parameter: Sendable {
        /// A fixed path.
        case none
        /// A numeric id drawn from a range.
        case numeric(ClosedRange<Int>)
        /// A random UUID.
        case uuid
        /// A page number, mostly small.
        case page
    }

    /// How many CRM records a successful request returns or writes.
    enum Records: Sendable {
        /// One record.
        case single
        /// A page of the caller's page size.
        case page
        /// A batch written at once.
        case batch(ClosedRange<Int>)
        /// A report file.
        case report
        /// No CRM records (authentication).
        case zero
    }

    let method: String
    /// The path up to the parameter (`/api/v2/contacts/`).
    let prefix: String
    let parameter: Parameter
    /// The path after the parameter (`/export`).
    let suffix: String
    let records: Records
    let statuses: WeightedTable
    /// Median response bytes per record on success.
    let bytesPerRecord: Double
    /// Median duration in milliseconds.
    let medianMillis: Double
    /// Whether the request writes CRM content (and so may declare a content provenance).
    let writes: Bool
    /// The template in the engine's form: `GET /api/v2/contacts/{id}`.
    let template: String
    /// `,"method":"GET","path":"/api/v2/contacts/`: written right after the timestamp.
    let head: [UInt8]
    /// The rest of the path and `","status":`.
    let tail: [UInt8]

    init(
        _ method: String, _ prefix: String, _ parameter: Parameter = .none, _ suffix: String = "",
        records: Records, statuses: WeightedTable, bytesPerRecord: Double, medianMillis: Double, template: String,
        writes: Bool? = nil
    ) {
        self.method = method
        self.prefix = prefix
        self.parameter = parameter
        self.suffix = suffix
        self.records = records
        self.statuses = statuses
        self.bytesPerRecord = bytesPerRecord
        self.medianMillis = medianMillis
        self.writes = writes ?? (method != "GET")
        self.template = template
        self.head = Array("\",\"method\":\"\(method)\",\"path\":\"\(prefix)".utf8)
        self.tail = Array("\(suffix)\",\"status\":".utf8)
    }
}
