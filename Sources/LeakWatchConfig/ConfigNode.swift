/// A position in a parsed YAML document that knows its dotted key path, so every error can name it.
struct ConfigNode {
    let file: String
    let path: String
    let value: Any

    func error(_ problem: String) -> ConfigError {
        ConfigError(file: file, key: path, problem: problem)
    }

    func child(_ key: String, of value: Any) -> ConfigNode {
        ConfigNode(file: file, path: path.isEmpty ? key : "\(path).\(key)", value: value)
    }

    /// The mapping's entries, rejecting keys not in `allowed`.
    func mapping(allowed: Set<String>) throws(ConfigError) -> [String: ConfigNode] {
        guard let dictionary = value as? [String: Any] else {
            if value is any NSNullLike { return [:] }
            throw error("must be a mapping of keys to values")
        }
        var result: [String: ConfigNode] = [:]
        for key in dictionary.keys.sorted() {
            guard allowed.contains(key) else {
                throw child(key, of: dictionary[key]!).error(
                    "unknown key (allowed here: \(allowed.sorted().joined(separator: ", ")))")
            }
            result[key] = child(key, of: dictionary[key]!)
        }
        return result
    }

    func string() throws(ConfigError) -> String {
        if let text = value as? String { return text }
        if let number = value as? Int { return String(number) }
        throw error("must be a string")
    }

    func bool() throws(ConfigError) -> Bool {
        guard let flag = value as? Bool else { throw error("must be true or false") }
        return flag
    }

    func integer(minimum: Int = Int.min, maximum: Int = Int.max) throws(ConfigError) -> Int {
        guard let number = value as? Int else { throw error("must be an integer (got \(describe()))") }
        guard number >= minimum && number <= maximum else {
            throw error("must be between \(minimum) and \(maximum) (got \(number))")
        }
        return number
    }

    func number(minimum: Double = -.infinity) throws(ConfigError) -> Double {
        let result: Double
        if let number = value as? Double {
            result = number
        } else if let number = value as? Int {
            result = Double(number)
        } else {
            throw error("must be a number (got \(describe()))")
        }
        guard result >= minimum else { throw error("must be at least \(minimum) (got \(result))") }
        return result
    }

    func strings() throws(ConfigError) -> [String] {
        guard value is [Any] else { throw error("must be a list of strings") }
        var result: [String] = []
        for item in try items() {
            guard let text = item.value as? String else { throw item.error("must be a string") }
            result.append(text)
        }
        return result
    }

    /// The list's items, each named `path[index]` in errors.
    func items() throws(ConfigError) -> [ConfigNode] {
        guard let list = value as? [Any] else {
            if value is any NSNullLike { return [] }
            throw error("must be a list")
        }
        return list.enumerated().map { ConfigNode(file: file, path: "\(path)[\($0.offset)]", value: $0.element) }
    }

    /// A duration like `90s`, `1m`, `2h`, `1d` or `500ms`, in milliseconds.
    func duration(minimumMillis: Int64 = 1) throws(ConfigError) -> Int64 {
        let text = (try? string()) ?? ""
        guard let millis = Self.parseDuration(text), millis >= minimumMillis else {
            throw error("must be a duration like \"1m\", \"90s\" or \"2h\" (got \"\(describe())\")")
        }
        return millis
    }

    static func parseDuration(_ text: String) -> Int64? {
        let units: [(String, Int64)] = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000)]
        for (suffix, scale) in units where text.hasSuffix(suffix) {
            let digits = text.dropLast(suffix.count)
            if let value = Int64(digits), value >= 0 { return value * scale }
        }
        return nil
    }

    func describe() -> String { String(describing: value) }
}

/// YAML `~`/empty values come back as NSNull from Yams; matched without importing Foundation here.
protocol NSNullLike {}
