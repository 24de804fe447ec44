package import LeakWatchParsing

/// What a replay reads and how.
package struct ReplayOptions: Sendable {
    /// Files, directories and globs.
    package var paths: [String]
    /// Forced format; nil detects it per file.
    package var format: LogFormat?
    package var mapping = FieldMapping()
    package var templater = EndpointTemplater()
    /// Longer lines are skipped and counted.
    package var maxLineBytes = 1 << 20
    /// Dispatch workers for parsing and aggregation.
    package var workers = 1
    /// Decoded bytes per block handed from decompression to parsing.
    package var blockBytes = 4 << 20
    /// Close every open window at the end (false when state is saved for a later run).
    package var flushAtEnd = true

    package init(paths: [String]) {
        self.paths = paths
    }
}
