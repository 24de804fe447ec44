/// An error reading an input file, with the file and the byte offset where it happened.
///
/// Equality compares only the ``code``, so tests can match on the kind of failure.
package struct IngestError: Error, Hashable, CustomStringConvertible, Sendable {
    /// The kind of failure.
    package struct Code: Hashable, Sendable, CustomStringConvertible {
        package let name: String
        package init(_ name: String) { self.name = name }
        package var description: String { name }

        /// The file could not be opened, read or written.
        package static let unreadableFile = Code("unreadable_file")
        /// A compressed frame ends before its declared or required end.
        package static let truncatedFrame = Code("truncated_frame")
        /// A compressed frame is damaged (bad checksum, bad block, bad magic after a frame).
        package static let corruptFrame = Code("corrupt_frame")
        /// A path, directory or glob matched nothing.
        package static let noSuchInput = Code("no_such_input")
        /// Compressing output failed.
        package static let compressionFailed = Code("compression_failed")
    }

    package var code: Code
    /// The file concerned.
    package var path: String
    /// Offset in the (compressed) file where the failure was detected, if known.
    package var byteOffset: Int64?
    /// Detail from the operating system or the compression library.
    package var detail: String

    package init(_ code: Code, path: String, byteOffset: Int64? = nil, detail: String = "") {
        self.code = code
        self.path = path
        self.byteOffset = byteOffset
        self.detail = detail
    }

    package static func == (lhs: IngestError, rhs: IngestError) -> Bool { lhs.code == rhs.code }
    package func hash(into hasher: inout Hasher) { hasher.combine(code) }

    package var description: String {
        var text = "\(path): \(code)"
        if let byteOffset { text += " at byte \(byteOffset)" }
        if !detail.isEmpty { text += ": \(detail)" }
        return text
    }
}
