/// Writes `labels.json`: the labelled incidents and benign events of a scenario, keys in a fixed order.
enum LabelsWriter {
    static func json(for scenario: Scenario) -> String {
        var text = "{\"version\":1,\"seed\":\(scenario.seed)"
        text += ",\"start\":" + JSONText.quoted(RFC3339.string(epochMillis: scenario.start))
        text += ",\"end\":" + JSONText.quoted(RFC3339.string(epochMillis: scenario.end))
        text += ",\"warmup_end\":" + JSONText.quoted(RFC3339.string(epochMillis: scenario.warmupEnd))
        text += ",\n\"incidents\":[" + entries(scenario.incidents, prefix: "inc", withDetectors: true) + "]"
        text += ",\n\"benign\":[" + entries(scenario.benign, prefix: "benign", withDetectors: false) + "]}\n"
        return text
    }

    private static func entries(_ entries: [LabelEntry], prefix: String, withDetectors: Bool) -> String {
        var items: [String] = []
        for (index, entry) in entries.enumerated() {
            var number = String(index + 1)
            number = String(repeating: "0", count: max(0, 3 - number.count)) + number
            var item = "\n {\"id\":" + JSONText.quoted(prefix + "-" + number)
            item += ",\"type\":" + JSONText.quoted(entry.type)
            item += ",\"start\":" + JSONText.quoted(RFC3339.string(epochMillis: entry.window.start))
            item += ",\"end\":" + JSONText.quoted(RFC3339.string(epochMillis: entry.window.end))
            let keys = entry.keys.sorted { $0.0 < $1.0 }
            if withDetectors || !keys.isEmpty {
                item += ",\"keys\":{"
                item += keys.map { JSONText.quoted($0.0) + ":" + JSONText.quoted($0.1) }.joined(separator: ",")
                item += "}"
            }
            if withDetectors {
                item += ",\"detectors\":[" + entry.detectors.map(JSONText.quoted).joined(separator: ",") + "]"
            }
            item += ",\"description\":" + JSONText.quoted(entry.description) + "}"
            items.append(item)
        }
        return items.joined(separator: ",") + (items.isEmpty ? "" : "\n")
    }
}
