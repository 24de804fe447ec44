/// A configuration problem, naming the file, the key and what is wrong:
/// `leakwatch.yml: engine.window: must be a duration like "1m" (got "fifteen")`.
package struct ConfigError: Error, CustomStringConvertible, Equatable, Sendable {
    package var file: String
    /// Dotted path of the key (empty for the whole file).
    package var key: String
    package var problem: String

    package init(file: String, key: String, problem: String) {
        self.file = file
        self.key = key
        self.problem = problem
    }

    package var description: String {
        key.isEmpty ? "\(file): \(problem)" : "\(file): \(key): \(problem)"
    }
}
