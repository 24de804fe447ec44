import Foundation
import LeakWatchEngine

/// Groups related alerts into incidents: alerts that share a principal, source or destination and come within
/// ``gapMillis`` of the incident's last alert belong to it, so one attack is one page, not twenty.
///
/// Deterministic: alerts arrive in their deterministic order and the incident id is derived from the id of the
/// incident's first alert. The open incidents are saved with the engine state, so A then B groups as A+B does.
package final class IncidentGrouper {
    /// One open incident.
    package struct OpenIncident: Codable, Sendable, Equatable {
        package var id: String
        package var lastMillis: Int64
        package var entities: [String]
        package var alerts: Int
    }

    package let gapMillis: Int64
    package private(set) var open: [OpenIncident] = []
    package private(set) var incidentCount = 0

    package init(gapMillis: Int64 = 30 * 60_000) {
        self.gapMillis = gapMillis
    }

    /// Assigns each alert its incident (resolutions join the incident of the alert they resolve).
    package func assign(_ alerts: inout [Alert]) {
        for index in alerts.indices {
            alerts[index].incident = incident(for: alerts[index])
        }
    }

    private func incident(for alert: Alert) -> String {
        let time = alert.detection.windowEnd
        open.removeAll { time - $0.lastMillis > gapMillis }
        let entities = Self.entities(of: alert)
        if let position = open.firstIndex(where: { incident in entities.contains { incident.entities.contains($0) } }) {
            open[position].lastMillis = max(open[position].lastMillis, time)
            for entity in entities where !open[position].entities.contains(entity) {
                open[position].entities.append(entity)
            }
            open[position].alerts += 1
            return open[position].id
        }
        guard alert.detection.status == .firing else { return "" }
        let id = "inc-" + alert.id.dropFirst(3)
        open.append(OpenIncident(id: id, lastMillis: time, entities: entities, alerts: 1))
        incidentCount += 1
        return id
    }

    /// The principals, sources and destinations an alert is about: its key and its dominant contributors.
    static func entities(of alert: Alert) -> [String] {
        let detection = alert.detection
        var entities: [String] = []
        switch detection.dimension {
        case .principal: entities.append("principal:" + detection.keyName)
        case .principalEndpoint:
            if let pair = detection.keyPair { entities.append("principal:" + pair.principal) }
        case .principalSourceNetwork:
            if let pair = detection.keyPair {
                entities.append("principal:" + pair.principal)
                entities.append("src_net:" + pair.other)
            }
        case .sourceIP: entities.append("src_ip:" + detection.keyName)
        case .sourceNetwork: entities.append("src_net:" + detection.keyName)
        case .destination: entities.append("destination:" + detection.keyName)
        case .endpoint: break
        }
        for contributor in detection.contributors where contributor.share >= 0.5 {
            switch contributor.dimension {
            case .principal: entities.append("principal:" + contributor.name)
            case .sourceIP: entities.append("src_ip:" + contributor.name)
            case .destination: entities.append("destination:" + contributor.name)
            case .endpoint, .principalEndpoint, .sourceNetwork, .principalSourceNetwork: break
            }
        }
        if entities.isEmpty { entities.append("endpoint:" + detection.keyName) }
        return entities
    }

    // MARK: - Saved state

    package static let fileName = "incidents.json"

    private struct Saved: Codable {
        var open: [OpenIncident]
        var incidentCount: Int
    }

    /// The open incidents and the count, as bytes to keep with the engine state (sorted-key JSON).
    package func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return [UInt8](try encoder.encode(Saved(open: open, incidentCount: incidentCount)))
    }

    /// Restores what ``encoded()`` returned.
    package func restore(from bytes: [UInt8]) throws {
        let saved = try JSONDecoder().decode(Saved.self, from: Data(bytes))
        open = saved.open
        incidentCount = saved.incidentCount
    }

    /// Writes the open incidents next to the engine state (temporary file, then rename).
    package func save(directory: String) throws {
        let url = URL(fileURLWithPath: directory).appendingPathComponent(Self.fileName)
        try Data(try encoded()).write(to: url, options: .atomic)
    }

    /// Restores what ``save(directory:)`` wrote (nothing to restore is not an error).
    package func load(directory: String) throws {
        let url = URL(fileURLWithPath: directory).appendingPathComponent(Self.fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        try restore(from: [UInt8](try Data(contentsOf: url)))
    }
}
