/// A delivery problem that a caller can act on: a file that cannot be written, a secret that cannot be read, a
/// sink that cannot be set up.
///
/// Equality compares only the ``code``, so tests can match on the kind of failure. Failures of a receiver (down,
/// 5xx, 429) are not errors: they are retried from the outbox.
package struct DeliveryError: Error, Hashable, CustomStringConvertible, Sendable {
    /// The kind of failure.
    package struct Code: Hashable, Sendable, CustomStringConvertible {
        package let name: String
        package init(_ name: String) { self.name = name }
        package var description: String { name }

        /// A file or directory (alerts file, outbox, dead letters) could not be opened, written or synced.
        package static let fileUnwritable = Code("file_unwritable")
        /// A signing secret is missing, empty or not valid base64 after `whsec_`.
        package static let badSecret = Code("bad_secret")
        /// A URL is not an absolute http or https URL.
        package static let badURL = Code("bad_url")
        /// Another process holds the outbox directory.
        package static let outboxLocked = Code("outbox_locked")
        /// The sink was shut down and takes no more alerts.
        package static let sinkStopped = Code("sink_stopped")
    }

    package var code: Code
    /// The file, URL or sink concerned.
    package var subject: String
    /// Detail from the operating system or the check that failed.
    package var detail: String

    package init(_ code: Code, subject: String, detail: String = "") {
        self.code = code
        self.subject = subject
        self.detail = detail
    }

    package static func == (lhs: DeliveryError, rhs: DeliveryError) -> Bool { lhs.code == rhs.code }
    package func hash(into hasher: inout Hasher) { hasher.combine(code) }

    package var description: String {
        detail.isEmpty ? "\(subject): \(code)" : "\(subject): \(code): \(detail)"
    }
}
