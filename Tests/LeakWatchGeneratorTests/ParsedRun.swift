import Foundation
import LeakWatchGenerator

/// One access line, as read back from a generated file.
struct AccessRecord: Sendable {
    var ts: Int64
    var method: String
    var path: String
    var status: Int
    var records: Int
    var principal: String
    var sourceIP: String
    /// `provenance`, if declared.
    var provenance: String? = nil
    /// `synthetic_records`, if present.
    var syntheticRecords: Int? = nil
    /// Whether `ai_model_version` is present.
    var declaresModel: Bool = false

    /// The engine's endpoint template: numbers → `{id}`, UUIDs → `{uuid}`, query dropped.
    var endpoint: String {
        let bare = path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
        let segments = bare.split(separator: "/").map { segment -> String in
            if segment.allSatisfy(\.isNumber) { return "{id}" }
            if segment.count == 36 && segment.filter({ $0 == "-" }).count == 4 { return "{uuid}" }
            return String(segment)
        }
        return method + " /" + segments.joined(separator: "/")
    }
}

/// One export line, as read back.
struct ExportRecord: Sendable {
    var ts: Int64
    var principal: String
    var object: String
    var destination: String
    var records: Int
    var syntheticRecords: Int = 0
}

/// One labelled incident or benign event, as read back.
struct LabelRecord: Sendable {
    var id: String
    var type: String
    var start: Int64
    var end: Int64
    var keys: [String: String]
    var detectors: [String]
}

/// A generated run read back and parsed once, shared by the tests that look at its content.
struct ParsedRun: Sendable {
    let run: GeneratedRun
    /// Access lines per file, in file order.
    let access: [[AccessRecord]]
    let exports: [[ExportRecord]]
    let start: Int64
    let end: Int64
    let warmupEnd: Int64
    let incidents: [LabelRecord]
    let benign: [LabelRecord]

    init(_ run: GeneratedRun) throws {
        self.run = run
        access = try run.accessFiles.map { path in
            try run.events([path]).map { event in
                AccessRecord(
                    ts: try Timestamp.parse(event["ts"]), method: event["method"] as? String ?? "",
                    path: event["path"] as? String ?? "", status: event["status"] as? Int ?? 0,
                    records: event["records"] as? Int ?? 0, principal: event["principal"] as? String ?? "",
                    sourceIP: event["src_ip"] as? String ?? "", provenance: event["provenance"] as? String,
                    syntheticRecords: event["synthetic_records"] as? Int,
                    declaresModel: event["ai_model_version"] != nil)
            }
        }
        exports = try run.exportFiles.map { path in
            try run.events([path]).map { event in
                ExportRecord(
                    ts: try Timestamp.parse(event["ts"]), principal: event["principal"] as? String ?? "",
                    object: event["object"] as? String ?? "", destination: event["destination"] as? String ?? "",
                    records: event["records"] as? Int ?? 0, syntheticRecords: event["synthetic_records"] as? Int ?? 0)
            }
        }
        let labels = try run.labels()
        start = try Timestamp.parse(labels["start"])
        end = try Timestamp.parse(labels["end"])
        warmupEnd = try Timestamp.parse(labels["warmup_end"])
        incidents = try Self.entries(labels["incidents"])
        benign = try Self.entries(labels["benign"])
    }

    var allAccess: [AccessRecord] { access.flatMap { $0 } }
    var allExports: [ExportRecord] { exports.flatMap { $0 } }

    func incident(_ type: String) -> LabelRecord? {
        incidents.first { $0.type == type }
    }

    private static func entries(_ value: Any?) throws -> [LabelRecord] {
        guard let items = value as? [[String: Any]] else { throw CocoaError(.propertyListReadCorrupt) }
        return try items.map { item in
            LabelRecord(
                id: item["id"] as? String ?? "", type: item["type"] as? String ?? "",
                start: try Timestamp.parse(item["start"]), end: try Timestamp.parse(item["end"]),
                keys: item["keys"] as? [String: String] ?? [:], detectors: item["detectors"] as? [String] ?? [])
        }
    }
}

/// The runs the content tests share; each is generated (in debug builds, slowly) once per test process.
enum Fixtures {
    /// Four days at a low rate with the default two days of warm-up: all incidents and benign events.
    static let fourDays = Result { try ParsedRun(GeneratedRun.make(days: 4, seed: 7, rate: 0.05, warmupDays: 2)) }
    /// One day with no warm-up: every kind of line in one small file.
    static let oneDay = Result { try ParsedRun(GeneratedRun.make(days: 1, seed: 3, rate: 0.1, warmupDays: 0)) }
    /// A quiet week without incidents, for the daily and weekly shape.
    /// The default scenario (seed 1, four days, two of warm-up) at a low rate: the same labels as the default run.
    static let defaultSeed = Result {
        try ParsedRun(GeneratedRun.make(days: 4, seed: 1, rate: 0.05, warmupDays: 2))
    }
    static let week = Result { try ParsedRun(GeneratedRun.make(days: 7, seed: 5, rate: 0.05, warmupDays: 7)) }
}

/// Strict RFC 3339 UTC reading: `YYYY-MM-DDTHH:MM:SS[.mmm]Z`.
enum Timestamp {
    struct Invalid: Error, CustomStringConvertible {
        var text: String
        var description: String { "not an RFC 3339 UTC time: \(text)" }
    }

    static func parse(_ value: Any?) throws -> Int64 {
        let text = value as? String ?? ""
        let bytes = Array(text.utf8)
        guard bytes.count == 20 || bytes.count == 24, bytes.last == UInt8(ascii: "Z") else { throw Invalid(text: text) }
        func number(_ from: Int, _ count: Int) throws -> Int64 {
            var value: Int64 = 0
            for byte in bytes[from..<(from + count)] {
                guard byte >= 48 && byte <= 57 else { throw Invalid(text: text) }
                value = value * 10 + Int64(byte - 48)
            }
            return value
        }
        let separators: [(Int, Character)] = [(4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":")]
        for (index, character) in separators where Character(UnicodeScalar(bytes[index])) != character {
            throw Invalid(text: text)
        }
        let year = try number(0, 4)
        let month = try number(5, 2)
        let day = try number(8, 2)
        var millis: Int64 = 0
        if bytes.count == 24 {
            guard bytes[19] == UInt8(ascii: ".") else { throw Invalid(text: text) }
            millis = try number(20, 3)
        }
        let y = month <= 2 ? year - 1 : year
        let era = y / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let days = era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
        let seconds = try number(11, 2) * 3600 + number(14, 2) * 60 + number(17, 2)
        return (days * 86_400 + seconds) * 1000 + millis
    }
}
