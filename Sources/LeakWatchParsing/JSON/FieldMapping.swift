/// Where each ``LogicalField`` sits in a JSON line: a key path such as `["userIdentity", "arn"]`.
///
/// The defaults are the canonical names of the log-formats document (`ts`, `src_ip`, `synthetic_records`, ...).
package struct FieldMapping: Sendable, Equatable {
    package typealias LogicalField = LeakWatchParsing.LogicalField

    /// Key path per field, indexed by the field's position in `LogicalField.allCases`; empty = not read.
    package private(set) var paths: [[String]]

    /// Set when the source is configured as an export (or access) log, overriding the `destination` rule.
    package var kindOverride: EventKind?

    /// The default mapping: every field under its canonical name.
    package init() {
        paths = LogicalField.allCases.map { [$0.rawValue] }
        kindOverride = nil
    }

    /// Maps `field` to a dotted path (`userIdentity.arn`); an empty path stops the field from being read.
    package mutating func set(_ field: LogicalField, path: String) {
        paths[field.slot] = path.split(separator: ".", omittingEmptySubsequences: true).map(String.init)
    }

    /// The key path of `field` (empty when it is not read).
    package func path(for field: LogicalField) -> [String] {
        paths[field.slot]
    }
}
