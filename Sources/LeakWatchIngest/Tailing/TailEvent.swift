/// Something that happened to a followed file, for the daemon to log; each kind is also counted in ``TailStats``.
package struct TailEvent: Sendable, CustomStringConvertible {
    /// What happened.
    package enum Kind: String, Sendable, CaseIterable {
        /// A new file matched the patterns and is followed from its start.
        case discovered
        /// A file was found again after a restart and is followed from its checkpoint position.
        case resumed
        /// A file is no longer under the name it was found by (renamed away or deleted); it is read to its end.
        case rotated
        /// A file shrank below the read position or its first bytes changed: it is read again from its start.
        case truncated
        /// A copy of a followed file (copytruncate) continues from the original's position.
        case copyAdopted = "copy_adopted"
        /// A rotated file was read to its end and closed.
        case finished
        /// A zstd or gzip frame is corrupt or cut short (``TailEvent/error`` tells which and where).
        case damaged
        /// A file named as compressed (`.zst`, `.gz`) does not start like one: it is skipped until it changes.
        case notCompressed = "not_compressed"
        /// A file could not be opened or read.
        case unreadable
    }

    /// What happened.
    package var kind: Kind
    /// The file's name when it happened.
    package var path: String
    /// The decoding or I/O error, for `.damaged` and `.unreadable`.
    package var error: IngestError?

    /// Creates an event.
    package init(_ kind: Kind, path: String, error: IngestError? = nil) {
        self.kind = kind
        self.path = path
        self.error = error
    }

    package var description: String {
        if let error { return "\(kind.rawValue): \(error)" }
        return "\(kind.rawValue): \(path)"
    }
}
