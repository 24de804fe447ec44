import Foundation
import LeakWatchParsing

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
            guard let text = value as? String, let millis = Timestamps.parse(rfc3339: text) else {
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

