import Foundation

/// Labelled incidents of a generated or hand-labelled log set (`labels.json`).
package struct Labels: Sendable {
    package struct Incident: Sendable {
        package var id: String
        package var type: String
        package var start: Int64
        package var end: Int64
        /// Key values by dimension name (`principal`, `endpoint`, `src_ip`, `destination`).
        package var keys: [String: String]
        package var detectors: [String]
    }

    package var start: Int64
    package var end: Int64
    package var warmupEnd: Int64
    package var incidents: [Incident]

    /// Reads `labels.json`.
    package static func load(path: String) throws -> Labels {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw LabelsError(path: path, problem: "top level must be an object")
        }
        func time(_ value: Any?, _ field: String) throws -> Int64 {
            guard let text = value as? String, let millis = RFC3339.parse(text) else {
                throw LabelsError(path: path, problem: "\(field) must be an RFC 3339 time")
            }
            return millis
        }
        var incidents: [Incident] = []
        for (index, item) in ((root["incidents"] as? [Any]) ?? []).enumerated() {
            guard let incident = item as? [String: Any] else {
                throw LabelsError(path: path, problem: "incidents[\(index)] must be an object")
            }
            incidents.append(Incident(
                id: incident["id"] as? String ?? "incident-\(index)", type: incident["type"] as? String ?? "",
                start: try time(incident["start"], "incidents[\(index)].start"),
                end: try time(incident["end"], "incidents[\(index)].end"),
                keys: (incident["keys"] as? [String: String]) ?? [:],
                detectors: (incident["detectors"] as? [String]) ?? []))
        }
        return Labels(
            start: try time(root["start"], "start"), end: try time(root["end"], "end"),
            warmupEnd: try time(root["warmup_end"] ?? root["start"], "warmup_end"), incidents: incidents)
    }
}

package struct LabelsError: Error, CustomStringConvertible {
    package var path: String
    package var problem: String
    package var description: String { "\(path): \(problem)" }
}

/// Minimal RFC 3339 reading for labels (`2026-03-04T03:15:00Z`, optional fraction and offset).
enum RFC3339 {
    static func parse(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int64? {
            guard from + count <= bytes.count else { return nil }
            var value: Int64 = 0
            for byte in bytes[from..<(from + count)] {
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int64(byte - 48)
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2)
        else { return nil }
        var index = 19
        var millis: Int64 = 0
        if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
            index += 1
            var scale: Int64 = 100
            while index < bytes.count && bytes[index] >= 48 && bytes[index] <= 57 {
                millis += Int64(bytes[index] - 48) * scale
                scale /= 10
                index += 1
            }
        }
        var offset: Int64 = 0
        if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
            guard let hours = number(index + 1, 2), let minutes = number(index + 4, 2) else { return nil }
            offset = (hours * 60 + minutes) * 60_000 * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
        }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + millis - offset
    }
}
