import Foundation
import LeakWatchTestSupport

/// Reads what a webhook receiver got: the alert ids in a request body.
enum ReceivedAlerts {
    static func ids(in body: [UInt8]) -> [String] {
        guard let root = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
            let data = root["data"] as? [String: Any], let alerts = data["alerts"] as? [[String: Any]]
        else { return [] }
        return alerts.compactMap { $0["id"] as? String }
    }

    /// The lines of a JSON-lines file, each decoded.
    static func jsonLines(_ path: String) -> [[String: Any]] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    /// A fresh temporary directory, removed when the test run ends.
    static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "leakwatch-delivery-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return RemovedAtExit.register(path)
    }
}
