package import LeakWatchAlerting
package import LeakWatchEngine

/// A key chosen for the report's series section, and why.
package struct ChosenKey: Sendable, Equatable {
    package var keyHash: UInt64
    package var dimension: Dimension
    package var name: String
    package var reasons: [String]
}

/// Picks the keys whose series the report draws: the keys with the most firing alerts, then the busiest keys,
/// without repeats.
package enum TopKeys {
    /// - Parameters:
    ///   - alerts: the run's alerts (only firing ones count).
    ///   - busiest: the run's busiest keys, busiest first.
    ///   - limit: keys taken from each list.
    package static func choose(alerts: [Alert], busiest: [KeyVolume], limit: Int) -> [ChosenKey] {
        var counts: [UInt64: (dimension: Dimension, name: String, count: Int)] = [:]
        for alert in alerts where alert.detection.status == .firing {
            let detection = alert.detection
            counts[detection.keyHash, default: (detection.dimension, detection.keyName, 0)].count += 1
        }
        let byAlerts = counts.sorted { a, b in
            if a.value.count != b.value.count { return a.value.count > b.value.count }
            if a.value.dimension != b.value.dimension { return a.value.dimension < b.value.dimension }
            return a.value.name < b.value.name
        }
        var chosen: [ChosenKey] = []
        for (hash, key) in byAlerts.prefix(limit) {
            chosen.append(ChosenKey(keyHash: hash, dimension: key.dimension, name: key.name,
                                    reasons: ["\(key.count) alert\(key.count == 1 ? "" : "s")"]))
        }
        for (rank, volume) in busiest.prefix(limit).enumerated() {
            let reason = "#\(rank + 1) by requests (\(NumberFormatting.grouped(Double(volume.requests))))"
            if let index = chosen.firstIndex(where: { $0.keyHash == volume.keyHash }) {
                chosen[index].reasons.append(reason)
            } else {
                chosen.append(ChosenKey(keyHash: volume.keyHash, dimension: volume.dimension, name: volume.name,
                                        reasons: [reason]))
            }
        }
        return chosen
    }
}
