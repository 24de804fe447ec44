/// What ``LogGenerator/generate(_:)`` wrote.
package struct GeneratorResult: Sendable {
    /// Paths of the files written: each day's access and export log in day order, then `labels.json`.
    package var files: [String]
    /// Lines in all access logs.
    package var accessEvents: Int64
    /// Lines in all export logs.
    package var exportEvents: Int64
    /// Uncompressed bytes of all log files.
    package var rawBytes: Int64
    /// Bytes of all `.zst` log files on disk.
    package var compressedBytes: Int64
    /// Labelled incidents (not counting benign events).
    package var incidents: Int

    /// A result; the generator fills it in day by day.
    package init(
        files: [String] = [], accessEvents: Int64 = 0, exportEvents: Int64 = 0, rawBytes: Int64 = 0,
        compressedBytes: Int64 = 0, incidents: Int = 0
    ) {
        self.files = files
        self.accessEvents = accessEvents
        self.exportEvents = exportEvents
        self.rawBytes = rawBytes
        self.compressedBytes = compressedBytes
        self.incidents = incidents
    }
}
